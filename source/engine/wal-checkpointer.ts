import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DATABASE_FILE } from './database';
import type { WalCheckpointerData } from './wal-checkpointer-worker';

/** The built worker, beside the bundle that starts it (scripts/build.mjs builds both). */
const BUILT_WORKER = new URL('./wal-checkpointer-worker.js', import.meta.url);

/** Often enough that the writer's own checkpoint finds only a few hundred pages left to copy. */
const INTERVAL_MS = 100;

/**
 * Keeps a busy server's WAL checkpointed from a thread of its own. The writer's automatic
 * checkpoint (every 10,000 pages, database.ts) copies the whole WAL into the database and syncs
 * it while holding the writer's thread: a 100 ms stall for every request waiting on that thread,
 * every second or so under load. With the pages copied in the background, the writer's checkpoint
 * has almost nothing left to do, and it still resets the WAL, which only a writer can do.
 */
export class WalCheckpointer {
  readonly #exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /** Starts checkpointing the store in `home`; resolves once the thread has opened it. */
  static start(home: string, options: { workerFile?: URL; intervalMs?: number } = {}): Promise<WalCheckpointer> {
    const workerData: WalCheckpointerData = { file: join(home, DATABASE_FILE), intervalMs: options.intervalMs ?? INTERVAL_MS };
    const worker = new Worker(options.workerFile ?? BUILT_WORKER, { workerData });
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => {
        worker.off('error', reject);
        // Losing the checkpointer costs only the stalls it saves: the writer checkpoints itself.
        worker.on('error', () => undefined);
        resolve(new WalCheckpointer(worker));
      });
    });
  }

  /** Stops checkpointing and closes the thread's connection, before the writer's own closes. */
  async close(): Promise<void> {
    this.worker.postMessage('close');
    await this.#exited;
  }
}
