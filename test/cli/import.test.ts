import { describe, expect, it } from 'vitest';
import { putPrincipalPolicy } from '../../source/engine/identity/policies';
import { createPrincipal } from '../../source/engine/identity/principals';
import { sandbox, seed } from './cli';

/** Every dotenv form the importer reads, and the value each must give. */
const DOTENV_FORMS: [line: string, key: string, value: string][] = [
  ["SINGLE='it'\\''s $HOME \\n'", 'SINGLE', "it's $HOME \\n"],
  ['DOUBLE="tab\\there\\nnewline \\"q\\" \\\\ \\$x"', 'DOUBLE', 'tab\there\nnewline "q" \\ $x'],
  ['export EXPORTED=plain', 'EXPORTED', 'plain'],
  ['UNQUOTED = spaced value   # a comment', 'UNQUOTED', 'spaced value'],
  ['HASHED=abc#def', 'HASHED', 'abc#def'],
  ["MULTI='first\nsecond'", 'MULTI', 'first\nsecond'],
  ['dotted.key-name=x', 'dotted.key-name', 'x'],
];

describe('paramdeck import', () => {
  it('reads every dotenv form into PATH/KEY, as created versions', async () => {
    const box = sandbox();
    const file = box.file('in.env', `# header comment\n\n${DOTENV_FORMS.map(([line]) => line).join('\n')}\n`);
    const run = await box.run(['import', '/imp', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('created /imp/SINGLE (String, version 1)\n');
    const exported = JSON.parse((await box.run(['export', '/imp'])).stdout) as Record<string, string>;
    expect(exported).toEqual(Object.fromEntries(DOTENV_FORMS.map(([, key, value]) => [key, value])));
  });

  it('round-trips export --decrypt through import, keeping types and adding versions', async () => {
    const box = sandbox();
    seed(box.home, [
      { name: '/src/db/url', value: "postgres://x?a='1'&b=$2" },
      { name: '/src/db/password', value: 'multi\nline\\secret', type: 'SecureString' },
      { name: '/dst/DB_PASSWORD', value: 'old', type: 'SecureString' },
    ]);
    const dotenv = await box.run(['export', '/src', '--format', 'dotenv', '--decrypt']);
    const run = await box.run(['import', '/dst', '-'], { input: dotenv.stdout });
    expect(run.stdout).toBe('updated /dst/DB_PASSWORD (SecureString, version 2)\ncreated /dst/DB_URL (String, version 1)\n');
    expect((await box.run(['get', '/dst/DB_PASSWORD', '--decrypt'])).stdout).toBe('multi\nline\\secret');
    expect((await box.run(['get', '/dst/DB_URL'])).stdout).toBe("postgres://x?a='1'&b=$2");
    const json = await box.run(['export', '/src', '--decrypt']);
    const again = await box.run(['import', '/copy', '-', '--type', 'SecureString'], { input: json.stdout });
    expect(again.stdout).toBe('created /copy/db/password (SecureString, version 1)\ncreated /copy/db/url (SecureString, version 1)\n');
    expect((await box.run(['get', '/copy/db/url'])).stdout).toBe('********');
  });

  it('--dry-run shows the plan and changes nothing', async () => {
    const box = sandbox();
    seed(box.home, [{ name: '/app/A', value: 'one' }]);
    const before = (await box.run(['ls', '/app', '--json'])).stdout;
    const file = box.file('in.json', JSON.stringify({ A: 'two', B: 'new', 'nested/C': 3 }));
    const run = await box.run(['import', '/app', file, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('would update /app/A (String, version 2)\nwould create /app/B (String, version 1)\nwould create /app/nested/C (String, version 1)\n');
    expect(run.stderr).toBe('paramdeck: dry run: nothing was written (3 parameters checked)\n');
    expect((await box.run(['ls', '/app', '--json'])).stdout).toBe(before);
    expect((await box.run(['get', '/app/A'])).stdout).toBe('one');
  });

  it.each([
    { name: 'an empty value', content: 'A=1\nB=\n', problem: /\/imp\/B: the value is empty/ },
    { name: 'a reserved name', content: '{"A": "1", "ssm/x": "2"}', problem: /a name may not begin with "aws" or "ssm"/, path: '/' },
    { name: 'a value over 4096 characters', content: `A=1\nBIG=${'x'.repeat(4097)}\n`, problem: /\/imp\/BIG: the value has 4097 characters/ },
    { name: 'a key set twice', content: 'A=1\nB=2\nA=3\n', problem: /A is set twice \(lines 1 and 3\)/ },
    { name: 'an unclosed quote', content: 'A=1\nB="open\n', problem: /line 2: the quote opened here is never closed/ },
    { name: 'a JSON array value', content: '{"A": ["x"]}', problem: /the value of A is an array/ },
    { name: 'broken JSON', content: '{"A": secret-value}', problem: /is not valid JSON/ },
  ])('writes nothing when the file has $name (exit 1)', async ({ content, problem, path }) => {
    const box = sandbox();
    const file = box.file('in.txt', content);
    const run = await box.run(['import', path ?? '/imp', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(problem);
    expect(run.stderr).not.toContain('secret-value');
    expect((await box.run(['ls'])).stdout).toBe('');
  });

  it('reports exactly what landed when a write fails midway, and exits 1', async () => {
    const box = sandbox();
    seed(box.home, [], (engine) => {
      createPrincipal(engine, 'writer');
      const denied = `arn:aws:ssm:${engine.region}:${engine.accountId}:parameter/imp/C`;
      putPrincipalPolicy(engine, 'writer', 'all-but-c', JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'ssm:*', Resource: '*' },
          { Effect: 'Deny', Action: 'ssm:PutParameter', Resource: denied },
        ],
      }));
    });
    const file = box.file('in.env', 'A=1\nB=2\nC=3\nD=4\n');
    const run = await box.run(['import', '/imp', file, '--as', 'writer']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('created /imp/A (String, version 1)\ncreated /imp/B (String, version 1)\n');
    expect(run.stderr).toMatch(/import stopped at \/imp\/C: AccessDeniedException: /);
    expect(run.stderr).toContain('not written: /imp/C, /imp/D\n');
    expect(run.stderr).toContain('imported 2 of 4 parameters; the 2 after them were not written\n');
    expect((await box.run(['ls', '/imp'])).stdout).toBe('/imp/A\n/imp/B\n');
  });

  it('exits 3 when the first write is refused, 2 for a path without /, and 1 for a missing file', async () => {
    const box = sandbox();
    const file = box.file('in.env', 'A=1\n');
    const readOnly = await box.run(['import', '/imp', file, '--read-only']);
    expect(readOnly.code).toBe(3);
    expect(readOnly.stderr).toMatch(/PutParameter is refused: paramdeck runs with --read-only/);
    expect((await box.run(['import', 'imp', file])).code).toBe(2);
    const missing = await box.run(['import', '/imp', `${box.dir}/nope.env`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.env: no such file/);
  });
});
