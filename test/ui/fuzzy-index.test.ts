import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FuzzyIndex, matchPositions, type Searchable } from '../../source/ui/model/fuzzy-index';

function ranked(items: Searchable[], query: string): string[] {
  const index = new FuzzyIndex();
  index.sync(items, 1);
  return [...index.search(query).order].map((i) => items[i]!.name);
}

const names = (...list: string[]) => list.map((name) => ({ name }));

describe('the filter matcher', () => {
  it.each([
    ['a segment-start run beats a scattered match', names('/x/d-a-t-a-b', '/x/db'), 'db', '/x/db'],
    ['a consecutive run beats gaps', names('/a/p-x-w-d', '/a/pwd'), 'pwd', '/a/pwd'],
    ['a name match beats a description match', [{ name: '/b/other', description: 'about tokens' }, { name: '/b/token' }], 'token', '/b/token'],
    ['matching ignores case', names('/App/Prod/DB'), 'appdb', '/App/Prod/DB'],
    ['space-separated terms all have to match', names('/prod/db/url', '/prod/cache/url', '/dev/db/url'), 'prod db', '/prod/db/url'],
  ])('%s', (_, items, query, best) => {
    expect(ranked(items, query)[0]).toBe(best);
  });

  it('keeps only subsequence matches, and everything for an empty query', () => {
    const items = names('/a/alpha', '/b/beta', '/c/gamma');
    expect(ranked(items, 'ama').sort()).toEqual(['/c/gamma']);
    expect(ranked(items, 'zz')).toEqual([]);
    expect(ranked(items, '')).toEqual(['/a/alpha', '/b/beta', '/c/gamma']);
  });

  it('narrowing from the previous query gives the same answer as a fresh search', () => {
    const word = fc.stringMatching(/^[a-d/]{0,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), word, word, (list, first, more) => {
        const items = list.map((name) => ({ name }));
        const typing = new FuzzyIndex();
        typing.sync(items, 1);
        typing.search(first);
        const narrowed = [...typing.search(first + more).order];
        const fresh = new FuzzyIndex();
        fresh.sync(items, 1);
        expect(narrowed).toEqual([...fresh.search(first + more).order]);
      }),
    );
  });

  it('searches items that arrive after a query, and starts over on a new generation', () => {
    const index = new FuzzyIndex();
    const items = names('/a/one');
    index.sync(items, 1);
    expect(index.search('o').order).toHaveLength(1);
    items.push({ name: '/a/two' });
    index.sync(items, 1);
    expect(index.search('o').order).toHaveLength(2);
    index.sync(names('/z/zzz'), 2);
    expect(index.search('o').order).toHaveLength(0);
  });

  it('stays within a keystroke on 100,000 names', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ name: `/app${i % 50}/env${i % 4}/service${i % 997}/param-${i}`, description: i % 3 ? `setting ${i}` : undefined }));
    const index = new FuzzyIndex();
    index.sync(items, 1);
    const times: number[] = [];
    let query = '';
    for (const char of 'app7prod') {
      query += char;
      const start = performance.now();
      index.search(query);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // Generous for a shared CI core; the bench measures the real keystroke-to-frame time.
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(50);
  });

  it('reports where the terms matched in a name', () => {
    expect(matchPositions('/app/db', 'db')).toEqual([5, 6]);
    expect(matchPositions('/App/DB', 'adb')).toEqual([1, 5, 6]);
    expect(matchPositions('/x', 'zz')).toEqual([]);
  });
});
