import { terminalSafe } from '../text/terminal-safe';

/**
 * A plain text table for command output: a header row, then one row per item, columns padded to
 * their widest cell. Every cell goes through the terminal-safe path, since names, messages and
 * resources come from the store and may hold anything.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const safe = [header, ...rows].map((row) => row.map((cell) => terminalSafe(cell)));
  const widths = header.map((_, column) => Math.max(...safe.map((row) => [...(row[column] ?? '')].length)));
  return safe.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd() + '\n').join('');
}

/** One line of command output, made terminal-safe. */
export function line(text: string): string {
  return `${terminalSafe(text)}\n`;
}
