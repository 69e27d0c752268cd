import type { Tone } from '../components/SafeText';

/**
 * Table columns that adapt to the terminal: each has a minimum and a maximum width; when the
 * minimums do not fit, the columns that matter least are dropped, and the room left grows the
 * columns in `grow` order. Pure, so a layout is tested without rendering.
 */
export interface Column<Id extends string = string> {
  readonly id: Id;
  readonly title: string;
  readonly min: number;
  /** Unbounded when absent: the column takes whatever is left. */
  readonly max?: number | undefined;
  /** Dropped first when space is short: lower goes first; Infinity never goes. */
  readonly keep: number;
  /** Who gets spare room first: lower first. */
  readonly grow: number;
  readonly align?: 'left' | 'right' | undefined;
}

/** A column with its width on this screen. */
export interface PlacedColumn<Id extends string = string> {
  readonly id: Id;
  readonly title: string;
  readonly width: number;
  readonly align: 'left' | 'right';
}

/** What a row shows in one column; the text is untrusted and is made safe when drawn. */
export interface Cell {
  readonly text: string;
  /** A SecureString value: drawn as the mask, whatever `text` holds (it should hold nothing). */
  readonly masked?: boolean | undefined;
  readonly tone?: Tone | undefined;
  readonly highlight?: readonly number[] | undefined;
}

/** The space between two columns. */
export const GAP = 2;

/** The columns that fit in `total` cells, with their widths; display order is kept. */
export function placeColumns<Id extends string>(columns: readonly Column<Id>[], total: number): PlacedColumn<Id>[] {
  let kept = [...columns];
  const needed = (cols: readonly Column<Id>[]) => cols.reduce((sum, c) => sum + c.min, 0) + GAP * Math.max(0, cols.length - 1);
  while (needed(kept) > total) {
    const droppable = kept.filter((c) => Number.isFinite(c.keep));
    if (droppable.length === 0) break;
    const weakest = droppable.reduce((a, b) => (b.keep < a.keep ? b : a));
    kept = kept.filter((c) => c !== weakest);
  }
  const widths = new Map(kept.map((c) => [c.id, c.min]));
  let spare = Math.max(0, total - needed(kept));
  for (const column of [...kept].sort((a, b) => a.grow - b.grow)) {
    const add = Math.min(spare, (column.max ?? Infinity) - column.min);
    widths.set(column.id, column.min + add);
    spare -= add;
  }
  return kept.map((c) => ({ id: c.id, title: c.title, width: widths.get(c.id)!, align: c.align ?? 'left' }));
}
