import { ansiCodesToString, diffAnsiCodes, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

const NO_STYLES: AnsiCode[] = [];

/**
 * Ink's frame serialiser, with the same output as @alcalzone/ansi-tokenize's own: Ink calls it for
 * every row of every frame (120 × 40 cells at start-up), and the original diffs the styles of
 * each cell against the last one with three new Sets even when nothing changed — most of the cost
 * of drawing the first frame. scripts/build.mjs hands this module to Ink in place of the package.
 */
export function styledCharsToString(chars: StyledChar[]): string {
  let text = '';
  let previous = NO_STYLES;
  for (const char of chars) {
    if (!sameStyles(previous, char.styles)) text += ansiCodesToString(diffAnsiCodes(previous, char.styles));
    text += char.value;
    previous = char.styles;
  }
  if (previous.length > 0) text += ansiCodesToString(diffAnsiCodes(previous, NO_STYLES));
  return text;
}

// Equal codes diff to nothing: each style's end code follows from its start code.
function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code) return false;
  return true;
}
