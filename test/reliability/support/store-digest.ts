import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../source/engine/database';

/**
 * Tables a refused request may change: the audit trail records refusals and failures (as
 * CloudTrail does), so it grows; everything else is the store's content.
 */
const AUDIT_TABLES = new Set(['audit_events', 'audit_head']);

/**
 * A SHA-256 over every row of every content table of the store at `home`, rows sorted, blobs as
 * hex: equal digests mean no parameter, version, label, tag, key, alias, principal or access key
 * changed. Opens the file read-only, beside any process that has it open.
 */
export function storeDigest(home: string): string {
  const db = new Database(join(home, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    for (const table of tables.filter((name) => !AUDIT_TABLES.has(name))) {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) =>
        JSON.stringify(row.map((cell) => (Buffer.isBuffer(cell) ? `hex:${cell.toString('hex')}` : typeof cell === 'bigint' ? String(cell) : cell))),
      );
      hash.update(`${table}\n${rows.sort().join('\n')}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
