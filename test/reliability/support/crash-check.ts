import { expect } from 'vitest';
import { Engine } from '../../../source/engine/engine';
import { adminContext } from '../helpers/admin-context';
import { crashValue, CRASH_TYPES } from '../helpers/crash-values';
import { runCli } from '../../protocol/cli-process';

/** A write or decrypt the writer heard answered before the kill: it must survive. */
export type Ack = { kind: 'put'; name: string; version: number; requestId: string } | { kind: 'decrypt'; name: string; requestId: string };

/** Reads one writer's ack line (crash-writer.ts's format; the serve client writes the same). */
export function parseAck(line: string): Ack | undefined {
  const [kind, name, a, b] = line.split(' ');
  if (kind === 'put') return { kind, name: name!, version: Number(a), requestId: b! };
  if (kind === 'decrypt') return { kind, name: name!, requestId: a! };
  return undefined;
}

interface AuditRow {
  seq: number;
  event_name: string;
  record: string;
}

interface Event {
  requestID: string;
  errorCode?: string;
  userIdentity: { invokedBy?: string };
  requestParameters: { encryptionContext?: Record<string, string> } | null;
}

/**
 * After a kill: the store opens (SQLite recovers its WAL), `PRAGMA integrity_check` is ok, every
 * acknowledged put is there with its version, type and value (SecureStrings checked by one real
 * decrypt each run), each has its successful PutParameter record, each acknowledged decrypt has
 * its GetParameter record right after the KMS Decrypt SSM made for it, and the built binary's
 * `audit verify` passes. Returns the trail's length for the report.
 */
export async function checkAfterCrash(home: string, acks: readonly Ack[], canary: string): Promise<number> {
  const engine = Engine.open({ home });
  let records: number;
  try {
    expect(engine.db.pragma('integrity_check', { simple: true })).toBe('ok');
    checkParameters(engine, acks, canary);
    records = checkAudit(engine, acks);
  } finally {
    engine.close();
  }
  const verify = await runCli(['audit', 'verify', '--home', home]);
  expect(verify.stderr).toBe('');
  expect(verify.stdout).toBe(`ok: ${records} records\n`);
  expect(verify.code).toBe(0);
  return records;
}

function checkParameters(engine: Engine, acks: readonly Ack[], canary: string): void {
  const stored = new Map<string, { version: number; type: string; value: Buffer }>();
  const rows = engine.db
    .prepare('SELECT p.name, v.version, v.type, v.value FROM parameters p JOIN parameter_versions v ON v.parameter_id = p.id AND v.version = p.version')
    .all() as { name: string; version: number; type: string; value: Buffer }[];
  for (const row of rows) stored.set(row.name, row);
  let lastSecure: string | undefined;
  for (const ack of acks) {
    if (ack.kind !== 'put') continue;
    const row = stored.get(ack.name);
    expect(row, `acknowledged put of ${ack.name} is missing`).toBeDefined();
    expect(row!.version).toBeGreaterThanOrEqual(ack.version);
    const type = typeOf(ack.name);
    expect(row!.type).toBe(type);
    if (type === 'SecureString') lastSecure = ack.name;
    else expect(row!.value.toString('utf8')).toBe(crashValue(ack.name, type, canary));
  }
  if (lastSecure) {
    const read = engine.dispatch('ssm', 'GetParameter', { Name: lastSecure, WithDecryption: true }, adminContext(engine, 'paramdeck-crash-check')()) as { Parameter: { Value: string } };
    expect(read.Parameter.Value).toBe(crashValue(lastSecure, 'SecureString', canary));
  }
}

function checkAudit(engine: Engine, acks: readonly Ack[]): number {
  const rows = engine.db.prepare('SELECT seq, event_name, record FROM audit_events ORDER BY seq').all() as AuditRow[];
  const bySeq = new Map<number, Event & { name: string }>();
  const byRequest = new Map<string, { seq: number; name: string; event: Event }>();
  for (const row of rows) {
    const event = JSON.parse(row.record) as Event;
    bySeq.set(row.seq, { ...event, name: row.event_name });
    byRequest.set(event.requestID, { seq: row.seq, name: row.event_name, event });
  }
  for (const ack of acks) {
    const found = byRequest.get(ack.requestId);
    expect(found, `the audit record of acknowledged ${ack.kind} ${ack.name} (${ack.requestId}) is missing`).toBeDefined();
    expect(found!.event.errorCode).toBeUndefined();
    expect(found!.name).toBe(ack.kind === 'put' ? 'PutParameter' : 'GetParameter');
    if (ack.kind === 'decrypt') {
      const inner = bySeq.get(found!.seq - 1);
      expect(inner?.name).toBe('Decrypt');
      expect(inner?.userIdentity.invokedBy).toBe('ssm.amazonaws.com');
      expect(inner?.requestParameters?.encryptionContext?.PARAMETER_ARN).toBe(engine.parameterArn(ack.name));
    }
  }
  return rows.length;
}

/** The type a crash writer gave `name` (…/p<i>: the i-th of CRASH_TYPES in turn). */
function typeOf(name: string): (typeof CRASH_TYPES)[number] {
  const index = Number(/\/p(\d+)$/.exec(name)![1]);
  return CRASH_TYPES[index % CRASH_TYPES.length]!;
}
