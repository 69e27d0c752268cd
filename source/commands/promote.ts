import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { ParameterInput } from '../service/capabilities';
import type { RevealedValue } from '../service/revealed-value';
import type { SdkService } from '../service/sdk-service';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { displayText, note, writeOut } from './output';
import { namingProblems, planPromotion, previewLines, writesOf, type PlannedChange, type PromoteSides } from './promote-plan';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { withTarget } from './with-target';

interface PromoteOptions extends TargetOptions {
  keyId?: string;
  dryRun?: boolean;
  yes?: boolean;
  deleteExtra?: boolean;
  compareSecrets?: boolean;
}

/** `paramdeck promote SOURCE TARGET` (alias `copy`): a path's parameters copied to another, previewed first. */
export function registerPromote(program: Command): void {
  withTargetOptions(program.command('promote').alias('copy'))
    .description('copy the parameters under SOURCE to TARGET (/app/staging → /app/prod), showing a diff preview before writing')
    .argument('<source>', 'the path to copy from, such as /app/staging')
    .argument('<target>', 'the path to copy to, such as /app/prod')
    .option('--key-id <key>', "the target's KMS key for SecureStrings (required when SOURCE holds any)")
    .option('--dry-run', 'print the preview and write nothing')
    .option('--yes', 'write without asking (required when stdin is not a terminal)')
    .option('--delete-extra', 'also delete the parameters only TARGET has')
    .option('--compare-secrets', 'decrypt SecureStrings on both sides so the preview can tell which changed (audited)')
    .action(async (source: string, target: string, _flags: PromoteOptions, command: Command) => {
      const options = mergedOptions<PromoteOptions>(command);
      await runCommand(options.debug, () => promote(source, target, resolveOptions(options)));
    });
}

function pathArgument(raw: string): string {
  const path = raw.replace(/\/+$/, '');
  if (!path.startsWith('/') || path === '') throw new CommandError(`${raw} is not a path: a path begins with / and is not / itself`, ExitCode.usage);
  return path;
}

async function promote(rawSource: string, rawTarget: string, options: PromoteOptions): Promise<void> {
  const sourcePath = pathArgument(rawSource);
  const targetPath = pathArgument(rawTarget);
  if (`${sourcePath}/`.startsWith(`${targetPath}/`) || `${targetPath}/`.startsWith(`${sourcePath}/`)) {
    throw new CommandError(`${sourcePath} and ${targetPath} overlap: promote copies between two separate paths`, ExitCode.usage);
  }
  await withTarget(options, async ({ service, label }) => {
    const sides = await readSides(service, sourcePath, targetPath, options);
    if (sides.source.length === 0) throw new CommandError(`there are no parameters under ${sourcePath}`, ExitCode.notFound);
    const changes = planPromotion(sides);
    writeOut(displayText(`${previewLines(changes, sides).join('\n')}\n`));
    const problems = namingProblems(changes, targetPath, label.region);
    if (problems.length > 0) {
      for (const problem of problems) note(problem);
      throw new CommandError(`nothing was written: ${problems.length} name${problems.length === 1 ? '' : 's'} cannot be created under ${targetPath}`);
    }
    const writes = writesOf(changes);
    const deletes = changes.filter((c) => c.kind === 'delete');
    const needsKey = writes.some((c) => c.source!.type === 'SecureString') && options.keyId === undefined;
    if (options.dryRun) {
      if (needsKey) note("a real run needs --key-id: the target's KMS key for the SecureStrings, chosen explicitly");
      note('dry run: nothing was written');
      return;
    }
    if (needsKey) {
      throw new CommandError(`nothing was written: ${sourcePath} holds SecureStrings; choose the key to encrypt them under in ${targetPath} with --key-id`, ExitCode.usage);
    }
    if (writes.length === 0 && deletes.length === 0) return note(`nothing to do: ${targetPath} already matches ${sourcePath}`);
    await confirmOrRefuse(`Write ${writes.length} and delete ${deletes.length} parameter(s) under ${targetPath}?`, options.yes ?? false);
    const secrets = await decryptSources(service, writes);
    await writeAll(service, writes.map((c) => putFor(c, targetPath, sides, secrets, options.keyId)));
    if (deletes.length > 0) await deleteExtra(service, deletes.map((c) => c.target!.name));
  });
}

/** Both listings, and the values the preview may compare: plain ones always, SecureStrings only with --compare-secrets. */
async function readSides(service: SdkService, sourcePath: string, targetPath: string, options: PromoteOptions): Promise<PromoteSides> {
  const collect = async <T>(listing: { collect(): Promise<{ items: T[]; error?: Error }> }): Promise<T[]> => {
    const result = await listing.collect();
    if (result.error) throw result.error;
    return result.items;
  };
  const values = async (path: string): Promise<Map<string, string>> => {
    if (options.compareSecrets) return new Map((await collect(service.revealPath(path, { recursive: true }))).map((r) => [r.name, r.plaintext()]));
    const read = await collect(service.readPath(path, { recursive: true }));
    return new Map(read.flatMap((p) => (p.value.kind === 'plain' ? [[p.name, p.value.text] as const] : [])));
  };
  return {
    sourcePath,
    targetPath,
    source: await collect(service.listParameters({ path: sourcePath, recursive: true })),
    target: await collect(service.listParameters({ path: targetPath, recursive: true })),
    sourceValues: await values(sourcePath),
    targetValues: await values(targetPath),
    keyId: options.keyId,
    deleteExtra: options.deleteExtra ?? false,
  };
}

/** Asks `y/N` on a terminal; without one, only --yes may confirm a write. */
async function confirmOrRefuse(question: string, yes: boolean): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new CommandError('nothing was written: stdin is not a terminal, so pass --yes to confirm (or --dry-run to preview only)', ExitCode.usage);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await prompt.question(`${question} y/N `).finally(() => prompt.close());
  if (!/^y(es)?$/i.test(answer.trim())) throw new CommandError('cancelled: nothing was written');
}

/** Every SecureString to copy, decrypted (and audited) after the user agreed and before the first write, so a refusal writes nothing. */
async function decryptSources(service: SdkService, writes: readonly PlannedChange[]): Promise<Map<string, RevealedValue>> {
  const secrets = new Map<string, RevealedValue>();
  for (const change of writes) {
    if (change.source!.type === 'SecureString') secrets.set(change.source!.name, await service.reveal(change.source!.name));
  }
  return secrets;
}

/** The put that makes the target mirror the source: its type, description, tier, pattern and data type; SecureStrings under `keyId`. */
function putFor(change: PlannedChange, targetPath: string, sides: PromoteSides, secrets: Map<string, RevealedValue>, keyId: string | undefined): ParameterInput {
  const source = change.source!;
  const value = source.type === 'SecureString' ? secrets.get(source.name)!.plaintext() : sides.sourceValues.get(source.name)!;
  return {
    name: `${targetPath}/${change.relative}`,
    value,
    type: source.type,
    overwrite: true,
    ...(source.type === 'SecureString' && keyId ? { keyId } : {}),
    ...(source.description ? { description: source.description } : {}),
    ...(source.tier === 'Advanced' ? { tier: 'Advanced' as const } : {}),
    ...(source.allowedPattern ? { allowedPattern: source.allowedPattern } : {}),
    ...(source.dataType && source.dataType !== 'text' ? { dataType: source.dataType } : {}),
  };
}

/**
 * Writes one by one, each name on stdout as it lands. SSM has no transaction across parameters:
 * if a write fails after others landed, stderr says exactly which were written and which not.
 */
async function writeAll(service: SdkService, puts: readonly ParameterInput[]): Promise<void> {
  for (const [index, put] of puts.entries()) {
    let version: number;
    try {
      ({ version } = await service.putParameter(put));
    } catch (error) {
      const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      note(`promote stopped at ${put.name}: ${failure}`);
      note(`written: ${index === 0 ? 'nothing' : puts.slice(0, index).map((p) => p.name).join(', ')}`);
      note(`not written: ${puts.slice(index).map((p) => p.name).join(', ')}`);
      throw new CommandError(`wrote ${index} of ${puts.length} parameters; the ${puts.length - index} from ${put.name} on were not written`);
    }
    writeOut(displayText(`wrote ${put.name} (${put.type}, version ${version})\n`));
  }
}

async function deleteExtra(service: SdkService, names: readonly string[]): Promise<void> {
  const { deleted } = await service.deleteParameters(names);
  for (const name of deleted) writeOut(displayText(`deleted ${name}\n`));
}
