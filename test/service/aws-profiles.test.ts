import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { listAwsProfiles } from '../../source/service/aws-profiles';
import { tempHome } from '../helpers/temp-home';

describe('the AWS profiles the switcher offers', () => {
  it('reads every profile of both files with its region and sign-in kind, and nothing secret', async () => {
    const dir = tempHome();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'config'),
      [
        '[default]', 'region = us-east-1',
        '[profile dev]', 'sso_session = corp', 'sso_account_id = 111111111111', 'sso_role_name = Dev', 'region = eu-west-1',
        '[profile prod]', 'role_arn = arn:aws:iam::222222222222:role/Admin', 'source_profile = default',
        '[profile legacy-sso]', 'sso_start_url = https://example.awsapps.com/start', 'sso_region = us-east-1',
        '[profile tool]', 'credential_process = /usr/bin/false',
        '[sso-session corp]', 'sso_start_url = https://example.awsapps.com/start', 'sso_region = us-east-1',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIAFAKEFAKEFAKEFAKE\naws_secret_access_key = fake-secret-never-shown\n[ci]\naws_access_key_id = AKIAFAKE2\naws_secret_access_key = fake-secret-never-shown\nregion = ap-south-1\n');
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    onTestFinished(() => void vi.unstubAllEnvs());

    const profiles = await listAwsProfiles();
    expect(profiles).toEqual([
      { name: 'default', region: 'us-east-1', kind: 'keys' },
      { name: 'ci', region: 'ap-south-1', kind: 'keys' },
      { name: 'dev', region: 'eu-west-1', kind: 'sso' },
      { name: 'legacy-sso', kind: 'sso' },
      { name: 'prod', kind: 'role' },
      { name: 'tool', kind: 'process' },
    ]);
    expect(JSON.stringify(profiles)).not.toMatch(/fake-secret|AKIA/);
  });

  it('is empty without config files', async () => {
    const dir = tempHome();
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'none'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'none'));
    onTestFinished(() => void vi.unstubAllEnvs());
    expect(await listAwsProfiles()).toEqual([]);
  });
});
