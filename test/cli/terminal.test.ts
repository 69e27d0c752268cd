import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, seed, type Sandbox } from './cli';

/** Runs the binary with stdout and stderr on a pseudo-terminal (util-linux `script`); returns what the terminal got. */
function onTerminal(box: Sandbox, args: string[]): Promise<string> {
  const command = [process.execPath, resolve('dist/paramdeck.js'), ...args, '--home', box.home].map((word) => `'${word}'`).join(' ');
  return new Promise((done, fail) => {
    execFile('script', ['-qec', command, '/dev/null'], { env: { ...process.env, PARAMDECK_CONFIG_DIR: box.configDir } }, (error, stdout) =>
      error ? fail(error) : done(stdout.replace(/\r\n/g, '\n')),
    );
  });
}

describe('on a terminal', () => {
  it('get shows a value sanitised, line by line, so it cannot drive the terminal', async () => {
    const box = sandbox();
    seed(box.home, [{ name: '/x', value: 'a\u001b[2J\u001b]52;c;aGk=\u0007b\nsecond \u202eline' }]);
    const shown = await onTerminal(box, ['get', '/x']);
    expect(shown).toBe('a\\x1b[2J\\x1b]52;c;aGk=\\x07b\nsecond \\u202eline\n');
  });

  it('ls shows columns, and export --decrypt warns before printing secrets', async () => {
    const box = sandbox();
    seed(box.home, [{ name: '/app/token', value: 'tty-secret', type: 'SecureString' }]);
    expect(await onTerminal(box, ['ls', '/app'])).toMatch(/^NAME {8}TYPE {10}VERSION {2}LAST MODIFIED \(UTC\)\n\/app\/token {2}SecureString {2}1 {8}\d{4}-\d\d-\d\d \d\d:\d\d\n$/);
    const exported = await onTerminal(box, ['export', '/app', '--format', 'dotenv', '--decrypt']);
    expect(exported).toBe("paramdeck: warning: printing decrypted secret values to the terminal (they may stay in its scrollback)\nTOKEN='tty-secret'\n");
  });
});
