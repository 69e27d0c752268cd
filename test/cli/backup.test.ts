import { existsSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAliasedKey, sandbox, seed, type Sandbox } from './cli';

const PARAMETERS = [
  { name: '/app/db/password', value: 'fake-backup-db-pa55', type: 'SecureString' as const },
  { name: '/app/api/token', value: 'fake-backup-api-token', type: 'SecureString' as const, keyId: 'alias/app' },
  { name: '/app/tier', value: 'fake-advanced-secret', type: 'SecureString' as const, tier: 'Advanced' as const },
  { name: '/app/host', value: 'db.example.internal' },
];
const EXPECTED = Object.fromEntries(PARAMETERS.map((p) => [p.name.slice('/app/'.length), p.value]));

function seeded(box: Sandbox): void {
  seed(box.home, [], (engine) => createAliasedKey(engine, 'alias/app'));
  seed(box.home, PARAMETERS);
}

/** `paramdeck …args --home home`, for a home other than the sandbox's. */
function runIn(box: Sandbox, home: string, args: string[], env?: NodeJS.ProcessEnv) {
  return box.run([...args, '--home', home], { noHome: true, ...(env ? { env } : {}) });
}

async function decryptedExport(box: Sandbox, home: string, env?: NodeJS.ProcessEnv): Promise<unknown> {
  const run = await runIn(box, home, ['export', '/app', '--decrypt'], env);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout);
}

describe('paramdeck backup and restore', () => {
  it('restores onto another home, with the root key given, and every parameter decrypts', async () => {
    const box = sandbox();
    seeded(box);
    const file = join(box.dir, 'store.backup');
    const backup = await box.run(['backup', file]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/it carries no key: restoring it needs this store's .*root\.key/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    for (const p of PARAMETERS.filter((q) => q.type === 'SecureString')) expect(bytes.includes(p.value)).toBe(false);
    expect(bytes.includes(readFileSync(join(box.home, 'root.key')))).toBe(false);

    const other = join(box.dir, 'other-home');
    const missingKey = await runIn(box, other, ['restore', file]);
    expect(missingKey.code).toBe(2);
    expect(missingKey.stderr).toMatch(/does not carry its root key: give the root\.key it was made under with --root-key FILE/);
    const restore = await runIn(box, other, ['restore', file, '--root-key', join(box.home, 'root.key')]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/4 parameters, \d+ audit records verified/);
    expect(await decryptedExport(box, other)).toEqual(EXPECTED);
    expect((await runIn(box, other, ['audit', 'verify'])).stdout).toMatch(/^ok: \d+ records\n$/);
    expect(readdirSync(other).sort()).toEqual(['paramdeck.db', 'root.key']);
    expect(statSync(join(other, 'root.key')).mode & 0o777).toBe(0o600);
  });

  it('carries the root key under a passphrase chosen for the backup', async () => {
    const box = sandbox();
    seeded(box);
    const file = join(box.dir, 'store.backup');
    const backup = await box.run(['backup', file, '--passphrase'], { env: { PARAMDECK_BACKUP_PASSPHRASE: 'fake backup passphrase' } });
    expect(backup.stdout).toMatch(/wrapped under the passphrase chosen for it/);
    const wrong = join(box.dir, 'wrong');
    const refused = await runIn(box, wrong, ['restore', file], { PARAMDECK_PASSPHRASE: 'not the passphrase' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/wrong passphrase for the root key for .*store\.backup/);
    expect(readdirSync(wrong)).toEqual([]);
    const unlock = { PARAMDECK_PASSPHRASE: 'fake backup passphrase' };
    const other = join(box.dir, 'other-home');
    expect((await runIn(box, other, ['restore', file], unlock)).code).toBe(0);
    expect(await decryptedExport(box, other, unlock)).toEqual(EXPECTED);
  }, 120_000);

  it('replaces an existing store only with --force', async () => {
    const box = sandbox();
    seeded(box);
    const file = join(box.dir, 'store.backup');
    expect((await box.run(['backup', file])).code).toBe(0);
    seed(box.home, [{ name: '/app/after-backup', value: 'fake-later' }]);
    expect((await box.run(['backup', file])).stderr).toMatch(/already exists; choose another name/);
    const refused = await box.run(['restore', file, '--root-key', join(box.home, 'root.key')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a store already exists in .*; restore into another --home, or add --force to replace it/);
    expect((await box.run(['get', '/app/after-backup'])).stdout).toBe('fake-later');
    expect((await box.run(['restore', file, '--force', '--root-key', join(box.home, 'root.key')])).code).toBe(0);
    expect(await decryptedExport(box, box.home)).toEqual(EXPECTED);
    expect(readdirSync(box.home).sort()).toEqual(['paramdeck.db', 'root.key']);
  });

  it("refuses another store's root key, a damaged file and a database that is no backup, leaving the home empty", async () => {
    const box = sandbox();
    seeded(box);
    const file = join(box.dir, 'store.backup');
    expect((await box.run(['backup', file])).code).toBe(0);
    const stranger = join(box.dir, 'stranger');
    expect((await runIn(box, stranger, ['init'])).code).toBe(0);

    const target = join(box.dir, 'target');
    const wrongKey = await runIn(box, target, ['restore', file, '--root-key', join(stranger, 'root.key')]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/that root key is not the one .*store\.backup was made under; nothing was restored/);

    const notBackup = await runIn(box, target, ['restore', join(stranger, 'paramdeck.db'), '--root-key', join(stranger, 'root.key')]);
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toMatch(/is not a paramdeck backup \(it has no paramdeck_backup table\)/);

    truncateSync(file, Math.floor(statSync(file).size / 2));
    const damaged = await runIn(box, target, ['restore', file, '--root-key', join(box.home, 'root.key')]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/damaged|malformed/);
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
  });
});
