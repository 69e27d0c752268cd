import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** Which store file to checkpoint, and how often (wal-checkpointer.ts). */
export interface WalCheckpointerData {
  readonly file: string;
  readonly intervalMs: number;
}

/**
 * The thread behind WalCheckpointer (built on its own as dist/wal-checkpointer-worker.js): its
 * own connection copies committed WAL pages into the database file with PASSIVE checkpoints,
 * which never wait for or block the writer. A checkpoint that fails is left to the next one, and
 * to the writer's own automatic checkpoint, which stays on as the safety net.
 */
const { file, intervalMs } = workerData as WalCheckpointerData;
const db = new Database(file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // As above: the next tick or the writer's own checkpoint copies these pages.
  }
}, intervalMs);
parentPort!.on('message', (message: 'close') => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
parentPort!.postMessage('ready');
