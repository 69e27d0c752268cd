import type { Engine } from '../engine';
import { writeAnchor } from './anchor';
import { appendRecords, AUDIT_KEY_PURPOSE } from './chain';
import { storeEventRecord } from './record';
import { verifyAuditTrail } from './verify';

/**
 * Retention for the audit trail. Pruning deletes the oldest records and leaves an anchor
 * (anchor.ts): the position and hash of the last pruned record, MACed under the audit key, from
 * which `verify` starts the chain instead of the genesis hash. A PruneAuditRecords record that
 * names the anchor is appended in the same transaction, so the pruning is itself in the chain.
 * Without the root key an anchor cannot be forged, so deleting records and claiming a pruning is
 * still found.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a pruning removed, or why it removed nothing. */
export interface PruneResult {
  readonly pruned: number;
  /** The position of the last record removed. */
  readonly through?: number;
  /** Set when the trail does not verify: deleting records would destroy the evidence. */
  readonly refused?: string;
}

/**
 * Removes the records older than `retentionDays` (by the engine's clock) and records that it
 * did. With `onlyIfDayBehind`, nothing happens until the oldest record is a day past the limit,
 * so a store opened often is pruned about once a day rather than a few records at a time.
 */
export function pruneAuditTrail(engine: Engine, retentionDays: number, options: { onlyIfDayBehind?: boolean } = {}): PruneResult {
  const cutoff = engine.clock().getTime() - retentionDays * DAY_MS;
  const due = () => {
    const oldest = engine.db.prepare('SELECT event_time_ms FROM audit_events ORDER BY seq LIMIT 1').get() as { event_time_ms: number } | undefined;
    return oldest !== undefined && oldest.event_time_ms < cutoff - (options.onlyIfDayBehind ? DAY_MS : 0);
  };
  // Looked at before the write lock too: most opens find nothing due and should not wait for it.
  if (!due()) return { pruned: 0 };
  return engine.transaction(() => {
    if (!due()) return { pruned: 0 };
    // Records are appended in time order, so the ones to go are a prefix of the chain.
    const last = engine.db
      .prepare('SELECT seq, hash FROM audit_events WHERE seq < (SELECT coalesce(min(seq), 1 << 62) FROM audit_events WHERE event_time_ms >= ?) ORDER BY seq DESC LIMIT 1')
      .safeIntegers(true)
      .get(cutoff) as { seq: bigint; hash: Buffer } | undefined;
    if (!last) return { pruned: 0 };
    const trail = verifyAuditTrail(engine);
    if (!trail.ok) return { pruned: 0, refused: `the audit trail does not verify (${trail.broken?.reason ?? 'broken'}); nothing was pruned` };
    const pruned = engine.db.prepare('DELETE FROM audit_events WHERE seq <= ?').run(last.seq).changes;
    const key = engine.keyring.deriveKey(AUDIT_KEY_PURPOSE);
    try {
      writeAnchor(engine, key, last.seq, last.hash);
    } finally {
      key.fill(0);
    }
    const olderThan = new Date(cutoff).toISOString();
    appendRecords(engine, [
      storeEventRecord(engine, 'PruneAuditRecords', { retentionDays, olderThan, prunedRecords: pruned, prunedThrough: Number(last.seq), anchorHash: last.hash.toString('hex') }),
    ]);
    return { pruned, through: Number(last.seq) };
  });
}
