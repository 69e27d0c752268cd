import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Engine } from '../engine';
import { prepared } from '../prepared';
import type { AuditRecord } from './record';

/** The columns the chain covers, in hash order: every column of `audit_events` but hash and mac. */
const COLUMNS = ['seq', 'event_id', 'event_time_ms', 'event_source', 'event_name', 'username', 'access_key_id', 'read_only', 'resources', 'record'] as const;

/** One stored row as the chain sees it (integers as BigInt, so the bytes hashed are exactly the stored ones). */
export type ChainRow = Record<(typeof COLUMNS)[number], bigint | string> & { hash: Buffer; mac: Buffer };

interface Head {
  count: bigint;
  last_hash: Buffer;
  mac: Buffer;
}

/** The hash before the first record. */
export const GENESIS = Buffer.alloc(32);

const keys = new WeakMap<Engine, Buffer>();

/** The audit MAC key: HKDF of the root key, derived once per open engine. */
function macKey(engine: Engine): Buffer {
  let key = keys.get(engine);
  if (!key) keys.set(engine, (key = engine.keyring.deriveKey('audit')));
  return key;
}

/** A tagged, length-prefixed encoding of one column, so no two different rows hash alike. */
function encode(value: bigint | string): Buffer {
  if (typeof value === 'bigint') {
    const out = Buffer.alloc(9);
    out[0] = 0x69; // 'i'
    out.writeBigInt64BE(value, 1);
    return out;
  }
  const bytes = Buffer.from(value, 'utf8');
  const head = Buffer.alloc(5);
  head[0] = 0x74; // 't'
  head.writeUInt32BE(bytes.length, 1);
  return Buffer.concat([head, bytes]);
}

/** SHA-256 over the previous hash and every covered column of `row`. */
export function chainHash(previous: Buffer, row: Pick<ChainRow, (typeof COLUMNS)[number]>): Buffer {
  const hash = createHash('sha256').update(previous);
  for (const column of COLUMNS) hash.update(encode(row[column]));
  return hash.digest();
}

/** The MAC of one row's hash. */
export function rowMac(engine: Engine, hash: Buffer): Buffer {
  return createHmac('sha256', macKey(engine)).update('paramdeck audit row\0').update(hash).digest();
}

/** The MAC of the head: how many records there are and the last one's hash. */
export function headMac(engine: Engine, count: bigint, lastHash: Buffer): Buffer {
  const n = Buffer.alloc(8);
  n.writeBigUInt64BE(count);
  return createHmac('sha256', macKey(engine)).update('paramdeck audit head\0').update(n).update(lastHash).digest();
}

/** True when two MACs are equal, compared in constant time. */
export function sameMac(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The head row, or undefined when it is missing. */
export function readHead(engine: Engine): Head | undefined {
  return prepared(engine.db, 'SELECT count, last_hash, mac FROM audit_head WHERE id = 1').safeIntegers(true).get() as Head | undefined;
}

/** Creates the empty trail's head when a store is created. Runs in the creating transaction. */
export function startAuditTrail(engine: Engine): void {
  engine.db.prepare('INSERT INTO audit_head (id, count, last_hash, mac) VALUES (1, 0, ?, ?) ON CONFLICT DO NOTHING').run(GENESIS, headMac(engine, 0n, GENESIS));
}

/**
 * Appends records to the chain. Must run inside the action's BEGIN IMMEDIATE transaction: the
 * head is read under the write lock, so two processes never fork the chain. A missing or forged
 * head refuses the append (and so the action): extending it would launder the forgery.
 */
export function appendRecords(engine: Engine, records: readonly AuditRecord[]): void {
  if (records.length === 0) return;
  const head = readHead(engine);
  if (!head) throw new Error('the audit trail has no head row: the store was tampered with (run `paramdeck audit verify`)');
  if (!sameMac(head.mac, headMac(engine, head.count, head.last_hash))) {
    throw new Error('the audit trail head does not verify: the store was tampered with (run `paramdeck audit verify`)');
  }
  const insert = prepared(
    engine.db,
    `INSERT INTO audit_events (seq, event_id, event_time_ms, event_source, event_name, username, access_key_id, read_only, resources, record, hash, mac)
     VALUES (@seq, @event_id, @event_time_ms, @event_source, @event_name, @username, @access_key_id, @read_only, @resources, @record, @hash, @mac)`,
  );
  let count = head.count;
  let previous = head.last_hash;
  for (const { event, resources } of records) {
    count += 1n;
    const row = {
      seq: count,
      event_id: event.eventID,
      event_time_ms: BigInt(Date.parse(event.eventTime)),
      event_source: event.eventSource,
      event_name: event.eventName,
      username: event.userIdentity.userName,
      access_key_id: event.userIdentity.accessKeyId,
      read_only: event.readOnly ? 1n : 0n,
      resources: JSON.stringify(resources.map((r) => ({ type: r.type, name: r.name }))),
      record: JSON.stringify(event),
    };
    const hash = chainHash(previous, row);
    insert.run({ ...row, hash, mac: rowMac(engine, hash) });
    previous = hash;
  }
  prepared(engine.db, 'UPDATE audit_head SET count = ?, last_hash = ?, mac = ? WHERE id = 1').run(count, previous, headMac(engine, count, previous));
}
