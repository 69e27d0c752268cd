import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { seed, sandbox } from '../cli/cli';
import { call, testEngine } from '../helpers/engine';
import { tempHome } from '../helpers/temp-home';
import { inProcessClients } from '../protocol/support';
import { CANARY, canarySightings } from './support/canary';

/**
 * Tamper: a store changed behind paramdeck's back — by anyone who can write the database file or
 * swap the key file — never decrypts to anything, and each change is found with the right error:
 * every byte of a stored ciphertext flipped in turn, ciphertexts moved between parameters (the
 * PARAMETER_ARN context is the AAD), another store's root key (refused when the store opens), and edited, deleted or reordered
 * audit rows (`paramdeck audit verify` names the first broken record). Key deletion windows,
 * import tokens and imported material expiry are in tamper-clock.test.ts.
 */
const SECRETS = [
  { name: '/tamper/standard', value: `${CANARY}:standard`, tier: 'Standard' },
  { name: '/tamper/advanced', value: `${CANARY}:advanced`, tier: 'Advanced' },
] as const;

function db(home: string): Database.Database {
  return new Database(join(home, 'paramdeck.db'));
}

function storedBlob(home: string, name: string): Buffer {
  const handle = db(home);
  try {
    return handle.prepare('SELECT v.value FROM parameter_versions v JOIN parameters p ON p.id = v.parameter_id WHERE p.name = ?').pluck().get(name) as Buffer;
  } finally {
    handle.close();
  }
}

function storeBlob(engine: Engine, name: string, blob: Buffer): void {
  engine.db.prepare('UPDATE parameter_versions SET value = ? WHERE parameter_id = (SELECT id FROM parameters WHERE name = ?)').run(blob, name);
}

/** The error name and message a WithDecryption read ends in, or `decrypted` if it opened. */
async function decryptOutcome(ssm: SSMClient, name: string): Promise<string> {
  try {
    const answer = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    return `decrypted ${answer.Parameter?.Value === undefined ? '' : 'a value'}`;
  } catch (error) {
    return (error as Error).name;
  }
}

describe('tamper: stored ciphertexts', () => {
  it('refuses every single-byte flip of a stored Standard and Advanced SecureString as InvalidCiphertextException', async () => {
    const engine = testEngine();
    const { ssm } = inProcessClients(engine);
    let flips = 0;
    for (const secret of SECRETS) {
      await ssm.send(new PutParameterCommand({ Name: secret.name, Value: secret.value, Type: 'SecureString', Tier: secret.tier }));
      const original = storedBlob(engine.home, secret.name);
      const outcomes = new Map<string, number>();
      for (let at = 0; at < original.length; at++) {
        const flipped = Buffer.from(original);
        flipped[at] = flipped[at]! ^ (1 << (at % 8));
        storeBlob(engine, secret.name, flipped);
        const outcome = await decryptOutcome(ssm, secret.name);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        flips++;
      }
      // A flip in the header naming the key can name no key at all: still never a plaintext.
      expect([...outcomes.keys()].every((o) => o === 'InvalidCiphertextException' || o === 'InvalidKeyId'), JSON.stringify([...outcomes])).toBe(true);
      expect(outcomes.get('InvalidCiphertextException')).toBeGreaterThan(original.length * 0.9);
      storeBlob(engine, secret.name, original);
      expect(await decryptOutcome(ssm, secret.name)).toBe('decrypted a value');
    }
    console.log(`tamper: ${flips} single-byte flips refused`);
    expect(canarySightings([engine.home])).toEqual([]);
  });

  it('refuses a ciphertext moved to another parameter, through the binary, and the original still opens', async () => {
    const box = sandbox();
    seed(box.home, [
      { name: '/tamper/a', value: `${CANARY}:a`, type: 'SecureString' },
      { name: '/tamper/b', value: `${CANARY}:b`, type: 'SecureString' },
    ]);
    const blobOfA = storedBlob(box.home, '/tamper/a');
    const engine = Engine.open({ home: box.home });
    storeBlob(engine, '/tamper/b', blobOfA);
    engine.close();
    const moved = await box.run(['get', '/tamper/b', '--decrypt']);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(/^paramdeck: InvalidCiphertextException: /);
    expect(moved.stdout).toBe('');
    const original = await box.run(['get', '/tamper/a', '--decrypt']);
    expect(original).toMatchObject({ code: 0, stdout: `${CANARY}:a` });
    expect(canarySightings([box.home], { stderr: moved.stderr })).toEqual([]);
  });

  it('opens nothing under another store’s root key: every command says it is not this store’s key', async () => {
    const box = sandbox();
    seed(box.home, [{ name: '/tamper/secret', value: `${CANARY}:root`, type: 'SecureString' }]);
    const other = tempHome();
    Engine.open({ home: other }).close();
    copyFileSync(join(other, 'root.key'), join(box.home, 'root.key'));
    const notThisKey = `paramdeck: ${join(box.home, 'root.key')} is not this store's root key (an older key from before \`paramdeck rekey\`, or another store's): nothing in the store can be decrypted with it\n`;
    for (const args of [['get', '/tamper/secret', '--decrypt'], ['audit', 'verify']]) {
      const run = await box.run(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(notThisKey);
      expect(run.stdout).toBe('');
    }
    rmSync(other, { recursive: true, force: true });
  });
});

/** Edits of the trail, each with the record `audit verify` must name first. */
const AUDIT_EDITS: { name: string; sql: string; record: number | 'head' | 'failed'; reason: RegExp }[] = [
  { name: 'a record’s text edited', sql: "UPDATE audit_events SET record = replace(record, 'admin', 'nobody') WHERE seq = 3", record: 3, reason: /contents do not match the chain/ },
  { name: 'a record’s user column edited', sql: "UPDATE audit_events SET username = 'someone-else' WHERE seq = 2", record: 2, reason: /contents do not match/ },
  { name: 'a failed call made to look successful', sql: "UPDATE audit_events SET record = json_remove(record, '$.errorCode', '$.errorMessage') WHERE seq = :failed", record: 'failed', reason: /contents do not match/ },
  { name: 'a record deleted', sql: 'DELETE FROM audit_events WHERE seq = 2', record: 2, reason: /record 2 is missing/ },
  { name: 'the last record deleted', sql: 'DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)', record: 'head', reason: /missing: the trail was cut short/ },
  { name: 'two records swapped', sql: 'UPDATE audit_events SET seq = -seq WHERE seq IN (2, 3); UPDATE audit_events SET seq = CASE seq WHEN -2 THEN 3 ELSE 2 END WHERE seq < 0', record: 2, reason: /contents do not match|MAC/ },
  { name: 'the head deleted', sql: 'DELETE FROM audit_head', record: 'head', reason: /head is missing/ },
];

describe('tamper: the audit trail', () => {
  it.each(AUDIT_EDITS)('audit verify finds $name and names where', async ({ sql, record, reason }) => {
    const box = sandbox();
    seed(box.home, [{ name: '/tamper/x', value: 'fake-x' }, { name: '/tamper/y', value: `${CANARY}:y`, type: 'SecureString' }], (engine) => {
      // A write that fails is recorded with its error: the record the "made to look successful" edit rewrites.
      expect(() => call(engine, 'ssm', 'PutParameter', { Name: '/tamper/x', Value: 'fake', Type: 'String' })).toThrow('already exists');
    });
    const clean = await box.run(['audit', 'verify']);
    expect(clean).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: \d+ records\n$/) });
    const handle = db(box.home);
    const failed = handle.prepare("SELECT seq FROM audit_events WHERE json_extract(record, '$.errorCode') IS NOT NULL").pluck().get() as number;
    handle.exec(sql.replace(':failed', String(failed)));
    handle.close();
    const verify = await box.run(['audit', 'verify']);
    expect(verify.code).toBe(1);
    const at = record === 'failed' ? failed : record;
    const where = at === 'head' ? /^broken at (the trail head|record \d+)/ : new RegExp(`^broken at record ${at}( \\(event [0-9a-f-]{36}\\))?: `);
    expect(verify.stdout).toMatch(where);
    expect(verify.stdout).toMatch(reason);
  });
});

