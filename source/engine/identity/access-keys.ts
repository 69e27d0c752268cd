import { randomBytes } from 'node:crypto';
import { remembered, type CacheBucket } from '../cache/remembered';
import type { Principal } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { prepared } from '../prepared';
import { principalRow, randomAwsId, toPrincipal, type PrincipalRow } from './principals';

/** Whether a key may sign requests; an inactive key is refused like an unknown one. */
export type AccessKeyStatus = 'Active' | 'Inactive';

/** A key as listed: never its secret. */
export interface AccessKeyInfo {
  readonly accessKeyId: string;
  readonly userName: string;
  readonly status: AccessKeyStatus;
  readonly created: Date;
}

/** A key with its secret: returned only when a key is created or handed to `env`. */
export interface AccessKeyWithSecret extends AccessKeyInfo {
  readonly secretAccessKey: string;
}

/** What SigV4 verification needs to know about the key that signed a request. */
export interface AccessKeyLookup {
  readonly principal: Principal;
  readonly secret: string;
  readonly status: AccessKeyStatus;
}

interface KeyRow {
  access_key_id: string;
  secret_sealed: Buffer;
  status: AccessKeyStatus;
  created_ms: number;
}

/** Gives principal `name` a new active key. The secret is sealed at rest; this is its only copy in clear. */
export function createAccessKey(engine: Engine, name: string): AccessKeyWithSecret {
  return engine.transaction(() => insertKey(engine, principalRow(engine, name)));
}

/** The principal's oldest active key, creating one when it has none: what `paramdeck env` prints. */
export function firstActiveKey(engine: Engine, name: string): AccessKeyWithSecret {
  return engine.transaction(() => {
    const owner = principalRow(engine, name);
    const row = engine.db
      .prepare(
        `SELECT access_key_id, secret_sealed, status, created_ms FROM access_keys
         WHERE principal_id = ? AND status = 'Active' ORDER BY created_ms, access_key_id LIMIT 1`,
      )
      .get(owner.id) as KeyRow | undefined;
    if (!row) return insertKey(engine, owner);
    return { ...keyInfo(row, owner.name), secretAccessKey: openSecret(engine, row) };
  });
}

/** The keys of principal `name`, oldest first, without their secrets. */
export function listAccessKeys(engine: Engine, name: string): AccessKeyInfo[] {
  const owner = principalRow(engine, name);
  const rows = engine.db
    .prepare('SELECT access_key_id, status, created_ms FROM access_keys WHERE principal_id = ? ORDER BY created_ms, access_key_id')
    .all(owner.id) as Omit<KeyRow, 'secret_sealed'>[];
  return rows.map((row) => keyInfo(row, owner.name));
}

/** Turns a key off (or back on) without deleting it, as IAM's UpdateAccessKey does. */
export function setAccessKeyStatus(engine: Engine, accessKeyId: string, status: AccessKeyStatus): void {
  const result = engine.transaction(() =>
    engine.db.prepare('UPDATE access_keys SET status = ? WHERE access_key_id = ?').run(status, accessKeyId),
  );
  if (result.changes === 0) throw new AwsError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`, 404);
}

/** Signing keys by id, unsealed: every request needs one, and unsealing costs more than the lookup. */
const SIGNING_KEYS: CacheBucket<AccessKeyLookup | undefined> = { name: 'signing keys' };

/**
 * The key that signed a request, its owner and its secret; undefined when no such key exists.
 * Remembered until any key or principal changes (cache/remembered.ts), so deactivating or deleting
 * a key, from this process or another, refuses its next request.
 */
export function lookupAccessKey(engine: Engine, accessKeyId: string): AccessKeyLookup | undefined {
  return remembered(engine, SIGNING_KEYS, accessKeyId, () => readAccessKey(engine, accessKeyId));
}

function readAccessKey(engine: Engine, accessKeyId: string): AccessKeyLookup | undefined {
  const row = prepared(
    engine.db,
    `SELECT k.access_key_id, k.secret_sealed, k.status, k.created_ms, p.id, p.name, p.user_id, p.created_ms AS principal_created_ms
     FROM access_keys k JOIN principals p ON p.id = k.principal_id WHERE k.access_key_id = ?`,
  ).get(accessKeyId) as (KeyRow & PrincipalRow & { principal_created_ms: number }) | undefined;
  if (!row) return undefined;
  const principal = toPrincipal(engine, { ...row, created_ms: row.principal_created_ms });
  return { principal, secret: openSecret(engine, row), status: row.status };
}

function insertKey(engine: Engine, owner: PrincipalRow): AccessKeyWithSecret {
  const accessKeyId = randomAwsId('AKIA', 20);
  // 30 random bytes are exactly 40 base64 characters, the length and alphabet of AWS secrets.
  const secretAccessKey = randomBytes(30).toString('base64');
  const createdMs = engine.clock().getTime();
  const sealed = engine.keyring.seal(Buffer.from(secretAccessKey, 'utf8'), accessKeyId);
  engine.db
    .prepare(`INSERT INTO access_keys (access_key_id, principal_id, secret_sealed, status, created_ms) VALUES (?, ?, ?, 'Active', ?)`)
    .run(accessKeyId, owner.id, sealed, createdMs);
  return { accessKeyId, userName: owner.name, status: 'Active', created: new Date(createdMs), secretAccessKey };
}

function openSecret(engine: Engine, row: KeyRow): string {
  return engine.keyring.open(row.secret_sealed, row.access_key_id).toString('utf8');
}

function keyInfo(row: Omit<KeyRow, 'secret_sealed'>, userName: string): AccessKeyInfo {
  return { accessKeyId: row.access_key_id, userName, status: row.status, created: new Date(row.created_ms) };
}

/** Deletes one of principal `name`'s keys, as IAM's DeleteAccessKey does: it stops working at once. */
export function deleteAccessKey(engine: Engine, name: string, accessKeyId: string): void {
  engine.transaction(() => {
    const owner = principalRow(engine, name);
    const result = engine.db.prepare('DELETE FROM access_keys WHERE access_key_id = ? AND principal_id = ?').run(accessKeyId, owner.id);
    if (result.changes === 0) throw new AwsError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`, 404);
  });
}
