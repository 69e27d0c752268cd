/**
 * The one terminal-safe text path. Every untrusted string (names, values, descriptions, tags,
 * labels, error text) passes through here before it reaches a terminal, so none can move the
 * cursor, set the clipboard (OSC 52), reorder text (bidi overrides) or hide characters.
 *
 * Controls (C0, DEL, C1) become `\xHH`; format characters (bidi, zero-width, BOM), line and
 * paragraph separators and lone surrogates (invalid UTF-16, the trace of invalid UTF-8) become
 * `\uHHHH`. The output holds only printable characters, and the function is idempotent: its
 * escapes are themselves printable, so a second pass changes nothing.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeCodePoint);
}

function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Splits a value into lines first (DESIGN.md: split on newlines, then sanitise each line). */
export function terminalSafeLines(text: string): string[] {
  return text.split(/\r?\n/).map(terminalSafe);
}
