import type { Command } from 'commander';
import type { ParameterSummary, ParameterType } from '../service/types';
import { terminalSafe } from '../text/terminal-safe';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { isoDate, jsonText, stdoutIsTerminal, writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { withTarget } from './with-target';

interface LsOptions extends TargetOptions {
  recursive?: boolean;
  json?: boolean;
}

/** One `ls --json` entry: every member present, null when the endpoint did not say. */
export interface LsJson {
  name: string;
  type: ParameterType;
  version: number;
  tier: string | null;
  keyId: string | null;
  lastModifiedDate: string | null;
  lastModifiedUser: string | null;
  description: string | null;
  dataType: string | null;
}

/** `paramdeck ls [PATH]`: parameter names and metadata for scripts; values never appear. */
export function registerLs(program: Command): void {
  withTargetOptions(program.command('ls'))
    .description('list parameters (metadata only, never values): every one, or those directly under PATH')
    .argument('[path]', 'a path such as /app/prod (default: every parameter)')
    .option('-r, --recursive', 'with PATH: every level below it, not just the next')
    .option('--json', 'print the metadata as a JSON array')
    .action(async (path: string | undefined, _flags: LsOptions, command: Command) => {
      const options = mergedOptions<LsOptions>(command);
      await runCommand(options.debug, () => list(path, resolveOptions(options)));
    });
}

async function list(path: string | undefined, options: LsOptions): Promise<void> {
  const summaries = await withTarget(options, async ({ service }) => {
    const query = path === undefined ? {} : { path, recursive: options.recursive ?? false };
    // All or nothing: a script must not take a listing cut short by a refusal for the whole tree.
    const result = await service.listParameters(query).collect();
    if (result.error) throw result.error;
    return result.items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  });
  if (options.json) return writeOut(jsonText(summaries.map(toJson)));
  if (!stdoutIsTerminal()) return writeOut(summaries.map((s) => `${terminalSafe(s.name)}\n`).join(''));
  writeOut(table(summaries));
}

function toJson(s: ParameterSummary): LsJson {
  return {
    name: s.name,
    type: s.type,
    version: s.version,
    tier: s.tier ?? null,
    keyId: s.keyId ?? null,
    lastModifiedDate: isoDate(s.lastModifiedDate),
    lastModifiedUser: s.lastModifiedUser ?? null,
    description: s.description ?? null,
    dataType: s.dataType ?? null,
  };
}

/** On a terminal, aligned columns as `ls -l` gives; to a pipe, one name per line as `ls` does. */
function table(summaries: ParameterSummary[]): string {
  const rows = summaries.map((s) => [
    terminalSafe(s.name),
    s.type,
    String(s.version),
    s.lastModifiedDate ? s.lastModifiedDate.toISOString().slice(0, 16).replace('T', ' ') : '',
  ]);
  const all = [['NAME', 'TYPE', 'VERSION', 'LAST MODIFIED (UTC)'], ...rows];
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all.map((row) => `${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}\n`).join('');
}
