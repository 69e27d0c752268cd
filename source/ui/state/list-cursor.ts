/**
 * A list's selected row and the first row on screen. The viewport scrolls only when the cursor
 * would leave it, so moving the selection repaints two rows, not the whole list: over a slow SSH
 * link that is the difference between a few hundred bytes and a full screen per keystroke.
 */
export interface ListCursor {
  readonly cursor: number;
  readonly offset: number;
}

/** Where a list starts. */
export const START: ListCursor = { cursor: 0, offset: 0 };

/** How the selection moves: by rows, by pages, or to either end. */
export type Movement = { by: number } | { pages: number } | { to: 'top' | 'bottom' };

/** The cursor after `movement` in a list of `length` rows shown `height` rows at a time. */
export function moveCursor(current: ListCursor, movement: Movement, length: number, height: number): ListCursor {
  if (length === 0) return START;
  const rows = Math.max(1, height);
  let cursor: number;
  if ('to' in movement) cursor = movement.to === 'top' ? 0 : length - 1;
  else if ('pages' in movement) cursor = current.cursor + movement.pages * rows;
  else cursor = current.cursor + movement.by;
  cursor = clamp(cursor, 0, length - 1);
  return { cursor, offset: keepVisible(current.offset, cursor, length, rows) };
}

/**
 * The rows to draw. The stored offset may be stale after a resize or a shorter list, so it is
 * clamped here rather than trusted.
 */
export function visibleWindow(current: ListCursor, length: number, height: number): { cursor: number; start: number; end: number } {
  const rows = Math.max(1, height);
  const cursor = length === 0 ? 0 : clamp(current.cursor, 0, length - 1);
  const start = keepVisible(current.offset, cursor, length, rows);
  return { cursor, start, end: Math.min(length, start + rows) };
}

function keepVisible(offset: number, cursor: number, length: number, rows: number): number {
  let start = offset;
  if (cursor < start) start = cursor;
  if (cursor >= start + rows) start = cursor - rows + 1;
  return clamp(start, 0, Math.max(0, length - rows));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
