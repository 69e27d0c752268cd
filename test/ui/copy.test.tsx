import { describe, expect, it } from 'vitest';
import { osc52Clear, osc52Sequence } from '../../source/ui/clipboard/osc52';
import { renderApp, settled, type AppHandle, type RenderOptions } from './render-app';
import { KEYS } from './terminal-streams';
import { withAuditor } from './value-fixtures';

const SECRET = 'second-secret';
const NAME = '/payments/prod/db/password';

/** The detail of /payments/prod/db/password (the filter's top match). */
async function onPassword(options: RenderOptions = {}): Promise<AppHandle> {
  const app = await renderApp({ columns: 160, ...options });
  await app.waitFor((f) => settled(f) && f.includes('payments/'));
  await app.press('/', ...'prodpassword', KEYS.enter);
  await app.waitFor((f) => f.includes(`Parameter ${NAME}`) && f.includes('Tags            env = prod'));
  return app;
}

describe('copy (c)', () => {
  it('asks y/N, then sends the value as OSC 52 without ever drawing it, and says the clear cannot be verified', async () => {
    const app = await onPassword();
    await app.press('c');
    const dialog = await app.waitFor('Copy the value to the clipboard? y/N');
    expect(dialog).toContain(`Parameter    ${NAME}`);
    expect(dialog).toContain('Decrypts as  arn:aws:iam::123456789012:user/admin');
    await app.press('y');
    const frame = await app.waitFor('copied (');
    expect(frame).toContain(`copied (OSC 52; its clear in 45s cannot be verified): the value of ${NAME}`);
    expect(app.terminal.frames).toEqual([osc52Sequence(SECRET, false)]);
    expect(app.terminal.frames[0]).toBe('\u001b]52;c;c2Vjb25kLXNlY3JldA==\u0007');
    expect(app.stdout.frames.join('')).not.toContain(SECRET);
    const events = await app.service.auditEvents({ parameterName: NAME }).collect();
    expect(events.items.filter((e) => e.eventName === 'Decrypt' && !e.errorCode)).toHaveLength(1);
  });

  it('declined, copies nothing', async () => {
    const app = await onPassword();
    await app.press('c');
    await app.waitFor('y/N');
    await app.press(KEYS.enter);
    await app.waitFor((f) => !f.includes('Copy the value'));
    expect(app.terminal.frames).toEqual([]);
  });

  it('inside tmux wraps the sequence for passthrough, and clears it after clipboardSeconds', async () => {
    const app = await onPassword({ clipboardEnv: { TMUX: '/tmp/tmux-1000/default,42,0' }, clipboardSeconds: 1 });
    await app.press('c');
    await app.waitFor('y/N');
    await app.press('y');
    await app.waitFor('OSC 52 through tmux');
    expect(app.terminal.frames).toEqual(['\u001bPtmux;\u001b\u001b]52;c;c2Vjb25kLXNlY3JldA==\u0007\u001b\\']);
    await app.waitFor('clipboard cleared over OSC 52 through tmux: the terminal cannot confirm it');
    expect(app.terminal.frames[1]).toBe(osc52Clear(true));
  });

  it("for the demo's auditor is refused with AWS's text, and nothing reaches the clipboard", async () => {
    const app = await onPassword({ as: 'auditor', seed: withAuditor });
    await app.press('c');
    await app.waitFor('y/N');
    await app.press('y');
    await app.waitFor('AccessDeniedException');
    expect(app.terminal.frames).toEqual([]);
    const events = await app.service.auditEvents({ parameterName: NAME }).collect();
    expect(events.items.find((e) => e.eventName === 'Decrypt' && e.username === 'auditor')?.errorCode).toMatch(/AccessDenied/);
  });

  it('works under --read-only: reveal and copy are reads', async () => {
    const app = await onPassword({ readOnly: true });
    await app.press('c');
    await app.waitFor('y/N');
    await app.press('y');
    await app.waitFor(`the value of ${NAME}`);
    expect(app.terminal.frames).toEqual([osc52Sequence(SECRET, false)]);
    await app.press('r');
    await app.waitFor('y/N');
    await app.press('y');
    await app.waitFor(`Value           ${SECRET}`);
  });
});

describe('copy the name (y)', () => {
  it('copies the name at once, with no confirm and no decrypt', async () => {
    const app = await onPassword();
    await app.press('y');
    await app.waitFor(`copied the name ${NAME} (OSC 52)`);
    expect(app.terminal.frames).toEqual([osc52Sequence(NAME, false)]);
    const events = await app.service.auditEvents({ parameterName: NAME }).collect();
    expect(events.items.filter((e) => e.eventName === 'Decrypt')).toEqual([]);
  });
});
