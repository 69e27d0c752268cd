import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { backupStore } from '../engine/backup';
import { resolveHome } from '../engine/home';
import { readRootKeyFile, ROOT_KEY_FILE } from '../engine/keyring';
import { finishRestore, stageRestore, storeExists } from '../engine/restore';
import { isWrappedRootKey, wrapRootKey } from '../engine/wrapped-root-key';
import { openLocalEngine } from '../target';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { askPassphrase, newPassphrase, passphraseFor } from './passphrase';
import { writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';

interface BackupOptions extends TargetOptions {
  passphrase?: boolean;
}

interface RestoreOptions extends TargetOptions {
  force?: boolean;
  rootKey?: string;
}

/** The variable that gives a backup's new passphrase without a prompt. */
const BACKUP_PASSPHRASE_ENV = 'PARAMDECK_BACKUP_PASSPHRASE';

/**
 * `paramdeck backup FILE` and `paramdeck restore FILE`: a consistent, still-encrypted snapshot of
 * the local store (engine/backup.ts has the file format) and its checked, atomic return, onto
 * the same home or another one.
 */
export function registerBackup(program: Command): void {
  withTargetOptions(program.command('backup'))
    .description('write a consistent snapshot of the local store to FILE (0600); it stays encrypted')
    .argument('<file>', 'the backup file to create')
    .option('--passphrase', `carry the root key in the backup, wrapped under a passphrase chosen for it (asked, or ${BACKUP_PASSPHRASE_ENV})`)
    .action(async (file: string, _flags: BackupOptions, command: Command) => {
      const options = mergedOptions<BackupOptions>(command);
      await runCommand(options.debug, () => backup(file, localOnly(resolveOptions(options))));
    });
  withTargetOptions(program.command('restore'))
    .description('restore the local store (--home) from a backup FILE, after checking it')
    .argument('<file>', 'a file written by `paramdeck backup`')
    .option('--root-key <file>', 'the root.key the backup was made under, when the backup does not carry it')
    .option('--force', 'replace the store that exists in the home folder')
    .action(async (file: string, _flags: RestoreOptions, command: Command) => {
      const options = mergedOptions<RestoreOptions>(command);
      await runCommand(options.debug, () => restore(file, localOnly(resolveOptions(options))));
    });
}

function localOnly<T extends { target: 'local' | 'aws' }>(options: T): T {
  if (options.target === 'aws') throw new CommandError('backup and restore apply to the local store; on AWS, SSM keeps the parameters', ExitCode.usage);
  return options;
}

async function backup(file: string, options: BackupOptions): Promise<void> {
  const home = resolveHome(options.home);
  const current = await passphraseFor(home);
  const engine = await openLocalEngine(options, current === undefined ? {} : { passphrase: current });
  try {
    let keyFile: Buffer | null = null;
    let carries = `no key: restoring it needs this store's ${join(home, ROOT_KEY_FILE)} (\`restore --root-key FILE\`)`;
    if (options.passphrase) {
      const chosen = await newPassphrase(BACKUP_PASSPHRASE_ENV);
      const rootKey = readRootKeyFile(home, current);
      keyFile = wrapRootKey(rootKey, chosen);
      rootKey.fill(0);
      carries = 'the root key, wrapped under the passphrase chosen for it';
    } else if (current !== undefined) {
      // The store's own key file is already wrapped under its passphrase: it travels as it is.
      keyFile = readFileSync(join(home, ROOT_KEY_FILE));
      carries = "the root key, wrapped under the store's passphrase";
    }
    await backupStore(engine, resolve(file), keyFile);
    writeOut(`backed up ${home} to ${file}\nit carries ${carries}\n`);
  } finally {
    engine.close();
  }
}

async function restore(file: string, options: RestoreOptions): Promise<void> {
  const home = resolveHome(options.home);
  if (storeExists(home) && !options.force) {
    throw new CommandError(`a store already exists in ${home}; restore into another --home, or add --force to replace it`);
  }
  const stage = stageRestore(home, resolve(file));
  try {
    const keyFile = stage.header.keyFile ?? (options.rootKey ? readFileSync(options.rootKey) : undefined);
    if (keyFile === undefined) {
      throw new CommandError(`${file} does not carry its root key: give the root.key it was made under with --root-key FILE`, ExitCode.usage);
    }
    const passphrase = isWrappedRootKey(keyFile) ? await askPassphrase(`Passphrase for the root key of ${file}: `) : undefined;
    const summary = finishRestore(stage, keyFile, passphrase);
    writeOut(
      [
        `restored ${home} from ${file} (made ${stage.header.createdAt})`,
        `account ${summary.accountId}, region ${summary.region}: ${summary.parameters} parameters, ${summary.auditRecords} audit records verified`,
        ...(passphrase === undefined ? [] : ['its root key is protected by that passphrase (change it with `paramdeck rekey --passphrase`)']),
        '',
      ].join('\n'),
    );
  } finally {
    stage.discard();
  }
}
