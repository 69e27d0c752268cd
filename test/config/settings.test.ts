import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resolveSettings } from '../../source/config/resolve';
import { DEFAULT_SETTINGS, openSettings } from '../../source/config/settings';

function tempConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paramdeck-config-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('settings', () => {
  it('stores and reads back values, validated by the schema', () => {
    const dir = tempConfigDir();
    const settings = openSettings({ PARAMDECK_CONFIG_DIR: dir });
    settings.set('revealSeconds', 10);
    expect(openSettings({ PARAMDECK_CONFIG_DIR: dir }).get('revealSeconds')).toBe(10);
    expect(() => settings.set('revealSeconds', -1)).toThrow(/revealSeconds/);
    expect(() => settings.set('theme', 'neon' as never)).toThrow(/theme/);
    expect(openSettings({ PARAMDECK_CONFIG_DIR: dir }).get('theme')).toBeUndefined();
  });

  it('names the file when it is not JSON, or breaks the schema', () => {
    const dir = tempConfigDir();
    writeFileSync(join(dir, 'config.json'), '{ "target": ');
    expect(() => openSettings({ PARAMDECK_CONFIG_DIR: dir })).toThrow(`the config file ${join(dir, 'config.json')} is not valid`);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ target: 'mars' }));
    expect(() => openSettings({ PARAMDECK_CONFIG_DIR: dir })).toThrow(/config\.json is not valid: .*target/);
  });

  it.each([
    ['target', 'mars', /`target` must be one of local, aws/],
    ['profile', '', /`profile` must NOT have fewer than 1 characters/],
    ['region', 'Mars-1', /`region` must match pattern/],
    ['home', 7, /`home` must be string/],
    ['revealSeconds', 1.5, /`revealSeconds` must be integer/],
    ['revealSeconds', 0, /`revealSeconds` must be >= 1/],
    ['clipboardSeconds', 3601, /`clipboardSeconds` must be <= 3600/],
    ['readOnly', 'yes', /`readOnly` must be boolean/],
  ])('refuses %s = %j in the file and on set', (key, value, message) => {
    const dir = tempConfigDir();
    expect(() => openSettings({ PARAMDECK_CONFIG_DIR: dir }).set(key as never, value)).toThrow(message);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ [key]: value }));
    expect(() => openSettings({ PARAMDECK_CONFIG_DIR: dir })).toThrow(message);
  });

  it('accepts every setting at its limits and keeps unknown keys out of the check', () => {
    const dir = tempConfigDir();
    const good = { target: 'aws', profile: 'p', region: 'eu-west-1', home: '/h', revealSeconds: 1, clipboardSeconds: 3600, theme: 'mono', readOnly: true };
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...good, somethingElse: 'kept' }));
    expect(openSettings({ PARAMDECK_CONFIG_DIR: dir }).store).toMatchObject(good);
  });

  it('resolves flags, then environment, then config, then defaults', () => {
    const stored = { target: 'aws' as const, region: 'eu-west-1', profile: 'stored', revealSeconds: 12 };
    expect(resolveSettings({}, {}, {})).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({}, {}, stored)).toMatchObject({ target: 'aws', region: 'eu-west-1', profile: 'stored', revealSeconds: 12 });
    const env = { AWS_PROFILE: 'from-env', AWS_DEFAULT_REGION: 'ap-south-1', PARAMDECK_TARGET: 'local' };
    expect(resolveSettings({}, env, stored)).toMatchObject({ target: 'local', region: 'ap-south-1', profile: 'from-env' });
    expect(resolveSettings({}, { ...env, AWS_REGION: 'us-west-2' }, stored).region).toBe('us-west-2');
    expect(resolveSettings({ profile: 'flag', target: 'aws', readOnly: true }, env, stored)).toMatchObject({
      profile: 'flag',
      target: 'aws',
      readOnly: true,
      revealSeconds: 12,
    });
  });
});
