import { summarizeLocalStore } from '../target';
import { CommandError, ExitCode } from './exit-codes';
import type { TargetOptions } from './options';

/** Starts the terminal UI, refusing without a TTY (a script should use get, ls or export). */
export async function startTui(options: TargetOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CommandError(
      'the TUI needs an interactive terminal (stdin and stdout must be a TTY); in scripts use `paramdeck get`, `paramdeck ls` or `paramdeck export`',
      ExitCode.usage,
    );
  }
  const { runTui } = await import('../ui/run');
  await runTui(await summarizeLocalStore(options));
}
