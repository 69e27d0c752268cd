import type { Command } from 'commander';
import { resolveHome } from '../engine/home';
import { newRootKey, rootKeyNeedsPassphrase } from '../engine/keyring';
import { rekeyStore } from '../engine/rekey';
import { wrapRootKey } from '../engine/wrapped-root-key';
import { openLocalEngine } from '../target';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { newPassphrase, passphraseFor } from './passphrase';
import { writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';

interface RekeyOptions extends TargetOptions {
  passphrase?: boolean;
  removePassphrase?: boolean;
}

/** The variable that gives the new passphrase without a prompt (scripts, tests). */
const NEW_PASSPHRASE_ENV = 'PARAMDECK_NEW_PASSPHRASE';

/**
 * `paramdeck rekey`: a new root key for the local store, every secret re-sealed under it in one
 * audited transaction. The new key keeps the old one's protection unless `--passphrase` (a new
 * passphrase) or `--remove-passphrase` (a plain 0600 key file) says otherwise.
 */
export function registerRekey(program: Command): void {
  withTargetOptions(program.command('rekey'))
    .description('replace the local store’s root key (and optionally its passphrase); every key’s material is re-wrapped')
    .option('--passphrase', `protect the new root key with a new passphrase (asked, or ${NEW_PASSPHRASE_ENV})`)
    .option('--remove-passphrase', 'store the new root key in a plain 0600 file, without a passphrase')
    .action(async (_flags: RekeyOptions, command: Command) => {
      const options = mergedOptions<RekeyOptions>(command);
      await runCommand(options.debug, () => rekey(resolveOptions(options)));
    });
}

async function rekey(options: RekeyOptions & { target: 'local' | 'aws' }): Promise<void> {
  if (options.target === 'aws') throw new CommandError('rekey applies to the local store; AWS KMS rotates its own keys', ExitCode.usage);
  if (options.passphrase && options.removePassphrase) throw new CommandError('--passphrase and --remove-passphrase exclude each other', ExitCode.usage);
  const home = resolveHome(options.home);
  const current = await passphraseFor(home);
  if (options.removePassphrase && current === undefined) throw new CommandError(`the root key of ${home} has no passphrase to remove`, ExitCode.usage);
  const next = options.passphrase ? await newPassphrase(NEW_PASSPHRASE_ENV) : options.removePassphrase ? undefined : current;
  const engine = await openLocalEngine(options, current === undefined ? {} : { passphrase: current });
  const rootKey = newRootKey();
  try {
    const keyFile = next === undefined ? Buffer.from(rootKey) : wrapRootKey(rootKey, next);
    const summary = rekeyStore(engine, rootKey, keyFile, options.passphrase || options.removePassphrase ? 'passphrase' : 'new-root-key');
    writeOut(
      [
        `new root key in ${home}/root.key (${rootKeyNeedsPassphrase(home) ? 'protected by a passphrase' : 'a plain 0600 file'})`,
        `re-wrapped ${summary.keyMaterials} KMS key material version${summary.keyMaterials === 1 ? '' : 's'} and ${summary.accessKeys} access key secret${summary.accessKeys === 1 ? '' : 's'}; MACed ${summary.auditRecords} audit records again`,
        ...(summary.importTokensDropped > 0 ? [`dropped ${summary.importTokensDropped} unused import token(s): call GetParametersForImport again`] : []),
        'the old root key decrypts nothing in this store now; back up the new root.key with the store',
        '',
      ].join('\n'),
    );
  } finally {
    rootKey.fill(0);
    engine.close();
  }
}
