import { randomUUID } from 'node:crypto';
import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError, validationError } from '../errors';
import { optionalBoolean, optionalEnum, optionalString, type Input } from '../input';
import { checkLockout, defaultKeyPolicy, readPolicy } from './key-policy';
import { keyArn, loadKey, type KeyOrigin, type KeyRow } from './key-row';
import { keyMetadata } from './key-metadata';
import { addMaterialVersion } from './material';
import { readTags, writeTags } from './tags';

/** What a new key is made of; the id, dates and material are the engine's. */
export interface NewKey {
  description: string;
  origin: KeyOrigin;
  keyManager: 'AWS' | 'CUSTOMER';
  awsService: string | null;
  policy: string;
  /** Automatic rotation period for keys that rotate from birth (AWS managed keys: 365 days). */
  rotationPeriodDays?: number;
}

/**
 * Inserts a key. An AWS_KMS key gets its first material version now; an EXTERNAL key has none
 * and waits in PendingImport.
 */
export function insertKey(engine: Engine, spec: NewKey): KeyRow {
  const keyId = randomUUID();
  const now = engine.clock().getTime();
  const rotates = spec.rotationPeriodDays !== undefined;
  engine.db
    .prepare(
      `INSERT INTO kms_keys (key_id, description, origin, key_manager, aws_service, created_ms, enabled, policy,
         rotation_enabled, rotation_period_days, rotation_anchor_ms)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    )
    .run(keyId, spec.description, spec.origin, spec.keyManager, spec.awsService, now, spec.policy, rotates ? 1 : 0, spec.rotationPeriodDays ?? null, rotates ? now : null);
  if (spec.origin === 'AWS_KMS') addMaterialVersion(engine, { keyId, arn: keyArn(engine, keyId) });
  return loadKey(engine, keyId)!;
}

const KEY_USAGES = ['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] as const;
const KEY_SPECS = [
  'RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1', 'SYMMETRIC_DEFAULT',
  'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'SM2', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87', 'ECC_NIST_EDWARDS25519',
] as const;
const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

/**
 * CreateKey. Every value the AWS model allows is accepted on the wire, but the local KMS makes
 * symmetric encryption keys only: other specs, usages, origins, custom key stores and
 * multi-Region keys are UnsupportedOperationException rather than a key that behaves wrongly.
 */
export function createKey(engine: Engine, ctx: CallContext, input: Input): unknown {
  const description = optionalString(input, 'Description', { min: 0, max: 8192 }) ?? '';
  const usage = optionalEnum(input, 'KeyUsage', KEY_USAGES) ?? 'ENCRYPT_DECRYPT';
  const keySpec = optionalEnum(input, 'KeySpec', KEY_SPECS);
  const legacySpec = optionalEnum(input, 'CustomerMasterKeySpec', KEY_SPECS);
  if (keySpec !== undefined && legacySpec !== undefined) {
    throw validationError('You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.');
  }
  const spec = keySpec ?? legacySpec ?? 'SYMMETRIC_DEFAULT';
  const origin = optionalEnum(input, 'Origin', ORIGINS) ?? 'AWS_KMS';
  const given = readPolicy(input, false);
  const policy = given ?? defaultKeyPolicy(engine);
  const tags = readTags(input, false);
  optionalBoolean(input, 'BypassPolicyLockoutSafetyCheck');
  if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') {
    throw unsupported(`KeySpec ${spec} with KeyUsage ${usage} is not supported: the local KMS makes symmetric encryption keys only (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT).`);
  }
  if (origin !== 'AWS_KMS' && origin !== 'EXTERNAL') throw unsupported(`Origin ${origin} is not supported by the local KMS (AWS_KMS or EXTERNAL).`);
  if (input.CustomKeyStoreId !== undefined && input.CustomKeyStoreId !== null) throw unsupported('Custom key stores are not supported by the local KMS.');
  if (optionalBoolean(input, 'MultiRegion') === true) throw unsupported('Multi-Region keys are not supported by the local KMS.');
  const key = insertKey(engine, { description, origin, keyManager: 'CUSTOMER', awsService: null, policy });
  // The check needs the key's ARN; a refusal rolls the insert back with the rest of the call.
  if (given !== undefined) checkLockout(engine, ctx, key.arn, given, input);
  writeTags(engine, key.keyId, tags);
  return { KeyMetadata: keyMetadata(engine, key) };
}

function unsupported(message: string): AwsError {
  return new AwsError('UnsupportedOperationException', message);
}
