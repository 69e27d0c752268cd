/**
 * The screen's vertical budget. Ink clears and rewrites the whole terminal whenever a frame is
 * as tall as it, so every frame stays at most rows − 1 lines: two header lines, the body, the
 * status line and the hint bar.
 */
const HEADER = 2;
const FOOTER = 2;

/** Lines the active pane may use. */
export function bodyHeight(rows: number): number {
  return Math.max(3, rows - 1 - HEADER - FOOTER);
}

/** Data rows of a table in a body of `height` lines under `above` lines of title and prompt. */
export function tableRows(height: number, above: number): number {
  // One line goes to the table's column titles.
  return Math.max(1, height - above - 1);
}
