import { Option, type Command } from 'commander';
import type { OpenedTarget } from '../target';
import { formatDotenv, relativeName, type NamedValue } from './dotenv';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { jsonText, note, stdoutIsTerminal, writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { withTarget } from './with-target';

interface ExportOptions extends TargetOptions {
  format: 'json' | 'dotenv';
  decrypt?: boolean;
}


/** `paramdeck export PATH`: every parameter below a path as JSON or a sourceable dotenv file. */
export function registerExport(program: Command): void {
  withTargetOptions(program.command('export'))
    .description('print every parameter below PATH (all levels) as JSON or as a dotenv file `sh` can source')
    .argument('<path>', 'the path to export, such as /app/prod')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'dotenv']).default('json'))
    .option('--decrypt', 'include SecureStrings, decrypted (without it they are left out)')
    .action(async (path: string, _flags: ExportOptions, command: Command) => {
      const options = mergedOptions<ExportOptions>(command);
      await runCommand(options.debug, () => exportPath(path, resolveOptions(options)));
    });
}

async function exportPath(rawPath: string, options: ExportOptions): Promise<void> {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  const entries = await withTarget(options, (target) => (options.decrypt ? decrypted(target, path) : undecrypted(target, path)));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Formatting may refuse (a dotenv KEY collision) before anything is written: no half file.
  const text =
    options.format === 'dotenv'
      ? formatDotenv(entries)
      : jsonText(Object.fromEntries(entries.map((entry) => [entry.relativeName, entry.value])));
  if (options.decrypt && stdoutIsTerminal() && entries.length > 0) {
    note('warning: printing decrypted secret values to the terminal (they may stay in its scrollback)');
  }
  writeOut(text);
}

/** Strings and StringLists only: a SecureString's text is never fetched without --decrypt. */
async function undecrypted({ service }: OpenedTarget, path: string): Promise<NamedValue[]> {
  const result = await service.readPath(path, { recursive: true }).collect();
  if (result.error) throw result.error;
  const entries: NamedValue[] = [];
  let secrets = 0;
  for (const parameter of result.items) {
    if (parameter.value.kind === 'masked') secrets += 1;
    else entries.push({ name: parameter.name, relativeName: relativeName(parameter.name, path), value: parameter.value.text });
  }
  if (secrets > 0) {
    note(`left out ${secrets} SecureString parameter${secrets === 1 ? '' : 's'}; add --decrypt to include ${secrets === 1 ? 'it' : 'them'}`);
  }
  return entries;
}

async function decrypted({ service }: OpenedTarget, path: string): Promise<NamedValue[]> {
  const result = await service.revealPath(path, { recursive: true }).collect();
  if (result.error) throw result.error;
  return result.items.map((revealed) => ({
    name: revealed.name,
    relativeName: relativeName(revealed.name, path),
    value: revealed.plaintext(),
  }));
}
