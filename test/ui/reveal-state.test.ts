import { describe, expect, it } from 'vitest';
import { RevealedValue } from '../../source/service/revealed-value';
import { NO_REVEALS, reduceReveals, remaskOnMove, type RevealPlace, type Reveals } from '../../source/ui/state/reveal-state';

const NAME = '/app/db/password';
const here: RevealPlace = { pane: 'parameters', mode: 'history', selected: NAME, refreshToken: 0 };
const value = (version: number) => new RevealedValue(NAME, 'SecureString', version, `fake-secret-${version}`);
const show = (reveals: Reveals, version: number, seconds = 3, place = here) => reduceReveals(reveals, { type: 'reveal/shown', value: value(version), seconds, place }, here);

describe('revealed values in state', () => {
  it('counts down per second and drops each value (its only reference) when its time is up', () => {
    let reveals = show(NO_REVEALS, 1, 2);
    reveals = show(reveals, 2, 3);
    reveals = reduceReveals(reveals, { type: 'reveal/tick' }, here);
    expect(reveals.shown.map((r) => [r.value.version, r.remaining])).toEqual([[1, 1], [2, 2]]);
    reveals = reduceReveals(reveals, { type: 'reveal/tick' }, here);
    expect(reveals.shown.map((r) => r.value.version)).toEqual([2]);
    reveals = reduceReveals(reveals, { type: 'reveal/tick' }, here);
    expect(reveals).toEqual({ shown: [], marked: [] });
  });

  it('drops an answer that arrives after the user moved on', () => {
    for (const place of [{ ...here, selected: '/other' }, { ...here, mode: 'detail' }, { ...here, refreshToken: 1 }, { ...here, pane: 'keys' }]) {
      expect(show(NO_REVEALS, 1, 3, place)).toBe(NO_REVEALS);
    }
  });

  it('masks everything when the place changes, and nothing when it does not', () => {
    const reveals = show(NO_REVEALS, 1);
    expect(remaskOnMove(reveals, here, { ...here })).toBe(reveals);
    for (const after of [{ ...here, selected: '/other' }, { ...here, mode: 'list' }, { ...here, refreshToken: 1 }, { ...here, pane: 'audit' }]) {
      expect(remaskOnMove(reveals, here, after)).toBe(NO_REVEALS);
    }
  });

  it('marks at most two revealed versions for the diff; an unrevealed one cannot be marked', () => {
    let reveals = show(show(show(NO_REVEALS, 1), 2), 3);
    const mark = (version: number) => (reveals = reduceReveals(reveals, { type: 'reveal/mark', version }, here));
    mark(4);
    expect(reveals.marked).toEqual([]);
    mark(1);
    mark(2);
    mark(3);
    expect(reveals.marked).toEqual([2, 3]);
    mark(3);
    expect(reveals.marked).toEqual([2]);
  });
});
