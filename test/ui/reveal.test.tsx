import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { call } from '../helpers/engine';
import { seedSample, WRITTEN } from './fixtures';
import { renderApp, settled, until, type AppHandle, type RenderOptions } from './render-app';
import { KEYS } from './terminal-streams';
import { withAuditor } from './value-fixtures';

const SECRET = 'second-secret';
const MASK = '••••••••';

/** Opens the detail of /payments/prod/db/password and waits until its key is known. */
async function openPassword(options: RenderOptions = {}): Promise<AppHandle> {
  const app = await renderApp(options);
  await app.waitFor((f) => settled(f) && f.includes('payments/'));
  await app.press('/', ...'prodpassword', KEYS.enter);
  await app.waitFor((f) => f.includes('Parameter /payments/prod/db/password') && f.includes('Tags            env = prod'));
  return app;
}

async function revealPassword(app: AppHandle): Promise<void> {
  await app.press('r');
  await app.waitFor('y/N');
  await app.press('y');
  await app.waitFor(SECRET);
}

describe('reveal (r)', () => {
  it('asks y/N naming the parameter, its KMS key and who decrypts; No is the default', async () => {
    const app = await openPassword();
    expect(app.frame()).toContain(`Value           ${MASK}`);
    for (const no of [KEYS.enter, 'n', KEYS.esc]) {
      await app.press('r');
      const dialog = await app.waitFor('Reveal the value? y/N');
      expect(dialog).toContain('Parameter    /payments/prod/db/password');
      expect(dialog).toContain('KMS key      alias/payments');
      expect(dialog).toContain('Decrypts as  arn:aws:iam::123456789012:user/admin');
      expect(dialog).toContain('y yes  n/enter no (default)  esc cancel');
      await app.press(no);
      await app.waitFor((f) => !f.includes('Reveal the value?'));
    }
    expect(app.stdout.frames.join('')).not.toContain(SECRET);
    const events = await app.service.auditEvents({ parameterName: '/payments/prod/db/password' }).collect();
    expect(events.items.filter((e) => e.eventName === 'Decrypt')).toEqual([]);
  });

  it('wraps a long name in the confirm rather than cutting it', async () => {
    const name = `/payments/${'very-long-segment/'.repeat(6)}token`;
    const app = await renderApp({
      seed: (engine, advance) => {
        seedSample(engine, advance);
        call(engine, 'ssm', 'PutParameter', { Name: name, Value: 'fake-token', Type: 'SecureString' });
      },
    });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('/', ...'token', KEYS.enter);
    await app.waitFor(`Tags`);
    await app.press('r');
    const dialog = await app.waitFor('y/N');
    const inside = dialog.split('\n').flatMap((line) => /│ (.*) │/.exec(line)?.[1]?.trimEnd() ?? []);
    expect(inside.join('')).toContain(`Parameter    ${name}`);
    expect(inside.length).toBeGreaterThan(5);
  });

  it('shows the value with a countdown once confirmed, and the audit trail records the decrypt', async () => {
    const app = await openPassword();
    await revealPassword(app);
    const frame = app.frame();
    expect(frame).toContain(`Value           ${SECRET}`);
    expect(frame).toContain('masked again in 30s');
    expect(frame).not.toContain(MASK);
    const events = await app.service.auditEvents({ parameterName: '/payments/prod/db/password' }).collect();
    const decrypts = events.items.filter((e) => e.eventName === 'Decrypt');
    expect(decrypts).toHaveLength(1);
    expect(decrypts[0]).toMatchObject({ username: 'admin', invokedBy: 'ssm.amazonaws.com' });
    expect(decrypts[0]!.errorCode).toBeUndefined();
  });

  it('masks again after revealSeconds (fake timers), counting down, and no later frame holds the value', async () => {
    const app = await openPassword({ revealSeconds: 5 });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    await revealPassword(app);
    // The countdown starts in an effect that runs just after the frame is drawn.
    await until(() => vi.getTimerCount() === 1, 2_000);
    expect(app.frame()).toContain('masked again in 5s');
    vi.advanceTimersByTime(4_000);
    await app.waitFor('masked again in 1s');
    expect(app.frame()).toContain(SECRET);
    const before = app.stdout.frames.length;
    vi.advanceTimersByTime(1_000);
    await app.waitFor(`Value           ${MASK}`);
    // Ticking stops with nothing to count down, and nothing drawn since holds the plaintext.
    await until(() => vi.getTimerCount() === 0, 2_000);
    expect(app.stdout.frames.slice(before).join('\n')).not.toContain(SECRET);
  });

  it.each([
    ['back to the list', KEYS.esc, 'Parameters', [KEYS.enter]],
    ['another pane', '2', 'KMS keys', ['1']],
    ['a refresh (R)', 'R', 'Parameter /payments/prod/db/password', []],
    ['the history view', 'v', 'History /payments/prod/db/password', ['v']],
    ['r pressed again', 'r', 'Parameter /payments/prod/db/password', []],
  ])('masks again on %s', async (_, key, screen, back) => {
    const app = await openPassword();
    await revealPassword(app);
    const before = app.stdout.frames.length;
    await app.press(key);
    await app.waitFor((f) => f.includes(screen) && !f.includes(SECRET));
    await app.press(...back);
    await app.waitFor(`Value           ${MASK}`);
    expect(app.stdout.frames.slice(before).join('\n')).not.toContain(SECRET);
  });

  it("keeps the value masked for the demo's auditor, shows AWS's refusal, and the audit has the denial", async () => {
    const app = await openPassword({ as: 'auditor', seed: withAuditor });
    await app.press('r');
    await app.waitFor('Decrypts as  arn:aws:iam::123456789012:user/auditor');
    await app.press('y');
    const frame = await app.waitFor('AccessDeniedException');
    expect(frame).toContain(`Value           ${MASK}`);
    expect(app.stdout.frames.join('')).not.toContain(SECRET);
    const events = await app.service.auditEvents({ parameterName: '/payments/prod/db/password' }).collect();
    const denied = events.items.find((e) => e.eventName === 'Decrypt' && e.username === 'auditor');
    expect(denied?.errorCode).toMatch(/AccessDenied/);
  });

  it.each([
    ['disabled', 'DisableKey', {}, /InvalidKeyId: The KMS key alias\/payments cannot be used: .*is disabled/],
    ['pending deletion', 'ScheduleKeyDeletion', { PendingWindowInDays: 7 }, /InvalidKeyId: The KMS key alias\/payments cannot be used: .*is pending deletion/],
  ])("reports a %s key as SSM does, InvalidKeyId with KMS's reason, and stays masked", async (_, operation, extra, message) => {
    const app = await openPassword({
      columns: 200,
      seed: (engine, advance) => {
        seedSample(engine, advance);
        // The app runs on the real clock: the deletion window must still be open then.
        advance(Date.now() - WRITTEN);
        const key = call(engine, 'kms', 'DescribeKey', { KeyId: 'alias/payments' }) as { KeyMetadata: { KeyId: string } };
        call(engine, 'kms', operation, { KeyId: key.KeyMetadata.KeyId, ...extra });
      },
    });
    await app.press('r');
    await app.waitFor('y/N');
    await app.press('y');
    const frame = await app.waitFor('InvalidKeyId');
    expect(frame).toMatch(message);
    expect(frame).toContain(`Value           ${MASK}`);
  });
});
