import { closeSync, existsSync, lstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './schema';

/** A better-sqlite3 connection to the store; the engine's only handle on disk state. */
export type Db = Database.Database;

/** The store's file name inside the home folder. */
export const DATABASE_FILE = 'paramdeck.db';

/**
 * Opens (creating if needed) the store's SQLite file with the settings DESIGN.md fixes: WAL,
 * synchronous=NORMAL (nothing acknowledged is lost on a kill), a busy timeout so two processes
 * share the file without SQLITE_BUSY reaching a caller, and foreign keys on. Files are 0600.
 */
export function openDatabase(home: string): Db {
  const file = join(home, DATABASE_FILE);
  // Create the file ourselves so it is 0600 from its first byte; SQLite would use the umask.
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  else if (lstatSync(file).isSymbolicLink()) throw new Error(`${file} is a symbolic link; refusing to open it`);
  // The WAL and shared-memory files are created by SQLite itself: a private umask covers them. A
  // worker thread cannot set the umask; it only opens a store its main thread holds open (serve's
  // engine thread), whose WAL and shared-memory files exist already.
  const previousUmask = isMainThread ? process.umask(0o077) : undefined;
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A checkpoint copies the WAL into the database and syncs both: every 10,000 pages (~40 MB)
    // rather than SQLite's 1,000, so a busy server pays for it a tenth as often. The WAL stays
    // bounded by that, and the last connection to close checkpoints and removes it.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    // Deleted secrets' ciphertext pages are zeroed rather than left in free pages.
    db.pragma('secure_delete = ON');
    migrate(db);
  } finally {
    if (previousUmask !== undefined) process.umask(previousUmask);
  }
  return db;
}

/**
 * Brings the schema to the latest version, tracked by PRAGMA user_version. The version is read
 * again inside BEGIN IMMEDIATE so two processes opening a new store never both migrate.
 */
function migrate(db: Db): void {
  const current = () => db.pragma('user_version', { simple: true }) as number;
  if (current() >= MIGRATIONS.length) return;
  db.transaction(() => {
    for (let version = current(); version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
}
