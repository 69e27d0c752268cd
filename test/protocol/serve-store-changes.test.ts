import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { contextFor } from '../helpers/engine';
import { tempHome } from '../helpers/temp-home';
import { parseEnvOutput, runCli, startServe } from './cli-process';
import { outcome } from '../helpers/outcome';

/** A running `paramdeck serve` on a new store, with SDK clients signed as admin. */
async function servedStore() {
  const home = tempHome();
  expect((await runCli(['init', '--home', home])).code).toBe(0);
  const server = await startServe(['--home', home, '--port', '0']);
  const env = parseEnvOutput((await runCli(['env', '--home', home, '--port', String(server.port)])).stdout);
  const config = {
    region: env.AWS_REGION!,
    endpoint: env.AWS_ENDPOINT_URL!,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    maxAttempts: 1,
  };
  const ssm = new SSMClient(config);
  const kms = new KMSClient(config);
  onTestFinished(() => {
    ssm.destroy();
    kms.destroy();
  });
  return { home, ssm, kms, accessKeyId: env.AWS_ACCESS_KEY_ID! };
}

describe('a running serve and changes made by other processes', () => {
  it('refuses an access key from the request after another process deactivates it, and takes it back once reactivated', async () => {
    const { home, ssm, accessKeyId } = await servedStore();
    await ssm.send(new PutParameterCommand({ Name: '/app/plain', Value: 'v', Type: 'String' }));
    const get = () => outcome(ssm.send(new GetParameterCommand({ Name: '/app/plain' })));
    expect(await get()).toBe('ok');
    expect((await runCli(['principal', 'keys', 'admin', '--deactivate', accessKeyId, '--home', home])).code).toBe(0);
    expect(await get()).toBe('UnrecognizedClientException');
    expect((await runCli(['principal', 'keys', 'admin', '--activate', accessKeyId, '--home', home])).code).toBe(0);
    expect(await get()).toBe('ok');
  });

  it('stops decrypting under a KMS key from the request after another process disables it', async () => {
    const { home, ssm, kms } = await servedStore();
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await ssm.send(new PutParameterCommand({ Name: '/app/secret', Value: 'fake-secret', Type: 'SecureString', KeyId: KeyMetadata!.KeyId }));
    const reveal = () => outcome(ssm.send(new GetParameterCommand({ Name: '/app/secret', WithDecryption: true })));
    expect(await reveal()).toBe('ok');
    // This test process is the other process: it has its own connection to the store.
    const other = Engine.open({ home });
    onTestFinished(() => other.close());
    other.dispatch('kms', 'DisableKey', { KeyId: KeyMetadata!.KeyId }, contextFor(other));
    expect(await reveal()).toBe('InvalidKeyId');
    other.dispatch('kms', 'EnableKey', { KeyId: KeyMetadata!.KeyId }, contextFor(other));
    expect(await reveal()).toBe('ok');
  });

  it('answers a burst of decrypts only once each one is in the committed audit trail', async () => {
    const { home, ssm } = await servedStore();
    await ssm.send(new PutParameterCommand({ Name: '/app/secret', Value: 'fake-secret', Type: 'SecureString' }));
    const trail = new Database(join(home, 'paramdeck.db'), { readonly: true });
    onTestFinished(() => {
      trail.close();
    });
    const decrypts = () => (trail.prepare("SELECT count(*) AS n FROM audit_events WHERE event_name = 'Decrypt'").get() as { n: number }).n;
    const before = decrypts();
    let answered = 0;
    const seen: { answered: number; committed: number }[] = [];
    await Promise.all(
      Array.from({ length: 40 }, () =>
        ssm.send(new GetParameterCommand({ Name: '/app/secret', WithDecryption: true })).then(() => {
          answered += 1;
          seen.push({ answered, committed: decrypts() - before });
        }),
      ),
    );
    expect(seen).toHaveLength(40);
    for (const { answered: n, committed } of seen) expect(committed).toBeGreaterThanOrEqual(n);
    expect(decrypts() - before).toBe(40);
  });
});
