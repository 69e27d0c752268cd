import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { newRootKey } from '../../source/engine/keyring';
import { createAliasedKey, sandbox, seed, type Sandbox } from './cli';

const PARAMETERS = [
  { name: '/app/db/password', value: 'fake-db-pa55', type: 'SecureString' as const },
  { name: '/app/api/token', value: 'fake-api-token', type: 'SecureString' as const, keyId: 'alias/app' },
  { name: '/app/host', value: 'db.example.internal' },
];
const EXPECTED = Object.fromEntries(PARAMETERS.map((p) => [p.name.slice('/app/'.length), p.value]));

/** A store with SecureStrings under the AWS managed key and under a customer managed one. */
function seeded(box: Sandbox): void {
  seed(box.home, [], (engine) => createAliasedKey(engine, 'alias/app'));
  seed(box.home, PARAMETERS);
}

async function decryptedExport(box: Sandbox, env?: NodeJS.ProcessEnv): Promise<unknown> {
  const run = await box.run(['export', '/app', '--decrypt'], env ? { env } : {});
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout);
}

/** A second home holding this store's database beside `keyFile`: what someone with an old key copy has. */
function homeWithKey(box: Sandbox, keyFile: Buffer): string {
  const home = join(box.dir, `other-${Math.random().toString(36).slice(2)}`);
  mkdirSync(home, { mode: 0o700 });
  copyFileSync(join(box.home, 'paramdeck.db'), join(home, 'paramdeck.db'));
  writeFileSync(join(home, 'root.key'), keyFile, { mode: 0o600 });
  return home;
}

describe('paramdeck rekey', () => {
  it('re-wraps everything under a new root key: the new one decrypts every parameter, the old one nothing', async () => {
    const box = sandbox();
    seeded(box);
    const oldKey = readFileSync(join(box.home, 'root.key'));
    const run = await box.run(['rekey']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/re-wrapped 2 KMS key material versions and 1 access key secret/);
    const newKey = readFileSync(join(box.home, 'root.key'));
    expect(newKey.equals(oldKey)).toBe(false);
    expect(statSync(join(box.home, 'root.key')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(box.home, 'root.key.new'))).toBe(false);
    expect(await decryptedExport(box)).toEqual(EXPECTED);
    expect((await box.run(['audit', 'verify'])).stdout).toMatch(/^ok: \d+ records\n$/);

    const stale = await box.run(['get', '/app/db/password', '--decrypt', '--home', homeWithKey(box, oldKey)], { noHome: true });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/root\.key is not this store's root key \(an older key from before `paramdeck rekey`/);
    expect(stale.stdout).toBe('');
  });

  it('leaves the old key unable to open any sealed secret even without the key check', async () => {
    const box = sandbox();
    seeded(box);
    const oldKey = readFileSync(join(box.home, 'root.key'));
    expect((await box.run(['rekey'])).code).toBe(0);
    const home = homeWithKey(box, oldKey);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(home, 'paramdeck.db'));
    db.prepare("DELETE FROM store_meta WHERE key = 'root_key_check'").run();
    db.close();
    expect(() => Engine.open({ home })).toThrow(/sealed under another root key/);
  });

  it('records one RotateRootKey event by the root identity, holding no key', async () => {
    const box = sandbox();
    seeded(box);
    expect((await box.run(['rekey'])).code).toBe(0);
    const key = readFileSync(join(box.home, 'root.key'));
    const audit = await box.run(['audit', '--json']);
    expect(audit.stdout).not.toContain(key.toString('hex'));
    expect(audit.stdout).not.toContain(key.toString('base64'));
    const events = audit.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const rotations = events.filter((e) => e.eventName === 'RotateRootKey');
    expect(rotations).toHaveLength(1);
    expect(rotations[0]).toMatchObject({ eventSource: 'paramdeck.local', userIdentity: { type: 'Root', userName: 'root' }, requestParameters: { reason: 'new-root-key' }, readOnly: false });
  });

  it('sets, uses and removes a passphrase on the new key', async () => {
    const box = sandbox();
    seeded(box);
    const newPassphrase = { PARAMDECK_NEW_PASSPHRASE: 'fake passphrase one' };
    expect((await box.run(['rekey', '--passphrase'], { env: newPassphrase })).code).toBe(0);
    expect(statSync(join(box.home, 'root.key')).size).not.toBe(32);
    const locked = await box.run(['get', '/app/host']);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toMatch(/PARAMDECK_PASSPHRASE/);
    const unlock = { PARAMDECK_PASSPHRASE: 'fake passphrase one' };
    expect(await decryptedExport(box, unlock)).toEqual(EXPECTED);
    // A plain rekey keeps the passphrase; --remove-passphrase drops it.
    expect((await box.run(['rekey'], { env: unlock })).code).toBe(0);
    expect(await decryptedExport(box, unlock)).toEqual(EXPECTED);
    expect((await box.run(['rekey', '--remove-passphrase'], { env: unlock })).code).toBe(0);
    expect(statSync(join(box.home, 'root.key')).size).toBe(32);
    expect(await decryptedExport(box)).toEqual(EXPECTED);
    // Each unlock or wrap runs scrypt (about 0.6 s alone, far more on a busy machine).
  }, 180_000);

  it('finishes a rekey that stopped between its commit and the rename of root.key.new', async () => {
    const box = sandbox();
    seeded(box);
    const oldKey = readFileSync(join(box.home, 'root.key'));
    expect((await box.run(['rekey'])).code).toBe(0);
    const newKey = readFileSync(join(box.home, 'root.key'));
    // The state a crash leaves: the database committed to the new key, root.key still the old one.
    writeFileSync(join(box.home, 'root.key.new'), newKey, { mode: 0o600 });
    writeFileSync(join(box.home, 'root.key'), oldKey, { mode: 0o600 });
    expect(await decryptedExport(box)).toEqual(EXPECTED);
    expect(readFileSync(join(box.home, 'root.key')).equals(newKey)).toBe(true);
    expect(existsSync(join(box.home, 'root.key.new'))).toBe(false);
  });

  it('ignores a root.key.new left by a rekey that stopped before its commit', async () => {
    const box = sandbox();
    seeded(box);
    writeFileSync(join(box.home, 'root.key.new'), newRootKey(), { mode: 0o600 });
    expect(await decryptedExport(box)).toEqual(EXPECTED);
    expect((await box.run(['rekey'])).code).toBe(0);
    expect(await decryptedExport(box)).toEqual(EXPECTED);
  });
});
