import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import Database from 'better-sqlite3';
import { Engine } from '../../source/engine/engine';
import { MetadataCacheStore } from '../../source/engine/metadata-cache/store';
import { openTarget } from '../../source/target';
import { seed } from '../cli/cli';
import { tempHome } from '../helpers/temp-home';
import { parseEnvOutput, runCli, startServe } from '../protocol/cli-process';

/** `paramdeck serve` on a store with three parameters, standing in for an AWS account. */
async function account() {
  const awsHome = tempHome();
  seed(awsHome, [
    { name: '/svc/url', value: 'https://svc.example' },
    { name: '/svc/token', value: 'fake-cache-canary-token', type: 'SecureString' },
    { name: '/other/flag', value: 'on' },
  ]);
  const server = await startServe(['--home', awsHome, '--port', '0']);
  const env = parseEnvOutput((await runCli(['env', '--home', awsHome, '--port', String(server.port)])).stdout);
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']) vi.stubEnv(name, env[name]!);
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_CONFIG_FILE', join(awsHome, 'none'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(awsHome, 'none'));
  onTestFinished(() => void vi.unstubAllEnvs());
  return { awsHome, url: server.url };
}

async function browse(home: string, url: string, metadataCache = true) {
  const target = await openTarget({ target: 'aws', home, endpointUrl: url, metadataCache });
  onTestFinished(() => target.close());
  return target;
}

describe('the aws target’s listing cache in the local store', () => {
  it('saves a complete listing and hands it over, names and versions only, on the next start', async () => {
    const { url } = await account();
    const home = tempHome();
    const first = await browse(home, url);
    expect(first.service.cachedParameters()).toBeUndefined();
    const live = await first.service.listParameters().collect();
    expect(live.items).toHaveLength(3);
    first.close();

    const second = await browse(home, url);
    const cached = second.service.cachedParameters();
    expect(cached?.items.map((p) => [p.name, p.type, p.version])).toEqual([
      ['/other/flag', 'String', 1],
      ['/svc/token', 'SecureString', 1],
      ['/svc/url', 'String', 1],
    ]);
    expect(cached?.items.find((p) => p.name === '/svc/token')?.keyId).toBe('alias/aws/ssm');
    // The cache lives in the local store's file, which never holds a value.
    second.close();
    const bytes = readFileSync(join(home, 'paramdeck.db'));
    expect(bytes.includes('fake-cache-canary-token')).toBe(false);
  });

  it('saves nothing for a listing under a path, a cancelled one, or with the cache switched off', async () => {
    const { url } = await account();
    const home = tempHome();
    const target = await browse(home, url);
    await target.service.listParameters({ path: '/svc' }).collect();
    const controller = new AbortController();
    const cancelled = target.service.listParameters({}, { signal: controller.signal });
    for await (const page of cancelled) {
      expect(page.length).toBeGreaterThan(0);
      controller.abort();
    }
    expect(target.service.cachedParameters()).toBeUndefined();

    const off = await browse(home, url, false);
    await off.service.listParameters().collect();
    expect(off.service.cachedParameters()).toBeUndefined();
    expect(target.service.cachedParameters()).toBeUndefined();
  });

  it('keeps one listing per profile, region and endpoint', () => {
    const home = tempHome();
    const store = MetadataCacheStore.open(home);
    onTestFinished(() => store.close());
    store.save('dev us-east-1', [{ name: '/a', type: 'String', version: 3 }], 1000);
    store.save('prod eu-west-1', [{ name: '/b', type: 'SecureString', version: 1, keyId: 'alias/aws/ssm', lastModifiedMs: 5 }], 2000);
    store.save('dev us-east-1', [{ name: '/c', type: 'StringList', version: 2 }], 3000);
    expect(store.load('dev us-east-1')).toEqual({ savedAtMs: 3000, rows: [{ name: '/c', type: 'StringList', version: 2 }] });
    expect(store.load('prod eu-west-1')?.rows).toEqual([{ name: '/b', type: 'SecureString', version: 1, keyId: 'alias/aws/ssm', lastModifiedMs: 5 }]);
    expect(store.load('nowhere us-east-1')).toBeUndefined();
  });

  it('creates a whole local store on a fresh home, and opens a passphrase-locked one without asking', () => {
    const fresh = tempHome();
    MetadataCacheStore.open(fresh).close();
    expect(existsSync(join(fresh, 'root.key'))).toBe(true);
    Engine.open({ home: fresh }).close();

    const locked = tempHome();
    Engine.open({ home: locked, passphrase: 'fake-passphrase-for-tests' }).close();
    const store = MetadataCacheStore.open(locked);
    store.save('p r', [{ name: '/x', type: 'String', version: 1 }], 1);
    store.close();
    const db = new Database(join(locked, 'paramdeck.db'), { readonly: true });
    onTestFinished(() => void db.close());
    expect(db.prepare('SELECT count(*) FROM aws_listing_parameters').pluck().get()).toBe(1);
  });
});
