import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, seed } from './cli';

describe('paramdeck config', () => {
  it('path, get, set and unset work on the file PARAMDECK_CONFIG_DIR names', async () => {
    const box = sandbox();
    const file = join(box.configDir, 'config.json');
    expect(await box.run(['config', 'path'])).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
    expect((await box.run(['config', 'get', 'revealSeconds'])).stdout).toBe('30\n');
    expect((await box.run(['config', 'get', 'profile'])).stdout).toBe('');
    expect(await box.run(['config', 'set', 'revealSeconds', '10'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await box.run(['config', 'set', 'readOnly', 'true'])).toMatchObject({ code: 0 });
    expect(await box.run(['config', 'set', 'region', 'eu-west-1'])).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ revealSeconds: 10, readOnly: true, region: 'eu-west-1' });
    expect(JSON.parse((await box.run(['config', 'get', '--json'])).stdout)).toEqual({
      target: 'local', profile: null, region: 'eu-west-1', home: null, revealSeconds: 10, clipboardSeconds: 45, theme: 'auto', readOnly: true,
      recentContexts: null, metadataCache: true, auditRetentionDays: null,
    });
    expect((await box.run(['config', 'get'])).stdout).toContain('revealSeconds=10\nclipboardSeconds=45\n');
    expect(await box.run(['config', 'unset', 'revealSeconds'])).toMatchObject({ code: 0 });
    expect((await box.run(['config', 'get', 'revealSeconds', '--json'])).stdout).toBe('30\n');
  });

  it.each([
    { args: ['revealSeconds', '0'], message: 'invalid value for revealSeconds: expected a whole number from 1 to 3600' },
    { args: ['revealSeconds', 'ten'], message: 'invalid value for revealSeconds: expected a whole number from 1 to 3600' },
    { args: ['theme', 'neon'], message: 'invalid value for theme: expected one of auto, color, mono' },
    { args: ['target', 'gcp'], message: 'invalid value for target: expected one of local, aws' },
    { args: ['readOnly', 'yes'], message: 'invalid value for readOnly: expected true or false' },
    { args: ['region', 'mars'], message: 'invalid value for region: expected an AWS region such as eu-west-1' },
  ])('set $args exits 2 and stores nothing', async ({ args, message }) => {
    const box = sandbox();
    expect(await box.run(['config', 'set', ...args])).toEqual({ code: 2, stdout: '', stderr: `paramdeck: ${message}\n` });
    expect((await box.run(['config', 'get', args[0]!, '--json'])).stdout).not.toBe(`${JSON.stringify(args[1])}\n`);
  });

  it('refuses an unknown key as a usage error', async () => {
    const run = await sandbox().run(['config', 'get', 'colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are target, profile, region, home, revealSeconds, clipboardSeconds, theme, readOnly/);
  });

  it.each([
    { content: '{ "target": ', reason: /Unexpected end of JSON input/ },
    { content: '{ "revealSeconds": -5 }', reason: /revealSeconds/ },
  ])('a broken file ($content) is one line naming it and exit 1, for every command; `config path` still works', async ({ content, reason }) => {
    const box = sandbox();
    const file = join(box.configDir, 'config.json');
    mkdirSync(box.configDir, { recursive: true });
    writeFileSync(file, content);
    for (const args of [['ls'], ['get', '/x'], ['config', 'get'], ['config', 'set', 'theme', 'mono'], ['demo']]) {
      const run = await box.run(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^paramdeck: the config file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid: `));
      expect(run.stderr).toMatch(reason);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await box.run(['config', 'path'])).stdout).toBe(`${file}\n`);
  });
});

describe('settings precedence: flags, then environment, then config, then defaults', () => {
  it('chooses the store folder from --home over PARAMDECK_HOME over the config file', async () => {
    const box = sandbox();
    const [fromConfig, fromEnv, fromFlag] = ['config-home', 'env-home', 'flag-home'].map((name) => join(box.dir, name));
    seed(fromConfig!, [{ name: '/where', value: 'config' }]);
    seed(fromEnv!, [{ name: '/where', value: 'env' }]);
    seed(fromFlag!, [{ name: '/where', value: 'flag' }]);
    await box.run(['config', 'set', 'home', fromConfig!], { noHome: true });
    expect((await box.run(['get', '/where'], { noHome: true })).stdout).toBe('config');
    expect((await box.run(['get', '/where'], { noHome: true, env: { PARAMDECK_HOME: fromEnv } })).stdout).toBe('env');
    expect((await box.run(['get', '/where', '--home', fromFlag!], { noHome: true, env: { PARAMDECK_HOME: fromEnv } })).stdout).toBe('flag');
  });

  it('readOnly from the config file refuses writes with exit 3; the target from the environment beats the file', async () => {
    const box = sandbox();
    await box.run(['config', 'set', 'readOnly', 'true']);
    const refused = await box.run(['import', '/x', box.file('in.env', 'A=1\n')]);
    expect(refused.code).toBe(3);
    expect((await box.run(['ls'])).stdout).toBe('');
    await box.run(['config', 'unset', 'readOnly']);
    await box.run(['config', 'set', 'target', 'aws']);
    // The aws target with no region anywhere says so; PARAMDECK_TARGET=local brings the local store back.
    const aws = await box.run(['ls'], { env: { AWS_CONFIG_FILE: join(box.dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(box.dir, 'none') } });
    expect(aws.code).toBe(1);
    expect(aws.stderr).toMatch(/No AWS region: pass --region, set AWS_REGION/);
    expect((await box.run(['ls'], { env: { PARAMDECK_TARGET: 'local' } })).code).toBe(0);
  });
});
