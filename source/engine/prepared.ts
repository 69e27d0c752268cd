import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement cached per connection: authorization and the audit trail run the same
 * few statements on every call, and preparing them each time would cost more than running them.
 */
export function prepared(db: Db, text: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.prepare(text)));
  return statement;
}
