import { describe, expect, it } from 'vitest';
import { pagedListing } from '../../source/service/listing';
import type { AuditEvent } from '../../source/service/types';
import { KEYMAP } from '../../source/ui/keys/keymap';
import { KEYS } from './terminal-streams';
import { renderApp, settled } from './render-app';

describe('panes', () => {
  it('1/2/3 and tab switch panes, and each pane keeps its place', async () => {
    const app = await renderApp({ columns: 120, rows: 30 });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press(KEYS.enter);
    await app.waitFor('Parameters /payments ');
    await app.press('2');
    let frame = await app.waitFor((f) => settled(f) && f.includes('alias/payments'));
    expect(frame).toContain('KMS keys  2 keys');
    await app.press(KEYS.tab);
    await app.waitFor('Audit trail');
    await app.press(KEYS.tab);
    frame = await app.waitFor('Parameters /payments ');
    expect(frame).toContain('prod/ (3)');
    await app.press('3', '1');
    await app.waitFor('Parameters /payments ');
  });

  it('the keys pane opens a key: policy and rotation status, scrolled with j', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('2');
    await app.waitFor((f) => settled(f) && f.includes('alias/payments'));
    await app.press('j', KEYS.enter);
    let frame = await app.waitFor('Key policy');
    expect(frame).toContain('Aliases         alias/payments');
    expect(frame).toContain('Manager         CUSTOMER');
    expect(frame).toContain('Rotation        disabled');
    expect(frame).toMatch(/↓ \d+ more lines/);
    await app.press('G');
    frame = await app.waitFor('"Resource": "*"');
    expect(frame).not.toContain('Aliases ');
    await app.press('g');
    await app.waitFor('Aliases ');
    await app.press(KEYS.esc);
    await app.waitFor('KMS keys');
  });

  it('? shows every binding of the keymap, and esc closes it', async () => {
    const app = await renderApp({ columns: 160, rows: 48 });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('?');
    const help = await app.waitFor('(esc, ? or q closes)');
    for (const binding of KEYMAP) expect(help, binding.command).toContain(binding.description);
    await app.press(KEYS.esc);
    const back = await app.waitFor('Parameters /  tree');
    expect(back).not.toContain('(esc, ? or q closes)');
  });

  it('the hint bar comes from the keymap and changes with the screen', async () => {
    const app = await renderApp({ columns: 120 });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    const hints = (f: string) => f.split('\n').at(-1)!;
    expect(hints(app.frame())).toContain('t tree/flat');
    await app.press('2');
    await app.waitFor('KMS keys');
    expect(hints(app.frame())).not.toContain('tree/flat');
    expect(hints(app.frame())).toContain('? help');
  });

  it('a binding that cannot act says why', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    const reasons: [string[], string][] = [
      [['v'], 'history: select a parameter, not a folder'],
      [['r'], 'reveal: select a parameter, not a folder'],
      [['G', 'r'], 'reveal: a String is not secret: its value is shown as is'],
      [['g', 'c'], 'copy: select a parameter, not a folder'],
      [['2', 'v'], 'history: works on parameters: press 1'],
      [['/'], 'filter: the keys list has no filter'],
    ];
    for (const [keys, reason] of reasons) {
      await app.press(...keys);
      await app.waitFor(reason);
    }
  });

  it('--read-only shows the badge and drops every mutating binding', async () => {
    const app = await renderApp({ readOnly: true, columns: 160, rows: 48 });
    const frame = await app.waitFor((f) => settled(f) && f.includes('payments/'));
    expect(frame.split('\n')[0]).toContain('READ-ONLY');
    await app.press('?');
    const help = await app.waitFor('(esc, ? or q closes)');
    for (const binding of KEYMAP) {
      if (binding.dangerous) expect(help).not.toContain(binding.description);
      else expect(help).toContain(binding.description);
    }
  });

  it('shows hostile text as visible escapes, never as terminal commands', async () => {
    const app = await renderApp({ columns: 120, rows: 30 });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', ...'hostile', KEYS.enter);
    const frame = await app.waitFor('before\\x1b[2J');
    expect(frame).toContain('before\\x1b[2Jafter \\u202eevil');
    expect(app.rawFrame()).not.toContain('\u001b[2J');
    expect(app.rawFrame()).not.toContain('\u202e');
  });

  it('adapts to a resize', async () => {
    const app = await renderApp({ columns: 80, rows: 24 });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    expect(app.frame()).not.toContain('TIER');
    app.stdout.resize(160, 40);
    const wide = await app.waitFor('TIER');
    expect(wide.split('\n')).toHaveLength(39);
    app.stdout.resize(100, 30);
    const narrow = await app.waitFor((f) => f.split('\n').length === 29);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('NO_COLOR draws without colour, keeping bold and inverse for emphasis', async () => {
    const app = await renderApp({ env: { NO_COLOR: '1' } });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', 'p', 'w', 'd');
    await app.waitFor('2 matches');
    // Every style code in the frame: a colour is 30–38, 40–48, 90–97 or 100–107 (39/49 only reset).
    const codes = app.rawFrame().split('\u001b[').slice(1).map((rest) => rest.slice(0, rest.indexOf('m')));
    const colours = codes.filter((code) => /^(3[0-8]|4[0-8]|9\d|10\d)(;|$)/.test(code));
    expect(colours).toEqual([]);
    expect(app.rawFrame()).toContain('\u001b[7m');
  });

  it('the audit pane lists events newest first and narrows them with /', async () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 3, h));
    const events: AuditEvent[] = [
      { id: 'a', time: at(8), eventName: 'GetParameter', eventSource: 'ssm.amazonaws.com', username: 'admin', parameterNames: ['/payments/prod/db/url'] },
      { id: 'b', time: at(10), eventName: 'Decrypt', eventSource: 'kms.amazonaws.com', username: 'auditor', parameterNames: ['/payments/prod/db/password'], errorCode: 'AccessDenied' },
      { id: 'c', time: at(9), eventName: 'PutParameter', eventSource: 'ssm.amazonaws.com', username: 'admin', parameterNames: ['/search/prod/motd'] },
    ];
    const app = await renderApp({
      columns: 120,
      service: (real) => Object.assign(Object.create(real) as typeof real, { auditEvents: () => pagedListing<AuditEvent, string>(async () => ({ items: events })) }),
    });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('3');
    const frame = await app.waitFor('3 events');
    const order = ['Decrypt', 'PutParameter', 'GetParameter'].map((name) => frame.indexOf(name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(frame).toContain('AccessDenied');
    await app.press('/', ...'auditor');
    const narrowed = await app.waitFor('1 match ');
    expect(narrowed).toContain('Decrypt');
    expect(narrowed).not.toContain('PutParameter');
    await app.press(KEYS.enter, KEYS.esc);
    expect(await app.waitFor('PutParameter')).not.toContain('/auditor');
  });
});
