import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { seedDeployer, STAGING_LEAVES } from '../helpers/deployer';
import { call } from '../helpers/engine';
import { sandbox, seed, type Sandbox } from './cli';

// Obviously fake values, each distinct, so a leak into any output is found.
const STAGING = [
  { name: '/app/staging/db/url', value: 'fake-url-same' },
  { name: '/app/staging/hosts', value: 'fake-host-a,fake-host-b', type: 'StringList' as const },
  { name: '/app/staging/log-level', value: 'fake-level-debug' },
  { name: '/app/staging/api/token', value: 'fake-token-staging', type: 'SecureString' as const },
];
const PROD = [
  { name: '/app/prod/db/url', value: 'fake-url-same' },
  { name: '/app/prod/log-level', value: 'fake-level-info' },
  { name: '/app/prod/api/token', value: 'fake-token-prod', type: 'SecureString' as const },
  { name: '/app/prod/legacy', value: 'fake-legacy' },
];
const VALUES = [...STAGING, ...PROD].map((p) => p.value);

/** Staging and prod trees (SecureStrings under alias/aws/ssm), and a customer managed key alias/prod-key for prod. */
function seedTrees(box: Sandbox): void {
  seed(box.home, [...STAGING, ...PROD], (engine) => {
    const key = (call(engine, 'kms', 'CreateKey', { Description: 'prod' }) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    call(engine, 'kms', 'CreateAlias', { AliasName: 'alias/prod-key', TargetKeyId: key });
  });
}

/** A digest of every parameter version in the store: unchanged means nothing was written. */
function storeDigest(home: string): string {
  const engine = Engine.open({ home });
  try {
    const rows = engine.db.prepare('SELECT p.name, v.* FROM parameter_versions v JOIN parameters p ON p.id = v.parameter_id ORDER BY p.name, v.version').all();
    return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  } finally {
    engine.close();
  }
}

function expectNoValues(text: string): void {
  for (const value of VALUES) expect(text).not.toContain(value);
}

describe('paramdeck promote', () => {
  it('previews names, types and changes with values masked, and --dry-run writes nothing', async () => {
    const box = sandbox();
    seedTrees(box);
    const before = storeDigest(box.home);
    const run = await box.run(['promote', '/app/staging', '/app/prod', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'promote /app/staging → /app/prod',
      '? api/token  SecureString  may differ (SecureStrings are not compared unless --compare-secrets decrypts both)',
      '= db/url     String        unchanged',
      '+ hosts      StringList    new',
      '  legacy     String        only in the target (kept; --delete-extra removes it)',
      '~ log-level  String        changed',
      '3 to write (1 new, 2 changed or may differ), 1 unchanged, 0 to delete, 1 kept only in the target',
      '',
    ]);
    expect(run.stderr).toMatch(/a real run needs --key-id/);
    expect(run.stderr).toMatch(/dry run: nothing was written/);
    expectNoValues(run.stdout + run.stderr);
    expect(storeDigest(box.home)).toBe(before);
  });

  it.each([
    ['no --yes without a terminal', ['--key-id', 'alias/prod-key'], /stdin is not a terminal, so pass --yes/],
    ['no key chosen for the SecureStrings', ['--yes'], /holds SecureStrings; choose the key .* with --key-id/],
    ['overlapping paths', ['--yes', '--key-id', 'alias/prod-key', '--', '/app/staging/db'], /overlap/],
  ])('refuses with exit 2 and writes nothing: %s', async (_label, extra, message) => {
    const box = sandbox();
    seedTrees(box);
    const before = storeDigest(box.home);
    const args = extra.includes('--') ? ['promote', '/app/staging', ...extra.filter((a) => a !== '--')] : ['promote', '/app/staging', '/app/prod', ...extra];
    const run = await box.run(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(storeDigest(box.home)).toBe(before);
  });

  it('writes what differs, re-encrypts SecureStrings under the chosen key, and keeps extras unless asked', async () => {
    const box = sandbox();
    seedTrees(box);
    const run = await box.run(['promote', '/app/staging', '/app/prod', '--key-id', 'alias/prod-key', '--yes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('~ api/token  SecureString  changed (re-encrypted under alias/prod-key)');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('wrote'))).toEqual([
      'wrote /app/prod/api/token (SecureString, version 2)',
      'wrote /app/prod/hosts (StringList, version 1)',
      'wrote /app/prod/log-level (String, version 2)',
    ]);
    expectNoValues(run.stdout + run.stderr);
    const listed = JSON.parse((await box.run(['ls', '/app/prod', '--recursive', '--json'])).stdout) as { name: string; keyId: string | null; version: number }[];
    expect(listed.map((p) => [p.name, p.version])).toEqual([
      ['/app/prod/api/token', 2], ['/app/prod/db/url', 1], ['/app/prod/hosts', 1], ['/app/prod/legacy', 1], ['/app/prod/log-level', 2],
    ]);
    expect(listed[0]!.keyId).toBe('alias/prod-key');
    expect((await box.run(['get', '/app/prod/api/token', '--decrypt'])).stdout).toBe('fake-token-staging');

    const again = await box.run(['promote', '/app/staging', '/app/prod', '--key-id', 'alias/prod-key', '--compare-secrets', '--delete-extra', '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('= api/token  SecureString  unchanged');
    expect(again.stdout.split('\n').filter((line) => /^(wrote|deleted)/.test(line))).toEqual(['deleted /app/prod/legacy']);
  });

  it('reports exactly what was written when a write is refused midway', async () => {
    const box = sandbox();
    seed(box.home, STAGING_LEAVES.map((leaf) => ({ name: `/app/staging/${leaf}`, value: `fake-${leaf}` })), seedDeployer);
    const run = await box.run(['promote', '/app/staging', '/app/prod', '--yes', '--as', 'deployer']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('wrote'))).toEqual([
      'wrote /app/prod/a1 (String, version 1)',
      'wrote /app/prod/a2 (String, version 1)',
    ]);
    expect(run.stderr).toMatch(/promote stopped at \/app\/prod\/b1: AccessDeniedException/);
    expect(run.stderr).toContain('written: /app/prod/a1, /app/prod/a2\n');
    expect(run.stderr).toContain('not written: /app/prod/b1\n');
    const listed = JSON.parse((await box.run(['ls', '/app/prod', '--recursive', '--json'])).stdout) as { name: string }[];
    expect(listed.map((p) => p.name)).toEqual(['/app/prod/a1', '/app/prod/a2']);
  });
});
