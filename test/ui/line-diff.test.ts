import { describe, expect, it } from 'vitest';
import { RevealedValue } from '../../source/service/revealed-value';
import { diffLines, lineDiff } from '../../source/ui/render/line-diff';

const ops = (older: string, newer: string) => lineDiff(older, newer).map((l) => `${l.op}${l.text}`);

describe('a line diff', () => {
  it.each([
    ['same text', 'a\nb', 'a\nb', [' a', ' b']],
    ['a changed line', 'a\nb\nc', 'a\nB\nc', [' a', '-b', '+B', ' c']],
    ['added at the end', 'a', 'a\nb', [' a', '+b']],
    ['removed at the start', 'a\nb', 'b', ['-a', ' b']],
    ['CRLF and LF alike', 'a\r\nb', 'a\nb', [' a', ' b']],
    ['nothing in common', 'x', 'y', ['-x', '+y']],
  ])('%s', (_, older, newer, expected) => {
    expect(ops(older, newer)).toEqual(expected);
  });

  it('past a million line pairs shows all old lines removed and all new ones added', () => {
    const older = Array.from({ length: 1_001 }, (_, i) => `o${i}`).join('\n');
    const newer = Array.from({ length: 1_000 }, (_, i) => `n${i}`).join('\n');
    const diff = lineDiff(older, newer);
    expect(diff.filter((l) => l.op === '-')).toHaveLength(1_001);
    expect(diff.filter((l) => l.op === '+')).toHaveLength(1_000);
  });

  it('draws older first whatever the marking order, each line made terminal-safe', () => {
    const one = { value: new RevealedValue('/a', 'SecureString', 1, 'x\u001b[2J'), remaining: 9 };
    const two = { value: new RevealedValue('/a', 'SecureString', 2, 'y'), remaining: 4 };
    const text = diffLines(two, one, 40).map((line) => line.map((s) => ('text' in s ? s.text : '')).join(''));
    expect(text).toEqual(['Diff version 1 → 2  (masked again in 4s)', '- x\\x1b[2J', '+ y']);
  });
});
