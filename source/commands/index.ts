import type { Command } from 'commander';

/** Every subcommand, registered in one place so `--help` lists them all. */
export function registerCommands(_program: Command): void {
  // Subcommands register here as they land.
}
