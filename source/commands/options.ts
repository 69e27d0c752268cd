import { Option, type Command } from 'commander';

/** The flags every command accepts to pick and reach a target (DESIGN.md, "Command line"). */
export interface TargetOptions {
  target?: 'local' | 'aws';
  home?: string;
  as?: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  readOnly?: boolean;
  debug?: boolean;
  /** The aws target's listing cache: only the TUI turns it on (setting `metadataCache`, default on). */
  metadataCache?: boolean;
  /** The auditRetentionDays setting (config file only, no flag), which opening the local store applies. */
  auditRetentionDays?: number;
}

/** Adds the target flags to a command. */
export function withTargetOptions(command: Command): Command {
  return command
    .addOption(new Option('--target <target>', 'local store or real AWS').choices(['local', 'aws']).env('PARAMDECK_TARGET'))
    .addOption(new Option('--home <dir>', 'local store folder').env('PARAMDECK_HOME'))
    .option('--as <name>', 'local principal to act as (default: admin)')
    .option('--profile <profile>', 'AWS profile (aws target)')
    .option('--region <region>', 'AWS region (aws target)')
    .option('--endpoint-url <url>', 'SSM/KMS-compatible endpoint (aws target)')
    .option('--read-only', 'hide and refuse every mutating action')
    .option('--debug', 'print stack traces of errors');
}
