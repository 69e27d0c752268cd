import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DATABASE_FILE } from '../engine/database';
import { resolveHome } from '../engine/home';
import { openLocalEngine } from '../target';
import { withTargetOptions, type TargetOptions } from './options';
import { mergedOptions } from './merged-options';
import { runCommand } from './run';

/** `paramdeck init`: creates the local store on purpose (any command would) and says where it is. */
export function registerInit(program: Command): void {
  withTargetOptions(program.command('init'))
    .description('create the local store (root key, account, region, the admin principal) and show where it is')
    .action(async (_flags: TargetOptions, command: Command) => {
      const options = mergedOptions<TargetOptions>(command);
      await runCommand(options.debug, () => initStore(options));
    });
}

function initStore(options: TargetOptions): void {
  const home = resolveHome(options.home);
  const existed = existsSync(join(home, DATABASE_FILE));
  const engine = openLocalEngine(options, { region: options.region });
  try {
    if (existed && options.region !== undefined && options.region !== engine.region) {
      process.stderr.write(`paramdeck: the store's region was fixed when it was created; --region ${options.region} is ignored\n`);
    }
    process.stdout.write(
      [
        existed ? `a store already exists in ${engine.home}` : `created a new store in ${engine.home}`,
        `account: ${engine.accountId}`,
        `region:  ${engine.region}`,
        '',
      ].join('\n'),
    );
  } finally {
    engine.close();
  }
}
