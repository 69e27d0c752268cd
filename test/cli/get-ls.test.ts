import { describe, expect, it } from 'vitest';
import { sandbox, seed } from './cli';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('paramdeck get', () => {
  it('prints a value byte for byte to a pipe, with no newline added and nothing on stderr', async () => {
    const box = sandbox();
    seed(box.home, [
      { name: '/app/cert', value: CERT },
      { name: '/app/origins', value: 'a.example,b.example', type: 'StringList' },
    ]);
    expect(await box.run(['get', '/app/cert'])).toEqual({ code: 0, stdout: CERT, stderr: '' });
    expect(await box.run(['get', '/app/origins'])).toEqual({ code: 0, stdout: 'a.example,b.example', stderr: '' });
  });

  it('masks a SecureString without --decrypt, says so on stderr, and decrypts it with --decrypt', async () => {
    const box = sandbox();
    seed(box.home, [{ name: '/app/db/password', value: 's3cr3t-value', type: 'SecureString' }]);
    const masked = await box.run(['get', '/app/db/password']);
    expect(masked.code).toBe(0);
    expect(masked.stdout).toBe('********');
    expect(masked.stderr).toMatch(/\/app\/db\/password is a SecureString: its value is masked; add --decrypt/);
    expect(masked.stdout + masked.stderr).not.toContain('s3cr3t');
    expect(await box.run(['get', '/app/db/password', '--decrypt'])).toEqual({ code: 0, stdout: 's3cr3t-value', stderr: '' });
  });

  it('prints stable JSON: value null while masked, the text once decrypted', async () => {
    const box = sandbox();
    seed(box.home, [
      { name: '/app/db/password', value: 'first', type: 'SecureString' },
      { name: '/app/db/password', value: 'second', type: 'SecureString' },
    ]);
    const masked = await box.run(['get', '/app/db/password', '--json']);
    expect(JSON.parse(masked.stdout)).toEqual({ name: '/app/db/password', type: 'SecureString', version: 2, value: null, masked: true, policies: [] });
    const revealed = await box.run(['get', '/app/db/password:1', '--decrypt', '--json']);
    expect(JSON.parse(revealed.stdout)).toEqual({ name: '/app/db/password', type: 'SecureString', version: 1, value: 'first', masked: false, policies: [] });
  });

  it('escapes control characters in JSON so the output is safe on a terminal and decodes to the same text', async () => {
    const box = sandbox();
    const hostile = 'a\u001b]52;c;aGk=\u0007b\u009b2J\u202ec';
    seed(box.home, [{ name: '/app/hostile', value: hostile }]);
    const run = await box.run(['get', '/app/hostile', '--json']);
    for (const raw of ['\u001b', '\u0007', '\u009b', '\u202e']) expect(run.stdout).not.toContain(raw);
    expect(JSON.parse(run.stdout).value).toBe(hostile);
  });

  it.each([
    { args: ['get', '/app/missing'], code: 4, stderr: /ParameterNotFound/ },
    { args: ['get', '/app/x:7'], code: 4, stderr: /ParameterVersionNotFound/ },
    { args: ['get'], code: 2, stderr: /missing required argument 'name'/ },
    { args: ['get', '/app/x', '--bogus'], code: 2, stderr: /unknown option '--bogus'/ },
    { args: ['get', '/app/x', '--as', 'nobody'], code: 4, stderr: /NoSuchEntity: The user with name nobody cannot be found/ },
  ])('exits $code for $args', async ({ args, code, stderr }) => {
    const box = sandbox();
    seed(box.home, [{ name: '/app/x', value: 'v' }]);
    const run = await box.run(args);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('paramdeck ls', () => {
  const tree = [
    { name: '/app/prod/db/url', value: 'postgres://prod' },
    { name: '/app/prod/db/password', value: 'never-listed', type: 'SecureString' as const },
    { name: '/app/prod/log-level', value: 'info' },
    { name: '/app/dev/log-level', value: 'debug' },
    { name: 'top', value: 'level' },
  ];

  it.each([
    { args: ['ls'], names: ['/app/dev/log-level', '/app/prod/db/password', '/app/prod/db/url', '/app/prod/log-level', 'top'] },
    { args: ['ls', '/app/prod'], names: ['/app/prod/log-level'] },
    { args: ['ls', '/app/prod/'], names: ['/app/prod/log-level'] },
    { args: ['ls', '/app/prod', '--recursive'], names: ['/app/prod/db/password', '/app/prod/db/url', '/app/prod/log-level'] },
    { args: ['ls', '/app', '-r'], names: ['/app/dev/log-level', '/app/prod/db/password', '/app/prod/db/url', '/app/prod/log-level'] },
    { args: ['ls', '/nothing/here'], names: [] },
  ])('$args lists one name a line, sorted', async ({ args, names }) => {
    const box = sandbox();
    seed(box.home, tree);
    const run = await box.run(args);
    expect(run).toEqual({ code: 0, stdout: names.map((n) => `${n}\n`).join(''), stderr: '' });
  });

  it('prints metadata as a stable JSON array, never a value', async () => {
    const box = sandbox();
    seed(box.home, tree);
    const run = await box.run(['ls', '/app/prod', '--recursive', '--json']);
    expect(run.stdout).not.toContain('never-listed');
    expect(run.stdout).not.toContain('postgres://');
    const listed = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(listed.map((p) => p.name)).toEqual(['/app/prod/db/password', '/app/prod/db/url', '/app/prod/log-level']);
    for (const entry of listed) {
      expect(Object.keys(entry)).toEqual(['name', 'type', 'version', 'tier', 'keyId', 'lastModifiedDate', 'lastModifiedUser', 'description', 'dataType']);
    }
    expect(listed[0]).toMatchObject({ type: 'SecureString', version: 1, tier: 'Standard', keyId: 'alias/aws/ssm', dataType: 'text' });
    expect(listed[1]).toMatchObject({ type: 'String', keyId: null, description: null, lastModifiedUser: expect.stringMatching(/:user\/admin$/) });
    expect(new Date(listed[1]!.lastModifiedDate as string).toISOString()).toBe(listed[1]!.lastModifiedDate);
  });

  it('exits 1 with AWS\'s message for a path SSM refuses', async () => {
    const box = sandbox();
    const run = await box.run(['ls', 'no-slash']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^paramdeck: ValidationException: /);
  });
});

describe('every command', () => {
  it.each(['get', 'ls', 'export', 'import', 'config', 'demo', 'init', 'serve', 'env'])('%s --help exits 0 and shows its usage', async (name) => {
    const run = await sandbox().run([name, '--help'], { noHome: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: paramdeck ${name} `));
    expect(run.stderr).toBe('');
  });

  it('--version prints the version', async () => {
    const run = await sandbox().run(['--version'], { noHome: true });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
