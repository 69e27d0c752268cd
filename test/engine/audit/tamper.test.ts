import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { chainHash, type ChainRow } from '../../../source/engine/audit/chain';
import { verifyAuditTrail } from '../../../source/engine/audit/verify';
import type { Engine } from '../../../source/engine/engine';
import { call } from '../../helpers/engine';
import { identityEngine } from '../identity/support';

/** A store with ten records, and a raw connection to its file: what someone with the file (but not the root key) can do. */
function tampered(): { engine: Engine; file: Database.Database; eventId: (seq: number) => string } {
  const engine = identityEngine();
  for (let i = 1; i <= 10; i++) call(engine, 'ssm', 'PutParameter', { Name: `/t/p${i}`, Value: 'v', Type: 'String' });
  const file = new Database(join(engine.home, 'paramdeck.db'));
  onTestFinished(() => {
    file.close();
  });
  const eventId = (seq: number) => (file.prepare('SELECT event_id FROM audit_events WHERE seq = ?').get(seq) as { event_id: string }).event_id;
  return { engine, file, eventId };
}

/** Recomputes every hash from `from` on, as an attacker who knows the algorithm would; MACs need a key they lack. */
function rechain(file: Database.Database, from: number, key: Buffer): void {
  const rows = file.prepare('SELECT * FROM audit_events ORDER BY seq').safeIntegers(true).all() as ChainRow[];
  let previous: Buffer = Buffer.alloc(32);
  for (const row of rows) {
    if ((row.seq as bigint) >= BigInt(from)) {
      const hash = chainHash(previous, row);
      const mac = createHmac('sha256', key).update('paramdeck audit row\0').update(hash).digest();
      file.prepare('UPDATE audit_events SET hash = ?, mac = ? WHERE seq = ?').run(hash, mac, row.seq);
      previous = hash;
    } else {
      previous = row.hash;
    }
  }
  const count = Buffer.alloc(8);
  count.writeBigUInt64BE(BigInt(rows.length));
  const headMac = createHmac('sha256', key).update('paramdeck audit head\0').update(count).update(previous).digest();
  file.prepare('UPDATE audit_head SET count = ?, last_hash = ?, mac = ?').run(rows.length, previous, headMac);
}

describe('audit verify', () => {
  it('passes an untouched trail', () => {
    const { engine } = tampered();
    expect(verifyAuditTrail(engine)).toEqual({ ok: true, count: 10 });
  });

  it.each([
    ['the CloudTrail record', "UPDATE audit_events SET record = replace(record, '\"userName\":\"admin\"', '\"userName\":\"mallory\"') WHERE seq = 4"],
    ['a lookup column', "UPDATE audit_events SET username = 'mallory' WHERE seq = 4"],
    ['the time', 'UPDATE audit_events SET event_time_ms = event_time_ms - 86400000 WHERE seq = 4'],
  ])('finds an edit of %s at the edited record', (_what, edit) => {
    const { engine, file, eventId } = tampered();
    expect(file.prepare(edit).run().changes).toBe(1);
    expect(verifyAuditTrail(engine)).toEqual({
      ok: false,
      count: 3,
      broken: { record: 4, eventId: eventId(4), reason: 'its contents do not match the chain: the record was edited, or moved from another position' },
    });
  });

  it('finds a deleted record', () => {
    const { engine, file } = tampered();
    file.prepare('DELETE FROM audit_events WHERE seq = 6').run();
    expect(verifyAuditTrail(engine)).toEqual({ ok: false, count: 5, broken: { record: 6, reason: 'record 6 is missing: it was deleted, or its position changed' } });
  });

  it('finds records reordered by swapping their rowids', () => {
    const { engine, file, eventId } = tampered();
    const moved = eventId(7);
    file.transaction(() => {
      file.prepare('UPDATE audit_events SET seq = 1000 WHERE seq = 3').run();
      file.prepare('UPDATE audit_events SET seq = 3 WHERE seq = 7').run();
      file.prepare('UPDATE audit_events SET seq = 7 WHERE seq = 1000').run();
    })();
    expect(verifyAuditTrail(engine)).toMatchObject({ ok: false, count: 2, broken: { record: 3, eventId: moved, reason: expect.stringMatching(/moved from another position/) } });
  });

  it('finds a tail cut off', () => {
    const { engine, file } = tampered();
    file.prepare('DELETE FROM audit_events WHERE seq > 8').run();
    expect(verifyAuditTrail(engine)).toEqual({ ok: false, count: 8, broken: { record: 9, reason: 'records 9 to 10 are missing: the trail was cut short' } });
  });

  it('finds a tail cut off with the head rewritten to match, without the root key', () => {
    const { engine, file } = tampered();
    file.prepare('DELETE FROM audit_events WHERE seq > 8').run();
    rechain(file, 9, randomBytes(32));
    expect(verifyAuditTrail(engine)).toEqual({ ok: false, count: 8, broken: { reason: 'the trail head does not verify: it was rewritten without the root key' } });
  });

  it('finds a chain rewritten from an edited record on, without the root key, at that record', () => {
    const { engine, file, eventId } = tampered();
    file.prepare("UPDATE audit_events SET record = replace(record, 'PutParameter', 'GetParameter'), event_name = 'GetParameter' WHERE seq = 5").run();
    rechain(file, 5, randomBytes(32));
    expect(verifyAuditTrail(engine)).toEqual({
      ok: false,
      count: 4,
      broken: { record: 5, eventId: eventId(5), reason: 'its MAC does not verify: the chain was rewritten without the root key' },
    });
  });

  it('finds a record appended outside paramdeck and a deleted head', () => {
    const { engine, file } = tampered();
    const last = file.prepare('SELECT * FROM audit_events WHERE seq = 10').get() as Record<string, unknown>;
    file.prepare('INSERT INTO audit_events VALUES (@seq, @event_id, @event_time_ms, @event_source, @event_name, @username, @access_key_id, @read_only, @resources, @record, @hash, @mac)').run({ ...last, seq: 11 });
    expect(verifyAuditTrail(engine)).toMatchObject({ ok: false, count: 10, broken: { record: 11 } });
    file.prepare('DELETE FROM audit_events WHERE seq = 11').run();
    file.prepare('DELETE FROM audit_head').run();
    expect(verifyAuditTrail(engine)).toEqual({ ok: false, count: 10, broken: { reason: 'the trail head is missing' } });
  });
});
