import { randomBytes } from 'node:crypto';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { resolveKeyCreatingManaged } from './aws-managed';
import { invalidCiphertext, openBlob, readBlobHeader, sealBlob } from './crypto';
import { loadKey } from './key-row';
import { currentMaterial, loadMaterial } from './material';
import { requireUsable, resolveKey } from './resolve';
import { applyDueRotation } from './rotation';

/**
 * The KMS cryptography SSM and the KMS operations share. No authorization happens here: the
 * identity layer checks kms:Encrypt/Decrypt before calling. Encryption may rotate a key that
 * has fallen due or create alias/aws/ssm, so it runs in a write transaction; decryption only
 * reads.
 */

/** An encryption context: string pairs bound to a ciphertext as AAD. */
export type EncryptionContext = Readonly<Record<string, string>>;

/** What encryption answers: the blob and the ARN of the key that made it. */
export interface Encrypted {
  blob: Buffer;
  keyArn: string;
}

/**
 * Encrypts under the current material of the key any KeyId form names. The key must be Enabled.
 * There is no size limit here (the Encrypt operation applies AWS's 4096 bytes itself).
 */
export function kmsEncrypt(engine: Engine, keyIdAnyForm: string, plaintext: Buffer, context: EncryptionContext): Encrypted {
  const key = applyDueRotation(engine, requireUsable(resolveKeyCreatingManaged(engine, keyIdAnyForm)));
  const { material, version } = currentMaterial(engine, key);
  try {
    return { blob: sealBlob(material, { keyId: key.keyId, materialVersion: version }, plaintext, context), keyArn: key.arn };
  } finally {
    material.fill(0);
  }
}

/**
 * Decrypts a blob: it names its own key and material version. With `expectedKeyId` (any form) a
 * blob of another key is IncorrectKeyException. Anything that does not open under the context
 * given (garbage, truncation, a flipped bit, another context) is InvalidCiphertextException; a
 * blob of a key that is not Enabled gets that key's state error, as in AWS.
 */
export function kmsDecrypt(engine: Engine, blob: Buffer, context: EncryptionContext, expectedKeyId?: string): { plaintext: Buffer; keyArn: string } {
  const expected = expectedKeyId === undefined ? undefined : resolveKey(engine, expectedKeyId);
  const header = readBlobHeader(blob);
  const key = loadKey(engine, header.keyId);
  // A blob naming no key we have is indistinguishable from garbage.
  if (!key) throw invalidCiphertext();
  if (expected && expected.keyId !== key.keyId) {
    throw new AwsError('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.');
  }
  requireUsable(key);
  const material = loadMaterial(engine, key, header.materialVersion);
  if (!material) throw invalidCiphertext();
  try {
    return { plaintext: openBlob(material, blob, context), keyArn: key.arn };
  } finally {
    material.fill(0);
  }
}

/**
 * A fresh random data key of `bytes` bytes, returned in plaintext and encrypted under the key:
 * the envelope SSM's Advanced tier uses. The caller wipes `plaintext` once done with it.
 */
export function kmsGenerateDataKey(engine: Engine, keyId: string, context: EncryptionContext, bytes = 32): { plaintext: Buffer; blob: Buffer; keyArn: string } {
  const plaintext = randomBytes(bytes);
  try {
    const { blob, keyArn } = kmsEncrypt(engine, keyId, plaintext, context);
    return { plaintext, blob, keyArn };
  } catch (error) {
    plaintext.fill(0);
    throw error;
  }
}
