import { ServiceError, type ServiceErrorKind } from '../service/errors';
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
  NoSuchEntity: ExitCode.notFound,
};

/** A service failure's kind decides when its AWS name is not one of the above (e.g. ReadOnlyMode). */
const EXIT_BY_KIND: Partial<Record<ServiceErrorKind, number>> = {
  AccessDenied: ExitCode.accessDenied,
  Auth: ExitCode.accessDenied,
  NotFound: ExitCode.notFound,
};

function exitCodeOf(err: Error): number {
  if (err instanceof CommandError) return err.exitCode;
  const byName = EXIT_BY_ERROR_NAME[err.name];
  if (byName !== undefined) return byName;
  return (err instanceof ServiceError ? EXIT_BY_KIND[err.kind] : undefined) ?? ExitCode.error;
}

/**
 * Runs a command body and turns any failure into one line on stderr and a meaningful exit
 * code; stack traces only with --debug.
 */
export async function runCommand(debug: boolean | undefined, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const code = exitCodeOf(err);
    const prefix = err instanceof CommandError || err.name === 'Error' ? '' : `${err.name}: `;
    process.stderr.write(`paramdeck: ${terminalSafe(prefix + err.message)}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = code;
  }
}
