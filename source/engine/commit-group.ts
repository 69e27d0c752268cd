import type { Engine } from './engine';
import { holdRecords, releaseRecords } from './audit/chain';
import { forgetTurnToken } from './cache/remembered';
import { prepared } from './prepared';

/** How one call in a group ended, kept until the group's COMMIT decides what its caller hears. */
type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

interface Group {
  /** Set when SQLite rolled the whole transaction back under a call: nothing in the group holds. */
  failure?: unknown;
  readonly committed: Promise<void>;
  settle(failure?: unknown): void;
}

/**
 * Group commit for a server: the calls that reach the engine in one event-loop turn share one
 * BEGIN IMMEDIATE … COMMIT instead of paying for a commit each, and each call's promise settles
 * only once that COMMIT has returned, so no caller hears an answer before the call and its audit
 * records are as durable as DESIGN.md's NORMAL durability makes any commit. Each call still runs
 * in a savepoint of its own (Engine.dispatch nests its transaction), so one that fails rolls back
 * alone; if the COMMIT itself fails, every call of the group fails with it, unanswered. The calls'
 * audit records are held back and appended together just before the COMMIT (audit/chain.ts).
 * While a group is open, anything run on the engine's connection is inside it: run every call of
 * that engine through `run`.
 */
export class CommitGroup {
  #open: Group | undefined;

  constructor(private readonly engine: Engine) {}

  /**
   * Runs `call` synchronously inside the open group (beginning one when none is open) and settles
   * with its result or error after the group commits. `call` must leave the transaction as it found
   * it when it fails, as Engine.dispatch does.
   */
  run<T>(call: () => T): Promise<T> {
    const { db } = this.engine;
    let group = this.#open;
    if (!group) {
      if (db.inTransaction) return Promise.reject(new Error('a commit group cannot join a transaction it did not begin'));
      try {
        forgetTurnToken(db);
        prepared(db, 'BEGIN IMMEDIATE').run();
      } catch (error) {
        return Promise.reject(error);
      }
      group = this.#begin();
      holdRecords(this.engine);
    }
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: call() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (!db.inTransaction) {
      // SQLite gave up the whole transaction (a full disk, an I/O error): the group is lost.
      group.failure ??= outcome.ok ? new Error('the transaction was rolled back') : outcome.error;
      this.#close(group);
    }
    return group.committed.then(() => {
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
  }

  #begin(): Group {
    let settle!: (failure?: unknown) => void;
    const committed = new Promise<void>((resolve, reject) => {
      settle = (failure) => (failure === undefined ? resolve() : reject(failure));
    });
    const group: Group = { committed, settle: (failure) => settle(failure) };
    this.#open = group;
    // After every request whose bytes arrived in this turn has reached the engine.
    setImmediate(() => this.#close(group));
    return group;
  }

  /** Commits the group (once) and settles its calls: answered only now, or failed if it did not commit. */
  #close(group: Group): void {
    if (this.#open !== group) return;
    this.#open = undefined;
    const { db } = this.engine;
    try {
      releaseRecords(this.engine, group.failure === undefined);
      if (group.failure === undefined) prepared(db, 'COMMIT').run();
      forgetTurnToken(db);
    } catch (error) {
      group.failure = error;
    } finally {
      try {
        if (group.failure !== undefined && db.inTransaction) prepared(db, 'ROLLBACK').run();
      } finally {
        group.settle(group.failure);
      }
    }
  }
}
