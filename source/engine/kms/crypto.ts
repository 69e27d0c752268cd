import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AwsError } from '../errors';

/**
 * The ciphertext blob format of paramdeck's KMS (its own, as every KMS's is opaque):
 *
 *   version (1) | key id (16, the UUID's bytes) | material version (4, big-endian)
 *   | nonce (12) | ciphertext | tag (16)
 *
 * AES-256-GCM with a fresh random 96-bit nonce. The AAD is the 21-byte header followed by the
 * canonical encryption context, so editing the header (another key, another material version) or
 * decrypting under another context fails authentication like any flipped bit.
 */

const BLOB_VERSION = 1;
const KEY_ID_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES + 4;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a blob's header says, before anything is authenticated. */
export interface BlobHeader {
  keyId: string;
  materialVersion: number;
}

/**
 * The one refusal for any blob that does not open: garbage, truncated, tampered, another key's,
 * another context's. It never says which, and never carries plaintext.
 */
export function invalidCiphertext(): AwsError {
  return new AwsError('InvalidCiphertextException', 'The ciphertext is invalid, or was not produced under this key and encryption context.');
}

/**
 * The encryption context as bytes: pairs sorted by key (UTF-8 byte order), each length-prefixed,
 * so equal maps give equal bytes whatever their member order and no two maps collide.
 */
export function canonicalContext(context: Readonly<Record<string, string>>): Buffer {
  const pairs = Object.entries(context).map(([k, v]) => [Buffer.from(k, 'utf8'), Buffer.from(v, 'utf8')] as const);
  if (pairs.length > 1) pairs.sort((a, b) => Buffer.compare(a[0], b[0]));
  let size = 4;
  for (const [k, v] of pairs) size += 8 + k.length + v.length;
  // One buffer written in place: SSM's one-pair context is built on every SecureString read.
  const out = Buffer.allocUnsafe(size);
  let at = out.writeUInt32BE(pairs.length, 0);
  for (const [k, v] of pairs) {
    at = out.writeUInt32BE(k.length, at);
    at += k.copy(out, at);
    at = out.writeUInt32BE(v.length, at);
    at += v.copy(out, at);
  }
  return out;
}

/** Encrypts `plaintext` under one version of a key's material, bound to `context`. */
export function sealBlob(material: Buffer, header: BlobHeader, plaintext: Buffer, context: Readonly<Record<string, string>>): Buffer {
  const head = encodeHeader(header);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', material, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([head, canonicalContext(context)]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([head, nonce, body, cipher.getAuthTag()]);
}

/**
 * Reads a blob's header so the right key and material can be found. Anything that is not a
 * well-formed blob of ours is InvalidCiphertextException.
 */
export function readBlobHeader(blob: Buffer): BlobHeader {
  if (blob.length < HEADER_BYTES + NONCE_BYTES + 1 + TAG_BYTES || blob[0] !== BLOB_VERSION) throw invalidCiphertext();
  const hex = blob.subarray(1, 1 + KEY_ID_BYTES).toString('hex');
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { keyId, materialVersion: blob.readUInt32BE(1 + KEY_ID_BYTES) };
}

/** Opens a blob from `sealBlob`; any failure is InvalidCiphertextException and yields no bytes. */
export function openBlob(material: Buffer, blob: Buffer, context: Readonly<Record<string, string>>): Buffer {
  readBlobHeader(blob);
  const head = blob.subarray(0, HEADER_BYTES);
  const nonce = blob.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
  const body = blob.subarray(HEADER_BYTES + NONCE_BYTES, blob.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', material, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.concat([head, canonicalContext(context)]));
  decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
  // update() output is unauthenticated until final() checks the tag; the copy returned is, the scratch is wiped.
  const unverified = decipher.update(body);
  try {
    return Buffer.concat([unverified, decipher.final()]);
  } catch {
    throw invalidCiphertext();
  } finally {
    unverified.fill(0);
  }
}

function encodeHeader(header: BlobHeader): Buffer {
  const id = Buffer.from(header.keyId.replaceAll('-', ''), 'hex');
  if (id.length !== KEY_ID_BYTES) throw new Error(`not a key id: ${header.keyId}`);
  const head = Buffer.alloc(HEADER_BYTES);
  head[0] = BLOB_VERSION;
  id.copy(head, 1);
  head.writeUInt32BE(header.materialVersion, 1 + KEY_ID_BYTES);
  return head;
}
