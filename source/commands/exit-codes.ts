/** The process exit codes every command shares (DESIGN.md). */
export const ExitCode = {
  ok: 0,
  error: 1,
  usage: 2,
  accessDenied: 3,
  notFound: 4,
} as const;

/** An error a command reports as one line on stderr with a chosen exit code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.error,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
