import { createHmac } from 'node:crypto';
import type { CallContext } from '../context';
import type { Engine } from '../engine';
import type { Keyring } from '../keyring';
import { AwsError, validationError } from '../errors';
import { constraintError, optionalEnum, optionalString, optionalTimestamp, requiredBlob, type Input } from '../input';
import { issueImportToken, redeemImportToken, unwrapKeyMaterial, WRAPPING_HASHES, WRAPPING_KEY_BITS, type WrappingAlgorithm } from './import-token';
import { updateKey, type KeyRow } from './key-row';
import { deleteMaterial, MATERIAL_BYTES, storeMaterial } from './material';
import { refuseAwsManaged, requireOrigin, requireState, requiredKeyId, resolveKey } from './resolve';

/**
 * BYOK: a key created with Origin EXTERNAL waits in PendingImport until 256 bits of material are
 * imported, wrapped with the RSA public key GetParametersForImport handed out. Imported material
 * is stored as version 1 like generated material. Deleting it (or passing ValidTo) returns the key
 * to PendingImport; only the same material can be imported again, checked by a keyed fingerprint.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const ALGORITHMS = ['RSAES_PKCS1_V1_5', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256', 'SM2PKE'] as const;
const KEY_SPECS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'] as const;
const EXPIRATION_MODELS = ['KEY_MATERIAL_EXPIRES', 'KEY_MATERIAL_DOES_NOT_EXPIRE'] as const;
const IMPORT_TYPES = ['NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL'] as const;
const BLOB_BOUNDS = { min: 1, max: 6144 };

/** The key an import operation acts on: customer managed, EXTERNAL origin. */
function importTarget(engine: Engine, ctx: CallContext, input: Input, action: string): KeyRow {
  return requireOrigin(refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, action), 'EXTERNAL');
}

/** GetParametersForImport: an RSA public key (DER SPKI) and an import token, valid 24 hours. */
export function getParametersForImport(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = requireState(importTarget(engine, ctx, input, 'GetParametersForImport'), ['Enabled', 'Disabled', 'PendingImport']);
  const algorithm = optionalEnum(input, 'WrappingAlgorithm', ALGORITHMS);
  const spec = optionalEnum(input, 'WrappingKeySpec', KEY_SPECS);
  if (algorithm === undefined) throw constraintError('WrappingAlgorithm', undefined, 'Member must not be null');
  if (spec === undefined) throw constraintError('WrappingKeySpec', undefined, 'Member must not be null');
  if (!Object.hasOwn(WRAPPING_HASHES, algorithm)) {
    throw new AwsError('UnsupportedOperationException', `WrappingAlgorithm ${algorithm} is not supported by the local KMS: use RSAES_OAEP_SHA_256 or RSAES_OAEP_SHA_1.`);
  }
  if (!Object.hasOwn(WRAPPING_KEY_BITS, spec)) throw new AwsError('UnsupportedOperationException', `WrappingKeySpec ${spec} is not supported by the local KMS.`);
  const issued = issueImportToken(engine, key, algorithm as WrappingAlgorithm, WRAPPING_KEY_BITS[spec as keyof typeof WRAPPING_KEY_BITS]);
  return { KeyId: key.arn, ImportToken: issued.token, PublicKey: issued.publicKey, ParametersValidTo: issued.validTo };
}

/**
 * ImportKeyMaterial: unwraps the material with the token's private key and installs it. The
 * expiration is checked first (ValidTo in the future, at most 365 days ahead, as AWS requires).
 */
export function importKeyMaterial(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = requireState(importTarget(engine, ctx, input, 'ImportKeyMaterial'), ['Enabled', 'Disabled', 'PendingImport']);
  const token = requiredBlob(input, 'ImportToken', BLOB_BOUNDS);
  const wrapped = requiredBlob(input, 'EncryptedKeyMaterial', BLOB_BOUNDS);
  const expiration = readExpiration(engine, input);
  const importType = optionalEnum(input, 'ImportType', IMPORT_TYPES);
  optionalString(input, 'KeyMaterialDescription', { min: 0, max: 256 });
  const { privateKey, algorithm } = redeemImportToken(engine, key, token);
  const material = unwrapKeyMaterial(privateKey, algorithm, wrapped);
  try {
    if (material.length !== MATERIAL_BYTES) {
      throw new AwsError('IncorrectKeyMaterialException', `The key material must be ${MATERIAL_BYTES * 8} bits (${MATERIAL_BYTES} bytes) for a symmetric encryption key.`);
    }
    const fingerprint = materialFingerprint(engine.keyring, key.arn, material);
    checkSameMaterial(key, fingerprint, importType);
    storeMaterial(engine, key, 1, material);
    updateKey(engine, key.keyId, {
      current_version: 1,
      material_fingerprint: fingerprint,
      expiration_model: expiration.model,
      valid_to_ms: expiration.validTo?.getTime() ?? null,
    });
    return { KeyId: key.arn, KeyMaterialId: fingerprint };
  } finally {
    material.fill(0);
  }
}

/** DeleteImportedKeyMaterial: the key goes to PendingImport (its state is kept while pending deletion). */
export function deleteImportedKeyMaterial(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = importTarget(engine, ctx, input, 'DeleteImportedKeyMaterial');
  optionalString(input, 'KeyMaterialId', { min: 64, max: 64 });
  deleteMaterial(engine, key.keyId);
  updateKey(engine, key.keyId, { current_version: null, expiration_model: null, valid_to_ms: null });
  return { KeyId: key.arn, ...(key.materialFingerprint ? { KeyMaterialId: key.materialFingerprint } : {}) };
}

function readExpiration(engine: Engine, input: Input): { model: string; validTo: Date | undefined } {
  const model = optionalEnum(input, 'ExpirationModel', EXPIRATION_MODELS) ?? 'KEY_MATERIAL_EXPIRES';
  const validTo = optionalTimestamp(input, 'ValidTo');
  if (model === 'KEY_MATERIAL_EXPIRES') {
    if (validTo === undefined) throw validationError('A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
    const now = engine.clock().getTime();
    if (validTo.getTime() <= now) throw validationError('The validTo date must be in the future.');
    if (validTo.getTime() > now + 365 * DAY_MS) throw validationError('The validTo date must be no more than 365 days from now.');
  } else if (validTo !== undefined) {
    throw validationError('A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE');
  }
  return { model, validTo };
}

/**
 * One material per key: the first import sets it, later ones must be the same bytes. ImportType
 * says which the caller means; the wrong claim is IncorrectKeyMaterialException, as in AWS.
 */
function checkSameMaterial(key: KeyRow, fingerprint: string, importType: (typeof IMPORT_TYPES)[number] | undefined): void {
  if (key.materialFingerprint === null) {
    if (importType === 'EXISTING_KEY_MATERIAL') throw incorrectMaterial('No key material was imported into this KMS key before.');
    return;
  }
  if (key.materialFingerprint !== fingerprint) {
    throw incorrectMaterial('The key material is not the key material previously imported into this KMS key.');
  }
  if (importType === 'NEW_KEY_MATERIAL') throw incorrectMaterial('This key material is already associated with this KMS key.');
}

/**
 * Identifies imported material without keeping it: an HMAC under a root-derived key, bound to
 * the key's ARN. 64 hex digits, which is also the KeyMaterialId AWS's newer API reports. A rekey
 * recomputes it under the new root key.
 */
export function materialFingerprint(keyring: Keyring, arn: string, material: Buffer): string {
  const macKey = keyring.deriveKey('kms-imported-material');
  try {
    return createHmac('sha256', macKey).update(`${arn}\0`, 'utf8').update(material).digest('hex');
  } finally {
    macKey.fill(0);
  }
}

function incorrectMaterial(message: string): AwsError {
  return new AwsError('IncorrectKeyMaterialException', message);
}
