import { remembered, type CacheBucket } from '../cache/remembered';
import type { Engine } from '../engine';
import { prepared } from '../prepared';

/** The key states paramdeck's KMS keys can be in (a subset of AWS's KeyState enum). */
export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport';

/** Where a key's material came from: generated here, or imported (BYOK). */
export type KeyOrigin = 'AWS_KMS' | 'EXTERNAL';

/** One KMS key as the engine sees it, with its state already evaluated against the clock. */
export interface KeyRow {
  readonly keyId: string;
  readonly arn: string;
  readonly description: string;
  readonly origin: KeyOrigin;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  /** The service an AWS managed key belongs to (`ssm` for alias/aws/ssm); null for customer keys. */
  readonly awsService: string | null;
  readonly createdMs: number;
  /** The user's enable/disable choice; the state also depends on deletion and material. */
  readonly enabled: boolean;
  readonly deletionMs: number | null;
  readonly policy: string;
  readonly rotationEnabled: boolean;
  readonly rotationPeriodDays: number | null;
  /** The date rotation periods count from: when rotation was enabled, or the last rotation. */
  readonly rotationAnchorMs: number | null;
  /** The material version new ciphertexts use; null while a key has no material. */
  readonly currentVersion: number | null;
  readonly expirationModel: string | null;
  readonly validToMs: number | null;
  readonly materialFingerprint: string | null;
  readonly state: KeyState;
}

interface StoredKey {
  key_id: string;
  description: string;
  origin: KeyOrigin;
  key_manager: 'AWS' | 'CUSTOMER';
  aws_service: string | null;
  created_ms: number;
  enabled: number;
  deletion_ms: number | null;
  policy: string;
  rotation_enabled: number;
  rotation_period_days: number | null;
  rotation_anchor_ms: number | null;
  current_version: number | null;
  expiration_model: string | null;
  valid_to_ms: number | null;
  material_fingerprint: string | null;
}

/** A key's ARN; the store has one account and region, so an id is enough. */
export function keyArn(engine: Engine, keyId: string): string {
  return `arn:aws:kms:${engine.region}:${engine.accountId}:key/${keyId}`;
}

/** An alias's ARN (`alias/…` included in the name). */
export function aliasArn(engine: Engine, aliasName: string): string {
  return `arn:aws:kms:${engine.region}:${engine.accountId}:${aliasName}`;
}

/**
 * True when imported material has passed its ValidTo. Until a writer purges it the sealed row
 * still exists, but every reader already treats the key as PendingImport.
 */
export function materialExpired(row: Pick<KeyRow, 'validToMs'>, nowMs: number): boolean {
  return row.validToMs !== null && row.validToMs <= nowMs;
}

function stateOf(stored: StoredKey, nowMs: number): KeyState {
  if (stored.deletion_ms !== null) return 'PendingDeletion';
  if (stored.current_version === null || (stored.valid_to_ms !== null && stored.valid_to_ms <= nowMs)) return 'PendingImport';
  return stored.enabled === 1 ? 'Enabled' : 'Disabled';
}

/** Key rows by id, as stored: a key's state is still worked out against the clock on every load. */
const KEY_ROWS: CacheBucket<StoredKey | undefined> = { name: 'KMS key rows' };

/**
 * Loads a key by id, or undefined when there is none or its deletion date has passed: a key past
 * its DeletionDate is gone for every reader at once, whether or not a writer has purged it yet.
 * The row is remembered until any key changes (cache/remembered.ts); the clock is not.
 */
export function loadKey(engine: Engine, keyId: string): KeyRow | undefined {
  const stored = remembered(engine, KEY_ROWS, keyId, () => prepared(engine.db, 'SELECT * FROM kms_keys WHERE key_id = ?').get(keyId) as StoredKey | undefined);
  const nowMs = engine.clock().getTime();
  if (!stored || (stored.deletion_ms !== null && stored.deletion_ms <= nowMs)) return undefined;
  return {
    keyId: stored.key_id,
    arn: keyArn(engine, stored.key_id),
    description: stored.description,
    origin: stored.origin,
    keyManager: stored.key_manager,
    awsService: stored.aws_service,
    createdMs: stored.created_ms,
    enabled: stored.enabled === 1,
    deletionMs: stored.deletion_ms,
    policy: stored.policy,
    rotationEnabled: stored.rotation_enabled === 1,
    rotationPeriodDays: stored.rotation_period_days,
    rotationAnchorMs: stored.rotation_anchor_ms,
    currentVersion: stored.current_version,
    expirationModel: stored.expiration_model,
    validToMs: stored.valid_to_ms,
    materialFingerprint: stored.material_fingerprint,
    state: stateOf(stored, nowMs),
  };
}

/** A key's ids that readers can still see (not past deletion), in key id order, from `after`. */
export function listVisibleKeyIds(engine: Engine, after: string | undefined, limit: number): string[] {
  const rows = engine.db
    .prepare('SELECT key_id FROM kms_keys WHERE key_id > ? AND (deletion_ms IS NULL OR deletion_ms > ?) ORDER BY key_id LIMIT ?')
    .all(after ?? '', engine.clock().getTime(), limit) as { key_id: string }[];
  return rows.map((r) => r.key_id);
}

/** Sets columns of one key row; the only UPDATE path, so column names never come from input. */
export function updateKey(engine: Engine, keyId: string, changes: Partial<Record<KeyColumn, number | string | null>>): void {
  const columns = Object.keys(changes) as KeyColumn[];
  const assignments = columns.map((c) => `${c} = @${c}`).join(', ');
  prepared(engine.db, `UPDATE kms_keys SET ${assignments} WHERE key_id = @key_id`).run({ ...changes, key_id: keyId });
}

/** The columns `updateKey` may change. */
export type KeyColumn =
  | 'description'
  | 'enabled'
  | 'deletion_ms'
  | 'policy'
  | 'rotation_enabled'
  | 'rotation_period_days'
  | 'rotation_anchor_ms'
  | 'current_version'
  | 'expiration_model'
  | 'valid_to_ms'
  | 'material_fingerprint';
