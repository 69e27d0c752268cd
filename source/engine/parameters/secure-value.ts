import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError, isAwsError } from '../errors';
import { keyOfBlob } from '../identity/permissions/kms';
import { kmsDecrypt, kmsEncrypt, kmsGenerateDataKey, type EncryptionContext } from '../kms/api';
import { resolveKeyCreatingManaged } from '../kms/aws-managed';
import { envelopeDataKeyBlob, isEnvelope, openEnvelope, sealEnvelope } from './envelope';
import { kmsForCaller } from './kms-for-caller';
import type { Tier } from './rows';

/** The key SSM uses when a SecureString names none. */
export const DEFAULT_SECURE_STRING_KEY = 'alias/aws/ssm';

/** What sealing a SecureString needs: the ARN is the encryption context, so a blob stays bound to its parameter. */
export interface SealRequest {
  parameterArn: string;
  /** The caller's KeyId in any form, or undefined for the AWS managed default (alias/aws/ssm). */
  keyId: string | undefined;
  /** Standard seals with KMS Encrypt, Advanced with a GenerateDataKey envelope (DESIGN.md). */
  tier: Tier;
  plaintext: string;
}

/** A stored SecureString value to open. */
export interface OpenRequest {
  parameterArn: string;
  keyId: string;
  blob: Buffer;
}

/** SSM's encryption context for a parameter, exactly as AWS builds it. */
export function parameterContext(parameterArn: string): EncryptionContext {
  return { PARAMETER_ARN: parameterArn };
}

/**
 * The one place a SecureString's plaintext becomes ciphertext. Standard tier: KMS Encrypt.
 * Advanced tier: a GenerateDataKey envelope. The caller needs kms:Encrypt or kms:GenerateDataKey
 * on the key through SSM (kmsForCaller). A key that is missing or unusable is refused as SSM
 * reports it, InvalidKeyId with KMS's reason, and nothing is stored.
 */
export function sealValue(engine: Engine, ctx: CallContext, request: SealRequest): { blob: Buffer; keyId: string } {
  const keyId = request.keyId ?? DEFAULT_SECURE_STRING_KEY;
  const context = parameterContext(request.parameterArn);
  const plaintext = Buffer.from(request.plaintext, 'utf8');
  const key = () => resolveKeyCreatingManaged(engine, keyId);
  try {
    if (request.tier !== 'Advanced') {
      const call = { operation: 'Encrypt', key, context, requestParameters: { keyId, encryptionContext: context, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' } } as const;
      return { blob: kmsForCaller(engine, ctx, call, () => kmsEncrypt(engine, keyId, plaintext, context).blob), keyId };
    }
    const call = { operation: 'GenerateDataKey', key, context, requestParameters: { keyId, encryptionContext: context, keySpec: 'AES_256' } } as const;
    const dataKey = kmsForCaller(engine, ctx, call, () => kmsGenerateDataKey(engine, keyId, context));
    try {
      return { blob: sealEnvelope(dataKey.plaintext, dataKey.blob, plaintext, request.parameterArn), keyId };
    } finally {
      dataKey.plaintext.fill(0);
    }
  } catch (error) {
    throw asInvalidKeyId(error, keyId);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * The one place a stored SecureString is decrypted (WithDecryption reads). The caller needs
 * kms:Decrypt on the key through SSM under this parameter's encryption context (kmsForCaller).
 * A blob that does not open under that context is InvalidCiphertextException; never partial
 * plaintext.
 */
export function openValue(engine: Engine, ctx: CallContext, request: OpenRequest): string {
  const context = parameterContext(request.parameterArn);
  const envelope = isEnvelope(request.blob);
  try {
    const kmsBlob = envelope ? envelopeDataKeyBlob(request.blob) : request.blob;
    const call = { operation: 'Decrypt', key: () => keyOfBlob(engine, kmsBlob), context, requestParameters: { encryptionContext: context, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' } } as const;
    const opened = kmsForCaller(engine, ctx, call, () => kmsDecrypt(engine, kmsBlob, context).plaintext);
    if (!envelope) return utf8(opened);
    try {
      return utf8(openEnvelope(opened, request.blob, request.parameterArn));
    } finally {
      opened.fill(0);
    }
  } catch (error) {
    throw isAwsError(error, 'InvalidCiphertextException') ? error : asInvalidKeyId(error, request.keyId);
  }
}

function utf8(bytes: Buffer): string {
  try {
    return bytes.toString('utf8');
  } finally {
    bytes.fill(0);
  }
}

/** SSM reports every KMS key problem (unknown, disabled, pending deletion or import) as InvalidKeyId. */
function asInvalidKeyId(error: unknown, keyId: string): unknown {
  if (!isAwsError(error)) return error;
  if (['NotFoundException', 'DisabledException', 'KMSInvalidStateException', 'IncorrectKeyException'].includes(error.code)) {
    return new AwsError('InvalidKeyId', `The KMS key ${keyId} cannot be used: ${error.message}`);
  }
  return error;
}
