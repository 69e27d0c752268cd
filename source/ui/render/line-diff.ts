import type { Revealed } from '../state/reveal-state';
import { DetailBuilder, type DetailLine } from './detail-lines';

/** One line of a diff: kept, only in the older version, or only in the newer one. */
export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
}

// Past this many line pairs the table would cost more than a screen is worth: the diff then
// shows every old line removed and every new one added, which is still true.
const MAX_CELLS = 1_000_000;

/** A line diff of two texts (longest common subsequence), older first. */
export function lineDiff(older: string, newer: string): DiffLine[] {
  const a = older.split(/\r?\n/);
  const b = newer.split(/\r?\n/);
  if (a.length * b.length > MAX_CELLS) return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  // common[i][j]: the longest common run of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: ' ', text: a[i]! });
      i++;
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) out.push({ op: '-', text: a[i++]! });
    else out.push({ op: '+', text: b[j++]! });
  }
  while (i < a.length) out.push({ op: '-', text: a[i++]! });
  while (j < b.length) out.push({ op: '+', text: b[j++]! });
  return out;
}

/**
 * The diff of two revealed versions as screen lines: each line made terminal-safe and wrapped
 * like any value, removed lines in the danger colour, added ones in the success colour.
 */
export function diffLines(first: Revealed, second: Revealed, width: number): DetailLine[] {
  const [older, newer] = first.value.version < second.value.version ? [first, second] : [second, first];
  const b = new DetailBuilder(width);
  const remaining = Math.min(older.remaining, newer.remaining);
  b.heading(`Diff version ${older.value.version} → ${newer.value.version}  (masked again in ${remaining}s)`);
  for (const line of lineDiff(older.value.plaintext(), newer.value.plaintext())) {
    b.text(`${line.op} ${line.text}`, line.op === '-' ? 'danger' : line.op === '+' ? 'success' : 'muted');
  }
  return b.lines;
}
