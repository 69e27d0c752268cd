import type { Command } from 'commander';
import { registerAudit } from './audit';
import { registerBackup } from './backup';
import { registerConfig } from './config';
import { registerDemo } from './demo';
import { registerEnv } from './env';
import { registerExec } from './exec';
import { registerExport } from './export';
import { registerGet } from './get';
import { registerImport } from './import';
import { registerLs } from './ls';
import { registerInit } from './init';
import { registerPrincipal } from './principal';
import { registerRekey } from './rekey';
import { registerPromote } from './promote';
import { registerServe } from './serve';

/** Every subcommand, registered in one place so `--help` lists them all. */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerServe(program);
  registerEnv(program);
  registerPrincipal(program);
  registerRekey(program);
  registerBackup(program);
  registerAudit(program);
  registerGet(program);
  registerLs(program);
  registerExport(program);
  registerExec(program);
  registerImport(program);
  registerPromote(program);
  registerConfig(program);
  registerDemo(program);
}
