import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { ParameterInput } from '../service/capabilities';
import { namingProblems, planPromotion, promotionPaths, writesOf } from '../service/promotion-plan';
import { previewLines } from '../service/promotion-preview';
import { PromotionStopped, promotionPuts, readPromotionSides, writePromotion } from '../service/promotion';
import type { SdkService } from '../service/sdk-service';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { displayText, note, writeOut } from './output';
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

async function promote(rawSource: string, rawTarget: string, options: PromoteOptions): Promise<void> {
  const paths = promotionPaths(rawSource, rawTarget);
  if ('problem' in paths) throw new CommandError(paths.problem, ExitCode.usage);
  const { sourcePath, targetPath } = paths;
  await withTarget(options, async ({ service, label }) => {
    const sides = await readPromotionSides(service, sourcePath, targetPath, options);
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
    await writeAll(service, await promotionPuts(service, sides, writes));
    if (deletes.length > 0) await deleteExtra(service, deletes.map((c) => c.target!.name));
  });
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

/** Writes the puts, each name on stdout as it lands; a midway failure says on stderr exactly what was and was not written. */
async function writeAll(service: SdkService, puts: readonly ParameterInput[]): Promise<void> {
  try {
    await writePromotion(service, puts, (put, version) => writeOut(displayText(`wrote ${put.name} (${put.type}, version ${version})\n`)));
  } catch (error) {
    if (!(error instanceof PromotionStopped)) throw error;
    const { failure } = error;
    note(`promote stopped at ${error.at}: ${failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure)}`);
    note(`written: ${error.written.length === 0 ? 'nothing' : error.written.join(', ')}`);
    note(`not written: ${error.notWritten.join(', ')}`);
    throw new CommandError(`wrote ${error.written.length} of ${puts.length} parameters; the ${error.notWritten.length} from ${error.at} on were not written`);
  }
}

async function deleteExtra(service: SdkService, names: readonly string[]): Promise<void> {
  const { deleted } = await service.deleteParameters(names);
  for (const name of deleted) writeOut(displayText(`deleted ${name}\n`));
}
