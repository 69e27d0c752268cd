import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './database';
import { syncFolder, writeSyncedFile } from './durable-file';
import type { Engine } from './engine';
import { Keyring, ROOT_KEY_FILE, readRootKeyFile } from './keyring';

/**
 * Which root key is this store's. A rekey or a restore changes the database and `root.key`, two
 * files no rename can swap together, so the database records a check value of its key (an HMAC
 * under a key derived from it, which tells nothing about the key) and the next key waits in
 * `root.key.new` until the database has committed to it. Opening then finds the right key in
 * either file, and finishes an interrupted swap.
 */

/** Where the next root key waits, durably written, until it becomes `root.key`. */
export const PENDING_ROOT_KEY_FILE = 'root.key.new';
const CHECK_META_KEY = 'root_key_check';

/** The check value of a root key: equal values, same key. */
export function keyCheck(keyring: Keyring): string {
  const key = keyring.deriveKey('root-key-check');
  try {
    return createHmac('sha256', key).update('paramdeck root key check').digest('hex');
  } finally {
    key.fill(0);
  }
}

/** The check value the database holds, if it holds one yet. */
export function storedKeyCheck(db: Db): string | undefined {
  const row = db.prepare('SELECT value FROM store_meta WHERE key = ?').get(CHECK_META_KEY) as { value: string } | undefined;
  return row?.value;
}

/** Records `keyring` as the store's key. Runs inside the transaction that makes it so. */
export function setKeyCheck(db: Db, keyring: Keyring): void {
  db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(CHECK_META_KEY, keyCheck(keyring));
}

function matches(keyring: Keyring, stored: string): boolean {
  const a = Buffer.from(keyCheck(keyring));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The root key the database belongs to: `root.key`, or, after a rekey or restore that stopped
 * between its commit and its rename, `root.key.new`, which is then renamed into place. A key
 * that matches neither is refused with a message that says so, before anything is decrypted.
 */
export function unlockRootKey(home: string, db: Db, passphrase: string | undefined, created?: Buffer): Keyring {
  if (created) return new Keyring(created);
  const stored = storedKeyCheck(db);
  const failures: unknown[] = [];
  for (const file of [ROOT_KEY_FILE, PENDING_ROOT_KEY_FILE]) {
    if (file === PENDING_ROOT_KEY_FILE && !existsSync(join(home, file))) break;
    let keyring: Keyring;
    try {
      keyring = new Keyring(readRootKeyFile(home, passphrase, file));
    } catch (error) {
      failures.push(error);
      continue;
    }
    if (stored === undefined || matches(keyring, stored)) {
      if (file === PENDING_ROOT_KEY_FILE) installPendingKey(home);
      return keyring;
    }
  }
  if (failures.length > 0) throw failures[0];
  throw new Error(
    `${join(home, ROOT_KEY_FILE)} is not this store's root key (an older key from before \`paramdeck rekey\`, or another store's): nothing in the store can be decrypted with it`,
  );
}

/**
 * Stores of earlier releases have no check value: the first open records it, once a sealed
 * secret has shown the key is the right one (a wrong key fails here, not at the first decrypt).
 */
export function recordKeyCheck(engine: Engine): void {
  if (storedKeyCheck(engine.db) !== undefined) return;
  const sealed = engine.db.prepare('SELECT access_key_id, secret_sealed FROM access_keys LIMIT 1').get() as
    | { access_key_id: string; secret_sealed: Buffer }
    | undefined;
  if (sealed) engine.keyring.open(sealed.secret_sealed, sealed.access_key_id).fill(0);
  setKeyCheck(engine.db, engine.keyring);
}

/** Writes the next root key file durably as `root.key.new` (0600): a temp file, fsync, rename. */
export function writePendingKey(home: string, contents: Buffer): void {
  const temp = join(home, `${PENDING_ROOT_KEY_FILE}.${process.pid}.tmp`);
  rmSync(temp, { force: true });
  writeSyncedFile(temp, contents);
  renameSync(temp, join(home, PENDING_ROOT_KEY_FILE));
  syncFolder(home);
}

/** Makes `root.key.new` the root key, with one rename, and syncs the folder so the rename lasts. */
export function installPendingKey(home: string): void {
  renameSync(join(home, PENDING_ROOT_KEY_FILE), join(home, ROOT_KEY_FILE));
  syncFolder(home);
}

