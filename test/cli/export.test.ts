import { describe, expect, it } from 'vitest';
import { sandbox, seed, sh } from './cli';

/** Values that break naive quoting: each must come back from `sh` exactly. */
const TRICKY: Record<string, string> = {
  '/app/quote': "it's a 'quoted' value",
  '/app/double': 'say "hi" \\"there\\"',
  '/app/dollar': '$HOME ${PATH} $(id) `id`',
  '/app/backslash': 'C:\\path\\to\\file\\',
  '/app/newlines': 'line one\nline two\n\nline four\n',
  '/app/spaces': '  leading and trailing  ',
  '/app/unicode': 'grüße 🙂 ünïcödé',
  '/app/hash': '#not a comment; echo pwned',
  '/app/db-url': 'postgres://u:p@h/db?sslmode=require&x=1',
};

describe('paramdeck export --format dotenv', () => {
  it('writes KEY=\'value\' lines that sh sources back to the exact values', async () => {
    const box = sandbox();
    seed(box.home, Object.entries(TRICKY).map(([name, value]) => ({ name, value })));
    const run = await box.run(['export', '/app', '--format', 'dotenv']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`QUOTE='it'\\''s a '\\''quoted'\\'' value'\n`);
    box.file('app.env', run.stdout);
    for (const [name, value] of Object.entries(TRICKY)) {
      const key = name.slice('/app/'.length).toUpperCase().replace(/[^A-Z0-9_]/g, '_');
      // printf %s adds nothing, so trailing newlines and spaces survive the trip.
      expect(await sh(`. ./app.env; printf %s "$${key}"`, box.dir)).toBe(value);
    }
  });

  it('names keys relative to PATH, upper-cased, with every other character turned into _', async () => {
    const box = sandbox();
    seed(box.home, [
      { name: '/svc/prod/db/url', value: 'a' },
      { name: '/svc/prod/api.key-v2', value: 'b' },
      { name: '/svc/prod/Mixed_Case', value: 'c' },
      { name: '/svc/other', value: 'not under the path' },
    ]);
    const run = await box.run(['export', '/svc/prod/', '--format', 'dotenv']);
    expect(run.stdout).toBe("API_KEY_V2='b'\nDB_URL='a'\nMIXED_CASE='c'\n");
  });

  it.each([
    { names: ['/svc/db-url', '/svc/db_url'], message: /\/svc\/db-url and \/svc\/db_url both become DB_URL/ },
    { names: ['/svc/db/url', '/svc/DB_URL'], message: /both become DB_URL/ },
    { names: ['/svc/1password'], message: /becomes 1PASSWORD, which is not a shell variable name/ },
  ])('refuses $names with exit 1 and writes nothing', async ({ names, message }) => {
    const box = sandbox();
    seed(box.home, names.map((name) => ({ name, value: 'v' })));
    const run = await box.run(['export', '/svc', '--format', 'dotenv']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect((await box.run(['export', '/svc', '--format', 'json'])).code).toBe(0);
  });
});

describe('paramdeck export', () => {
  const secrets = [
    { name: '/app/db/password', value: 'pa55-word-one', type: 'SecureString' as const },
    { name: '/app/api/token', value: 'tok-two-secret', type: 'SecureString' as const },
  ];

  it.each(['json', 'dotenv'])('--format %s without --decrypt never contains a SecureString value and says how many it left out', async (format) => {
    const box = sandbox();
    seed(box.home, [...secrets, { name: '/app/host', value: 'db.internal' }]);
    const run = await box.run(['export', '/app', '--format', format]);
    expect(run.code).toBe(0);
    for (const secret of secrets) {
      expect(run.stdout + run.stderr).not.toContain(secret.value);
      expect(run.stdout).not.toContain(secret.name.split('/').pop()!.toUpperCase());
    }
    expect(run.stdout).toContain('db.internal');
    expect(run.stderr).toBe('paramdeck: left out 2 SecureString parameters; add --decrypt to include them\n');
  });

  it('json is an object of names relative to PATH, sorted, and includes secrets with --decrypt', async () => {
    const box = sandbox();
    seed(box.home, [...secrets, { name: '/app/host', value: 'db.internal' }, { name: '/app/list', value: 'a,b', type: 'StringList' }]);
    const plain = await box.run(['export', '/app']);
    expect(plain.stdout).toBe('{\n  "host": "db.internal",\n  "list": "a,b"\n}\n');
    const all = await box.run(['export', '/app', '--decrypt']);
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(all.stdout)).toEqual({ 'api/token': 'tok-two-secret', 'db/password': 'pa55-word-one', host: 'db.internal', list: 'a,b' });
  });

  it('exports an empty object for a path with nothing under it, and exits 2 for a bad --format', async () => {
    const box = sandbox();
    expect(await box.run(['export', '/empty'])).toEqual({ code: 0, stdout: '{}\n', stderr: '' });
    const bad = await box.run(['export', '/empty', '--format', 'yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are json, dotenv/);
  });
});
