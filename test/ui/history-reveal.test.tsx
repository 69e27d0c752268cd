import { describe, expect, it } from 'vitest';
import type { Engine } from '../../source/engine/engine';
import { call } from '../helpers/engine';
import { seedSample } from './fixtures';
import { renderApp, settled, type AppHandle, type RenderOptions } from './render-app';
import { KEYS } from './terminal-streams';
import { withAuditor } from './value-fixtures';

const NAME = '/app/db/config';
const OLD = 'host=db.internal\nuser=app\npass=fake-one';
const NEW = 'host=db.internal\nuser=app\npass=fake-two\nport=5432';

function seedVersions(engine: Engine, advance: (ms: number) => void): void {
  seedSample(engine, advance);
  call(engine, 'ssm', 'PutParameter', { Name: NAME, Value: OLD, Type: 'SecureString' });
  call(engine, 'ssm', 'PutParameter', { Name: NAME, Value: NEW, Type: 'SecureString', Overwrite: true });
}

/** The history of a parameter, newest version first, cursor on it. */
async function history(name: string, options: RenderOptions): Promise<AppHandle> {
  const app = await renderApp({ columns: 120, rows: 40, ...options });
  await app.waitFor((f) => settled(f) && f.includes('payments/'));
  await app.press('/', ...name, KEYS.enter);
  await app.waitFor(`Parameter ${name}`);
  await app.press('v');
  await app.waitFor((f) => f.includes(`History ${name}`) && f.includes('versions, newest first'));
  return app;
}

async function reveal(app: AppHandle, version: number): Promise<void> {
  await app.press('r');
  const dialog = await app.waitFor('Reveal the value? y/N');
  expect(dialog).toContain(`Parameter    ${NAME}  version ${version}`);
  await app.press('y');
  await app.waitFor((f) => f.includes(`Version ${version}`) && f.includes('masked again in'));
}

describe('history (v): reveal and diff', () => {
  it('keeps every version masked with the fixed-width mask until one is revealed', async () => {
    const app = await history(NAME, { seed: seedVersions });
    const rows = app.frame().split('\n').filter((line) => /^\s+[12]\s+2026-/.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/••••••••\s*$/);
    expect(app.frame()).not.toContain('fake-');
  });

  it('reveals an old version with the same confirm, then diffs two marked versions line by line', async () => {
    const app = await history(NAME, { seed: seedVersions });
    await reveal(app, 2);
    await app.waitFor('host=db.internal ⏎ (+3 lines)');
    await app.press('m', 'j');
    await reveal(app, 1);
    await app.waitFor('Version 1');
    await app.press('m');
    const frame = await app.waitFor('Diff version 1 → 2');
    const diff = frame.slice(frame.indexOf('Diff version 1 → 2')).split('\n').slice(1, 6).map((l) => l.trimEnd());
    expect(diff).toEqual(['  host=db.internal', '  user=app', '- pass=fake-one', '+ pass=fake-two', '+ port=5432']);
    // Leaving the history drops both values, and no frame drawn since holds either.
    const before = app.stdout.frames.length;
    await app.press(KEYS.esc);
    await app.waitFor(`Parameter ${NAME}`);
    await app.press('v');
    await app.waitFor('versions, newest first');
    expect(app.stdout.frames.slice(before).join('')).not.toMatch(/fake-(one|two)/);
  });

  it("refuses the demo's auditor an old version of a secret under the demo key, with AWS's text", async () => {
    const app = await history('/payments/prod/db/password', { as: 'auditor', seed: withAuditor });
    await app.press('j', 'r');
    await app.waitFor('version 1');
    await app.press('y');
    await app.waitFor('AccessDeniedException');
    expect(app.stdout.frames.join('')).not.toContain('first-secret');
    const events = await app.service.auditEvents({ parameterName: '/payments/prod/db/password' }).collect();
    expect(events.items.find((e) => e.eventName === 'Decrypt' && e.username === 'auditor')?.errorCode).toMatch(/AccessDenied/);
    await app.press('m');
    await app.waitFor('mark: reveal this version first (r)');
  });
});
