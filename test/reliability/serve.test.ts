import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { tempHome } from '../helpers/temp-home';
import { sandbox } from '../cli/cli';
import { parseEnvOutput, runCli, startServe } from '../protocol/cli-process';
import { signedRequest, type Credentials } from '../protocol/support';
import { CANARY, expectNoCanary } from './support/canary';
import { errorType, sendRaw, type RawRequest } from './support/http-send';
import { storeDigest } from './support/store-digest';

/**
 * `paramdeck serve` as a security boundary: it binds loopback unless told otherwise, a request
 * acts as the principal whose key signed it and no other, and a signed request cannot be
 * replayed with another body.
 */
describe('serve: where it listens', () => {
  it.each(['0.0.0.0', '::', '192.0.2.10', '10.1.2.3', 'example.com', '::ffff:0.0.0.0'])('refuses --host %s without --allow-remote (exit 2, nothing listens)', async (host) => {
    const result = await runCli(['serve', '--home', tempHome(), '--host', host, '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${host} is not a loopback address`);
    expect(result.stderr).toContain('--allow-remote');
  });

  it.each(['127.0.0.1', '::1', 'localhost'])('serves on loopback %s by default rules', async (host) => {
    const serve = await startServe(['--home', tempHome(), '--host', host, '--port', '0']);
    expect(serve.stderr()).toBe('');
    expect(await serve.stop()).toBe(0);
  });
});

/** A served store with `admin` and `ci` (who may read but not write or decrypt), and both key pairs. */
async function twoPrincipals() {
  const box = sandbox();
  const policy = box.file(
    'ci.json',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ssm:Get*', 'ssm:Describe*'], Resource: '*' },
        { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' },
      ],
    }),
  );
  expect((await box.run(['principal', 'create', 'ci', '--policy', policy])).code).toBe(0);
  const keys = async (principal: string): Promise<Credentials> => {
    const env = parseEnvOutput((await box.run(['env', '--principal', principal])).stdout);
    return { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! };
  };
  const admin = await keys('admin');
  const ci = await keys('ci');
  const engine = Engine.open({ home: box.home });
  const region = engine.region;
  engine.close();
  const serve = await startServe(['--home', box.home, '--port', '0']);
  const send = async (credentials: Credentials, target: string, body: object) => {
    const request = await signedRequest({ credentials, region, target, body: JSON.stringify(body) });
    const answer = await sendRaw(serve.url, { headers: request.headers as Record<string, string>, body: request.body });
    return { status: answer.status, type: errorType(answer), json: JSON.parse(answer.body) as Record<string, unknown> };
  };
  return { box, serve, admin, ci, region, send };
}

describe('serve: one principal’s key acts as that principal only', () => {
  it('ci reads as ci, is refused what ci may not do, and cannot sign as admin with any mix of key id and secret', async () => {
    const { box, serve, admin, ci, send } = await twoPrincipals();
    expect((await send(admin, 'AmazonSSM.PutParameter', { Name: '/serve/secret', Value: CANARY, Type: 'SecureString' })).status).toBe(200);
    expect(await send(ci, 'AmazonSSM.GetParameter', { Name: '/serve/secret' })).toMatchObject({ status: 200 });
    const writes = await send(ci, 'AmazonSSM.PutParameter', { Name: '/serve/secret', Value: 'fake-overwrite', Type: 'SecureString', Overwrite: true });
    expect(writes).toMatchObject({ status: 400, type: 'AccessDeniedException' });
    expect(String(writes.json.message)).toContain(':user/ci is not authorized to perform: ssm:PutParameter');
    const decrypts = await send(ci, 'AmazonSSM.GetParameter', { Name: '/serve/secret', WithDecryption: true });
    expect(decrypts).toMatchObject({ status: 400, type: 'AccessDeniedException' });
    expect(JSON.stringify(decrypts.json)).not.toContain(CANARY);
    // The key id names whose secret must have signed: mixing the two pairs is a bad signature, not a login.
    for (const forged of [{ accessKeyId: ci.accessKeyId, secretAccessKey: admin.secretAccessKey }, { accessKeyId: admin.accessKeyId, secretAccessKey: ci.secretAccessKey }]) {
      expect(await send(forged, 'AmazonSSM.GetParameter', { Name: '/serve/secret' })).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
    }
    expect(await serve.stop()).toBe(0);
    // The trail puts every refusal on ci, and the one write on admin.
    const audit = await box.run(['audit', '--json']);
    const records = audit.stdout.trim().split('\n').map((line) => JSON.parse(line) as { eventName: string; errorCode?: string; userIdentity: { userName: string; invokedBy?: string } });
    const denied = records.filter((r) => r.errorCode === 'AccessDenied' || r.errorCode === 'AccessDeniedException');
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(new Set(denied.map((r) => r.userIdentity.userName))).toEqual(new Set(['ci']));
    expect(records.filter((r) => r.eventName === 'PutParameter' && !r.errorCode).map((r) => r.userIdentity.userName)).toEqual(['admin']);
    expectNoCanary([box.home], { stderr: serve.stderr(), audit: audit.stdout });
  });
});

describe('serve: a signed request cannot be replayed with another body', () => {
  it('refuses a captured request resent with a changed body, with or without the payload hash header, and the store stays as it was', async () => {
    const { box, serve, admin, region, send } = await twoPrincipals();
    expect((await send(admin, 'AmazonSSM.PutParameter', { Name: '/serve/value', Value: 'fake-original', Type: 'String' })).status).toBe(200);
    const captured = await signedRequest({ credentials: admin, region, target: 'AmazonSSM.GetParameter', body: JSON.stringify({ Name: '/serve/value' }) });
    const replay = (body: string, drop?: string): RawRequest => {
      const headers = { ...(captured.headers as Record<string, string>) };
      if (drop) delete headers[drop];
      return { headers, body };
    };
    // A replay of the very same bytes is a valid request (SigV4 has no nonce; the 15-minute window bounds it).
    expect((await sendRaw(serve.url, replay(captured.body.toString()))).status).toBe(200);
    const before = storeDigest(box.home);
    const changed = [
      JSON.stringify({ Name: '/serve/value', WithDecryption: true }),
      JSON.stringify({ Name: '/serve/other' }),
      `${captured.body.toString()} `,
    ];
    for (const body of changed) {
      const withHash = await sendRaw(serve.url, replay(body));
      expect({ status: withHash.status, type: errorType(withHash), body: withHash.body }).toMatchObject({ status: 403, type: 'InvalidSignatureException', body: expect.stringContaining("x-amz-content-sha256") });
      const withoutHash = await sendRaw(serve.url, replay(body, 'x-amz-content-sha256'));
      expect({ status: withoutHash.status, type: errorType(withoutHash) }).toEqual({ status: 403, type: 'InvalidSignatureException' });
    }
    // A write replayed with another value changes nothing.
    const put = await signedRequest({ credentials: admin, region, target: 'AmazonSSM.PutParameter', body: JSON.stringify({ Name: '/serve/value', Value: 'fake-1', Type: 'String', Overwrite: true }) });
    const forgedPut = await sendRaw(serve.url, { headers: put.headers as Record<string, string>, body: JSON.stringify({ Name: '/serve/value', Value: 'fake-2', Type: 'String', Overwrite: true }) });
    expect(forgedPut.status).toBe(403);
    expect(storeDigest(box.home)).toBe(before);
    expect(await serve.stop()).toBe(0);
  });
});
