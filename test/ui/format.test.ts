import { describe, expect, it } from 'vitest';
import { count } from '../../source/ui/render/format';

describe('count', () => {
  it('groups thousands as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 10_000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890]) {
      expect(count(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
