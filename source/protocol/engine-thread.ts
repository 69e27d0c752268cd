import { Worker } from 'node:worker_threads';
import type { EngineThreadData } from './engine-thread-worker';
import type { Dispatcher } from './handle-request';
import { failureError, packCall, type FailureData, type FromEngine, type PackedCalls, type ToEngine } from './thread-messages';

/**
 * Calls go to the engine thread in batches of up to this many, and whatever is left at the end of
 * a turn: sent one by one, the engine thread would commit nearly every call on its own; sent a
 * whole turn at once, it would wait idle while this thread proves every signature of the turn.
 */
const CALLS_PER_MESSAGE = 8;

/** The built worker, beside the bundle that starts it (scripts/build.mjs builds both). */
const BUILT_WORKER = new URL('./engine-thread-worker.js', import.meta.url);

/** Where the engine thread opens the store, and which worker file runs it (tests point at the built one). */
export interface EngineThreadOptions extends EngineThreadData {
  readonly workerFile?: URL;
}

interface Pending {
  resolve(json: string): void;
  reject(error: Error): void;
}

/**
 * `paramdeck serve`'s engine on a thread of its own. A busy server spends about half of each
 * request on HTTP, SigV4 and JSON and half in the engine and SQLite; with the engine here, the two
 * halves run on two cores. Calls cross as messages (thread-messages.ts); each answer arrives only
 * after the engine thread committed its call (engine-thread-worker.ts).
 */
export class EngineThread {
  readonly #pending = new Map<number, Pending>();
  /** Calls proven but not sent yet, packed (thread-messages.ts), and how many. */
  #outbox: PackedCalls = [];
  #outboxCalls = 0;
  #nextId = 0;
  /** Set once no call can be sent any more: the thread stopped, or `close` was called. */
  #stopped: Error | undefined;
  #closing = false;
  readonly #exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    onStop: (error: Error) => void,
  ) {
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: FromEngine) => {
      if (message.kind !== 'answers') return;
      const { answers } = message;
      for (let at = 0; at + 1 < answers.length; at += 2) {
        const id = answers[at] as number;
        const answer = answers[at + 1]!;
        const pending = this.#pending.get(id);
        this.#pending.delete(id);
        if (typeof answer === 'string') pending?.resolve(answer);
        else pending?.reject(failureError(answer as FailureData));
      }
    });
    const stop = (error: Error) => {
      this.#stopped ??= error;
      this.#outbox = [];
      this.#outboxCalls = 0;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      if (!this.#closing) onStop(error);
      this.#closing = true;
    };
    worker.on('error', stop);
    worker.once('exit', (code) => stop(new Error(`the engine thread exited (code ${code})`)));
  }

  /**
   * Starts the thread and resolves once it has opened the store. `onStop` hears once if the
   * thread stops before `close` (the server cannot answer anything after that).
   */
  static start(options: EngineThreadOptions, onStop: (error: Error) => void = () => undefined): Promise<EngineThread> {
    const data: EngineThreadData = { home: options.home, ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }) };
    const worker = new Worker(options.workerFile ?? BUILT_WORKER, { workerData: data });
    return new Promise((resolve, reject) => {
      const early = (error: Error) => reject(error);
      const exited = (code: number) => reject(new Error(`the engine thread exited (code ${code}) before it opened the store`));
      worker.once('error', early);
      worker.once('exit', exited);
      worker.once('message', (message: FromEngine) => {
        worker.off('error', early);
        worker.off('exit', exited);
        if (message.kind === 'ready') resolve(new EngineThread(worker, onStop));
        else reject(new Error(message.kind === 'failed' ? message.message : 'the engine thread answered before it was ready'));
      });
    });
  }

  /** Sends one call; settles with its answer once committed there, or fails as the engine failed it. */
  readonly dispatch: Dispatcher = (service, operation, body, ctx) => {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    if (this.#outboxCalls === 0) setImmediate(() => this.#send());
    packCall(this.#outbox, { id, service, operation, body, ctx });
    if (++this.#outboxCalls >= CALLS_PER_MESSAGE) this.#send();
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  };

  #send(): void {
    if (this.#outboxCalls === 0) return;
    const calls = this.#outbox;
    this.#outbox = [];
    this.#outboxCalls = 0;
    this.worker.postMessage({ kind: 'calls', calls } satisfies ToEngine);
  }

  /** Closes the store and ends the thread; calls still pending are answered first. */
  async close(): Promise<void> {
    if (!this.#stopped) {
      this.#closing = true;
      this.#stopped = new Error('the engine thread was closed');
      this.#send();
      this.worker.postMessage({ kind: 'close' } satisfies ToEngine);
    }
    await this.#exited;
  }
}
