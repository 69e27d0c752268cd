import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Engine } from './engine';
import { syncFolder } from './durable-file';
import { storedKeyCheck } from './root-key-check';

/**
 * A backup is itself an SQLite database: a consistent copy of `paramdeck.db` made with SQLite's
 * online backup API (so writers may carry on meanwhile), switched to a rollback journal so it is
 * one self-contained file, plus one table, `paramdeck_backup`, saying how its root key travels.
 * Why not a header and the database bytes: `PRAGMA integrity_check` then covers the whole file,
 * the wrapping included, `sqlite3 FILE` can inspect it, and restore needs no parser of its own.
 * Like the store, it holds no plaintext value, key material or secret access key.
 */
export const BACKUP_TABLE = 'paramdeck_backup';
const FORMAT = 'paramdeck-backup';
const FORMAT_VERSION = 1;

/** What the backup table says: when it was made, which root key it needs, and that key if it carries one. */
export interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  accountId: string;
  region: string;
  /** The store's key check (root-key-check.ts): which root key opens this backup. */
  keyCheck: string;
  /**
   * A passphrase-wrapped `root.key` (wrapped-root-key.ts): under the passphrase chosen for the
   * backup, or the store's own wrapped key file. Absent: the store's plain `root.key` is needed.
   */
  keyFile: Buffer | null;
}

/**
 * Writes a backup of the store to `file` (0600, never over an existing file): the snapshot goes
 * to a temp file beside it, gets its table, is synced and renamed into place, so `file` is
 * either absent or complete.
 */
export async function backupStore(engine: Engine, file: string, keyFile: Buffer | null): Promise<void> {
  if (existsSync(file)) throw new Error(`${file} already exists; choose another name or remove it first`);
  const temp = `${file}.${process.pid}.tmp`;
  closeSync(openSync(temp, 'wx', 0o600));
  try {
    await engine.db.backup(temp);
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
      copy.exec(`CREATE TABLE ${BACKUP_TABLE} (format TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL,
        account_id TEXT NOT NULL, region TEXT NOT NULL, key_check TEXT NOT NULL, key_file BLOB) STRICT`);
      const keyCheck = storedKeyCheck(copy);
      if (keyCheck === undefined) throw new Error('the store has no root key check yet; open it once and try again');
      copy
        .prepare(`INSERT INTO ${BACKUP_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(FORMAT, FORMAT_VERSION, engine.clock().toISOString(), engine.accountId, engine.region, keyCheck, keyFile);
    } finally {
      copy.close();
    }
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    syncFolder(dirname(file));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Checks a copy of a backup file in place (SQLite's integrity_check, then its table), and turns
 * it back into a plain store database: the table goes, WAL mode comes back. Returns the header.
 */
export function readBackupCopy(copyFile: string, shownAs: string): BackupHeader {
  let db: Database.Database;
  try {
    db = new Database(copyFile, { fileMustExist: true });
    db.pragma('schema_version');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new Error(`${shownAs} is not a paramdeck backup (not an SQLite database)`, { cause: error });
    throw new Error(`${shownAs} is damaged: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    const problems = db.pragma('integrity_check') as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new Error(`${shownAs} is damaged: SQLite's integrity check reports ${problems.map((p) => p.integrity_check).slice(0, 3).join('; ')}`);
    }
    const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(BACKUP_TABLE);
    if (!hasTable) throw new Error(`${shownAs} is not a paramdeck backup (it has no ${BACKUP_TABLE} table)`);
    const row = db.prepare(`SELECT * FROM ${BACKUP_TABLE}`).get() as Record<string, unknown> | undefined;
    if (!row || row.format !== FORMAT) throw new Error(`${shownAs} is not a paramdeck backup`);
    if (row.version !== FORMAT_VERSION) throw new Error(`${shownAs} is backup format version ${String(row.version)}, which this paramdeck does not know`);
    // Its pages are zeroed as they are freed, as the store's are.
    db.pragma('secure_delete = ON');
    db.exec(`DROP TABLE ${BACKUP_TABLE}`);
    db.pragma('journal_mode = WAL');
    return {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: String(row.created_at),
      accountId: String(row.account_id),
      region: String(row.region),
      keyCheck: String(row.key_check),
      keyFile: row.key_file instanceof Buffer ? row.key_file : null,
    };
  } finally {
    db.close();
  }
}
