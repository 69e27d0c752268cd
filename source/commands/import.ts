import { Option, type Command } from 'commander';
import type { ParameterInput } from '../service/capabilities';
import type { ParameterType } from '../service/types';
import type { OpenedTarget } from '../target';
import { CommandError } from './exit-codes';
import { parseImport, readInput, type ImportEntry, type ImportFormat } from './import-file';
import { checkImport, type PlannedPut } from './import-rules';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { note, writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { withTarget } from './with-target';

interface ImportOptions extends TargetOptions {
  type?: ParameterType;
  keyId?: string;
  format?: ImportFormat;
  dryRun?: boolean;
}

/** `paramdeck import PATH FILE`: a json or dotenv file as parameters PATH/KEY, validated first. */
export function registerImport(program: Command): void {
  withTargetOptions(program.command('import'))
    .description('create or update parameters PATH/KEY from a json or dotenv file (validates everything before writing)')
    .argument('<path>', 'where the parameters go, such as /app/prod')
    .argument('<file>', 'a .json or dotenv file; - reads standard input')
    .addOption(new Option('--type <type>', 'type of every imported parameter (default: String, and an existing parameter keeps its type)').choices(['String', 'StringList', 'SecureString']))
    .option('--key-id <key>', 'KMS key for SecureStrings (default: the existing one, else alias/aws/ssm)')
    .addOption(new Option('--format <format>', 'file format (default: .json files and text starting with { are json)').choices(['json', 'dotenv']))
    .option('--dry-run', 'show what would be written and write nothing')
    .action(async (path: string, file: string, _flags: ImportOptions, command: Command) => {
      const options = mergedOptions<ImportOptions>(command);
      await runCommand(options.debug, () => importFile(path, file, resolveOptions(options)));
    });
}

async function importFile(rawPath: string, file: string, options: ImportOptions): Promise<void> {
  if (!rawPath.startsWith('/')) throw new CommandError(`${rawPath} is not a path: a path begins with /`, 2);
  const path = rawPath.replace(/\/+$/, '');
  const entries = parseImport(await readInput(file), file, options.format);
  await withTarget(options, async (target) => {
    const plan = await planImport(target, path, entries, options);
    if (options.dryRun) {
      writeOut(plan.map((put) => `${describe(put, undefined)}\n`).join(''));
      note(`dry run: nothing was written (${plan.length} parameter${plan.length === 1 ? '' : 's'} checked)`);
      return;
    }
    await writeAll(target, plan);
  });
}

/** Every name and value checked before the first write, with what each put replaces. */
async function planImport(target: OpenedTarget, path: string, entries: ImportEntry[], options: ImportOptions): Promise<PlannedPut[]> {
  const listing = await target.service.listParameters({ path: path === '' ? '/' : path, recursive: true }).collect();
  if (listing.error) throw listing.error;
  const existing = new Map(listing.items.map((summary) => [summary.name, summary]));
  const plan = entries.map((entry): PlannedPut => {
    const name = `${path}/${entry.key.replace(/^\/+/, '')}`;
    const current = existing.get(name) ?? existing.get(name.replace(/^\//, ''));
    // Without --type an existing parameter keeps its type: a secret is never turned into plain text by default.
    const type = options.type ?? current?.type ?? 'String';
    const keyId = type !== 'SecureString' ? undefined : (options.keyId ?? (current?.type === 'SecureString' ? current.keyId : undefined));
    const input: ParameterInput = { name, value: entry.value, type, overwrite: true, ...(keyId ? { keyId } : {}) };
    return { input, ...(current ? { existing: current } : {}) };
  });
  const problems = checkImport(plan, target.label.region);
  if (problems.length > 0) {
    for (const problem of problems) note(problem);
    throw new CommandError(`nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file`);
  }
  return plan;
}

/**
 * Writes one by one. SSM has no transaction across parameters, so if a write fails after
 * others landed, the user learns exactly which landed (stdout, as they land) and which did not.
 */
async function writeAll(target: OpenedTarget, plan: PlannedPut[]): Promise<void> {
  for (const [index, put] of plan.entries()) {
    let version: number;
    try {
      ({ version } = await target.service.putParameter(put.input));
    } catch (error) {
      if (index === 0) throw error;
      const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      note(`import stopped at ${put.input.name}: ${failure}`);
      note(`not written: ${plan.slice(index).map((p) => p.input.name).join(', ')}`);
      throw new CommandError(`imported ${index} of ${plan.length} parameters; the ${plan.length - index} after them were not written`);
    }
    writeOut(`${describe(put, version)}\n`);
  }
}

/** `created /app/DB_URL (String, version 1)`; a dry run says `would create …` and the version it would make. */
function describe(put: PlannedPut, version: number | undefined): string {
  const next = version ?? (put.existing?.version ?? 0) + 1;
  const verb = put.existing ? 'update' : 'create';
  const said = version === undefined ? `would ${verb}` : `${verb}d`;
  return `${said} ${put.input.name} (${put.input.type}, version ${next})`;
}
