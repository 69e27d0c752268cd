import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError, isAwsError } from '../errors';
import { kmsDecrypt, kmsEncrypt, kmsGenerateDataKey, type EncryptionContext } from '../kms/api';
import { envelopeDataKeyBlob, isEnvelope, openEnvelope, sealEnvelope } from './envelope';
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
 * Advanced tier: a GenerateDataKey envelope. A key that is missing or unusable is refused as SSM
 * reports it, InvalidKeyId with KMS's reason, and nothing is stored.
 */
export function sealValue(engine: Engine, _ctx: CallContext, request: SealRequest): { blob: Buffer; keyId: string } {
  const keyId = request.keyId ?? DEFAULT_SECURE_STRING_KEY;
  const context = parameterContext(request.parameterArn);
  const plaintext = Buffer.from(request.plaintext, 'utf8');
  try {
    if (request.tier !== 'Advanced') return { blob: kmsEncrypt(engine, keyId, plaintext, context).blob, keyId };
    const dataKey = kmsGenerateDataKey(engine, keyId, context);
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
 * The one place a stored SecureString is decrypted (WithDecryption reads). A blob that does not
 * open under this parameter's context is InvalidCiphertextException; never partial plaintext.
 */
export function openValue(engine: Engine, _ctx: CallContext, request: OpenRequest): string {
  const context = parameterContext(request.parameterArn);
  try {
    if (!isEnvelope(request.blob)) return utf8(kmsDecrypt(engine, request.blob, context).plaintext);
    const dataKey = kmsDecrypt(engine, envelopeDataKeyBlob(request.blob), context).plaintext;
    try {
      return utf8(openEnvelope(dataKey, request.blob, request.parameterArn));
    } finally {
      dataKey.fill(0);
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
