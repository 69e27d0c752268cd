import { describe, expect, it } from 'vitest';
import type { Engine } from '../../source/engine/engine';
import type { BrowserService } from '../../source/ui/ui-context';
import { seedDeployer, STAGING_LEAVES } from '../helpers/deployer';
import { call } from '../helpers/engine';
import { seedSample } from './fixtures';
import type { AppHandle } from './render-app';
import { KEYS } from './terminal-streams';
import { allFrames, CTRL_U, flat, openApp, seedWithAuditor } from './write-helpers';

// The sample store's values under both folders: none may ever be drawn by the promote flow.
const VALUES = ['staging-secret', 'second-secret', 'first-secret', 'postgres://db.staging.internal', 'postgres://db.prod.internal', 'https://shop.example'];

/** Every parameter's name, version and key: unchanged means nothing was written. */
async function listing(service: BrowserService): Promise<string[]> {
  const { items } = await service.listParameters({ path: '/', recursive: true }).collect();
  return items.map((p) => `${p.name} v${p.version} ${p.keyId ?? '-'}`).sort();
}

/** Drills into the first folder of the root (`/app` or `/payments`) and opens the promote form on its `prod/` or `staging/`. */
async function promoteFolder(app: AppHandle, leaf: 'prod' | 'staging'): Promise<void> {
  await app.press(KEYS.enter);
  await app.waitFor('staging/');
  await app.press(...(leaf === 'staging' ? ['j'] : []), 'p');
  await app.waitFor('› destination');
}

/** Replaces the destination, types the key and asks for the preview. */
async function fillForm(app: AppHandle, target: string, key: string): Promise<void> {
  await app.press(CTRL_U, target, KEYS.tab);
  if (key) await app.press(key);
  await app.press(KEYS.enter);
}

describe('promote (p)', () => {
  it('previews names and types without a value, and answering N writes nothing', async () => {
    const app = await openApp({ columns: 100 });
    const before = await listing(app.service);
    await promoteFolder(app, 'staging');
    expect(app.frame()).toContain('Promote /payments/staging');
    expect(app.frame()).toMatch(/› destination +\/payments\/staging/);
    await fillForm(app, '/payments/prod', 'alias/payments');
    const preview = await app.waitFor('? y/N');
    expect(preview).toContain('promote /payments/staging → /payments/prod');
    expect(preview).toMatch(/\? db\/password +SecureString +may differ \(not decrypted to compare\)/);
    expect(preview).toMatch(/~ db\/url +String +changed/);
    expect(preview).toMatch(/ {3}api\/origins +StringList +only in the target/);
    expect(flat(preview)).toContain(flat('2 to write (0 new, 2 changed or may differ), 0 unchanged, 0 to delete, 1 kept only in the target'));
    expect(preview).toContain('Write 2 and delete 0 parameter(s) under /payments/prod? y/N');
    await app.press('N');
    await app.waitFor((f) => f.includes('enter preview') && !f.includes('y/N'));
    await app.press(KEYS.esc);
    await app.waitFor((f) => !f.includes('Promote'));
    expect(await listing(app.service)).toEqual(before);
    for (const value of VALUES) expect(allFrames(app)).not.toContain(value);
  });

  it('on y writes the plan, re-encrypts SecureStrings under the chosen key and deletes extras when asked', async () => {
    const app = await openApp({ columns: 100 });
    await promoteFolder(app, 'staging');
    await app.press(CTRL_U, '/payments/prod', KEYS.tab, 'alias/payments', KEYS.tab, ' ', KEYS.enter);
    const preview = await app.waitFor('? y/N');
    expect(preview).toMatch(/- api\/origins +StringList +only in the target: will be deleted/);
    await app.press('y');
    await app.waitFor('promoted /payments/staging → /payments/prod: wrote 2, deleted 1');
    expect(await app.service.describeParameter('/payments/prod/db/password')).toMatchObject({ version: 3, keyId: 'alias/payments', type: 'SecureString' });
    expect((await app.service.reveal('/payments/prod/db/password')).plaintext()).toBe('staging-secret');
    expect((await app.service.getParameter('/payments/prod/db/url')).value).toEqual({ kind: 'plain', text: 'postgres://db.staging.internal:5432/payments' });
    expect(await app.service.describeParameter('/payments/prod/api/origins')).toBeUndefined();
    for (const value of VALUES) expect(allFrames(app)).not.toContain(value);
  });

  it('re-encrypts a new copy under the key chosen, not the source key', async () => {
    const app = await openApp({ columns: 100 });
    await promoteFolder(app, 'prod');
    expect(app.frame()).toContain('Promote /payments/prod');
    await fillForm(app, '/payments/qa', 'alias/aws/ssm');
    expect(await app.waitFor('? y/N')).toMatch(/\+ db\/password +SecureString +new/);
    await app.press('y');
    await app.waitFor('wrote 3, deleted 0');
    expect(await app.service.describeParameter('/payments/qa/db/password')).toMatchObject({ version: 1, keyId: 'alias/aws/ssm' });
    expect((await app.service.reveal('/payments/qa/db/password')).plaintext()).toBe('second-secret');
  });

  it('shows a plan taller than the box a window at a time, scrolled with j/k', async () => {
    const seed = (engine: Engine, advance: (ms: number) => void) => {
      seedSample(engine, advance);
      for (let i = 0; i < 30; i++) call(engine, 'ssm', 'PutParameter', { Name: `/bulk/a/p${String(i).padStart(2, '0')}`, Value: `fake-${i}`, Type: 'String' });
    };
    const app = await openApp({ seed });
    await app.press(KEYS.enter);
    await app.waitFor('a/ (30)');
    await app.press('p');
    await app.waitFor('› destination');
    await fillForm(app, '/bulk/b', '');
    const first = await app.waitFor('? y/N');
    expect(first).toMatch(/… lines 1–\d+ of 30: j\/k scroll/);
    expect(first).toContain('+ p00');
    expect(first).not.toContain('p29');
    await app.press('j');
    const next = await app.waitFor('… lines 2–');
    expect(next).not.toContain('+ p00');
    expect(next).toContain('+ p01');
    await app.press('y');
    await app.waitFor('promoted /bulk/a → /bulk/b: wrote 30, deleted 0');
  });

  it.each([
    ['no key while the folder holds SecureStrings', '/payments/prod', '', 'KMS key: /payments/staging holds SecureStrings; choose the key to encrypt them under in /payments/prod'],
    ['a destination inside the source', '/payments/staging/copy', 'alias/payments', '/payments/staging and /payments/staging/copy overlap: promote copies between two separate paths'],
    ['a destination that is no path', 'prod', 'alias/payments', 'prod is not a path: a path begins with / and is not / itself'],
  ])('keeps the form with a reason and writes nothing: %s', async (_, target, key, problem) => {
    const app = await openApp({ columns: 100 });
    const before = await listing(app.service);
    await promoteFolder(app, 'staging');
    await fillForm(app, target, key);
    expect(flat(await app.waitFor((f) => flat(f).includes(flat(problem))))).not.toContain('y/N');
    expect(await listing(app.service)).toEqual(before);
  });

  it('is refused under --read-only, saying why', async () => {
    const app = await openApp({ readOnly: true });
    await app.press(KEYS.enter);
    await app.waitFor('staging/');
    await app.press('j', 'p');
    await app.waitFor('promote: refused: read-only mode (--read-only) makes no changes');
    expect(app.frame()).not.toContain('Promote');
  });

  it('says why on the root, where there is no folder to copy', async () => {
    const app = await openApp();
    await app.press('G', 'p');
    await app.waitFor('promote: select a folder: promote copies a folder to another path');
  });

  it.each([
    {
      who: 'the demo auditor, refused at the first write',
      as: 'auditor', seed: seedWithAuditor, target: '/payments/prod', key: 'alias/payments',
      stopped: 'promote stopped at /payments/prod/db/password: AccessDeniedException: User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: ssm:PutParameter',
      written: 'written: nothing', notWritten: 'not written: /payments/prod/db/password, /payments/prod/db/url', after: ['/payments/prod/api/origins v1', '/payments/prod/db/password v2', '/payments/prod/db/url v1'],
    },
    {
      who: 'a deployer allowed to write only some names, refused midway',
      as: 'deployer', seed: sampleWithDeployer, target: '/app/prod', key: '',
      stopped: 'promote stopped at /app/prod/b1: AccessDeniedException: User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: ssm:PutParameter',
      written: 'written: /app/prod/a1, /app/prod/a2', notWritten: 'not written: /app/prod/b1', after: ['/app/prod/a1 v1', '/app/prod/a2 v1'],
    },
  ])('reports exactly what was and was not written: $who', async ({ as, seed, target, key, stopped, written, notWritten, after }) => {
    const app = await openApp({ as, seed, columns: 120 });
    await promoteFolder(app, 'staging');
    await fillForm(app, target, key);
    await app.waitFor('? y/N');
    await app.press('y');
    const frame = flat(await app.waitFor('enter or esc closes'));
    for (const line of [stopped, written, notWritten]) expect(frame).toContain(flat(line));
    const prod = (await listing(app.service)).filter((line) => line.startsWith(`${target}/`)).map((line) => line.replace(/ \S+$/, ''));
    expect(prod).toEqual(after);
    await app.press(KEYS.enter);
    await app.waitFor((f) => !f.includes('enter or esc closes'));
  });
});

/** The sample store, three Strings under /app/staging, and a deployer who may write only /app/prod/a*. */
function sampleWithDeployer(engine: Engine, advance: (ms: number) => void): void {
  seedSample(engine, advance);
  for (const leaf of STAGING_LEAVES) call(engine, 'ssm', 'PutParameter', { Name: `/app/staging/${leaf}`, Value: `fake-${leaf}`, Type: 'String' });
  seedDeployer(engine);
}
