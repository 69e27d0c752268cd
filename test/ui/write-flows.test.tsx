import { describe, expect, it } from 'vitest';
import { allFrames, auditTrail, CTRL_U, flat, openApp, openDetail, seedWithAuditor } from './write-helpers';
import { KEYS } from './terminal-streams';

const FAKE_SECRET = 'fake-typed-secret-42';

describe('new parameter (n)', () => {
  it('fills a form in the folder on screen, previews it, writes version 1 and opens it', async () => {
    const app = await openApp();
    await app.press('n');
    const form = await app.waitFor('New parameter');
    expect(form).toContain('› name');
    expect(form).toContain('String  StringList  SecureString');
    await app.press('app/feature', KEYS.tab, KEYS.right, KEYS.tab, 'a,b', KEYS.tab, 'Feature flags', KEYS.enter);
    const preview = await app.waitFor('Create /app/feature:');
    expect(preview).toContain('Create /app/feature? y/N');
    expect(preview.replace(/ +/g, ' ')).toContain('type StringList');
    expect(preview.replace(/ +/g, ' ')).toContain('value a,b');
    await app.press('y');
    const frame = await app.waitFor((f) => f.includes('version 1 of /app/feature written') && f.includes('Feature flags'));
    expect(frame).toContain('Parameter /app/feature');
    expect((await app.service.getParameter('/app/feature')).value).toEqual({ kind: 'plain', text: 'a,b' });
  });

  it('never draws a SecureString typed into the form, not even its length', async () => {
    const app = await openApp();
    await app.press('n', 'vault/token', KEYS.tab, KEYS.left, KEYS.tab);
    await app.waitFor('typed text stays hidden');
    await app.press('x');
    const short = (await app.waitFor('••••••••')).split('\n').find((l) => l.includes('value'));
    await app.press(FAKE_SECRET.slice(1));
    expect(app.frame().split('\n').find((l) => l.includes('value'))).toBe(short);
    await app.press(KEYS.enter);
    const preview = await app.waitFor('Create /vault/token:');
    expect(preview).toContain('set (SecureString: not shown)');
    expect(preview).toContain('alias/aws/ssm');
    await app.press('y');
    await app.waitFor('version 1 of /vault/token written');
    expect(allFrames(app)).not.toContain(FAKE_SECRET.slice(1, 6));
    expect((await app.service.reveal('/vault/token')).plaintext()).toBe(`x${FAKE_SECRET.slice(1)}`);
  });

  it.each([
    ['an existing name', 'plain-name', 'short', 'valueshort', 'ParameterAlreadyExists: The parameter already exists. To overwrite this value, set the overwrite option in the request to true.'],
    ['a value too long for the Standard tier', 'app/big', 'v'.repeat(4097), 'vvv…(4097characters)', 'ValidationException: Standard tier parameters support a maximum parameter value of 4096 characters.'],
    ['a reserved prefix', 'aws/mine', 'some-value', 'name/aws/mine', 'AccessDeniedException: No access to reserved parameter name: aws/mine.'],
  ])("shows AWS's refusal of %s in the form and keeps the input", async (_, name, value, preview, message) => {
    const app = await openApp({ columns: 120 });
    await app.press('n', name, KEYS.tab, KEYS.tab, value, KEYS.enter);
    await app.waitFor((f) => flat(f).includes(preview));
    await app.press('y');
    const frame = await app.waitFor(message.slice(0, 40));
    expect(flat(frame)).toContain(flat(message));
    expect(frame).toContain(`/${name}`);
    expect(frame).toContain('› value');
    await app.press(KEYS.enter);
    await app.waitFor('Create /');
    expect(app.frame()).toContain('? y/N');
  });
});

describe('edit (e)', () => {
  it('makes a new version of a String and previews the old and new value', async () => {
    const app = await openApp();
    await app.press('G', 'e');
    await app.waitFor('Edit plain-name: new version 2');
    expect(app.frame()).toContain('lives at the root');
    await app.press(KEYS.enter);
    await app.waitFor('nothing changed');
    await app.press(CTRL_U, 'moved', KEYS.enter);
    const preview = await app.waitFor('Write version 2 of plain-name:');
    expect(preview.replace(/ +/g, ' ')).toContain('value lives at the root → moved');
    await app.press('y');
    await app.waitFor((f) => f.includes('version 2 of plain-name written') && /plain-name\s+String\s+2/.test(f));
  });

  it('asks for a whole new SecureString value, never shows it, and writes it under the same key', async () => {
    const app = await openApp();
    await openDetail(app, 'prod/db/password', '/payments/prod/db/password');
    await app.press('e');
    const form = await app.waitFor('Edit /payments/prod/db/password: new version 3');
    expect(form).toContain('A SecureString is never filled in here');
    await app.press(KEYS.esc, 'n');
    await app.waitFor((f) => /› name +\/payments\/prod\/db\/ +│/.test(f));
    await app.press(KEYS.esc, 'e');
    await app.waitFor('Edit /payments/prod/db/password');
    await app.press(KEYS.enter);
    await app.waitFor('value: type the new value');
    await app.press(FAKE_SECRET, KEYS.enter);
    const preview = await app.waitFor('Write version 3');
    expect(preview).toContain('changed (SecureString: not shown)');
    expect(preview).not.toContain('key ');
    await app.press('y');
    await app.waitFor('version 3 of /payments/prod/db/password written');
    expect(allFrames(app)).not.toContain(FAKE_SECRET);
    expect((await app.service.reveal('/payments/prod/db/password')).plaintext()).toBe(FAKE_SECRET);
  });

  it("refuses the demo's auditor with AWS's AccessDenied, keeps the input, and the audit trail has the denial", async () => {
    const app = await openApp({ as: 'auditor', seed: seedWithAuditor, columns: 120 });
    await app.press('G', 'e', CTRL_U, 'attempt', KEYS.enter, 'y');
    const frame = await app.waitFor('AccessDeniedException');
    expect(flat(frame)).toContain(flat('User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: ssm:PutParameter'));
    expect(frame).toContain('attempt');
    const denied = (await auditTrail(app.service)).find((e) => e.eventName === 'PutParameter');
    expect(denied).toMatchObject({ errorCode: 'AccessDenied', parameterNames: ['plain-name'] });
    expect((await app.service.getParameter('plain-name')).version).toBe(1);
  });
});
