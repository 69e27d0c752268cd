import { describe, expect, it } from 'vitest';
import { call } from '../helpers/engine';
import { KEYS } from './terminal-streams';
import { renderApp, settled } from './render-app';

/** The selected row's position, as the status line shows it (`2/3`). */
function position(frame: string): string | undefined {
  return frame.match(/(\d+)\/(\d+)\s*\n[^\n]*$/)?.[0].split('\n')[0]?.trim();
}

describe('navigating the parameters tree', () => {
  it('moves with j/k/G/g and arrows, and stays inside the list', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    const moves: [string, string][] = [
      ['j', '2/3'], [KEYS.down, '3/3'], ['j', '3/3'], ['k', '2/3'], [KEYS.up, '1/3'], ['k', '1/3'], ['G', '3/3'], ['g', '1/3'],
    ];
    for (const [key, expected] of moves) {
      await app.press(key);
      expect(position(app.frame()), `after ${JSON.stringify(key)}`).toBe(expected);
    }
  });

  it('drills into folders and backs out onto the folder it came from', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press(KEYS.enter);
    await app.waitFor('Parameters /payments ');
    await app.press('j', 'l');
    let frame = await app.waitFor('Parameters /payments/staging ');
    expect(frame).toContain('db/ (2)');
    await app.press(KEYS.enter);
    frame = await app.waitFor('Parameters /payments/staging/db');
    expect(frame).toContain('password');
    expect(frame).toContain('url');
    await app.press(KEYS.esc);
    await app.waitFor('Parameters /payments/staging ');
    await app.press('h');
    frame = await app.waitFor('Parameters /payments ');
    expect(position(frame)).toBe('2/2');
    await app.press(KEYS.left);
    frame = await app.waitFor('Parameters /  tree');
    expect(position(frame)).toBe('1/3');
    await app.press(KEYS.esc);
    expect(await app.waitFor('back: already at the top')).toContain('Parameters /  tree');
  });

  it('t shows every parameter under the folder as one flat list, and back', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press(KEYS.enter, 't');
    const flat = await app.waitFor('flat ·');
    expect(flat).toContain('/payments/prod/db/password');
    expect(flat).not.toContain('/search/prod/motd');
    expect(position(flat)).toBe('1/5');
    await app.press('t');
    expect(await app.waitFor('tree ·')).toContain('prod/ (3)');
  });

  it('opens a parameter, then its history, and returns the same way', async () => {
    const app = await renderApp({ rows: 24 });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('G', KEYS.enter);
    await app.waitFor((f) => f.includes('Parameter plain-name') && f.includes('lives at the root'));
    await app.press('v');
    await app.waitFor((f) => f.includes('History plain-name') && f.includes('1 version,'));
    await app.press(KEYS.esc);
    await app.waitFor('Parameter plain-name');
    await app.press(KEYS.esc);
    const frame = await app.waitFor('Parameters /  tree');
    expect(position(frame)).toBe('3/3');
  });

  it('keeps only the visible rows on screen and pages through a long list', async () => {
    const app = await renderApp({
      seed: (engine) => {
        for (let i = 0; i < 300; i++) call(engine, 'ssm', 'PutParameter', { Name: `/big/p${String(i).padStart(3, '0')}`, Value: 'v', Type: 'String' });
      },
    });
    await app.waitFor((f) => settled(f) && f.includes('big/ (300)'));
    await app.press(KEYS.enter);
    let frame = await app.waitFor('p000');
    const rows = frame.split('\n').filter((line) => /^p\d{3}/.test(line));
    expect(rows).toHaveLength(17);
    expect(frame.split('\n').length).toBe(23);
    await app.press('G');
    frame = await app.waitFor('p299');
    expect(frame).not.toContain('p000');
    expect(position(frame)).toBe('300/300');
    await app.press('\u0015');
    expect(position(await app.waitFor('283/300'))).toBe('283/300');
  });
});
