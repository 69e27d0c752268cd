import { InvalidArgumentError, type Command } from 'commander';
import { queryAuditEvents, type StoredAuditEvent } from '../engine/audit/lookup-events';
import { pruneAuditTrail } from '../engine/audit/prune';
import { verifyAuditTrail } from '../engine/audit/verify';
import { openLocalEngine } from '../target';
import { registerAuditExport } from './audit-export';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { jsonLineText, writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { line, table } from './text-table';

interface AuditOptions extends TargetOptions {
  json?: boolean;
  limit?: number;
}

/**
 * `paramdeck audit`: the local store's trail, newest first, as a table or as JSON lines (one
 * CloudTrail record per line); `paramdeck audit verify` recomputes the hash chain and its MACs
 * and names the first broken record. The trail is the local store's; on AWS it is CloudTrail.
 */
export function registerAudit(program: Command): void {
  const audit = withTargetOptions(program.command('audit'))
    .description('list the audit trail newest first; `audit verify` checks it was not tampered with, `audit export` and `audit prune` below')
    .argument('[verify]', 'check the hash chain and MACs instead of listing')
    .option('--json', 'one CloudTrail record (JSON) per line')
    .option('--limit <n>', 'at most N records', parseLimit)
    .action(async (verb: string | undefined, _flags: AuditOptions, command: Command) => {
      const options = mergedOptions<AuditOptions>(command);
      await runCommand(options.debug, async () => {
        if (verb !== undefined && verb !== 'verify') throw new CommandError(`unknown audit action ${verb}: the one action is \`verify\``, ExitCode.usage);
        const resolved = resolveOptions(options);
        if (resolved.target === 'aws') {
          throw new CommandError('the audit trail here is the local store’s; on AWS read CloudTrail (`aws cloudtrail lookup-events`)', ExitCode.usage);
        }
        const engine = await openLocalEngine(resolved);
        try {
          if (verb === 'verify') verify(engine);
          else list(queryAuditEvents(engine, { limit: resolved.limit ?? Number.MAX_SAFE_INTEGER }), resolved.json ?? false);
        } finally {
          engine.close();
        }
      });
    });
  registerAuditExport(audit);
  registerAuditPrune(audit);
}

function parseLimit(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a limit is a whole number from 1.');
  return Number(value);
}

function verify(engine: Parameters<typeof verifyAuditTrail>[0]): void {
  const result = verifyAuditTrail(engine);
  if (result.ok) {
    const pruned = result.prunedThrough === undefined ? '' : ` (records 1 to ${result.prunedThrough} were pruned under the retention setting)`;
    writeOut(`ok: ${result.count} records${pruned}\n`);
    return;
  }
  const broken = result.broken!;
  const where = broken.record === undefined ? 'the trail head' : `record ${broken.record}${broken.eventId ? ` (event ${broken.eventId})` : ''}`;
  writeOut(line(`broken at ${where}: ${broken.reason}`));
  writeOut(`${result.count} records before it verify\n`);
  process.exitCode = ExitCode.error;
}

function list(rows: StoredAuditEvent[], json: boolean): void {
  if (json) {
    for (const row of rows) writeOut(jsonLineText(JSON.parse(row.record)));
    return;
  }
  writeOut(
    table(
      ['TIME', 'USER', 'EVENT', 'RESOURCE', 'RESULT'],
      rows.map((row) => {
        const event = JSON.parse(row.record) as { eventTime: string; userIdentity?: { invokedBy?: string }; errorCode?: string };
        const resources = JSON.parse(row.resources) as { name: string }[];
        const via = event.userIdentity?.invokedBy ? ` (via ${event.userIdentity.invokedBy.replace('.amazonaws.com', '')})` : '';
        const more = resources.length > 1 ? ` +${resources.length - 1}` : '';
        return [
          event.eventTime,
          row.username,
          `${row.event_source.replace('.amazonaws.com', '')}:${row.event_name}${via}`,
          resources.length > 0 ? `${resources[0]!.name}${more}` : '-',
          event.errorCode ?? 'ok',
        ];
      }),
    ),
  );
}

interface PruneOptions extends TargetOptions {
  days?: number;
}

/** `paramdeck audit prune [--days N]`: applies the retention now (the setting, or N days). */
function registerAuditPrune(audit: Command): void {
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
