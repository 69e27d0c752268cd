import { Box, Text } from 'ink';
import { Fragment } from 'react';
import { GAP, type Cell, type PlacedColumn } from '../render/columns';
import { visibleWindow, type ListCursor } from '../state/list-cursor';
import { Masked } from './Masked';
import { SafeText, type Tone } from './SafeText';

/** Rows a table can draw without the whole list being materialised: 100,000 matches stay an index. */
export interface RowList<R> {
  readonly length: number;
  at(position: number): R;
}

/** A row list over a plain array. */
export function rowsOf<R>(items: readonly R[]): RowList<R> {
  return { length: items.length, at: (position) => items[position]! };
}

interface TableProps<Id extends string, R> {
  readonly columns: readonly PlacedColumn<Id>[];
  readonly rows: RowList<R>;
  readonly cursor: ListCursor;
  /** Data rows on screen, the header line not counted. */
  readonly height: number;
  readonly cells: (row: R) => Record<Id, Cell>;
  /** What an empty table says instead; it wraps, so a long AWS error reads in full. */
  readonly empty?: string | undefined;
  readonly emptyTone?: Tone | undefined;
}

const SPACER = ' '.repeat(GAP);

/**
 * A virtualised table: only the rows in the window are built and drawn, so a list of 100,000
 * costs what a screenful does. Each row is one line; the selected one is drawn inverse.
 */
export function Table<Id extends string, R>({ columns, rows, cursor, height, cells, empty, emptyTone }: TableProps<Id, R>) {
  const { cursor: selected, start, end } = visibleWindow(cursor, rows.length, height);
  const lines = [];
  for (let position = start; position < end; position++) {
    const row = cells(rows.at(position));
    const inverse = position === selected;
    lines.push(
      <Text key={position} wrap="truncate">
        {columns.map((column, i) => (
          <Fragment key={column.id}>
            {i > 0 ? <Text inverse={inverse}>{SPACER}</Text> : null}
            {row[column.id].masked ? (
              <Masked width={column.width} inverse={inverse} />
            ) : (
              <SafeText {...row[column.id]} width={column.width} align={column.align} inverse={inverse} />
            )}
          </Fragment>
        ))}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text wrap="truncate" bold>
        {columns.map((c, i) => (i > 0 ? SPACER : '') + (c.align === 'right' ? c.title.padStart(c.width) : c.title.padEnd(c.width))).join('')}
      </Text>
      {rows.length === 0 && empty ? <SafeText text={empty} tone={emptyTone ?? 'muted'} /> : lines}
    </Box>
  );
}
