import { chmodSync, closeSync, copyFileSync, existsSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditTrail } from './audit/verify';
import { readBackupCopy, type BackupHeader } from './backup';
import { DATABASE_FILE } from './database';
import { Engine } from './engine';
import { ensureHome } from './home';
import { ROOT_KEY_FILE } from './keyring';
import { installPendingKey, writePendingKey } from './root-key-check';

/** A backup copied into a private folder of the target home and checked, waiting for its root key. */
export interface StagedRestore {
  readonly home: string;
  /** The backup file, as messages name it. */
  readonly source: string;
  readonly header: BackupHeader;
  readonly folder: string;
  /** Removes the staging folder (after a swap it holds nothing of value). */
  discard(): void;
}

/** What a restore brought back, for the command to report. */
export interface RestoreSummary {
  accountId: string;
  region: string;
  auditRecords: number;
  parameters: number;
}

/** Whether `home` holds a store (or the start of one) that a restore would replace. */
export function storeExists(home: string): boolean {
  return existsSync(join(home, DATABASE_FILE)) || existsSync(join(home, ROOT_KEY_FILE));
}

/**
 * Copies `backupFile` into a fresh 0700 folder inside `home` (same file system, so the final
 * rename is atomic), and checks it: SQLite integrity, then the backup table.
 */
export function stageRestore(home: string, backupFile: string): StagedRestore {
  ensureHome(home);
  const folder = mkdtempSync(join(home, '.restore-'));
  const discard = () => rmSync(folder, { recursive: true, force: true });
  try {
    const copy = join(folder, DATABASE_FILE);
    copyFileSync(backupFile, copy);
    chmodSync(copy, 0o600);
    return { home, source: backupFile, folder, header: readBackupCopy(copy, backupFile), discard };
  } catch (error) {
    discard();
    throw error;
  }
}

/**
 * Opens the staged store with `keyFile` as its root.key (the key check refuses another store's
 * key; a wrapped one needs `passphrase`), verifies its audit trail, and only then swaps it in:
 * the key first as `root.key.new`, the old store's WAL removed (it would be replayed into the
 * new file), the database renamed over `paramdeck.db`, the key renamed over `root.key`. Should
 * this stop midway, the next open finds the matching key (root-key-check.ts).
 */
export function finishRestore(stage: StagedRestore, keyFile: Buffer, passphrase: string | undefined): RestoreSummary {
  const fd = openSync(join(stage.folder, ROOT_KEY_FILE), 'wx', 0o600);
  try {
    writeSync(fd, keyFile);
  } finally {
    closeSync(fd);
  }
  const engine = openStaged(stage, passphrase);
  let summary: RestoreSummary;
  try {
    const trail = verifyAuditTrail(engine);
    if (!trail.ok) throw new Error(`the backup's audit trail does not verify (${trail.broken?.reason ?? 'broken'}); nothing was restored`);
    const { parameters } = engine.db.prepare('SELECT count(*) AS parameters FROM parameters').get() as { parameters: number };
    summary = { accountId: engine.accountId, region: engine.region, auditRecords: trail.count, parameters };
  } finally {
    engine.close();
  }
  writePendingKey(stage.home, keyFile);
  for (const suffix of ['-wal', '-shm']) rmSync(join(stage.home, DATABASE_FILE + suffix), { force: true });
  renameSync(join(stage.folder, DATABASE_FILE), join(stage.home, DATABASE_FILE));
  installPendingKey(stage.home);
  stage.discard();
  return summary;
}

/** Opens the staged copy; errors name the backup and its key, never the staging folder. */
function openStaged(stage: StagedRestore, passphrase: string | undefined): Engine {
  try {
    return Engine.open({ home: stage.folder, ...(passphrase === undefined ? {} : { passphrase }) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/is not this store's root key/.test(message)) throw new Error(`that root key is not the one ${stage.source} was made under; nothing was restored`, { cause: error });
    throw new Error(message.replaceAll(join(stage.folder, ROOT_KEY_FILE), `the root key for ${stage.source}`), { cause: error });
  }
}
