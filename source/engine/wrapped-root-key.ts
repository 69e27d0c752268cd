import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * The passphrase form of `root.key`: the root key wrapped with AES-256-GCM under a key derived
 * from the passphrase with scrypt. The file is a small versioned JSON document that carries its
 * own KDF parameters and salt, so the cost can be raised later without breaking old stores.
 */

const FORMAT = 'paramdeck-root-key';
const FORMAT_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 32;
const ROOT_KEY_BYTES = 32;

/** The cost DESIGN.md fixes for new stores: about 0.6 s and 128 MiB per unlock. */
export const SCRYPT_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * What a file may ask of us. A hostile or corrupt file must not make an unlock burn gigabytes of
 * memory or minutes of CPU, so parameters beyond these are refused before any derivation.
 */
export const SCRYPT_CEILING = { maxN: 2 ** 20, maxR: 16, maxP: 4, maxMemoryBytes: 1024 * 1024 * 1024 } as const;
/** Parameters weaker than this are refused too: they would make a stolen file cheap to attack. */
const SCRYPT_FLOOR_N = 2 ** 14;

/** The largest wrapped-key file we read; a real one is about 300 bytes. */
export const MAX_WRAPPED_FILE_BYTES = 4096;

interface WrappedRootKey {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  nonce: string;
  wrapped: string;
}

/** Wraps `rootKey` under `passphrase`; the returned bytes are the whole `root.key` file. */
export function wrapRootKey(rootKey: Buffer, passphrase: string): Buffer {
  if (passphrase.length === 0) throw new Error('the passphrase must not be empty');
  const header = { format: FORMAT, version: FORMAT_VERSION, kdf: 'scrypt', ...SCRYPT_DEFAULTS, salt: randomBytes(SALT_BYTES).toString('base64') } as const;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveWrappingKey(passphrase, header), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(headerAad(header));
  const wrapped = Buffer.concat([cipher.update(rootKey), cipher.final(), cipher.getAuthTag()]);
  const file: WrappedRootKey = { ...header, nonce: nonce.toString('base64'), wrapped: wrapped.toString('base64') };
  return Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
}

/**
 * Unwraps a file from `wrapRootKey`. Parameters are checked against the ceiling before scrypt
 * runs; a wrong passphrase (or a tampered file) fails the GCM tag and names the file.
 */
export function unwrapRootKey(contents: Buffer, passphrase: string, file: string): Buffer {
  const parsed = parseWrappedFile(contents, file);
  const nonce = Buffer.from(parsed.nonce, 'base64');
  const wrapped = Buffer.from(parsed.wrapped, 'base64');
  if (nonce.length !== NONCE_BYTES || wrapped.length !== ROOT_KEY_BYTES + TAG_BYTES) throw notARootKeyFile(file);
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveWrappingKey(passphrase, parsed), nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(headerAad(parsed));
    decipher.setAuthTag(wrapped.subarray(ROOT_KEY_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(0, ROOT_KEY_BYTES)), decipher.final()]);
  } catch {
    throw new Error(`wrong passphrase for ${file}`);
  }
}

/** True when `contents` is the passphrase form rather than 32 raw bytes. */
export function isWrappedRootKey(contents: Buffer): boolean {
  return contents.length !== ROOT_KEY_BYTES;
}

function parseWrappedFile(contents: Buffer, file: string): WrappedRootKey {
  if (contents.length > MAX_WRAPPED_FILE_BYTES) throw notARootKeyFile(file);
  let value: unknown;
  try {
    value = JSON.parse(contents.toString('utf8'));
  } catch {
    throw notARootKeyFile(file);
  }
  if (value === null || typeof value !== 'object') throw notARootKeyFile(file);
  const v = value as Record<string, unknown>;
  if (v.format !== FORMAT || v.kdf !== 'scrypt') throw notARootKeyFile(file);
  if (v.version !== FORMAT_VERSION) throw new Error(`${file} has root key format version ${String(v.version)}, which this paramdeck does not know`);
  for (const member of ['N', 'r', 'p'] as const) {
    if (!Number.isSafeInteger(v[member]) || (v[member] as number) < 1) throw notARootKeyFile(file);
  }
  for (const member of ['salt', 'nonce', 'wrapped'] as const) if (typeof v[member] !== 'string') throw notARootKeyFile(file);
  const { N, r, p } = v as { N: number; r: number; p: number };
  const withinCeiling =
    N <= SCRYPT_CEILING.maxN && r <= SCRYPT_CEILING.maxR && p <= SCRYPT_CEILING.maxP && 128 * N * r * p <= SCRYPT_CEILING.maxMemoryBytes;
  if (!withinCeiling) {
    throw new Error(
      `${file} asks for scrypt N=${N}, r=${r}, p=${p}, beyond the allowed ceiling (N ≤ 2^20, r ≤ ${SCRYPT_CEILING.maxR}, p ≤ ${SCRYPT_CEILING.maxP}, 1 GiB); refusing to use it`,
    );
  }
  if (N < SCRYPT_FLOOR_N || (N & (N - 1)) !== 0) throw new Error(`${file} asks for scrypt N=${N}: it must be a power of two of at least 2^14`);
  if (Buffer.from(v.salt as string, 'base64').length < 16) throw notARootKeyFile(file);
  return v as unknown as WrappedRootKey;
}

function deriveWrappingKey(passphrase: string, params: { N: number; r: number; p: number; salt: string }): Buffer {
  const { N, r, p } = params;
  // Node refuses anything above 32 MiB by default; scrypt needs 128·N·r bytes plus working room.
  const maxmem = Math.max(256 * 1024 * 1024, 2 * 128 * N * r * p);
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, { N, r, p, maxmem });
}

/** The parameters are authenticated with the key, so a file edited to weaker ones never opens. */
function headerAad(h: { N: number; r: number; p: number; salt: string }): Buffer {
  return Buffer.from(`${FORMAT}:v${FORMAT_VERSION}:scrypt:N=${h.N}:r=${h.r}:p=${h.p}:salt=${h.salt}`, 'utf8');
}

function notARootKeyFile(file: string): Error {
  return new Error(`${file} is neither a raw root key nor a passphrase-wrapped one; refusing to use it`);
}
