import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DATABASE_FILE } from '../engine/database';
import { resolveHome } from '../engine/home';
import { openLocalEngine } from '../target';
import { withTargetOptions, type TargetOptions } from './options';
import { mergedOptions } from './merged-options';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { newPassphrase } from './passphrase';
import { CommandError, ExitCode } from './exit-codes';

/** `paramdeck init`: creates the local store on purpose (any command would) and says where it is. */
export function registerInit(program: Command): void {
  withTargetOptions(program.command('init'))
    .description('create the local store (root key, account, region, the admin principal) and show where it is')
    .option('--passphrase', 'protect the root key with a passphrase (asked, or PARAMDECK_PASSPHRASE)')
    .action(async (_flags: InitOptions, command: Command) => {
      const options = mergedOptions<InitOptions>(command);
      await runCommand(options.debug, () => initStore(resolveOptions(options)));
    });
}

interface InitOptions extends TargetOptions {
  passphrase?: boolean;
}

async function initStore(options: InitOptions): Promise<void> {
  const home = resolveHome(options.home);
  const existed = existsSync(join(home, DATABASE_FILE));
  if (existed && options.passphrase) {
    throw new CommandError(`a store already exists in ${home}; --passphrase applies only when a store is created`, ExitCode.usage);
  }
  const passphrase = options.passphrase ? await newPassphrase() : undefined;
  const engine = await openLocalEngine(options, { region: options.region, ...(passphrase ? { passphrase } : {}) });
  try {
    if (existed && options.region !== undefined && options.region !== engine.region) {
      process.stderr.write(`paramdeck: the store's region was fixed when it was created; --region ${options.region} is ignored\n`);
    }
    process.stdout.write(
      [
        existed ? `a store already exists in ${engine.home}` : `created a new store in ${engine.home}`,
        `account: ${engine.accountId}`,
        `region:  ${engine.region}`,
        ...(passphrase ? ['root key: protected by a passphrase (unlock with PARAMDECK_PASSPHRASE or at the prompt)'] : []),
        '',
      ].join('\n'),
    );
  } finally {
    engine.close();
  }
}
