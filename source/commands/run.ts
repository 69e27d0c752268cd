import { terminalSafe } from '../text/terminal-safe';
import { CommandError, ExitCode } from './exit-codes';

/** Maps AWS error shape names to the exit codes scripts rely on. */
const EXIT_BY_ERROR_NAME: Record<string, number> = {
  AccessDeniedException: ExitCode.accessDenied,
  UnrecognizedClientException: ExitCode.accessDenied,
  InvalidSignatureException: ExitCode.accessDenied,
  ParameterNotFound: ExitCode.notFound,
  ParameterVersionNotFound: ExitCode.notFound,
  NotFoundException: ExitCode.notFound,
};

/**
 * Runs a command body and turns any failure into one line on stderr and a meaningful exit
 * code; stack traces only with --debug.
 */
export async function runCommand(debug: boolean | undefined, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const code = err instanceof CommandError ? err.exitCode : (EXIT_BY_ERROR_NAME[err.name] ?? ExitCode.error);
    const prefix = err instanceof CommandError || err.name === 'Error' ? '' : `${err.name}: `;
    process.stderr.write(`paramdeck: ${terminalSafe(prefix + err.message)}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = code;
  }
}
