import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../source/engine/engine';
import { envelopeDataKeyBlob, isEnvelope } from '../../../source/engine/parameters/envelope';
import { kms, kmsEngine } from '../kms/kms-helpers';
import { keyWithAlias } from './secure-string-support';
import { expectAwsError, get, put, ssm, type Page, type ParameterOut } from './support';

/** Every file under the home folder (the database, its -wal and -shm while open, the root key), by path. */
function homeFiles(home: string): Map<string, Buffer> {
  const entries = readdirSync(home, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(entries.map((entry) => [relative(home, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]));
}

/** The names of the files holding any of `needles`. */
function filesHolding(files: Map<string, Buffer>, needles: Buffer[]): string[] {
  return [...files].filter(([, bytes]) => needles.some((needle) => bytes.includes(needle))).map(([name]) => name);
}

/** A text as the bytes it could reach the disk as: UTF-8, UTF-16LE (SQLite's other text encoding) and base64. */
function encodings(text: string): Buffer[] {
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(Buffer.from(text, 'utf8').toString('base64'), 'utf8')];
}

/** The data key inside every Advanced envelope still stored: it must not reach the disk either. */
function storedDataKeys(engine: Engine): Buffer[] {
  const rows = engine.db
    .prepare('SELECT p.name, v.value FROM parameter_versions v JOIN parameters p ON p.id = v.parameter_id')
    .all() as { name: string; value: Buffer }[];
  return rows
    .filter((row) => isEnvelope(row.value))
    .map((row) => {
      const context = { PARAMETER_ARN: engine.parameterArn(row.name) };
      return kms(engine, 'Decrypt', { CiphertextBlob: envelopeDataKeyBlob(row.value), EncryptionContext: context }).Plaintext as Buffer;
    });
}

describe('no SecureString plaintext reaches the disk', () => {
  it('keeps the canary out of paramdeck.db, its WAL and every file of the home folder, through puts, overwrites, labels and deletes', () => {
    const { engine } = kmsEngine();
    const canary = `paramdeck-canary-${randomBytes(12).toString('hex')}`;
    const control = `paramdeck-control-${randomBytes(12).toString('hex')}`;
    const key = keyWithAlias(engine, 'alias/canary');
    const big = `${canary}|`.repeat(Math.ceil(4500 / (canary.length + 1)));

    // A plain String, whose bytes must be found: the scan below would see a leak.
    put(engine, '/control', control);
    put(engine, '/canary/standard', `${canary}-1`, { Type: 'SecureString' });
    put(engine, '/canary/custom', `${canary}-custom`, { Type: 'SecureString', KeyId: key.alias });
    put(engine, '/canary/advanced', `${canary}-adv`, { Type: 'SecureString', Tier: 'Advanced', KeyId: key.arn });
    put(engine, '/canary/big', big, { Type: 'SecureString', Tier: 'Intelligent-Tiering' });
    put(engine, '/canary/turned', 'not secret yet');
    put(engine, '/canary/turned', `${canary}-turned`, { Type: 'SecureString', Overwrite: true });
    ssm(engine, 'PutParameter', { Name: '/canary/standard', Value: `${canary}-2`, Overwrite: true });
    ssm(engine, 'PutParameter', { Name: '/canary/advanced', Value: `${canary}-adv-2`, Overwrite: true });
    ssm(engine, 'PutParameter', { Name: '/canary/big', Value: `${big}2`, Overwrite: true });
    ssm(engine, 'LabelParameterVersion', { Name: '/canary/standard', ParameterVersion: 1, Labels: ['first'] });
    ssm(engine, 'LabelParameterVersion', { Name: '/canary/advanced', Labels: ['current'] });
    // Refused puts carry the canary too: an error path must not write it anywhere either.
    expectAwsError(() => put(engine, '/canary/refused', `${canary}-refused`, { Type: 'SecureString', KeyId: 'alias/missing' }), 'InvalidKeyId');
    expectAwsError(() => put(engine, '/canary/pattern', `${canary}-pattern`, { Type: 'SecureString', AllowedPattern: '^\\d+$' }), 'ParameterPatternMismatchException');

    const byPath = ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/canary', WithDecryption: true }).Parameters;
    expect(byPath.map((p) => p.Value)).toEqual([`${canary}-adv-2`, `${big}2`, `${canary}-custom`, `${canary}-2`, `${canary}-turned`]);
    expect(get(engine, '/canary/standard:first', { WithDecryption: true }).Value).toBe(`${canary}-1`);

    ssm(engine, 'DeleteParameter', { Name: '/canary/custom' });
    expect(ssm(engine, 'DeleteParameters', { Names: ['/canary/big', '/canary/none'] })).toMatchObject({ DeletedParameters: ['/canary/big'] });

    const dataKeys = storedDataKeys(engine);
    expect(dataKeys).toHaveLength(2);
    const secrets = [...encodings(canary), ...dataKeys];
    const live = homeFiles(engine.home);
    expect([...live.keys()]).toEqual(expect.arrayContaining(['paramdeck.db', 'root.key']));
    expect(filesHolding(live, encodings(control))).not.toEqual([]);
    expect(filesHolding(live, secrets)).toEqual([]);

    engine.close();
    const closed = homeFiles(engine.home);
    expect(filesHolding(closed, encodings(control))).not.toEqual([]);
    expect(filesHolding(closed, secrets)).toEqual([]);

    // The values are really there, only sealed: the store reopens and decrypts them.
    const reopened = Engine.open({ home: engine.home });
    try {
      expect(get(reopened, '/canary/advanced:current', { WithDecryption: true }).Value).toBe(`${canary}-adv-2`);
      expect(get(reopened, '/canary/standard', { WithDecryption: true }).Value).toBe(`${canary}-2`);
    } finally {
      reopened.close();
    }
  });
});
