import type { Engine } from '../engine';
import { anchorVerifies, readAnchor } from './anchor';
import { chainHash, GENESIS, headMac, readHead, rowMac, sameMac, type ChainRow } from './chain';

/** The first problem found in the trail: the record it is at (when it is at one) and what is wrong. */
export interface AuditBreak {
  /** The position (seq) of the first record that does not verify; absent when the head alone is wrong. */
  readonly record?: number;
  readonly eventId?: string;
  readonly reason: string;
}

/** What verification found: how many records verified, and the first break if any. */
export interface AuditVerification {
  readonly ok: boolean;
  /** How many records verified (after the pruning anchor, if any). */
  readonly count: number;
  /** Records up to this position were pruned under the retention setting; the chain starts after them. */
  readonly prunedThrough?: number;
  readonly broken?: AuditBreak;
}

/**
 * Recomputes the whole chain and checks every MAC. Finds an edited row (its hash no longer
 * matches), a deleted one (a gap in seq), rows swapped or moved (seq is hashed), a tail cut off
 * (the head counts more), and a chain rewritten without the root key (a row MAC fails at the
 * first rewritten row, or the head MAC fails). Reads in one transaction, so a concurrent append
 * never looks like damage.
 */
export function verifyAuditTrail(engine: Engine): AuditVerification {
  return engine.db.transaction(() => verifyInside(engine)).deferred();
}

function verifyInside(engine: Engine): AuditVerification {
  // A pruned trail starts after its anchor, whose MAC proves the root key's holder pruned it.
  const anchor = readAnchor(engine);
  if (anchor && !anchorVerifies(engine, anchor)) return { ok: false, count: 0, broken: { reason: 'the pruning anchor does not verify: it was written without the root key' } };
  const base = anchor?.seq ?? 0n;
  const rows = engine.db.prepare('SELECT * FROM audit_events ORDER BY seq').safeIntegers(true).iterate() as IterableIterator<ChainRow>;
  let previous: Buffer = anchor?.hash ?? GENESIS;
  let expected = base + 1n;
  const broken = (at: bigint, problem: AuditBreak): AuditVerification => ({ ok: false, count: Number(at - 1n - base), broken: problem });
  for (const row of rows) {
    const at = { record: Number(expected), eventId: String(row.event_id) };
    if (row.seq !== expected) {
      return broken(expected, { record: Number(expected), reason: `record ${expected} is missing: it was deleted, or its position changed` });
    }
    const hash = chainHash(previous, row);
    if (!sameMac(hash, row.hash)) return broken(expected, { ...at, reason: 'its contents do not match the chain: the record was edited, or moved from another position' });
    if (!sameMac(row.mac, rowMac(engine, hash))) return broken(expected, { ...at, reason: 'its MAC does not verify: the chain was rewritten without the root key' });
    previous = hash;
    expected += 1n;
  }
  const count = expected - 1n;
  const head = readHead(engine);
  if (!head) return broken(expected, { reason: 'the trail head is missing' });
  if (!sameMac(head.mac, headMac(engine, head.count, head.last_hash))) {
    return broken(expected, { reason: 'the trail head does not verify: it was rewritten without the root key' });
  }
  if (head.count > count) {
    return broken(expected, { record: Number(expected), reason: `records ${expected} to ${head.count} are missing: the trail was cut short` });
  }
  if (head.count < count) return broken(expected, { record: Number(head.count + 1n), reason: `records after ${head.count} were added outside paramdeck` });
  if (!sameMac(head.last_hash, previous)) return broken(expected, { reason: 'the trail head does not point at the last record' });
  return { ok: true, count: Number(count - base), ...(anchor ? { prunedThrough: Number(base) } : {}) };
}
