import { describe, expect, it } from 'vitest';
import { call } from '../helpers/engine';
import { KEYS } from './terminal-streams';
import { renderApp, settled } from './render-app';

/** The names listed in a frame, top to bottom. */
function names(frame: string): string[] {
  return frame
    .split('\n')
    .filter((line) => !line.includes(' match'))
    .map((line) => line.split(/\s{2,}/)[0]!.trim())
    .filter((cell) => cell.startsWith('/') || cell === 'plain-name');
}

describe('the / filter', () => {
  it('searches every level by name, best match first, narrowing as the user types', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', 'u', 'r');
    let frame = await app.waitFor('/ur ');
    // Both urls match on a whole word at a segment boundary; names without "u…r" are gone.
    expect(names(frame).slice(0, 2).sort()).toEqual(['/payments/prod/db/url', '/payments/staging/db/url']);
    expect(names(frame)).not.toContain('plain-name');
    await app.press('l');
    frame = await app.waitFor('/url ');
    expect(frame).toContain('2 matches');
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
    frame = await app.waitFor((f) => f.includes('8 matches'));
    expect(names(frame)).toHaveLength(8);
  });

  it('matches descriptions too, ranked below name matches', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', ...'banner');
    const frame = await app.waitFor('1 match ');
    expect(names(frame)).toEqual(['/search/prod/motd']);
  });

  it('ranks a tight match at a boundary above a scattered one', async () => {
    const app = await renderApp({
      seed: (engine) => {
        for (const name of ['/a/scattered-d-b-x', '/zz/db', '/m/odd-bits']) call(engine, 'ssm', 'PutParameter', { Name: name, Value: 'v', Type: 'String' });
      },
    });
    await app.waitFor((f) => settled(f) && f.includes('zz/'));
    await app.press('/', 'd', 'b');
    const frame = await app.waitFor('3 matches');
    expect(names(frame)[0]).toBe('/zz/db');
  });

  it('highlights the matched characters', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', 'm', 'o', 't', 'd');
    const frame = await app.waitFor('/motd ');
    expect(names(frame)[0]).toBe('/search/prod/motd');
    // The matched run is drawn in the match token (yellow, bold) inside the name.
    const row = app.rawFrame().split('\n').find((line) => line.includes('/search/prod/'))!;
    const afterPath = row.slice(row.indexOf('/search/prod/') + '/search/prod/'.length);
    expect(afterPath.startsWith('\u001b[1m\u001b[33mmotd')).toBe(true);
  });

  it('enter keeps the filter and opens the top match at full width; esc goes back, then clears', async () => {
    const app = await renderApp({ columns: 120, rows: 30 });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', ...'stagpass', KEYS.enter);
    const detail = await app.waitFor((f) => f.includes('Parameter /payments/staging/db/password') && f.includes('Staging password'));
    expect(detail).toContain('Name            /payments/staging/db/password');
    expect(detail).not.toContain('NAME ');
    await app.press(KEYS.esc);
    const kept = await app.waitFor('/stagpass');
    expect(kept).toContain('1 match · esc clear');
    await app.press(KEYS.esc);
    const cleared = await app.waitFor('Parameters /  tree');
    expect(cleared).not.toContain('/stagpass');
  });

  it('esc while typing clears the filter at once', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', 'q', 'j', KEYS.esc);
    const frame = await app.waitFor('Parameters /  tree');
    expect(frame).toContain('payments/ (5)');
  });

  it('letters that are also keys type into the prompt while it is open', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', 'q', 'j', 'k', '2', '?');
    const frame = await app.waitFor('/qjk2?');
    expect(frame).toContain('Parameters');
    expect(frame).toContain('0 matches');
  });

  it('keys that arrive in one chunk (a slow link) are taken one by one', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/pwd');
    const frame = await app.waitFor('2 matches');
    expect(frame).toContain('/pwd');
  });
});
