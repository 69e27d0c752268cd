import { describe, expect, it } from 'vitest';
import { auditTrail, flat, openApp, openDetail, seedWithAuditor } from './write-helpers';
import { settled } from './render-app';
import { KEYS } from './terminal-streams';

const PASSWORD = '/payments/prod/db/password';

describe('delete (d)', () => {
  it('asks y/N for a String, No by default, then deletes it and says so', async () => {
    const app = await openApp();
    await app.press('G', 'd');
    const dialog = await app.waitFor('Delete plain-name? y/N');
    expect(dialog).toContain('Type String');
    await app.press(KEYS.enter);
    await app.waitFor((f) => !f.includes('y/N'));
    await app.press('d', 'y');
    const frame = await app.waitFor((f) => f.includes('plain-name deleted') && settled(f) && !/plain-name\s+String/.test(f));
    expect(frame).toContain('search/');
  });

  it('asks for the last segment of a SecureString typed out, then leaves its detail', async () => {
    const app = await openApp();
    await openDetail(app, 'prod/db/password', PASSWORD);
    await app.press('d');
    await app.waitFor('Type password to confirm.');
    await app.press('pass', KEYS.enter);
    await app.waitFor('type password exactly to delete');
    await app.press('word', KEYS.enter);
    const frame = await app.waitFor((f) => f.includes(`${PASSWORD} deleted`) && settled(f) && !f.includes('2  2026-01-01'));
    expect(frame).not.toContain(`Parameter ${PASSWORD}`);
    expect(frame).toContain('match');
    await expect(app.service.getParameter(PASSWORD)).rejects.toMatchObject({ code: 'ParameterNotFound' });
  });
});

describe('label (L)', () => {
  it('labels the version under the history cursor', async () => {
    const app = await openApp();
    await openDetail(app, 'prod/db/password', PASSWORD);
    await app.press('v');
    await app.waitFor((f) => f.includes('previous') && settled(f));
    await app.press('j', 'L');
    await app.waitFor('Version 1');
    await app.press('blue green', KEYS.enter);
    await app.waitFor(`version 1 of ${PASSWORD} labelled blue, green`);
    const versions = (await app.service.history(PASSWORD).collect()).items;
    expect(versions.find((v) => v.version === 1)?.labels).toEqual(expect.arrayContaining(['blue', 'green', 'previous']));
  });

  it("shows the labels AWS refuses as InvalidLabels and keeps them to fix; the rest are applied", async () => {
    const app = await openApp();
    await app.press('G', 'L');
    await app.waitFor('Version latest');
    await app.press('1st ok-label', KEYS.enter);
    const frame = await app.waitFor('InvalidLabels: 1st (applied: ok-label)');
    expect(frame).toContain('1st ok-label');
    expect((await app.service.history('plain-name').collect()).items[0]?.labels).toEqual(['ok-label']);
  });
});

describe('tags (T)', () => {
  it('adds, changes and removes tags, and the detail shows them', async () => {
    const app = await openApp();
    await openDetail(app, 'prod/db/password', PASSWORD);
    await app.press('T');
    await app.waitFor('Tags now: env=prod, team=payments');
    await app.press('owner=alice, team=core', KEYS.tab, 'env', KEYS.enter);
    await app.waitFor(`tags of ${PASSWORD}: set owner, team; removed env`);
    const frame = await app.waitFor('owner = alice');
    expect(frame).toContain('team = core');
    expect(frame).not.toContain('env = prod');
  });

  it("checks key=value pairs, and shows AWS's refusal of a reserved tag key", async () => {
    const app = await openApp({ columns: 120 });
    await app.press('G', 'T');
    await app.waitFor('Tags now: none');
    await app.press('novalue', KEYS.enter);
    await app.waitFor('add/change: write key=value, not novalue');
    await app.press(...Array<string>(7).fill(KEYS.backspace), 'aws:x=1', KEYS.enter);
    const frame = await app.waitFor((f) => flat(f).includes(flat('ValidationException: Tag keys starting with "aws:" are reserved for AWS use: aws:x')));
    expect(frame).toContain('› add/change aws:x=1');
  });
});

it('draws hostile text in a form as visible escapes, never as terminal commands', async () => {
  const app = await openApp();
  await openDetail(app, 'hostile', '/search/prod/hostile');
  await app.press('e', KEYS.tab, KEYS.tab);
  const frame = await app.waitFor('Edit /search/prod/hostile');
  expect(frame).toContain('before\\x1b[2Jafter \\u202eevil');
  expect(app.rawFrame()).not.toContain('\u001b[2J');
  expect(app.rawFrame()).not.toContain('\u202e');
});

describe('refusals', () => {
  it.each(['n', 'e', 'd', 'L', 'T'])('%s says --read-only makes no changes', async (key) => {
    const app = await openApp({ readOnly: true });
    await app.press('G', key);
    await app.waitFor('refused: read-only mode (--read-only) makes no changes');
    expect(app.frame()).not.toContain('╭');
  });

  it("the auditor's delete is refused with AWS's text, recorded in the audit trail", async () => {
    const app = await openApp({ as: 'auditor', seed: seedWithAuditor });
    await app.press('G', 'd', 'y');
    const frame = await app.waitFor((f) => flat(f).includes('isnotauthorizedtoperform:ssm:DeleteParameteronresource:'));
    expect(frame).toContain('Delete plain-name? y/N');
    const denied = (await auditTrail(app.service)).find((e) => e.eventName === 'DeleteParameter');
    expect(denied).toMatchObject({ errorCode: 'AccessDenied', parameterNames: ['plain-name'] });
  });
});
