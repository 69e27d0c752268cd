import type { Command } from 'commander';
import { ADMIN_PRINCIPAL } from '../engine/identity/bootstrap';
import { firstActiveKey } from '../engine/identity/access-keys';
import { isAwsError } from '../engine/errors';
import { openLocalEngine } from '../target';
import { endpointUrl, withEndpointOptions, type EndpointOptions } from './endpoint-options';
import { CommandError, ExitCode } from './exit-codes';
import { withTargetOptions, type TargetOptions } from './options';
import { mergedOptions } from './merged-options';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';

interface EnvOptions extends TargetOptions, EndpointOptions {
  principal?: string;
}

/** `paramdeck env`: the shell lines that point any AWS client at `paramdeck serve`. */
export function registerEnv(program: Command): void {
  withEndpointOptions(withTargetOptions(program.command('env')))
    .description('print `export AWS_…=` lines so the AWS CLI, boto3 or any SDK uses `paramdeck serve`')
    .option('--principal <name>', 'local principal whose access key to print (default: --as, else admin)')
    .action(async (_flags: EnvOptions, command: Command) => {
      const options = mergedOptions<EnvOptions>(command);
      await runCommand(options.debug, () => printEnv(resolveOptions(options)));
    });
}

async function printEnv(options: EnvOptions): Promise<void> {
  const name = options.principal ?? options.as ?? ADMIN_PRINCIPAL;
  const engine = await openLocalEngine(options);
  try {
    const key = withNotFound(() => firstActiveKey(engine, name));
    const variables: [string, string][] = [
      ['AWS_ACCESS_KEY_ID', key.accessKeyId],
      ['AWS_SECRET_ACCESS_KEY', key.secretAccessKey],
      ['AWS_REGION', engine.region],
      ['AWS_DEFAULT_REGION', engine.region],
      ['AWS_ENDPOINT_URL', endpointUrl(options.host, options.port)],
    ];
    process.stdout.write(variables.map(([variable, value]) => `export ${variable}=${shellQuote(value)}\n`).join(''));
  } finally {
    engine.close();
  }
}

/** Single quotes keep every character literal in sh; a quote inside is written `'\''`. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function withNotFound<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntity')) throw new CommandError(error.message, ExitCode.notFound);
    throw error;
  }
}
