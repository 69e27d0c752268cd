import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { awsServiceOptions, localServiceOptions, LOCAL_ENDPOINT } from '../../source/service/options';
import { SdkService } from '../../source/service/sdk-service';
import { startFakeEndpoint } from './fake-endpoint';
import { freePort, startMoto, type MotoServer } from './moto-server';

const CONFIG = `
[default]
region = ap-south-1
[profile dev]
region = eu-west-3
[profile other]
region = sa-east-1
[profile noregion]
[profile base]
region = us-east-1
[profile deploy]
role_arn = arn:aws:iam::123456789012:role/deployer
source_profile = base
region = us-east-1
`;
const CREDENTIALS = `
[default]
aws_access_key_id = AKIADEFAULTDEFAULT
aws_secret_access_key = default-secret
[dev]
aws_access_key_id = AKIADEVDEVDEVDEVDEV
aws_secret_access_key = dev-secret
[noregion]
aws_access_key_id = AKIANOREGIONNOREGION
aws_secret_access_key = noregion-secret
[base]
aws_access_key_id = AKIABASEBASEBASE
aws_secret_access_key = base-secret
`;

// Each test gets its own AWS config folder (the SDK caches files by path) and a clean
// environment: no ambient AWS variables, no instance metadata lookups.
function awsEnvironment(env: Record<string, string | undefined> = {}): void {
  const dir = mkdtempSync(join(tmpdir(), 'paramdeck-aws-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'config'), CONFIG);
  writeFileSync(join(dir, 'credentials'), CREDENTIALS);
  const clean = ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
    'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_SSM', 'AWS_ENDPOINT_URL_KMS', 'AWS_ENDPOINT_URL_STS'];
  for (const name of clean) vi.stubEnv(name, undefined);
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

afterEach(() => vi.unstubAllEnvs());

describe('the SDK stays quiet', () => {
  // First in the file: the SDK warns once per process, so a later test could not see it.
  it('emits no Node-version notice and no credential-chain warning', async () => {
    awsEnvironment({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined, AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIAENVENVENV', AWS_SECRET_ACCESS_KEY: 'x' });
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    const warn = vi.spyOn(console, 'warn');
    try {
      const endpoint = await startFakeEndpoint(() => ({ body: { Parameter: { Name: 'x', Type: 'String', Value: 'v', Version: 1 } } }));
      const service = new SdkService(await awsServiceOptions({ endpointUrl: endpoint.url, maxAttempts: 1 }));
      await service.getParameter('x');
      service.close();
      // process.emitWarning delivers on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      process.off('warning', onWarning);
      warn.mockRestore();
    }
  });
});

describe('aws target options', () => {
  it.each<[string, { region?: string; profile?: string }, Record<string, string>, string]>([
    ['the flag beats AWS_REGION', { region: 'us-west-2' }, { AWS_REGION: 'eu-central-1' }, 'us-west-2'],
    ['AWS_REGION beats AWS_DEFAULT_REGION', {}, { AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-north-1' }, 'eu-central-1'],
    ['AWS_DEFAULT_REGION beats the profile', { profile: 'dev' }, { AWS_DEFAULT_REGION: 'eu-north-1' }, 'eu-north-1'],
    ['--profile gives its region', { profile: 'dev' }, {}, 'eu-west-3'],
    ['AWS_PROFILE gives its region', {}, { AWS_PROFILE: 'dev' }, 'eu-west-3'],
    ['--profile beats AWS_PROFILE', { profile: 'dev' }, { AWS_PROFILE: 'other' }, 'eu-west-3'],
    ['the default profile comes last', {}, {}, 'ap-south-1'],
  ])('region: %s', async (_title, flags, env, expected) => {
    awsEnvironment(env);
    expect((await awsServiceOptions(flags)).region).toBe(expected);
  });

  it('says how to set a region when none is found', async () => {
    awsEnvironment();
    await expect(awsServiceOptions({ profile: 'noregion' })).rejects.toMatchObject({
      kind: 'Invalid',
      code: 'MissingRegion',
      message: 'No AWS region: pass --region, set AWS_REGION, or set region in profile noregion',
    });
  });

  it('retries adaptively with a bounded number of attempts', async () => {
    awsEnvironment({ AWS_REGION: 'us-east-1' });
    expect(await awsServiceOptions()).toMatchObject({ retryMode: 'adaptive', maxAttempts: 5 });
    expect(await awsServiceOptions({ maxAttempts: 2 })).toMatchObject({ maxAttempts: 2 });
  });

  it("signs with the profile's keys for the profile's region", async () => {
    awsEnvironment({ AWS_PROFILE: 'other' });
    const endpoint = await startFakeEndpoint(() => ({ body: { Parameter: { Name: 'x', Type: 'String', Value: 'v', Version: 1 } } }));
    const service = new SdkService(await awsServiceOptions({ profile: 'dev', endpointUrl: endpoint.url }));
    await service.getParameter('x');
    service.close();
    expect(String(endpoint.requests[0]?.headers.authorization)).toMatch(/Credential=AKIADEVDEVDEVDEVDEV\/\d{8}\/eu-west-3\/ssm\/aws4_request/);
  });

  it.each([
    ['AWS_ENDPOINT_URL_SSM', 'AmazonSSM.GetParameter'],
    ['AWS_ENDPOINT_URL', 'AmazonSSM.GetParameter'],
  ])('honours %s when no --endpoint-url is given', async (variable, target) => {
    const endpoint = await startFakeEndpoint(() => ({ body: { Parameter: { Name: 'x', Type: 'String', Value: 'v', Version: 1 } } }));
    awsEnvironment({ AWS_REGION: 'us-east-1', [variable]: endpoint.url, AWS_PROFILE: 'dev' });
    const service = new SdkService(await awsServiceOptions());
    await service.getParameter('x');
    service.close();
    expect(endpoint.requests.map((r) => r.target)).toEqual([target]);
  });

  it('routes KMS through AWS_ENDPOINT_URL_KMS and --endpoint-url over every variable', async () => {
    const kms = await startFakeEndpoint(() => ({ body: { KeyMetadata: { KeyId: 'k1', Arn: 'arn:aws:kms:us-east-1:111122223333:key/k1' } } }));
    const flag = await startFakeEndpoint(() => ({ body: { KeyMetadata: { KeyId: 'k2', Arn: 'arn:aws:kms:us-east-1:111122223333:key/k2' } } }));
    const dead = `http://127.0.0.1:${await freePort()}`;
    awsEnvironment({ AWS_REGION: 'us-east-1', AWS_PROFILE: 'dev', AWS_ENDPOINT_URL_KMS: kms.url, AWS_ENDPOINT_URL: dead });
    const fromEnv = new SdkService(await awsServiceOptions());
    expect((await fromEnv.describeKey('k1')).keyId).toBe('k1');
    fromEnv.close();
    const fromFlag = new SdkService(await awsServiceOptions({ endpointUrl: flag.url }));
    expect((await fromFlag.describeKey('k2')).keyId).toBe('k2');
    fromFlag.close();
    expect([kms.requests.length, flag.requests.length]).toEqual([1, 1]);
  });

  it('reports an unreachable endpoint as Unavailable, not a crash', async () => {
    awsEnvironment({ AWS_REGION: 'us-east-1', AWS_PROFILE: 'dev' });
    const service = new SdkService(await awsServiceOptions({ endpointUrl: `http://127.0.0.1:${await freePort()}`, maxAttempts: 1 }));
    await expect(service.getParameter('x')).rejects.toMatchObject({ kind: 'Unavailable', code: 'ECONNREFUSED' });
    service.close();
  });
});

describe('aws target against moto', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(() => moto.stop());

  it('follows an assume-role profile (source_profile + role_arn) to the role', async () => {
    awsEnvironment({ AWS_ENDPOINT_URL: moto.endpoint });
    const service = new SdkService(await awsServiceOptions({ profile: 'deploy' }));
    const me = await service.whoAmI();
    service.close();
    expect(me).toMatchObject({ account: '123456789012', arn: expect.stringMatching(/^arn:aws:sts::123456789012:assumed-role\/deployer\//) });
  });
});

describe('local target options', () => {
  it('uses the fixed local endpoint, the given handler, keys and region, and no CloudTrail pacing', () => {
    const requestHandler = { connectionTimeout: 1 };
    const credentials = { accessKeyId: 'AKIALOCAL', secretAccessKey: 'local-secret' };
    expect(localServiceOptions({ requestHandler, credentials, region: 'eu-west-1' })).toEqual({
      requestHandler, credentials, region: 'eu-west-1', endpoint: LOCAL_ENDPOINT, retryMode: 'standard', auditIntervalMs: 0,
    });
  });
});
