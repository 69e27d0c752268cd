/**
 * Text whose width in terminal cells is simply its length, and whose every code unit is a
 * grapheme of its own: printable ASCII and the few symbols the UI draws (borders, arrows,
 * bullets, the spinner). Each symbol is one code unit and one cell under string-width's default
 * (narrow) reading of East Asian ambiguous characters, and none joins its neighbours into a
 * grapheme; test/text/single-cell.test.ts checks every one against string-width and
 * Intl.Segmenter.
 *
 * It lets the common case skip building a grapheme segmenter and string-width's Unicode property
 * expressions, which cost tens of milliseconds at start-up and on every frame (scripts/build.mjs).
 */
const UI_SYMBOLS = '\u00b7\u00d7\u2013\u2014\u2022\u2026\u2039\u203a\u2190-\u2193\u2212\u23ce\u2500-\u257f\u2800-\u28ff';

const SINGLE_CELL = new RegExp(`^[\\x20-\\x7e${UI_SYMBOLS}]*$`);
/** Controls are graphemes of their own too (they take no cell); only CR LF pairs up. */
const ONE_GRAPHEME_PER_CODE_UNIT = new RegExp(`^[\\x00-\\x0c\\x0e-\\x7f${UI_SYMBOLS}]*$`);

export function isSingleCellText(text: string): boolean {
  return SINGLE_CELL.test(text);
}

/**
 * A grapheme segmenter that answers for text of one grapheme per code unit itself, and builds
 * the real Intl.Segmenter only for other text.
 */
export function graphemeSegmenter(locales?: string | string[], options?: Intl.SegmenterOptions): Pick<Intl.Segmenter, 'segment'> {
  let segmenter: Intl.Segmenter | undefined;
  const graphemes = (options?.granularity ?? 'grapheme') === 'grapheme';
  return {
    segment(text: string): Intl.Segments {
      if (graphemes && ONE_GRAPHEME_PER_CODE_UNIT.test(text)) return codeUnitSegments(text);
      segmenter ??= new Intl.Segmenter(locales, options);
      return segmenter.segment(text);
    },
  };
}

function codeUnitSegments(input: string): Intl.Segments {
  const at = (index: number): Intl.SegmentData => ({ segment: input[index]!, index, input });
  return {
    containing(index = 0) {
      const position = Math.trunc(Number(index));
      return position >= 0 && position < input.length ? at(position) : undefined;
    },
    *[Symbol.iterator](): Generator<Intl.SegmentData, undefined> {
      for (let index = 0; index < input.length; index++) yield at(index);
      return undefined;
    },
  };
}
