import type { Command } from 'commander';
import { registerAudit } from './audit';
import { registerConfig } from './config';
import { registerDemo } from './demo';
import { registerEnv } from './env';
import { registerExport } from './export';
import { registerGet } from './get';
import { registerImport } from './import';
import { registerLs } from './ls';
import { registerInit } from './init';
import { registerPrincipal } from './principal';
import { registerPromote } from './promote';
import { registerServe } from './serve';

/** Every subcommand, registered in one place so `--help` lists them all. */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerServe(program);
  registerEnv(program);
  registerPrincipal(program);
  registerAudit(program);
  registerGet(program);
  registerLs(program);
  registerExport(program);
  registerImport(program);
  registerPromote(program);
  registerConfig(program);
  registerDemo(program);
}
