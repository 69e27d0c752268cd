import { terminalSafe, terminalSafeLines } from '../text/terminal-safe';

/** True when stdout is a terminal: display output is sanitised there, data is not. */
export function stdoutIsTerminal(): boolean {
  return process.stdout.isTTY === true;
}

let pipeGuarded = false;

/**
 * Writes data to stdout exactly as given. A reader that stops early (`paramdeck ls | head -1`)
 * closes the pipe: that ends the command quietly instead of with an EPIPE stack trace.
 */
export function writeOut(text: string): void {
  if (!pipeGuarded) {
    pipeGuarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  if (text !== '') process.stdout.write(text);
}

/** Display text for stdout: each line made terminal-safe when stdout is a terminal, as is otherwise. */
export function displayText(text: string): string {
  return stdoutIsTerminal() ? terminalSafeLines(text).join('\n') : text;
}

/** One line of advice or warning on stderr, prefixed like every paramdeck message, always sanitised. */
export function note(message: string): void {
  process.stderr.write(`paramdeck: ${terminalSafe(message)}\n`);
}

// The characters terminalSafe escapes; in JSON strings they become \u escapes, which decode to
// the same data, so `--json` output can go to a terminal or to jq unchanged. JSON.stringify
// already escapes C0 inside strings, so a raw newline is the indentation's and stays.
const UNSAFE_IN_JSON = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/**
 * Stable `--json` output: two-space indented, one trailing newline, and no raw control, format
 * or bidi character anywhere (they are written as `\uXXXX`), so it is safe on a terminal too.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, jsonEscape)}\n`;
}

function jsonEscape(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i += 1) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** One JSON value on one line, with what a terminal would act on written as `\uXXXX` (the same data). */
export function jsonLineText(value: unknown): string {
  return `${JSON.stringify(value).replace(UNSAFE_IN_JSON, jsonEscape)}\n`;
}

/** A date for `--json` output: ISO 8601 in UTC, or null when the endpoint did not say. */
export function isoDate(date: Date | undefined): string | null {
  return date ? date.toISOString() : null;
}
