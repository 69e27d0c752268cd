import { Command } from 'commander';
import { registerCommands } from './commands/index';
import { startTui } from './commands/tui';
import { withTargetOptions, type TargetOptions } from './commands/options';
import { runCommand } from './commands/run';
import { VERSION } from './version';

const program = withTargetOptions(new Command('paramdeck'))
  .description('Terminal secrets browser for AWS Systems Manager Parameter Store')
  .version(VERSION, '-V, --version')
  .showHelpAfterError('(add --help for usage)')
  .action(async (options: TargetOptions) => {
    await runCommand(options.debug, () => startTui(options));
  });

// Usage errors (unknown flag, missing argument) exit 2, as DESIGN.md fixes. Set before the
// subcommands are registered: commander copies it into each one only when it is created.
program.exitOverride((error) => {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
    process.exit(0);
  }
  process.exit(2);
});

registerCommands(program);

// Not a top-level await: the bundle is CommonJS (scripts/build.mjs), and an error still ends the
// process as an unhandled rejection.
void program.parseAsync(process.argv);
