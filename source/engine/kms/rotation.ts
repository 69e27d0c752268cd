import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { optionalInteger, type Input } from '../input';
import { loadKey, updateKey, type KeyRow } from './key-row';
import { addMaterialVersion } from './material';
import { refuseAwsManaged, requireOrigin, requireUsable, requiredKeyId, resolveKey } from './resolve';

const DAY_MS = 24 * 60 * 60 * 1000;
/** AWS's default period for automatic rotation. */
const DEFAULT_PERIOD_DAYS = 365;

/**
 * Whole rotation periods elapsed since the key's anchor. Rotation is evaluated lazily against the
 * engine clock: nothing runs in the background, and a reader needs no write to know the schedule.
 */
function periodsElapsed(key: KeyRow, nowMs: number): number {
  if (!key.rotationEnabled || key.rotationAnchorMs === null || key.rotationPeriodDays === null) return 0;
  return Math.max(0, Math.floor((nowMs - key.rotationAnchorMs) / (key.rotationPeriodDays * DAY_MS)));
}

/** When the key next rotates: the first period boundary after now (whether or not one was missed). */
function nextRotationMs(key: KeyRow, nowMs: number): number | undefined {
  if (!key.rotationEnabled || key.rotationAnchorMs === null || key.rotationPeriodDays === null) return undefined;
  return key.rotationAnchorMs + (periodsElapsed(key, nowMs) + 1) * key.rotationPeriodDays * DAY_MS;
}

/**
 * Gives a key new material that becomes current for encryption; older versions stay so every
 * older blob still decrypts. Used when a rotation falls due. Returns the new version.
 */
export function rotateKeyMaterial(engine: Engine, keyId: string): number {
  const key = loadKey(engine, keyId);
  if (!key) throw new Error(`no KMS key ${keyId} to rotate`);
  // Imported material is the owner's to replace; generating some would break BYOK.
  return addMaterialVersion(engine, requireOrigin(key, 'AWS_KMS'));
}

/**
 * Applies a rotation that has fallen due, before the key encrypts (write transactions only).
 * However many periods passed unseen, the key rotates once and its anchor moves by whole
 * periods, so the schedule GetKeyRotationStatus reported stays the schedule. Disabled keys do not
 * rotate (as in AWS): callers reach this only with an Enabled key.
 */
export function applyDueRotation(engine: Engine, key: KeyRow): KeyRow {
  const periods = periodsElapsed(key, engine.clock().getTime());
  if (periods === 0 || key.rotationAnchorMs === null || key.rotationPeriodDays === null) return key;
  rotateKeyMaterial(engine, key.keyId);
  updateKey(engine, key.keyId, { rotation_anchor_ms: key.rotationAnchorMs + periods * key.rotationPeriodDays * DAY_MS });
  return loadKey(engine, key.keyId)!;
}

/**
 * EnableKeyRotation: customer managed AWS_KMS keys that are Enabled. A first enable starts the
 * period now; enabling again only changes the period, counted from the same anchor.
 */
export function enableKeyRotation(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = rotationTarget(engine, ctx, input, 'EnableKeyRotation');
  const period = optionalInteger(input, 'RotationPeriodInDays', { min: 90, max: 2560 }) ?? DEFAULT_PERIOD_DAYS;
  const anchor = key.rotationEnabled && key.rotationAnchorMs !== null ? key.rotationAnchorMs : engine.clock().getTime();
  updateKey(engine, key.keyId, { rotation_enabled: 1, rotation_period_days: period, rotation_anchor_ms: anchor });
  return {};
}

/** DisableKeyRotation: same refusals as EnableKeyRotation. */
export function disableKeyRotation(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = rotationTarget(engine, ctx, input, 'DisableKeyRotation');
  updateKey(engine, key.keyId, { rotation_enabled: 0, rotation_period_days: null, rotation_anchor_ms: null });
  return {};
}

/**
 * GetKeyRotationStatus: any state; AWS managed keys always report true (yearly). EXTERNAL keys
 * are UnsupportedOperationException, as AWS answers them.
 */
export function getKeyRotationStatus(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const key = requireOrigin(resolveKey(engine, requiredKeyId(input)), 'AWS_KMS');
  const next = nextRotationMs(key, engine.clock().getTime());
  return {
    KeyRotationEnabled: key.rotationEnabled,
    KeyId: key.arn,
    ...(key.rotationEnabled && key.rotationPeriodDays !== null ? { RotationPeriodInDays: key.rotationPeriodDays } : {}),
    ...(next !== undefined ? { NextRotationDate: new Date(next) } : {}),
  };
}

/** The checks Enable/DisableKeyRotation share: AWS managed, origin, then key state. */
function rotationTarget(engine: Engine, ctx: CallContext, input: Input, action: string): KeyRow {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, action);
  return requireUsable(requireOrigin(key, 'AWS_KMS'));
}
