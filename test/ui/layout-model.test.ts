import { describe, expect, it } from 'vitest';
import { flatRows, levelRows, parentPath } from '../../source/ui/model/path-tree';
import { placeColumns, type Column } from '../../source/ui/render/columns';
import { cellWidth, fit, wrapCells } from '../../source/ui/render/text-fit';
import { moveCursor, START, visibleWindow, type Movement } from '../../source/ui/state/list-cursor';

const ITEMS = ['/a/b/c', '/a/b/d', '/a/x', '/b/y', 'root-name', '/a/b/e/f'].map((name) => ({ name }));

describe('the path tree', () => {
  it.each([
    ['/', ['a/ (4)', 'b/ (1)', 'root-name']],
    ['/a', ['b/ (3)', 'x']],
    ['/a/b', ['e/ (1)', 'c', 'd']],
    ['/nothing', []],
  ])('one level under %s', (path, labels) => {
    expect(levelRows(ITEMS, path).map((r) => (r.kind === 'folder' ? `${r.label} (${r.count})` : r.label))).toEqual(labels);
  });

  it('counts folders whose names prefix each other, in any order', () => {
    const items = ['/ab/x', '/a/y', '/ab/z', '/a/w', '/abc/v', '//empty', '/a'].map((name) => ({ name }));
    expect(levelRows(items, '/').map((r) => (r.kind === 'folder' ? `${r.label} (${r.count})` : r.label))).toEqual(['/ (1)', 'a/ (2)', 'ab/ (2)', 'abc/ (1)', 'a']);
  });

  it('lists everything under a folder by full name when flat', () => {
    expect(flatRows(ITEMS, '/a').map((r) => r.label)).toEqual(['/a/b/c', '/a/b/d', '/a/b/e/f', '/a/x']);
    expect(flatRows(ITEMS, '/')).toHaveLength(6);
  });

  it.each([['/a/b', '/a'], ['/a', '/'], ['/', '/']])('the parent of %s is %s', (path, parent) => {
    expect(parentPath(path)).toBe(parent);
  });
});

describe('the list cursor', () => {
  const cases: [string, Movement, number, { cursor: number; offset: number }][] = [
    ['down inside the window keeps the offset', { by: 1 }, 0, { cursor: 1, offset: 0 }],
    ['down past the window scrolls one row', { by: 1 }, 4, { cursor: 5, offset: 1 }],
    ['a page moves by the window height', { pages: 1 }, 0, { cursor: 5, offset: 1 }],
    ['bottom shows the last window', { to: 'bottom' }, 0, { cursor: 99, offset: 95 }],
    ['up at the top stays', { by: -1 }, 0, { cursor: 0, offset: 0 }],
  ];
  it.each(cases)('%s', (_, movement, from, expected) => {
    expect(moveCursor({ cursor: from, offset: 0 }, movement, 100, 5)).toEqual(expected);
  });

  it('clamps a stale offset after the list shrinks or the window grows', () => {
    expect(visibleWindow({ cursor: 50, offset: 48 }, 10, 5)).toEqual({ cursor: 9, start: 5, end: 10 });
    expect(visibleWindow(START, 0, 5)).toEqual({ cursor: 0, start: 0, end: 0 });
  });
});

describe('columns and cells', () => {
  const columns: Column[] = [
    { id: 'name', title: 'NAME', min: 10, keep: Infinity, grow: 1 },
    { id: 'type', title: 'TYPE', min: 6, max: 6, keep: 2, grow: 0 },
    { id: 'extra', title: 'EXTRA', min: 20, max: 30, keep: 1, grow: 0 },
  ];

  it.each([
    [80, ['name:40', 'type:6', 'extra:30']],
    [40, ['name:10', 'type:6', 'extra:20']],
    [30, ['name:22', 'type:6']],
    [12, ['name:12']],
  ])('at %i cells', (total, expected) => {
    expect(placeColumns(columns, total).map((c) => `${c.id}:${c.width}`)).toEqual(expected);
  });

  it.each([
    ['abc', 5, 'abc  '],
    ['abcdef', 4, 'abc…'],
    ['日本語', 5, '日本…'],
    ['x', 0, ''],
  ])('fits %j into %i cells', (text, width, fitted) => {
    expect(fit(text, width)).toBe(fitted);
    expect(cellWidth(fit(text, width))).toBe(width);
  });

  it('wraps long text without losing a character', () => {
    const text = 'abcdefghij日本';
    const pieces = wrapCells(text, 4);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(cellWidth(piece)).toBeLessThanOrEqual(4);
  });
});
