import { describe, expect, it } from 'vitest';
import type { CachedListing } from '../../source/service/listing-cache';
import type { ParameterSummary } from '../../source/service/types';
import { renderApp, settled } from './render-app';

function summary(name: string, version: number, type: ParameterSummary['type'] = 'String'): ParameterSummary {
  return { name, type, version, policies: [] };
}

/** What an earlier session saved: one parameter since deleted, one unchanged, one a version behind. */
const CACHED: CachedListing = {
  savedAt: new Date('2026-01-01T09:30:00Z'),
  items: [summary('/retired/old-flag', 1), summary('plain-name', 1), summary('/payments/prod/db/password', 1, 'SecureString')],
};

describe('the aws target’s cached listing (stale-while-revalidate)', () => {
  it('draws the cache before the live listing answers, then swaps the live rows in and marks what changed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const app = await renderApp({
      service: (real) =>
        Object.assign(Object.create(real) as typeof real, {
          cachedParameters: () => CACHED,
          listParameters: (...args: Parameters<typeof real.listParameters>) => {
            const live = real.listParameters(...args);
            return Object.assign(Object.create(live) as typeof live, {
              async *[Symbol.asyncIterator]() {
                await gate;
                yield* live;
              },
            });
          },
        }),
    });
    const stale = await app.waitFor('retired/ (1)');
    expect(stale).toContain('showing the listing cached');
    expect(stale).not.toContain('search/');
    release();
    const fresh = await app.waitFor('refreshed: 6 new, 1 changed, 1 gone since the cached listing');
    expect(fresh).not.toContain('retired/');
    expect(fresh).toContain('search/ (2)');
    await app.press('t');
    const flat = await app.waitFor((f) => settled(f) && f.includes('/payments/prod/db/password'));
    const row = (name: string) => flat.split('\n').find((line) => line.includes(name)) ?? '';
    expect(row('/payments/prod/db/password')).toMatch(/SecureString\s.*\*2\b/);
    expect(row('plain-name')).not.toContain('*');
    expect(row('/search/prod/motd')).toMatch(/\*1\b/);
  });

  it('goes straight to the live listing when there is no cache', async () => {
    const app = await renderApp({
      service: (real) => Object.assign(Object.create(real) as typeof real, { cachedParameters: () => undefined }),
    });
    const frame = await app.waitFor((f) => settled(f) && f.includes('payments/'));
    expect(frame).not.toContain('refreshed:');
    expect(frame).not.toContain('*');
  });
});
