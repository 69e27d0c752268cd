import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../source/engine/clock';
import { Engine } from '../../source/engine/engine';
import { call } from '../helpers/engine';
import { sandbox, type Sandbox } from './cli';

const DAY = 86_400_000;
const SECRET = 'fake-exported-secret-value';

/** A store whose trail spans 100 days: a write and a reveal 100, 50 and 1 days ago. */
function agedStore(box: Sandbox): void {
  const clock = manualClock(Date.now() - 100 * DAY);
  const engine = Engine.open({ home: box.home, clock });
  try {
    for (const [i, age] of [100, 50, 1].entries()) {
      clock.set(Date.now() - age * DAY);
      call(engine, 'ssm', 'PutParameter', { Name: `/aged/p${i}`, Value: SECRET, Type: 'SecureString' });
      call(engine, 'ssm', 'GetParameter', { Name: `/aged/p${i}`, WithDecryption: true });
    }
  } finally {
    engine.close();
  }
}

interface TrailRecord {
  eventTime: string;
  eventName: string;
  [member: string]: unknown;
}

/** Every member the brief and CloudTrail's record format fix for an API call. */
const CLOUDTRAIL_MEMBERS = ['eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent', 'requestParameters', 'responseElements', 'requestID', 'eventID', 'readOnly', 'eventType', 'managementEvent', 'recipientAccountId', 'eventCategory'];

describe('paramdeck audit export', () => {
  it('writes a CloudTrail log file of the records in range, oldest first, with no secret in it', async () => {
    const box = sandbox();
    agedStore(box);
    const run = await box.run(['audit', 'export', '--since', '60d']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain(SECRET);
    const file = JSON.parse(run.stdout) as { Records: TrailRecord[] };
    expect(Object.keys(file)).toEqual(['Records']);
    // Two calls 50 and 1 days ago, each with SSM's record and the KMS call SSM made for it.
    expect(file.Records.map((r) => r.eventName)).toEqual(['Encrypt', 'PutParameter', 'Decrypt', 'GetParameter', 'Encrypt', 'PutParameter', 'Decrypt', 'GetParameter']);
    const times = file.Records.map((r) => Date.parse(r.eventTime));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.min(...times)).toBeGreaterThan(Date.now() - 60 * DAY);
    for (const record of file.Records) {
      for (const member of CLOUDTRAIL_MEMBERS) expect(record, member).toHaveProperty(member);
      expect(record).toMatchObject({ eventType: 'AwsApiCall', eventCategory: 'Management', userIdentity: { type: 'IAMUser', userName: 'admin' } });
      expect(Object.keys(record.userIdentity as object)).toEqual(expect.arrayContaining(['type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'userName']));
    }
  });

  it('writes JSON lines between --since and --until to a 0600 --output file', async () => {
    const box = sandbox();
    agedStore(box);
    const output = join(box.dir, 'trail.jsonl');
    const since = new Date(Date.now() - 101 * DAY).toISOString();
    const until = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
    const run = await box.run(['audit', 'export', '--since', since, '--until', until, '--format', 'jsonl', '--output', output]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statSync(output).mode & 0o777).toBe(0o600);
    const text = readFileSync(output, 'utf8');
    expect(text).not.toContain(SECRET);
    const records = text.trimEnd().split('\n').map((line) => JSON.parse(line) as TrailRecord);
    expect(records.map((r) => r.eventName)).toEqual(['Encrypt', 'PutParameter', 'Decrypt', 'GetParameter', 'Encrypt', 'PutParameter', 'Decrypt', 'GetParameter']);
  });

  it.each([
    { args: [], message: /required option '--since <when>'/ },
    { args: ['--since', 'yesterday'], message: /expected an ISO 8601 date or time/ },
    { args: ['--since', '1d', '--until', '10d'], message: /--until is before --since/ },
    { args: ['--since', '1d', '--format', 'csv'], message: /Allowed choices are cloudtrail-json, jsonl/ },
  ])('refuses $args with exit 2', async ({ args, message }) => {
    const box = sandbox();
    const run = await box.run(['audit', 'export', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('audit retention', () => {
  it('prunes records older than --days, records the pruning, and verify still passes', async () => {
    const box = sandbox();
    agedStore(box);
    const before = await box.run(['audit', 'verify']);
    const total = Number(/ok: (\d+) records/.exec(before.stdout)![1]);
    const run = await box.run(['audit', 'prune', '--days', '30']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pruned 8 records older than 30 days \(through record \d+\)\n$/);
    expect((await box.run(['audit', 'verify'])).stdout).toMatch(new RegExp(`^ok: ${total - 8 + 1} records \\(records 1 to \\d+ were pruned under the retention setting\\)\\n$`));
    const lines = (await box.run(['audit', 'export', '--since', '1000d', '--format', 'jsonl'])).stdout.trimEnd().split('\n');
    const prune = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(prune).toMatchObject({ eventName: 'PruneAuditRecords', eventSource: 'paramdeck.local', userIdentity: { type: 'Root' }, requestParameters: { retentionDays: 30, prunedRecords: 8 } });
    expect((await box.run(['audit', 'prune', '--days', '30'])).stdout).toBe('nothing older than 30 days to prune\n');
  });

  it('applies the auditRetentionDays setting when a command opens the store', async () => {
    const box = sandbox();
    agedStore(box);
    expect((await box.run(['config', 'set', 'auditRetentionDays', '60'])).code).toBe(0);
    expect((await box.run(['ls', '/aged'])).code).toBe(0);
    const events = (await box.run(['audit', 'export', '--since', '1000d', '--format', 'jsonl'])).stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as TrailRecord);
    expect(Math.min(...events.map((e) => Date.parse(e.eventTime)))).toBeGreaterThan(Date.now() - 60 * DAY);
    expect(events.filter((e) => e.eventName === 'PruneAuditRecords')).toHaveLength(1);
    expect((await box.run(['audit', 'verify'])).stdout).toMatch(/^ok: \d+ records \(records 1 to \d+ were pruned/);
  });

  it('finds records deleted without the root key even after a pruning, and a forged anchor', async () => {
    const box = sandbox();
    agedStore(box);
    expect((await box.run(['audit', 'prune', '--days', '30'])).code).toBe(0);
    const db = new Database(join(box.home, 'paramdeck.db'));
    const first = (db.prepare('SELECT min(seq) AS seq FROM audit_events').get() as { seq: number }).seq;
    db.prepare('DELETE FROM audit_events WHERE seq = ?').run(first);
    db.close();
    const cut = await box.run(['audit', 'verify']);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(new RegExp(`record ${first} is missing`));

    const db2 = new Database(join(box.home, 'paramdeck.db'));
    const anchor = JSON.parse((db2.prepare("SELECT value FROM store_meta WHERE key = 'audit_anchor'").get() as { value: string }).value) as { seq: string };
    db2.prepare("UPDATE store_meta SET value = json_set(value, '$.seq', ?) WHERE key = 'audit_anchor'").run(String(Number(anchor.seq) + 1));
    db2.close();
    const forged = await box.run(['audit', 'verify']);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/the pruning anchor does not verify: it was written without the root key/);
  });

  it('keeps verifying after a rekey of a pruned trail', async () => {
    const box = sandbox();
    agedStore(box);
    expect((await box.run(['audit', 'prune', '--days', '30'])).code).toBe(0);
    expect((await box.run(['rekey'])).code).toBe(0);
    expect((await box.run(['audit', 'verify'])).stdout).toMatch(/^ok: \d+ records \(records 1 to \d+ were pruned/);
  });
});
