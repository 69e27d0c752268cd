import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeLines } from '../../source/text/terminal-safe';

/** Any C0, DEL, C1 or Unicode format (Cf) code point, plus separators and lone surrogates. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('\x1b', '\x07', '\x9b', '\x7f', '\u202e', '\u2066', '\u200b', '\ufeff', '\ud800', 'a', '\\', 'x', ']', '5', '2', ';') }),
);

describe('terminalSafe, the one terminal-safe text path', () => {
  it('is total and its output holds no C0, C1, Cf, separator or lone surrogate', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(UNSAFE.test(terminalSafe(text))).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const once = terminalSafe(text);
        expect(terminalSafe(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves ordinary text alone, including non-ASCII letters and emoji', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        if (!UNSAFE.test(text)) expect(terminalSafe(text)).toBe(text);
      }),
    );
    expect(terminalSafe('/app/prod/db-password · Grüße 🙂')).toBe('/app/prod/db-password · Grüße 🙂');
  });

  it.each([
    ['\x1b]52;c;aGVsbG8=\x07', '\\x1b]52;c;aGVsbG8=\\x07'],
    ['\x1b[2J', '\\x1b[2J'],
    ['a\u202eb', 'a\\u202eb'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['\x9b31m', '\\x9b31m'],
    ['del\x7f', 'del\\x7f'],
    ['bad\ud800utf', 'bad\\ud800utf'],
    ['tab\there', 'tab\\x09here'],
  ])('shows %j as visible escapes', (input, shown) => {
    expect(terminalSafe(input)).toBe(shown);
  });

  it('splits values on newlines before sanitising each line', () => {
    expect(terminalSafeLines('line one\r\nline\x1b two\nthree')).toEqual(['line one', 'line\\x1b two', 'three']);
  });
});
