import { InvalidArgumentError, type Command } from 'commander';
import { pruneAuditTrail } from '../engine/audit/prune';
import { openLocalEngine } from '../target';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';

interface PruneOptions extends TargetOptions {
  days?: number;
}

/** `paramdeck audit prune [--days N]`: applies the retention now (the setting, or N days). */
export function registerAuditPrune(audit: Command): void {
  withTargetOptions(audit.command('prune'))
    .description('remove audit records older than auditRetentionDays (or --days N) now; the pruning is recorded in the chain')
    .option('--days <n>', 'keep this many days instead of the auditRetentionDays setting', parseDays)
    .action(async (_flags: PruneOptions, command: Command) => {
      const options = mergedOptions<PruneOptions>(command);
      await runCommand(options.debug, async () => {
        const resolved = resolveOptions(options);
        if (resolved.target === 'aws') throw new CommandError('retention applies to the local store; on AWS, CloudTrail keeps events 90 days', ExitCode.usage);
        const days = resolved.days ?? resolved.settings.auditRetentionDays;
        if (days === undefined) throw new CommandError('no retention is set: give --days N, or `paramdeck config set auditRetentionDays N`', ExitCode.usage);
        const engine = await openLocalEngine(resolved);
        try {
          const result = pruneAuditTrail(engine, days);
          if (result.refused) throw new CommandError(result.refused);
          writeOut(result.pruned === 0 ? `nothing older than ${days} days to prune\n` : `pruned ${result.pruned} records older than ${days} days (through record ${result.through})\n`);
        } finally {
          engine.close();
        }
      });
    });
}

function parseDays(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 36500) throw new InvalidArgumentError('days is a whole number from 1 to 36500.');
  return Number(value);
}
