import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../protocol/cli-process';
import { tempHome } from '../helpers/temp-home';

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { PARAMDECK_PASSPHRASE: _unused, ...rest } = process.env;
  return { ...rest, ...extra };
}

describe('a passphrase-protected store', () => {
  it('is created by init --passphrase, unlocks with the right passphrase only, and changes nothing on a wrong one', async () => {
    const home = tempHome();
    const created = await runCli(['init', '--passphrase', '--home', home], env({ PARAMDECK_PASSPHRASE: 'correct horse battery' }));
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('protected by a passphrase');
    const keyFile = readFileSync(join(home, 'root.key'), 'utf8');
    expect(JSON.parse(keyFile)).toMatchObject({ kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 });

    const noPassphrase = await runCli(['env', '--home', home], env());
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.stderr).toContain('set PARAMDECK_PASSPHRASE');

    const wrong = await runCli(['env', '--home', home], env({ PARAMDECK_PASSPHRASE: 'wrong horse battery' }));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(`paramdeck: wrong passphrase for ${join(home, 'root.key')}\n`);
    expect(readFileSync(join(home, 'root.key'), 'utf8')).toBe(keyFile);

    const right = await runCli(['env', '--home', home], env({ PARAMDECK_PASSPHRASE: 'correct horse battery' }));
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(/^export AWS_ACCESS_KEY_ID='AKIA[A-Z0-9]{16}'$/m);
  });

  it('refuses --passphrase on an existing store and a passphrase shorter than 8 characters', async () => {
    const home = tempHome();
    expect((await runCli(['init', '--passphrase', '--home', home], env({ PARAMDECK_PASSPHRASE: 'short' }))).code).toBe(2);
    expect((await runCli(['init', '--home', home], env())).code).toBe(0);
    const again = await runCli(['init', '--passphrase', '--home', home], env({ PARAMDECK_PASSPHRASE: 'long enough phrase' }));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('applies only when a store is created');
  });
});
