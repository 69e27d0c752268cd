import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { contextChoices, rememberContext } from '../../source/commands/tui-contexts';
import { storedSettings } from '../../source/commands/resolved-options';
import { tempHome } from '../helpers/temp-home';

function sandbox() {
  const dir = tempHome();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n[profile dev]\nsso_session = corp\nregion = eu-west-1\n[profile prod]\nrole_arn = arn:aws:iam::222222222222:role/Admin\n');
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'none'));
  vi.stubEnv('PARAMDECK_CONFIG_DIR', join(dir, 'paramdeck-config'));
  onTestFinished(() => void vi.unstubAllEnvs());
}

describe('the contexts the switcher offers and remembers', () => {
  it('lists the profiles, a profile without a region in the current one', async () => {
    sandbox();
    expect(await contextChoices({ region: 'ap-south-1' })).toEqual([
      { region: 'us-east-1', label: 'default · us-east-1', detail: '' },
      { profile: 'dev', region: 'eu-west-1', label: 'dev · eu-west-1', detail: 'SSO' },
      { profile: 'prod', region: 'ap-south-1', label: 'prod · ap-south-1', detail: 'assume role (no region of its own)' },
    ]);
  });

  it('remembers the contexts switched to in the config, most recent first, and offers them first but not the current one', async () => {
    sandbox();
    rememberContext({ profile: 'dev', region: 'eu-west-1' });
    rememberContext({ region: 'us-west-2' });
    rememberContext({ profile: 'dev', region: 'eu-west-1' });
    expect(storedSettings().recentContexts).toBe('dev@eu-west-1,@us-west-2');
    const choices = await contextChoices({ profile: 'dev', region: 'eu-west-1' });
    expect(choices[0]).toEqual({ region: 'us-west-2', label: 'default · us-west-2', detail: 'recent' });
    expect(choices.filter((c) => c.detail === 'recent')).toHaveLength(1);
  });
});
