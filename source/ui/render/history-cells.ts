import type { ParameterVersion } from '../../service/types';
import type { Revealed } from '../state/reveal-state';
import type { Cell, Column } from './columns';
import { DetailBuilder, type DetailLine } from './detail-lines';
import { shortArn, shortTime } from './format';

/** The history table's columns: versions with date, user, labels and (masked) value. */
export type HistoryColumn = 'version' | 'modified' | 'user' | 'labels' | 'value';

export const HISTORY_COLUMNS: readonly Column<HistoryColumn>[] = [
  { id: 'version', title: 'VER', min: 3, max: 5, keep: Infinity, grow: 0, align: 'right' },
  { id: 'modified', title: 'MODIFIED', min: 16, max: 16, keep: Infinity, grow: 0 },
  { id: 'user', title: 'USER', min: 10, max: 24, keep: 2, grow: 2 },
  { id: 'labels', title: 'LABELS', min: 10, max: 24, keep: 3, grow: 1 },
  { id: 'value', title: 'VALUE', min: 10, max: 80, keep: Infinity, grow: 0 },
];

/**
 * One version's cells: a SecureString's value is the mask unless it is revealed now; a
 * multi-line value shows its first line, marked.
 */
export function historyCells(version: ParameterVersion, revealed?: Revealed, marked = false): Record<HistoryColumn, Cell> {
  const value: Cell =
    version.value.kind === 'plain' ? { text: firstLine(version.value.text) }
    : revealed ? { text: firstLine(revealed.value.plaintext()), tone: 'secret' }
    : { text: '', masked: true };
  return {
    // A version marked for the diff carries a star.
    version: { text: `${marked ? '*' : ''}${version.version}`, tone: marked ? 'accent' : undefined },
    modified: { text: shortTime(version.lastModifiedDate), tone: 'muted' },
    user: { text: shortArn(version.lastModifiedUser) },
    labels: { text: version.labels.join(', '), tone: 'accent' },
    value,
  };
}

/** The selected version in full below the table: value (mask, or revealed now), description, key. */
export function versionLines(version: ParameterVersion, width: number, revealed?: Revealed): DetailLine[] {
  const b = new DetailBuilder(width);
  b.heading(`Version ${version.version}`);
  if (version.value.kind === 'plain') b.field('Value', version.value.text);
  else if (revealed) b.revealed('Value', revealed);
  else b.masked('Value', 'r reveals it, m marks two for a diff');
  if (version.description) b.field('Description', version.description);
  if (version.keyId) b.field('Key', version.keyId);
  b.field('Modified by', version.lastModifiedUser);
  return b.lines;
}

function firstLine(text: string): string {
  const lines = text.split(/\r?\n/);
  return lines.length > 1 ? `${lines[0]} ⏎ (+${lines.length - 1} lines)` : text;
}
