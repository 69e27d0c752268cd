import type { Engine } from '../engine';
import { awsManagedKeyPolicy } from './key-policy';
import { aliasArn, loadKey, type KeyRow } from './key-row';
import { insertKey } from './key-create';
import { resolveKey } from './resolve';
import { prepared } from '../prepared';

/** The AWS managed keys the local store knows, by service: the description AWS gives each. */
const AWS_MANAGED = {
  ssm: 'Default key that protects my SSM parameters when no other key is defined',
} as const;

/** A service with an AWS managed key here. */
export type AwsManagedService = keyof typeof AWS_MANAGED;

/** AWS rotates the material of its managed keys every year and that cannot be changed. */
const AWS_MANAGED_ROTATION_DAYS = 365;

/**
 * The AWS managed key of `service` (alias/aws/<service>), created on first use as AWS creates it:
 * KeyManager AWS, AWS's description and policy, yearly rotation. Must run in a write transaction.
 */
export function ensureAwsManagedKey(engine: Engine, service: AwsManagedService): KeyRow {
  const existing = prepared(engine.db, 'SELECT key_id FROM kms_keys WHERE aws_service = ?').get(service) as { key_id: string } | undefined;
  // A managed key never leaves (it cannot be scheduled for deletion), so a row is always live.
  if (existing) return loadKey(engine, existing.key_id)!;
  const key = insertKey(engine, {
    description: AWS_MANAGED[service],
    origin: 'AWS_KMS',
    keyManager: 'AWS',
    awsService: service,
    policy: awsManagedKeyPolicy(engine, service),
    rotationPeriodDays: AWS_MANAGED_ROTATION_DAYS,
  });
  const now = engine.clock().getTime();
  engine.db.prepare('INSERT INTO kms_aliases (name, key_id, created_ms, updated_ms) VALUES (?, ?, ?, ?)').run(`alias/aws/${service}`, key.keyId, now, now);
  return key;
}

/**
 * The AWS managed service a KeyId names through its predefined alias (alias/aws/ssm, or that
 * alias's ARN in this store), if it does.
 */
export function predefinedAliasService(engine: Engine, keyIdAnyForm: unknown): AwsManagedService | undefined {
  if (typeof keyIdAnyForm !== 'string') return undefined;
  const prefix = aliasArn(engine, 'alias/aws/');
  const name = keyIdAnyForm.startsWith('alias/aws/') ? keyIdAnyForm.slice('alias/aws/'.length) : keyIdAnyForm.startsWith(prefix) ? keyIdAnyForm.slice(prefix.length) : undefined;
  return name !== undefined && Object.hasOwn(AWS_MANAGED, name) ? (name as AwsManagedService) : undefined;
}

/**
 * resolveKey for callers that may create: naming a predefined AWS alias creates its key first, as
 * AWS services do through DescribeKey and as SSM's first SecureString does.
 */
export function resolveKeyCreatingManaged(engine: Engine, keyIdAnyForm: string): KeyRow {
  const service = predefinedAliasService(engine, keyIdAnyForm);
  if (service !== undefined) ensureAwsManagedKey(engine, service);
  return resolveKey(engine, keyIdAnyForm);
}
