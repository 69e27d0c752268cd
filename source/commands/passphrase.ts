import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rootKeyNeedsPassphrase, ROOT_KEY_FILE } from '../engine/keyring';
import { CommandError, ExitCode } from './exit-codes';

/**
 * The passphrase that unlocks a passphrase-protected store: PARAMDECK_PASSPHRASE, else an
 * interactive prompt that does not echo. A store with a plain key file needs none.
 */
export async function passphraseFor(home: string): Promise<string | undefined> {
  if (!existsSync(join(home, ROOT_KEY_FILE)) || !rootKeyNeedsPassphrase(home)) return undefined;
  return await askPassphrase(`Passphrase for ${home}: `);
}

/** Reads a passphrase from `envVar` (PARAMDECK_PASSPHRASE) or the terminal, never echoing it. */
export async function askPassphrase(prompt: string, envVar = 'PARAMDECK_PASSPHRASE'): Promise<string> {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CommandError(`a passphrase is needed: set ${envVar} or run in a terminal`, ExitCode.usage);
  }
  return await readHidden(prompt);
}

/**
 * A passphrase to protect a key with: from `envVar`, else asked twice on a terminal so a typo
 * cannot lock the user out. At least 8 characters.
 */
export async function newPassphrase(envVar = 'PARAMDECK_PASSPHRASE'): Promise<string> {
  const first = await askPassphrase('New passphrase: ', envVar);
  if (first.length < 8) throw new CommandError('the passphrase must be at least 8 characters', ExitCode.usage);
  if (!process.env[envVar] && (await askPassphrase('Repeat it: ', envVar)) !== first) {
    throw new CommandError('the passphrases differ; nothing was changed', ExitCode.usage);
  }
  return first;
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new CommandError('cancelled', ExitCode.error));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
