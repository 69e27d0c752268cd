import { createHmac } from 'node:crypto';
import type { Engine } from '../engine';
import { AUDIT_KEY_PURPOSE, sameMac } from './chain';

/**
 * The audit trail's anchor, once it was pruned (prune.ts): the position and hash of the last
 * pruned record, MACed under the audit key, in `store_meta`. `verify` starts the chain there
 * instead of at the genesis hash; a rekey MACs it again under the next key.
 */

const ANCHOR_META_KEY = 'audit_anchor';

/** Where the chain now starts: the last pruned record's position and hash. */
export interface AuditAnchor {
  readonly seq: bigint;
  readonly hash: Buffer;
  readonly mac: Buffer;
}


/** The anchor's MAC under an audit key (a rekey computes it again under the next one). */
export function anchorMacUnder(key: Buffer, seq: bigint, hash: Buffer): Buffer {
  const n = Buffer.alloc(8);
  n.writeBigUInt64BE(seq);
  return createHmac('sha256', key).update('paramdeck audit anchor\0').update(n).update(hash).digest();
}

/** The anchor, if the trail was ever pruned. */
export function readAnchor(engine: Engine): AuditAnchor | undefined {
  const row = engine.db.prepare('SELECT value FROM store_meta WHERE key = ?').get(ANCHOR_META_KEY) as { value: string } | undefined;
  if (!row) return undefined;
  const parsed = JSON.parse(row.value) as { seq: string; hash: string; mac: string };
  return { seq: BigInt(parsed.seq), hash: Buffer.from(parsed.hash, 'hex'), mac: Buffer.from(parsed.mac, 'hex') };
}

/** Stores the anchor, MACed under `key`. */
export function writeAnchor(engine: Engine, key: Buffer, seq: bigint, hash: Buffer): void {
  const value = JSON.stringify({ seq: seq.toString(), hash: hash.toString('hex'), mac: anchorMacUnder(key, seq, hash).toString('hex') });
  engine.db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ANCHOR_META_KEY, value);
}

/** True when the anchor's MAC is the one the engine's root key gives. */
export function anchorVerifies(engine: Engine, anchor: AuditAnchor): boolean {
  const key = engine.keyring.deriveKey(AUDIT_KEY_PURPOSE);
  try {
    return sameMac(anchor.mac, anchorMacUnder(key, anchor.seq, anchor.hash));
  } finally {
    key.fill(0);
  }
}
