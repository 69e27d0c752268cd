import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { graphemeSegmenter, isSingleCellText } from '../../source/text/single-cell';

/** Every code unit that the single-cell fast path accepts on its own. */
function acceptedCodeUnits(): string[] {
  const accepted: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const char = String.fromCharCode(code);
    if (isSingleCellText(char)) accepted.push(char);
  }
  return accepted;
}

const graphemes = new Intl.Segmenter();

describe('single-cell text (the fast path in front of string-width)', () => {
  const accepted = acceptedCodeUnits();

  it('accepts printable ASCII and the UI symbols, and nothing that is not one cell wide', () => {
    expect(accepted).toContain('a');
    for (const symbol of ['·', '│', '─', '╭', '…', '→', '•', '⠋', '⏎', '×', '—']) expect(accepted).toContain(symbol);
    for (const char of accepted) expect(stringWidth(char), `U+${char.charCodeAt(0).toString(16)}`).toBe(1);
  });

  it('accepts no character that joins its neighbours into one grapheme', () => {
    for (const char of accepted) {
      expect([...graphemes.segment(`a${char}${char}b`)], `U+${char.charCodeAt(0).toString(16)}`).toHaveLength(4);
    }
  });

  it('refuses what string-width measures otherwise: controls, wide, combining and emoji text', () => {
    for (const text of ['\t', '\x1b[31m', '\u0301', 'e\u0301', '名前', '🔑', '\u200d', '\ufe0f', '\u00ad', '\ud83d']) {
      expect(isSingleCellText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('gives string-width’s own answer for any mixture of the accepted characters', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: next() % 40 }, () => accepted[next() % accepted.length]).join('');
      expect(isSingleCellText(text)).toBe(true);
      expect(stringWidth(text)).toBe(text.length);
    }
  });
});

describe('graphemeSegmenter', () => {
  const real = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const ours = graphemeSegmenter(undefined, { granularity: 'grapheme' });
  const plain = (segments: Intl.Segments) => [...segments].map(({ segment, index, input }) => ({ segment, index, input }));

  it('gives Intl.Segmenter’s segments for UI text, controls and escape sequences included', () => {
    const symbols = acceptedCodeUnits().filter((char) => char > '\x7e');
    const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter((char) => char !== '\r');
    const alphabet = [...symbols, ...controls, 'a', 'Z', ' ', '\x1b[31m', '\x1b]8;;x\x07', '\x7f'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: next() % 30 }, () => alphabet[next() % alphabet.length]).join('');
      const segments = ours.segment(text);
      expect(plain(segments)).toEqual(plain(real.segment(text)));
      for (let index = -1; index <= text.length; index++) expect(segments.containing(index)).toEqual(real.segment(text).containing(index));
    }
  });

  it('hands other text to Intl.Segmenter: CR LF, combining marks, emoji, CJK', () => {
    for (const text of ['a\r\nb', 'e\u0301│', '👩‍💻 ok', '名前…', '🇫🇷']) expect(plain(ours.segment(text))).toEqual(plain(real.segment(text)));
  });
});
