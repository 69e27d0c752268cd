import type { Command } from 'commander';
import { registerEnv } from './env';
import { registerInit } from './init';
import { registerServe } from './serve';

/** Every subcommand, registered in one place so `--help` lists them all. */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerServe(program);
  registerEnv(program);
}
