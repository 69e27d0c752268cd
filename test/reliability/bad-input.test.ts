import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { createAccessKey, firstActiveKey, setAccessKeyStatus } from '../../source/engine/identity/access-keys';
import { createPrincipal } from '../../source/engine/identity/principals';
import { call, contextFor } from '../helpers/engine';
import { tempHome } from '../helpers/temp-home';
import { startServe } from '../protocol/cli-process';
import { KMS_BAD_REQUESTS, SSM_BAD_REQUESTS, signed, type BadInputFixture } from './support/bad-requests';
import { WIRE_BAD_REQUESTS } from './support/bad-wire-requests';
import { CANARY, expectNoCanary } from './support/canary';
import { errorType, keepAliveAgent, sendRaw, type RawAnswer } from './support/http-send';
import { storeDigest } from './support/store-digest';

/**
 * Bad input: malformed and invalid requests, properly signed where the point is not the
 * signature, sent over HTTP to `paramdeck serve`. Each gets AWS's error type and status, none is
 * a 5xx, and the store's content (everything but the audit trail, which records refusals as
 * CloudTrail does) is byte for byte what it was.
 */
const CASES = [...SSM_BAD_REQUESTS, ...KMS_BAD_REQUESTS, ...WIRE_BAD_REQUESTS];

/** A store with something in it to be wrong about: parameters, keys in each state, principals. */
function seedStore(home: string): BadInputFixture {
  const engine = Engine.open({ home });
  try {
    const ctx = contextFor(engine);
    const keyId = (description: string) => (call(engine, 'kms', 'CreateKey', { Description: description }) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    const cmk = keyId('bad-input cmk');
    const disabledKey = keyId('bad-input disabled');
    call(engine, 'kms', 'DisableKey', { KeyId: disabledKey });
    const pendingDeletionKey = keyId('bad-input pending deletion');
    call(engine, 'kms', 'ScheduleKeyDeletion', { KeyId: pendingDeletionKey, PendingWindowInDays: 7 });
    const encrypted = call(engine, 'kms', 'Encrypt', { KeyId: cmk, Plaintext: Buffer.from(CANARY), EncryptionContext: { purpose: 'bad-input' } }) as { CiphertextBlob: Buffer };
    call(engine, 'ssm', 'PutParameter', { Name: '/bad-input/existing', Value: 'fake-plain', Type: 'String' });
    call(engine, 'ssm', 'PutParameter', { Name: '/bad-input/secret', Value: CANARY, Type: 'SecureString', KeyId: cmk }, ctx);
    // Creates alias/aws/ssm, which the IncorrectKeyException case names.
    call(engine, 'ssm', 'PutParameter', { Name: '/bad-input/default-key', Value: CANARY, Type: 'SecureString' }, ctx);
    call(engine, 'ssm', 'LabelParameterVersion', { Name: '/bad-input/existing', ParameterVersion: 1, Labels: ['stable'] });
    createPrincipal(engine, 'nobody');
    const nobody = firstActiveKey(engine, 'nobody');
    const inactive = createAccessKey(engine, 'nobody');
    setAccessKeyStatus(engine, inactive.accessKeyId, 'Inactive');
    const admin = firstActiveKey(engine, 'admin');
    const pair = (key: typeof admin) => ({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey });
    return {
      region: engine.region,
      admin: pair(admin),
      nobody: pair(nobody),
      inactive: pair(inactive),
      cmk,
      disabledKey,
      pendingDeletionKey,
      ciphertext: encrypted.CiphertextBlob.toString('base64'),
      existing: '/bad-input/existing',
    };
  } finally {
    engine.close();
  }
}

describe('bad input over HTTP', () => {
  it(`answers ${CASES.length} malformed or invalid requests with AWS's error types and leaves the store's content unchanged`, { timeout: 300_000 }, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const home = tempHome();
    const fixture = seedStore(home);
    const before = storeDigest(home);
    const serve = await startServe(['--home', home, '--port', '0']);
    const agent = keepAliveAgent();
    const seen: { name: string; type: string | undefined; status: number; body: string }[] = [];
    for (const bad of CASES) {
      const answer: RawAnswer = await sendRaw(serve.url, await bad.build(fixture), agent);
      seen.push({ name: bad.name, type: errorType(answer), status: answer.status, body: answer.body });
    }
    agent.destroy();
    // One table compare shows every mismatch at once.
    expect(seen.map(({ name, type, status }) => ({ name, type, status }))).toEqual(
      CASES.map((bad) => ({ name: bad.name, type: bad.type, status: bad.status ?? 400 })),
    );
    expect(storeDigest(home)).toBe(before);
    // The digest sees a real change: one good request moves it.
    const good = await sendRaw(serve.url, await signed(fixture, 'AmazonSSM.PutParameter', { Name: '/bad-input/good', Value: 'fake', Type: 'String' }));
    expect(good.status).toBe(200);
    expect(storeDigest(home)).not.toBe(before);
    expect(await serve.stop()).toBe(0);
    expectNoCanary([home], { stderr: serve.stderr(), answers: seen.map((s) => s.body).join('\n') });
    expect(serve.stderr()).toBe('');
  });
});
