import type { Command } from 'commander';
import type { Engine } from '../engine/engine';
import { shareTokenPerTurn } from '../engine/cache/remembered';
import { resolveHome } from '../engine/home';
import { WalCheckpointer } from '../engine/wal-checkpointer';
import { EngineThread } from '../protocol/engine-thread';
import { startHttpServer } from '../protocol/http-server';
import { openLocalEngine } from '../target';
import { isLoopback, withEndpointOptions, type EndpointOptions } from './endpoint-options';
import { CommandError, ExitCode } from './exit-codes';
import { withTargetOptions, type TargetOptions } from './options';
import { mergedOptions } from './merged-options';
import { passphraseFor } from './passphrase';
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
  // Asked once: the engine thread opens the same store with it.
  const passphrase = await passphraseFor(resolveHome(options.home));
  const unlock = passphrase === undefined ? {} : { passphrase };
  // This thread's engine only proves signatures (it looks access keys up); every call runs on the
  // engine thread, so HTTP and SigV4 work and the engine's work use two cores.
  const engine = await openLocalEngine(options, unlock);
  shareTokenPerTurn(engine);
  let threadStopped: (error: Error) => void = () => undefined;
  const stopped = new Promise<Error>((resolve) => (threadStopped = resolve));
  try {
    const thread = await EngineThread.start({ home: engine.home, ...unlock }, (error) => threadStopped(error));
    try {
      const checkpointer = await WalCheckpointer.start(engine.home);
      try {
        await serveUntilStopped(engine, thread, options, stopped);
      } finally {
        await checkpointer.close();
      }
    } finally {
      await thread.close();
    }
  } finally {
    engine.close();
  }
}

/** Listens until SIGINT or SIGTERM, then closes gracefully; fails if the engine thread stops first. */
async function serveUntilStopped(engine: Engine, thread: EngineThread, options: ServeOptions, stopped: Promise<Error>): Promise<void> {
  const server = await startHttpServer(engine, {
    host: options.host,
    port: options.port,
    dispatch: thread.dispatch,
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
  const failure = await Promise.race([
    new Promise<undefined>((resolve) => {
      process.once('SIGINT', () => resolve(undefined));
      process.once('SIGTERM', () => resolve(undefined));
    }),
    stopped,
  ]);
  await server.close();
  if (failure) throw new CommandError(`the engine stopped: ${failure.message}`);
}
