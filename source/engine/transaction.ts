import type { Db } from './database';
import { forgetTurnToken } from './cache/remembered';
import { prepared } from './prepared';

/** How a transaction starts when none is open: `deferred` for reads, `immediate` takes the write lock first. */
export type TransactionMode = 'deferred' | 'immediate';

/**
 * Runs `fn` in a transaction, as better-sqlite3's `db.transaction(fn)` does: BEGIN … COMMIT, or a
 * savepoint when a transaction is already open, rolled back (and only that far) when `fn` throws.
 * It reuses prepared statements, where `db.transaction` builds a new wrapper per call: that
 * costs more than a small call's whole SQL.
 */
export function inTransaction<T>(db: Db, mode: TransactionMode, fn: () => T): T {
  const nested = db.inTransaction;
  if (!nested) forgetTurnToken(db);
  prepared(db, nested ? 'SAVEPOINT paramdeck_call' : mode === 'immediate' ? 'BEGIN IMMEDIATE' : 'BEGIN DEFERRED').run();
  try {
    const result = fn();
    prepared(db, nested ? 'RELEASE paramdeck_call' : 'COMMIT').run();
    if (!nested) forgetTurnToken(db);
    return result;
  } catch (error) {
    // SQLite may already have rolled the whole transaction back (a full disk, an I/O error).
    if (db.inTransaction) {
      if (nested) {
        prepared(db, 'ROLLBACK TO paramdeck_call').run();
        prepared(db, 'RELEASE paramdeck_call').run();
      } else {
        prepared(db, 'ROLLBACK').run();
      }
    }
    throw error;
  }
}
