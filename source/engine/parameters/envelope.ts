import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AwsError } from '../errors';

/**
 * The Advanced tier's envelope, as SSM builds it: the value is sealed with a one-time data key
 * (AES-256-GCM) and stored beside that data key's KMS ciphertext.
 *
 *   0x02 | data-key blob length (2, big-endian) | data-key blob | nonce (12) | ciphertext | tag (16)
 *
 * The first byte tells it from a plain KMS blob (whose version byte is 0x01). The value's AAD is
 * the parameter ARN, and the data key is itself bound to the PARAMETER_ARN context, so an
 * envelope moved to another parameter opens neither layer.
 */
const ENVELOPE_VERSION = 2;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** True when a stored SecureString blob is an envelope rather than a KMS ciphertext. */
export function isEnvelope(blob: Buffer): boolean {
  return blob.length > 0 && blob[0] === ENVELOPE_VERSION;
}

/** Seals `plaintext` with `dataKey`, keeping the data key's KMS blob beside it. */
export function sealEnvelope(dataKey: Buffer, dataKeyBlob: Buffer, plaintext: Buffer, parameterArn: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(parameterArn, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(dataKeyBlob.length);
  return Buffer.concat([Buffer.of(ENVELOPE_VERSION), length, dataKeyBlob, nonce, body, cipher.getAuthTag()]);
}

/** The data key's KMS blob inside an envelope. */
export function envelopeDataKeyBlob(envelope: Buffer): Buffer {
  if (envelope.length < 3) throw corrupt();
  const length = envelope.readUInt16BE(1);
  if (envelope.length < 3 + length + NONCE_BYTES + TAG_BYTES) throw corrupt();
  return envelope.subarray(3, 3 + length);
}

/** Opens an envelope's value once its data key is decrypted; any tampering is refused whole. */
export function openEnvelope(dataKey: Buffer, envelope: Buffer, parameterArn: string): Buffer {
  const start = 3 + envelopeDataKeyBlob(envelope).length;
  const nonce = envelope.subarray(start, start + NONCE_BYTES);
  const body = envelope.subarray(start + NONCE_BYTES, envelope.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(parameterArn, 'utf8'));
    decipher.setAuthTag(envelope.subarray(envelope.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw corrupt();
  }
}

function corrupt(): AwsError {
  return new AwsError('InvalidCiphertextException', 'The ciphertext is invalid, or was not produced under this key and encryption context.');
}
