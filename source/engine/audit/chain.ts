import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Engine } from '../engine';
import { prepared } from '../prepared';
import { sha256 } from '../sha256';
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

/** The purpose the audit MAC key is derived for (Keyring.deriveKey). */
export const AUDIT_KEY_PURPOSE = 'audit';

/** The audit MAC key: HKDF of the root key, derived once per open engine. */
function macKey(engine: Engine): Buffer {
  let key = keys.get(engine);
  if (!key) keys.set(engine, (key = engine.keyring.deriveKey(AUDIT_KEY_PURPOSE)));
  return key;
}

/** Where chainHash encodes a row: reused, since a row is encoded and hashed in one synchronous step. */
let scratch = Buffer.allocUnsafeSlow(16 * 1024);

/**
 * SHA-256 over the previous hash and a tagged, length-prefixed encoding of every covered column of
 * `row`, so no two different rows hash alike: `i` and 8 big-endian bytes for an integer; `t`, the
 * UTF-8 length (4 bytes, big-endian) and the bytes for a text. The encoding is built in one buffer
 * (sized for the worst case, 3 UTF-8 bytes per UTF-16 unit, so each text is encoded only once) and
 * hashed in one call: this runs twice per decrypting request on serve's busiest thread.
 */
export function chainHash(previous: Buffer, row: Pick<ChainRow, (typeof COLUMNS)[number]>): Buffer {
  let size = previous.length;
  for (const column of COLUMNS) {
    const value = row[column];
    size += typeof value === 'bigint' ? 9 : 5 + 3 * value.length;
  }
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size);
  const encoded = scratch;
  let at = previous.copy(encoded, 0);
  for (const column of COLUMNS) {
    const value = row[column];
    if (typeof value === 'bigint') {
      encoded[at] = 0x69; // 'i'
      at = encoded.writeBigInt64BE(value, at + 1);
    } else {
      encoded[at] = 0x74; // 't'
      const length = encoded.write(value, at + 5, 'utf8');
      encoded.writeUInt32BE(length, at + 1);
      at += 5 + length;
    }
  }
  return sha256(encoded.subarray(0, at));
}

/** The MAC of one row's hash. */
export function rowMac(engine: Engine, hash: Buffer): Buffer {
  return rowMacUnder(macKey(engine), hash);
}

/** A row's MAC under an explicit audit key: a rekey MACs the trail again under the next one. */
export function rowMacUnder(key: Buffer, hash: Buffer): Buffer {
  return createHmac('sha256', key).update('paramdeck audit row\0').update(hash).digest();
}

/** The MAC of the head: how many records there are and the last one's hash. */
export function headMac(engine: Engine, count: bigint, lastHash: Buffer): Buffer {
  return headMacUnder(macKey(engine), count, lastHash);
}

/** The head's MAC under an explicit audit key, as rowMacUnder. */
export function headMacUnder(key: Buffer, count: bigint, lastHash: Buffer): Buffer {
  const n = Buffer.alloc(8);
  n.writeBigUInt64BE(count);
  return createHmac('sha256', key).update('paramdeck audit head\0').update(n).update(lastHash).digest();
}

/** True when two MACs are equal, compared in constant time. */
export function sameMac(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The last head this engine wrote or found valid: the same bytes again need no second MAC. */
const trustedHeads = new WeakMap<Engine, Head>();

function sameHead(a: Head, b: Head): boolean {
  return a.count === b.count && a.last_hash.equals(b.last_hash) && a.mac.equals(b.mac);
}

/** The head row, or undefined when it is missing. */
export function readHead(engine: Engine): Head | undefined {
  return prepared(engine.db, 'SELECT count, last_hash, mac FROM audit_head WHERE id = 1').safeIntegers(true).get() as Head | undefined;
}

/** Creates the empty trail's head when a store is created. Runs in the creating transaction. */
export function startAuditTrail(engine: Engine): void {
  engine.db.prepare('INSERT INTO audit_head (id, count, last_hash, mac) VALUES (1, 0, ?, ?) ON CONFLICT DO NOTHING').run(GENESIS, headMac(engine, 0n, GENESIS));
}

/** Records an open commit group holds back, by engine, to append them all just before its COMMIT. */
const heldBack = new WeakMap<Engine, AuditRecord[]>();

/**
 * Appends records to the chain. Must run inside the action's BEGIN IMMEDIATE transaction: the
 * head is read under the write lock, so two processes never fork the chain. A missing or forged
 * head refuses the append (and so the action): extending it would launder the forgery. While a
 * commit group holds records back (`holdRecords`), they wait for its COMMIT instead.
 */
export function appendRecords(engine: Engine, records: readonly AuditRecord[]): void {
  if (records.length === 0) return;
  const held = heldBack.get(engine);
  if (held) {
    held.push(...records);
    return;
  }
  writeRecords(engine, records);
}

/**
 * From now until `releaseRecords`, appends are held back and written together: one head read,
 * check and update for a whole commit group instead of one per call. Only for a group that runs
 * every call in its one transaction and commits nothing unless `releaseRecords` succeeded, so a
 * record is still never written after its answer, nor an action committed without its record.
 */
export function holdRecords(engine: Engine): void {
  heldBack.set(engine, []);
}

/** True while a commit group holds appends back: appending then only queues the records. */
export function holdingRecords(engine: Engine): boolean {
  return heldBack.has(engine);
}

/** Writes the held-back records (in the order they were appended) and stops holding; `write` false drops them. */
export function releaseRecords(engine: Engine, write: boolean): void {
  const held = heldBack.get(engine);
  heldBack.delete(engine);
  if (write && held && held.length > 0) writeRecords(engine, held);
}

function writeRecords(engine: Engine, records: readonly AuditRecord[]): void {
  const head = readHead(engine);
  if (!head) throw new Error('the audit trail has no head row: the store was tampered with (run `paramdeck audit verify`)');
  const trusted = trustedHeads.get(engine);
  if (!(trusted && sameHead(trusted, head)) && !sameMac(head.mac, headMac(engine, head.count, head.last_hash))) {
    throw new Error('the audit trail head does not verify: the store was tampered with (run `paramdeck audit verify`)');
  }
  const insert = prepared(
    engine.db,
    `INSERT INTO audit_events (seq, event_id, event_time_ms, event_source, event_name, username, access_key_id, read_only, resources, record, hash, mac)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    // Positional parameters, in COLUMNS order: binding by name costs more than the insert.
    insert.run(...COLUMNS.map((column) => row[column]), hash, rowMac(engine, hash));
    previous = hash;
  }
  const mac = headMac(engine, count, previous);
  prepared(engine.db, 'UPDATE audit_head SET count = ?, last_hash = ?, mac = ? WHERE id = 1').run(count, previous, mac);
  trustedHeads.set(engine, { count, last_hash: previous, mac });
}
