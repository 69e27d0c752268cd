import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { isAwsError } from '../../source/engine/errors';
import type { ServiceName } from '../../source/engine/operations';
import { EngineThread } from '../../source/protocol/engine-thread';
import { startHttpServer } from '../../source/protocol/http-server';
import { contextFor } from '../helpers/engine';
import { tempHome } from '../helpers/temp-home';
import { adminCredentials } from './support';

/** The worker as `serve` runs it: test/global-setup.ts builds dist/ before any test. */
const WORKER = new URL('../../dist/engine-thread-worker.js', import.meta.url);

/** A store held open by this thread (for signatures) and served by an engine thread. */
async function threadedStore() {
  const home = tempHome();
  const engine = Engine.open({ home });
  const stops: Error[] = [];
  const thread = await EngineThread.start({ home, workerFile: WORKER }, (error) => stops.push(error));
  onTestFinished(async () => {
    await thread.close();
    engine.close();
  });
  return { home, engine, thread, stops };
}

describe("serve's engine thread", () => {
  it('serves real SDK clients over HTTP: blobs and dates cross both ways, AWS errors keep their shape', async () => {
    const { engine, thread } = await threadedStore();
    const internal: unknown[] = [];
    const server = await startHttpServer(engine, { host: '127.0.0.1', port: 0, dispatch: thread.dispatch, onInternalError: (error) => internal.push(error) });
    onTestFinished(() => server.close());
    const config = { region: engine.region, endpoint: server.url, credentials: adminCredentials(engine), maxAttempts: 1 };
    const ssm = new SSMClient(config);
    const kms = new KMSClient(config);
    onTestFinished(() => {
      ssm.destroy();
      kms.destroy();
    });

    await ssm.send(new PutParameterCommand({ Name: '/app/secret', Value: 'fake-secret', Type: 'SecureString' }));
    const got = await ssm.send(new GetParameterCommand({ Name: '/app/secret', WithDecryption: true }));
    expect(got.Parameter).toMatchObject({ Name: '/app/secret', Value: 'fake-secret', Version: 1 });
    expect(got.Parameter!.LastModifiedDate).toBeInstanceOf(Date);

    const context = { purpose: 'test' };
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: Buffer.from([0, 1, 2, 255]), EncryptionContext: context }));
    const opened = await kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(opened.Plaintext!)).toEqual(Buffer.from([0, 1, 2, 255]));

    const missing = await ssm.send(new GetParameterCommand({ Name: '/app/missing' })).catch((error: Error) => error);
    expect(missing).toMatchObject({ name: 'ParameterNotFound', message: 'Parameter /app/missing not found.' });
    expect(internal).toEqual([]);
  });

  it('reports an unexpected fault as one, with its stack, never as an AWS error', async () => {
    const { engine, thread } = await threadedStore();
    const failure = await thread.dispatch('nonsense' as ServiceName, 'Anything', '{}', contextFor(engine)).catch((error: unknown) => error);
    expect(isAwsError(failure)).toBe(false);
    expect((failure as Error).stack).toMatch(/TypeError/);
  });

  it('answers the calls already sent before it closes, and refuses any after', async () => {
    const { engine, thread, stops } = await threadedStore();
    const ctx = contextFor(engine);
    const sent = ['/a/1', '/a/2', '/a/3'].map((name) => thread.dispatch('ssm', 'PutParameter', JSON.stringify({ Name: name, Value: 'v', Type: 'String' }), ctx));
    const closed = thread.close();
    expect((await Promise.all(sent)).map((json) => JSON.parse(json) as unknown)).toEqual([1, 1, 1].map((Version) => ({ Version, Tier: 'Standard' })));
    await closed;
    await expect(thread.dispatch('ssm', 'DescribeParameters', '{}', ctx)).rejects.toThrow(/closed/);
    expect(stops).toEqual([]);
    const names = engine.dispatch('ssm', 'GetParameters', { Names: ['/a/1', '/a/2', '/a/3'] }, ctx) as { Parameters: unknown[] };
    expect(names.Parameters).toHaveLength(3);
  });

  it('carries out a parameter policy when it falls due while serving, audited in the same trail', async () => {
    const { engine, thread } = await threadedStore();
    const ctx = contextFor(engine);
    const due = new Date(Date.now() + 1000).toISOString();
    const policies = JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: due } }]);
    await thread.dispatch('ssm', 'PutParameter', JSON.stringify({ Name: '/tmp/lease', Value: 'fake', Type: 'String', Tier: 'Advanced', Policies: policies }), ctx);
    const listed = async () => (JSON.parse(await thread.dispatch('ssm', 'DescribeParameters', '{}', ctx)) as { Parameters: unknown[] }).Parameters.length;
    expect(await listed()).toBe(1);
    await expect.poll(listed, { timeout: 10_000, interval: 100 }).toBe(0);
    const events = engine.db.prepare("SELECT event_name, username FROM audit_events WHERE username = 'ssm.amazonaws.com'").all();
    expect(events).toEqual([{ event_name: 'DeleteParameter', username: 'ssm.amazonaws.com' }]);
  });

  it('fails to start, with the reason, when it cannot open the store', async () => {
    const home = tempHome();
    Engine.open({ home }).close();
    rmSync(join(home, 'root.key'));
    await expect(EngineThread.start({ home, workerFile: WORKER })).rejects.toThrow(/root\.key is missing/);
  });
});
