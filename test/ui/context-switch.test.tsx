import { describe, expect, it, onTestFinished } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { ServiceError } from '../../source/service/errors';
import { openTarget } from '../../source/target';
import type { ContextChoice, EnvironmentInput } from '../../source/ui/ui-context';
import { call } from '../helpers/engine';
import { tempHome } from '../helpers/temp-home';
import { renderApp, settled } from './render-app';

/** A second store standing in for another account: what the picked profile opens. */
async function otherAccount(base: EnvironmentInput): Promise<EnvironmentInput> {
  const home = tempHome();
  const engine = Engine.open({ home });
  call(engine, 'ssm', 'PutParameter', { Name: '/other/only-here', Value: 'fake', Type: 'String' });
  engine.close();
  const target = await openTarget({ home });
  onTestFinished(() => target.close());
  return { ...base, service: target.service, label: { ...target.label, profile: 'staging' }, writer: target.service, changeSignal: target.changeSignal };
}

const CHOICES: ContextChoice[] = [
  { profile: 'expired-sso', region: 'us-east-1', label: 'expired-sso · us-east-1', detail: 'SSO' },
  { profile: 'staging', region: 'eu-west-1', label: 'staging · eu-west-1', detail: 'recent' },
];

describe('the profile and region switcher (P)', () => {
  it('offers the choices, stays put with the reason when one cannot open, and starts over on the one that does', async () => {
    const opened: string[] = [];
    const app = await renderApp({
      columns: 120,
      contexts: (base) => ({
        choices: async () => CHOICES,
        open: async (choice) => {
          opened.push(choice.label);
          if (choice.profile === 'expired-sso') throw new ServiceError('AccessDenied', 'ExpiredToken', 'The SSO session for profile expired-sso has expired');
          return otherAccount(base);
        },
      }),
    });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('P');
    const picker = await app.waitFor('AWS profile and region');
    expect(picker).toContain('› expired-sso · us-east-1  SSO');
    expect(picker).toContain('staging · eu-west-1  recent');
    await app.press('\r');
    const refused = await app.waitFor('The SSO session for profile expired-sso has expired');
    expect(refused).toContain('payments/');

    await app.press('P');
    await app.waitFor('AWS profile and region');
    await app.press('j', '\r');
    const switched = await app.waitFor((f) => settled(f) && f.includes('other/'));
    expect(switched).not.toContain('payments/');
    expect(opened).toEqual(['expired-sso · us-east-1', 'staging · eu-west-1']);
  });

  it('says why on the local target, where there is nothing to switch', async () => {
    const app = await renderApp();
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('P');
    await app.waitFor('profile: only the aws target has profiles and regions to switch between');
  });
});
