import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { pagedListing } from '../../source/service/listing';
import type { ParameterSummary } from '../../source/service/types';
import { call } from '../helpers/engine';
import { renderApp, settled } from './render-app';

function summary(name: string): ParameterSummary {
  return { name, type: 'String', version: 1, policies: [] };
}

describe('a live store', () => {
  it('draws the first page while the listing goes on, with a spinner and the count so far', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const app = await renderApp({
      service: (real) =>
        Object.assign(Object.create(real) as typeof real, {
          listParameters: () =>
            pagedListing<ParameterSummary, number>(async (cursor) => {
              if (cursor === undefined) return { items: [summary('/first/a'), summary('/first/b')], next: 1 };
              await gate;
              return { items: [summary('/second/c')] };
            }),
        }),
    });
    const loading = await app.waitFor('first/ (2)');
    expect(loading).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] loading parameters… 2/);
    expect(loading).not.toContain('second/');
    release();
    const done = await app.waitFor('second/ (1)');
    expect(settled(done)).toBe(true);
  });

  it('notices what another process writes to the store, without a key press', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    const other = Engine.open({ home: app.home });
    try {
      call(other, 'ssm', 'PutParameter', { Name: '/written/elsewhere', Value: 'hello', Type: 'String' });
    } finally {
      other.close();
    }
    await app.waitFor('written/ (1)', 6_000);
  });

  it('R refreshes and keeps the rows on screen while the new listing runs', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    const frames = app.stdout.frames.length;
    await app.press('R');
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    // No frame of the refresh lost the list.
    const during = app.stdout.frames.slice(frames).filter((f) => !f.includes('payments/'));
    expect(during).toEqual([]);
  });

  it('an empty store welcomes the user, and D loads the demo data', async () => {
    let seeded = 0;
    const app = await renderApp({
      seed: 'empty',
      loadDemo: async () => {
        seeded += 1;
        const other = Engine.open({ home: app.home });
        try {
          call(other, 'ssm', 'PutParameter', { Name: '/demo/app/greeting', Value: 'hello', Type: 'String' });
        } finally {
          other.close();
        }
      },
    });
    const welcome = await app.waitFor('Welcome to paramdeck');
    expect(welcome).toContain('Press D to load the demo data');
    expect(welcome).toContain('aws ssm put-parameter');
    expect(welcome.split('\n').at(-1)).toContain('D demo data');
    await app.press('D');
    const loaded = await app.waitFor('demo/ (1)');
    expect(loaded).not.toContain('Welcome');
    expect(seeded).toBe(1);
    await app.press('D');
    await app.waitFor('demo data: the store already has parameters');
  });
});
