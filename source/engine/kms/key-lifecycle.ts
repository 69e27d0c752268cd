import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { optionalInteger, type Input } from '../input';
import { updateKey } from './key-row';
import { deleteMaterial } from './material';
import { prepared } from '../prepared';
import { refuseAwsManaged, requireState, requiredKeyId, resolveKey } from './resolve';

const DAY_MS = 24 * 60 * 60 * 1000;
/** AWS's waiting period when none is given. */
const DEFAULT_PENDING_WINDOW_DAYS = 30;

/** EnableKey: Enabled or Disabled keys only; pending deletion or import is KMSInvalidStateException. */
export function enableKey(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, 'EnableKey');
  requireState(key, ['Enabled', 'Disabled']);
  updateKey(engine, key.keyId, { enabled: 1 });
  return {};
}

/** DisableKey: the key stops encrypting and decrypting until enabled again. */
export function disableKey(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, 'DisableKey');
  requireState(key, ['Enabled', 'Disabled']);
  updateKey(engine, key.keyId, { enabled: 0 });
  return {};
}

/**
 * ScheduleKeyDeletion: 7–30 days (default 30). The key is unusable at once; when the engine clock
 * passes DeletionDate it is gone (NotFoundException) with its material, aliases and tags.
 */
export function scheduleKeyDeletion(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, 'ScheduleKeyDeletion');
  const days = optionalInteger(input, 'PendingWindowInDays', { min: 7, max: 30 }) ?? DEFAULT_PENDING_WINDOW_DAYS;
  requireState(key, ['Enabled', 'Disabled', 'PendingImport']);
  const deletionMs = engine.clock().getTime() + days * DAY_MS;
  updateKey(engine, key.keyId, { deletion_ms: deletionMs, enabled: 0 });
  return { KeyId: key.arn, DeletionDate: new Date(deletionMs), KeyState: 'PendingDeletion', PendingWindowInDays: days };
}

/** CancelKeyDeletion: the key comes back Disabled (or PendingImport without material), as in AWS. */
export function cancelKeyDeletion(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, 'CancelKeyDeletion');
  if (key.state !== 'PendingDeletion') throw new AwsError('KMSInvalidStateException', `${key.arn} is not pending deletion.`);
  updateKey(engine, key.keyId, { deletion_ms: null, enabled: 0 });
  return { KeyId: key.arn };
}

/**
 * Physically removes what the clock has already made invisible: keys past their deletion date
 * (their material, aliases, tags and import tokens cascade), imported material past ValidTo,
 * and expired import tokens. Readers never need it; every KMS write runs it first, and the store
 * may run it at any time.
 */
export function purgeExpiredKms(engine: Engine): void {
  const now = engine.clock().getTime();
  // Prepared once: this runs before every KMS write, Encrypt included.
  prepared(engine.db, 'DELETE FROM kms_keys WHERE deletion_ms IS NOT NULL AND deletion_ms <= ?').run(now);
  const expired = prepared(engine.db, 'SELECT key_id FROM kms_keys WHERE valid_to_ms IS NOT NULL AND valid_to_ms <= ?').all(now) as { key_id: string }[];
  for (const { key_id } of expired) {
    deleteMaterial(engine, key_id);
    updateKey(engine, key_id, { current_version: null, expiration_model: null, valid_to_ms: null });
  }
  prepared(engine.db, 'DELETE FROM kms_import_tokens WHERE valid_to_ms <= ?').run(now);
}
