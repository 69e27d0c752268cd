import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../database';
import { Engine } from '../engine';
import { inTransaction } from '../transaction';

/** One parameter as the cache keeps it: what the list shows and the filter searches, never its value. */
export interface CachedParameterRow {
  name: string;
  type: string;
  version: number;
  tier?: string | undefined;
  keyId?: string | undefined;
  lastModifiedMs?: number | undefined;
  description?: string | undefined;
}

/** A scope's last complete listing and when it was saved. */
export interface CachedListingRows {
  savedAtMs: number;
  rows: CachedParameterRow[];
}

/**
 * The aws target's listing cache inside the local store's file. It needs no root key (nothing in
 * it is encrypted or secret), so a passphrase-protected store is opened without asking; a home
 * with no store yet gets one created the usual way (root key file and all), so a later
 * `--target local` finds a whole store rather than a database without its key.
 */
export class MetadataCacheStore {
  private constructor(private readonly db: Db) {}

  static open(home: string): MetadataCacheStore {
    if (!existsSync(join(home, DATABASE_FILE))) Engine.open({ home }).close();
    return new MetadataCacheStore(openDatabase(home));
  }

  /** The last complete listing saved under `scope`, or undefined. */
  load(scope: string): CachedListingRows | undefined {
    const head = this.db.prepare('SELECT saved_at_ms FROM aws_listing_scopes WHERE scope = ?').pluck().get(scope) as number | undefined;
    if (head === undefined) return undefined;
    const rows = this.db
      .prepare(
        `SELECT name, type, version, tier, key_id AS keyId, last_modified_ms AS lastModifiedMs, description
         FROM aws_listing_parameters WHERE scope = ? ORDER BY name`,
      )
      .all(scope) as { [K in keyof CachedParameterRow]: CachedParameterRow[K] | null }[];
    return { savedAtMs: head, rows: rows.map(withoutNulls) };
  }

  /** Replaces `scope`'s listing with `rows`, all at once: a reader sees the old one or the new one. */
  save(scope: string, rows: readonly CachedParameterRow[], savedAtMs: number): void {
    inTransaction(this.db, 'immediate', () => {
      this.db.prepare('DELETE FROM aws_listing_scopes WHERE scope = ?').run(scope);
      this.db.prepare('INSERT INTO aws_listing_scopes (scope, saved_at_ms, count) VALUES (?, ?, ?)').run(scope, savedAtMs, rows.length);
      const insert = this.db.prepare(
        `INSERT OR REPLACE INTO aws_listing_parameters (scope, name, type, version, tier, key_id, last_modified_ms, description)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows) {
        insert.run(scope, row.name, row.type, row.version, row.tier ?? null, row.keyId ?? null, row.lastModifiedMs ?? null, row.description ?? null);
      }
    });
  }


  close(): void {
    if (this.db.open) this.db.close();
  }
}

function withoutNulls(row: { [K in keyof CachedParameterRow]: CachedParameterRow[K] | null }): CachedParameterRow {
  const out: CachedParameterRow = { name: row.name!, type: row.type!, version: row.version! };
  if (row.tier !== null) out.tier = row.tier;
  if (row.keyId !== null) out.keyId = row.keyId;
  if (row.lastModifiedMs !== null) out.lastModifiedMs = row.lastModifiedMs;
  if (row.description !== null) out.description = row.description;
  return out;
}
