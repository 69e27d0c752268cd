import { styledCharsFromTokens, styledCharsToString as original, tokenize } from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { styledCharsToString } from '../../source/ui/ink/styled-chars';

// Start and end codes of the styles a frame carries: intensity (which share an end code), colours
// of every depth, inverse, underline, a link, and full resets.
const CODES = [
  '\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[31m', '\u001b[32m', '\u001b[39m', '\u001b[38;5;208m', '\u001b[38;2;1;2;3m',
  '\u001b[44m', '\u001b[49m', '\u001b[7m', '\u001b[27m', '\u001b[4m', '\u001b[24m', '\u001b[0m',
  '\u001b]8;;https://example.test\u0007', '\u001b]8;;\u0007',
];
const piece = fc.oneof(fc.constantFrom(...CODES), fc.constantFrom('a', ' ', '─', '界', 'é'));

function frameRow(pieces: string[]): ReturnType<typeof styledCharsFromTokens> {
  return styledCharsFromTokens(tokenize(pieces.join('')));
}

describe('Ink frame serialiser', () => {
  it('writes exactly what @alcalzone/ansi-tokenize writes, for any run of styled cells', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const row = frameRow(pieces);
        expect(styledCharsToString(row)).toBe(original(row));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes no codes between cells of one style, and resets once at the end', () => {
    const row = frameRow(['\u001b[31m', 'a', 'b', 'c', '\u001b[39m', ' ', ' ']);
    expect(styledCharsToString(row)).toBe('\u001b[31mabc\u001b[39m  ');
    expect(styledCharsToString(frameRow(['\u001b[1m', 'x']))).toBe('\u001b[1mx\u001b[22m');
  });
});
