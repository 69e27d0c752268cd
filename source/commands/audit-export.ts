import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { iterateAuditRecords } from '../engine/audit/lookup-events';
import { openLocalEngine } from '../target';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { jsonLineText, writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';

interface ExportOptions extends TargetOptions {
  since: Date;
  until?: Date;
  format: 'cloudtrail-json' | 'jsonl';
  output?: string;
}

/** How far back a relative --since goes: `90d`, `12h`, `30m`. */
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Records are written in batches: one write a record is slow, one for the whole trail holds it all. */
const BATCH = 500;

/**
 * `paramdeck audit export`: the local trail between two times, oldest first, as a CloudTrail log
 * file (`{"Records": [...]}`, what CloudTrail delivers to S3, so its tools read it) or as JSON
 * lines. The records are the stored CloudTrail events, which never hold a value or a plaintext.
 */
export function registerAuditExport(audit: Command): void {
  withTargetOptions(audit.command('export'))
    .description('write the audit records from --since to --until as a CloudTrail log file or JSON lines')
    .addOption(new Option('--since <when>', 'first time: ISO 8601 (2025-05-01, 2025-05-01T09:30:00Z) or an age (90d, 12h, 30m)').argParser(whenOption).makeOptionMandatory())
    .addOption(new Option('--until <when>', 'last time, in the same forms (default: now)').argParser(whenOption))
    .addOption(new Option('--format <format>', 'file shape').choices(['cloudtrail-json', 'jsonl']).default('cloudtrail-json'))
    .option('--output <file>', 'write to FILE (0600) instead of stdout')
    .action(async (_flags: ExportOptions, command: Command) => {
      const options = mergedOptions<ExportOptions>(command);
      await runCommand(options.debug, () => exportTrail(options));
    });
}

/** An ISO 8601 date or time, or an age before now. */
export function parseWhen(text: string, now = Date.now()): Date {
  const age = /^(\d+)([mhd])$/.exec(text);
  if (age) return new Date(now - Number(age[1]) * UNIT_MS[age[2]!]!);
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    // A bare date means midnight UTC, as Date.parse reads it; a time without a zone is taken as UTC too.
    const withZone = /T|\s/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
    const time = Date.parse(withZone);
    if (!Number.isNaN(time)) return new Date(time);
  }
  throw new InvalidArgumentError('expected an ISO 8601 date or time (2025-05-01, 2025-05-01T09:30:00Z) or an age (90d, 12h, 30m).');
}

function whenOption(text: string): Date {
  return parseWhen(text);
}

async function exportTrail(options: ExportOptions): Promise<void> {
  const resolved = resolveOptions(options);
  if (resolved.target === 'aws') throw new CommandError('this exports the local store’s trail; on AWS, CloudTrail delivers log files to S3', ExitCode.usage);
  if (options.until && options.until < options.since) throw new CommandError('--until is before --since', ExitCode.usage);
  const engine = await openLocalEngine(resolved);
  const sink = options.output === undefined ? stdoutSink() : fileSink(options.output);
  try {
    const records = iterateAuditRecords(engine, { start: options.since, end: options.until });
    const cloudTrail = options.format === 'cloudtrail-json';
    let batch = cloudTrail ? '{"Records":[' : '';
    let count = 0;
    for (const { record } of records) {
      const line = jsonLineText(JSON.parse(record));
      batch += cloudTrail ? `${count === 0 ? '\n' : ',\n'}${line.slice(0, -1)}` : line;
      count += 1;
      if (count % BATCH === 0) {
        sink.write(batch);
        batch = '';
      }
    }
    sink.write(cloudTrail ? `${batch}${count === 0 ? '' : '\n'}]}\n` : batch);
    sink.done();
  } catch (error) {
    sink.abandon();
    throw error;
  } finally {
    engine.close();
  }
}

interface Sink {
  write(text: string): void;
  done(): void;
  abandon(): void;
}

function stdoutSink(): Sink {
  return { write: writeOut, done: () => undefined, abandon: () => undefined };
}

/** A 0600 file that appears complete or not at all: written to a temp name, renamed at the end. */
function fileSink(file: string): Sink {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write: (text) => void writeSync(fd, text),
    done: () => {
      close();
      renameSync(temp, file);
    },
    abandon: () => {
      close();
      rmSync(temp, { force: true });
    },
  };
}
