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

/** Reads a passphrase from PARAMDECK_PASSPHRASE or the terminal, never echoing it. */
export async function askPassphrase(prompt: string): Promise<string> {
  const fromEnv = process.env.PARAMDECK_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CommandError('this store is protected by a passphrase: set PARAMDECK_PASSPHRASE or run in a terminal', ExitCode.usage);
  }
  return await readHidden(prompt);
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
