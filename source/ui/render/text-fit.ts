import stringWidth from 'string-width';
import { isSingleCellText } from '../../text/single-cell';

/**
 * Column arithmetic on already terminal-safe text. Widths are display cells (a CJK character or
 * an emoji takes two), so columns line up whatever a description holds; ASCII, the common case
 * for SSM names, takes the fast path.
 */

/** The text's width in terminal cells. */
export function cellWidth(text: string): number {
  return isSingleCellText(text) ? text.length : stringWidth(text);
}

/** `text` cut to `width` cells with a visible `…` when it was longer, then padded to exactly `width`. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const size = cellWidth(text);
  if (size <= width) return text + ' '.repeat(width - size);
  const cut = sliceCells(text, width - 1);
  return `${cut}…${' '.repeat(Math.max(0, width - 1 - cellWidth(cut)))}`;
}

/** `text` split into pieces of at most `width` cells: long values wrap, never vanish. */
export function wrapCells(text: string, width: number): string[] {
  if (width <= 0) return [text];
  if (text === '') return [''];
  const pieces: string[] = [];
  let rest = text;
  while (cellWidth(rest) > width) {
    const piece = sliceCells(rest, width);
    // A double-width character wider than the pane still has to go somewhere.
    const taken = piece === '' ? [...rest][0]! : piece;
    pieces.push(taken);
    rest = rest.slice(taken.length);
  }
  pieces.push(rest);
  return pieces;
}

/** The longest prefix of `text` at most `width` cells wide. */
function sliceCells(text: string, width: number): string {
  if (isSingleCellText(text)) return text.slice(0, width);
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = stringWidth(char);
    if (used + size > width) break;
    used += size;
    end += char.length;
  }
  return text.slice(0, end);
}
