import type { Command } from 'commander';
import { startHttpServer } from '../protocol/http-server';
import { openLocalEngine } from '../target';
import { isLoopback, withEndpointOptions, type EndpointOptions } from './endpoint-options';
import { CommandError, ExitCode } from './exit-codes';
import { withTargetOptions, type TargetOptions } from './options';
import { mergedOptions } from './merged-options';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';

interface ServeOptions extends TargetOptions, EndpointOptions {
  allowRemote?: boolean;
}

/** `paramdeck serve`: the local store as an AWS-compatible endpoint for any AWS client. */
export function registerServe(program: Command): void {
  withEndpointOptions(withTargetOptions(program.command('serve')))
    .description('serve the local store on an AWS-compatible endpoint (SSM, KMS, STS) for the AWS CLI, boto3 and SDKs')
    .option('--allow-remote', 'allow a host other than loopback (traffic is plain HTTP)')
    .action(async (_flags: ServeOptions, command: Command) => {
      const options = mergedOptions<ServeOptions>(command);
      await runCommand(options.debug, () => serve(resolveOptions(options)));
    });
}

async function serve(options: ServeOptions): Promise<void> {
  if (!isLoopback(options.host)) {
    if (!options.allowRemote) {
      throw new CommandError(
        `${options.host} is not a loopback address; the endpoint speaks plain HTTP, so pass --allow-remote to serve it there anyway`,
        ExitCode.usage,
      );
    }
    process.stderr.write(`paramdeck: warning: serving on ${options.host} over plain HTTP: requests, signatures and secret values cross the network unencrypted\n`);
  }
  const engine = await openLocalEngine(options);
  try {
    const server = await startHttpServer(engine, {
      host: options.host,
      port: options.port,
      onInternalError: (error, requestId) => {
        process.stderr.write(`paramdeck: internal error in request ${requestId}\n`);
        if (options.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      },
    }).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new CommandError(`port ${options.port} on ${options.host} is already in use`);
      if (code === 'EADDRNOTAVAIL') throw new CommandError(`${options.host} is not an address of this machine`);
      throw error;
    });
    process.stdout.write(`listening on ${server.url}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
  } finally {
    engine.close();
  }
}
