import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, lstatSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { syncFolder, writeSyncedFile } from './durable-file';
import { AwsError } from './errors';
import { isWrappedRootKey, MAX_WRAPPED_FILE_BYTES, unwrapRootKey, wrapRootKey } from './wrapped-root-key';

/** The root key's file name inside the home folder. */
export const ROOT_KEY_FILE = 'root.key';

const SEAL_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Holds the unlocked root key and seals small secrets (KMS key material, access-key secrets)
 * under it with AES-256-GCM. The AAD names what is sealed, so a sealed blob moved to another row
 * never opens. The root key itself never leaves this object.
 */
export class Keyring {
  readonly #rootKey: Buffer;

  constructor(rootKey: Buffer) {
    if (rootKey.length !== 32) throw new Error('the root key must be 32 bytes');
    this.#rootKey = Buffer.from(rootKey);
  }

  /** version | nonce | ciphertext | tag, bound to `aad`. */
  seal(plaintext: Buffer, aad: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#rootKey, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.of(SEAL_VERSION), nonce, body, cipher.getAuthTag()]);
  }

  /** Opens a blob from `seal`; a wrong root key, AAD or any flipped bit is refused. */
  open(sealed: Buffer, aad: string): Buffer {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== SEAL_VERSION) {
      throw new AwsError('KMSInternalException', 'Stored key material is corrupt or was sealed under another root key', 500);
    }
    const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const body = sealed.subarray(1 + NONCE_BYTES, sealed.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#rootKey, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new AwsError('KMSInternalException', 'Stored key material is corrupt or was sealed under another root key', 500);
    }
  }

  /** A key for one purpose (the audit MAC, say), derived with HKDF so the root key is never reused raw. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#rootKey, Buffer.alloc(0), `paramdeck:${purpose}`, 32));
  }
}

/**
 * Reads `<home>/root.key`, refusing it as ssh refuses a private key: a symlink, a file another
 * user owns, or one that group or others can read. A passphrase-wrapped file needs `passphrase`;
 * a plain one ignores it, so a passphrase set in the environment never stops a plain store opening.
 */
export function readRootKeyFile(home: string, passphrase?: string, name = ROOT_KEY_FILE): Buffer {
  const file = join(home, name);
  const contents = readCheckedKeyFile(file);
  if (!isWrappedRootKey(contents)) return contents;
  if (passphrase === undefined) throw new Error(`${file} is protected by a passphrase: one is needed to open the store`);
  return unwrapRootKey(contents, passphrase, file);
}

/** Whether opening the store at `home` needs a passphrase (the CLI asks for one only then). */
export function rootKeyNeedsPassphrase(home: string): boolean {
  const file = join(home, ROOT_KEY_FILE);
  return existsSync(file) && isWrappedRootKey(readCheckedKeyFile(file));
}

function readCheckedKeyFile(file: string): Buffer {
  const stat = lstatSync(file);
  if (stat.isSymbolicLink()) throw new Error(`${file} is a symbolic link; refusing to use it`);
  if (stat.size > MAX_WRAPPED_FILE_BYTES) throw new Error(`${file} is ${stat.size} bytes, far more than a root key; refusing to read it`);
  if (process.platform !== 'win32') {
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
      throw new Error(`${file} belongs to another user; refusing to use it`);
    }
    if ((stat.mode & 0o077) !== 0) {
      throw new Error(`${file} can be read by group or others (mode ${(stat.mode & 0o777).toString(8)}); run: chmod 600 ${file}`);
    }
  }
  return readFileSync(file);
}

/**
 * Writes a new store's root key file (0600, never overwriting one): the 32 raw bytes, or with
 * `passphrase` the key wrapped under it (scrypt + AES-256-GCM). The key is written whole to a
 * private temporary file and synced, then linked into place (which, unlike a rename, fails if a
 * root.key appeared meanwhile) and the folder synced: root.key is complete or absent after a
 * kill, and on disk before the store can hold anything sealed under it, so a power cut cannot
 * leave secrets behind an empty key file.
 */
export function createRootKeyFile(home: string, rootKey: Buffer, passphrase?: string): void {
  const file = join(home, ROOT_KEY_FILE);
  if (existsSync(file)) throw new Error(`${file} already exists`);
  const contents = passphrase === undefined ? rootKey : wrapRootKey(rootKey, passphrase);
  const temp = join(home, `.${ROOT_KEY_FILE}.${process.pid}.${randomBytes(6).toString('hex')}`);
  writeSyncedFile(temp, contents);
  try {
    linkSync(temp, file);
  } finally {
    unlinkSync(temp);
  }
  syncFolder(home);
}

/** 32 fresh random bytes for a new store. */
export function newRootKey(): Buffer {
  return randomBytes(32);
}
