import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError, validationError } from '../errors';
import { optionalBoolean, optionalEnum, optionalInteger, optionalStringList, optionalStringMap, requiredBlob, type Input } from '../input';
import { kmsDecrypt, kmsEncrypt, kmsGenerateDataKey, type EncryptionContext } from './cipher';
import { optionalKeyId, requiredKeyId } from './resolve';

/** The model's bounds on plaintexts and ciphertext blobs. */
const PLAINTEXT_BOUNDS = { min: 1, max: 4096 };
const CIPHERTEXT_BOUNDS = { min: 1, max: 6144 };
const ALGORITHMS = ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] as const;
const DATA_KEY_SPECS = { AES_256: 32, AES_128: 16 } as const;

/** Encrypt: 1–4096 bytes under any KeyId form, bound to the encryption context. */
export function encrypt(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const keyId = requiredKeyId(input);
  const plaintext = requiredBlob(input, 'Plaintext', PLAINTEXT_BOUNDS);
  const context = readContext(input, 'EncryptionContext');
  readAlgorithm(input, 'EncryptionAlgorithm');
  readCommon(input);
  const { blob, keyArn } = kmsEncrypt(engine, keyId, plaintext, context);
  refuseDryRun(input);
  return { CiphertextBlob: blob, KeyId: keyArn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
}

/** Decrypt: the blob names its key; a KeyId, when given, must be that key (IncorrectKeyException). */
export function decrypt(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const blob = requiredBlob(input, 'CiphertextBlob', CIPHERTEXT_BOUNDS);
  const context = readContext(input, 'EncryptionContext');
  const keyId = optionalKeyId(input);
  readAlgorithm(input, 'EncryptionAlgorithm');
  readCommon(input);
  const { plaintext, keyArn } = kmsDecrypt(engine, blob, context, keyId);
  if (input.DryRun === true) plaintext.fill(0);
  refuseDryRun(input);
  return { KeyId: keyArn, Plaintext: plaintext, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
}

/** ReEncrypt: decrypts and encrypts again inside the engine; the plaintext never leaves it. */
export function reEncrypt(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const blob = requiredBlob(input, 'CiphertextBlob', CIPHERTEXT_BOUNDS);
  const sourceContext = readContext(input, 'SourceEncryptionContext');
  const sourceKeyId = optionalKeyId(input, 'SourceKeyId');
  const destinationKeyId = requiredKeyId(input, 'DestinationKeyId');
  const destinationContext = readContext(input, 'DestinationEncryptionContext');
  readAlgorithm(input, 'SourceEncryptionAlgorithm');
  readAlgorithm(input, 'DestinationEncryptionAlgorithm');
  readCommon(input);
  const source = kmsDecrypt(engine, blob, sourceContext, sourceKeyId);
  try {
    const destination = kmsEncrypt(engine, destinationKeyId, source.plaintext, destinationContext);
    refuseDryRun(input);
    return {
      CiphertextBlob: destination.blob,
      SourceKeyId: source.keyArn,
      KeyId: destination.keyArn,
      SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    };
  } finally {
    source.plaintext.fill(0);
  }
}

/** GenerateDataKey: a data key in plaintext and encrypted (KeySpec or NumberOfBytes, not both). */
export function generateDataKey(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const { keyId, bytes, context } = readDataKeyRequest(input);
  const { plaintext, blob, keyArn } = kmsGenerateDataKey(engine, keyId, context, bytes);
  if (input.DryRun === true) plaintext.fill(0);
  refuseDryRun(input);
  return { CiphertextBlob: blob, Plaintext: plaintext, KeyId: keyArn };
}

/** GenerateDataKeyWithoutPlaintext: the same data key, only encrypted. */
export function generateDataKeyWithoutPlaintext(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const { keyId, bytes, context } = readDataKeyRequest(input);
  const { plaintext, blob, keyArn } = kmsGenerateDataKey(engine, keyId, context, bytes);
  plaintext.fill(0);
  refuseDryRun(input);
  return { CiphertextBlob: blob, KeyId: keyArn };
}

function readDataKeyRequest(input: Input): { keyId: string; bytes: number; context: EncryptionContext } {
  const keyId = requiredKeyId(input);
  const context = readContext(input, 'EncryptionContext');
  const spec = optionalEnum(input, 'KeySpec', Object.keys(DATA_KEY_SPECS) as (keyof typeof DATA_KEY_SPECS)[]);
  const count = optionalInteger(input, 'NumberOfBytes', { min: 1, max: 1024 });
  readCommon(input);
  if ((spec === undefined) === (count === undefined)) throw validationError('Please specify either number of bytes or key spec.');
  return { keyId, context, bytes: spec !== undefined ? DATA_KEY_SPECS[spec] : count! };
}

function readContext(input: Input, member: string): EncryptionContext {
  return optionalStringMap(input, member) ?? {};
}

/** Only symmetric encryption exists here; an asymmetric algorithm is the wrong key usage. */
function readAlgorithm(input: Input, member: string): void {
  const algorithm = optionalEnum(input, member, ALGORITHMS);
  if (algorithm !== undefined && algorithm !== 'SYMMETRIC_DEFAULT') {
    throw new AwsError('InvalidKeyUsageException', `The encryption algorithm ${algorithm} is not compatible with a symmetric encryption KMS key.`);
  }
}

/** Members every cryptographic call accepts and the local KMS has no use for. */
function readCommon(input: Input): void {
  optionalStringList(input, 'GrantTokens', { min: 0, max: 10 });
  optionalBoolean(input, 'DryRun');
}

/** DryRun answers as AWS does once every check passed; throwing rolls back any rotation too. */
function refuseDryRun(input: Input): void {
  if (input.DryRun === true) throw new AwsError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.');
}
