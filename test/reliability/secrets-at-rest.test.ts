import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient, ReEncryptCommand } from '@aws-sdk/client-kms';
import { DeleteParameterCommand, GetParameterCommand, GetParametersByPathCommand, LabelParameterVersionCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../cli/cli';
import { parseEnvOutput, startServe } from '../protocol/cli-process';
import { signedRequest } from '../protocol/support';
import { CANARY, canarySightings } from './support/canary';
import { errorType, sendRaw } from './support/http-send';
import { outcome } from '../helpers/outcome';

/**
 * Secrets at rest: a canary plaintext goes in through every door — `import`, the SDK over
 * `serve` (Standard and Advanced SecureStrings, overwrites, labels, reveals, listings, deletes,
 * KMS Encrypt/Decrypt/GenerateDataKey/ReEncrypt), refused and failing writes, a denied reveal, a
 * body sent to the wrong operation, a serve killed mid-write — and afterwards it is nowhere in
 * paramdeck.db, its WAL or shared memory, the config folder, the audit trail as printed, or any
 * process's stderr, raw or as UTF-16, hex or base64.
 */
const READ_ONLY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['ssm:Get*', 'ssm:Describe*'], Resource: '*' },
    { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' },
  ],
});

const secret = (label: string) => `${CANARY}:${label}`;

describe('secrets at rest', () => {
  it('leaves no canary in the store files, the config folder, the printed trail or any stderr after every way in', { timeout: 300_000 }, async () => {
    const box = sandbox();
    const stderr: Record<string, string> = {};
    const run = async (label: string, args: string[], input?: string) => {
      const result = await box.run(args, input === undefined ? {} : { input });
      stderr[label] = result.stderr;
      return result;
    };
    expect((await run('import', ['import', '/sec/imported', box.file('in.env', `DB_PASSWORD='${secret('import')}'\n`), '--type', 'SecureString'])).code).toBe(0);
    expect((await run('principal', ['principal', 'create', 'ci', '--policy', box.file('ci.json', READ_ONLY_POLICY)])).code).toBe(0);
    const env = (principal: string) => run(`env ${principal}`, ['env', '--principal', principal]).then((r) => parseEnvOutput(r.stdout));
    const admin = await env('admin');
    const ci = await env('ci');

    const serve = await startServe(['--home', box.home, '--port', '0']);
    const config = (e: Record<string, string>) => ({
      endpoint: serve.url,
      region: e.AWS_REGION!,
      credentials: { accessKeyId: e.AWS_ACCESS_KEY_ID!, secretAccessKey: e.AWS_SECRET_ACCESS_KEY! },
      maxAttempts: 1,
    });
    const ssm = new SSMClient(config(admin));
    const kms = new KMSClient(config(admin));
    for (const Tier of ['Standard', 'Advanced'] as const) {
      const Name = `/sec/${Tier.toLowerCase()}`;
      await ssm.send(new PutParameterCommand({ Name, Value: secret(`${Tier}-1`), Type: 'SecureString', Tier }));
      await ssm.send(new PutParameterCommand({ Name, Value: secret(`${Tier}-2`), Type: 'SecureString', Tier, Overwrite: true }));
      await ssm.send(new LabelParameterVersionCommand({ Name, ParameterVersion: 1, Labels: ['first'] }));
      expect((await ssm.send(new GetParameterCommand({ Name: `${Name}:first`, WithDecryption: true }))).Parameter?.Value).toBe(secret(`${Tier}-1`));
    }
    expect((await ssm.send(new GetParametersByPathCommand({ Path: '/sec', Recursive: true, WithDecryption: true }))).Parameters?.length).toBe(3);
    await ssm.send(new PutParameterCommand({ Name: '/sec/doomed', Value: secret('deleted'), Type: 'SecureString' }));
    await ssm.send(new DeleteParameterCommand({ Name: '/sec/doomed' }));
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const blob = (await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: Buffer.from(secret('kms')) }))).CiphertextBlob!;
    expect(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: blob }))).Plaintext!).toString()).toBe(secret('kms'));
    await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, DestinationKeyId: KeyMetadata!.KeyId }));
    await kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata!.KeyId, KeySpec: 'AES_256' }));

    // Refusals and failures carrying the canary: their records keep no value.
    expect(await outcome(ssm.send(new PutParameterCommand({ Name: '/sec/bad-key', Value: secret('bad-key'), Type: 'SecureString', KeyId: 'alias/nope' })))).toBe('InvalidKeyId');
    expect(await outcome(ssm.send(new PutParameterCommand({ Name: '/sec/pattern', Value: secret('pattern'), Type: 'String', AllowedPattern: '^[0-9]+$' })))).toBe('ParameterPatternMismatchException');
    expect(await outcome(new SSMClient(config(ci)).send(new GetParameterCommand({ Name: '/sec/standard', WithDecryption: true })))).toBe('AccessDeniedException');
    expect(await outcome(new SSMClient(config(ci)).send(new PutParameterCommand({ Name: '/sec/ci', Value: secret('ci'), Type: 'SecureString' })))).toBe('AccessDeniedException');
    // A PutParameter body sent to operations that have no Value, or with a member no operation has.
    const credentials = config(admin).credentials;
    for (const [target, body] of [
      ['TrentService.CreateKey', { Name: '/sec/misrouted', Value: secret('misrouted'), Type: 'SecureString', Description: 'kept' }],
      ['AmazonSSM.DeleteParameter', { Name: '/sec/none', Value: secret('misrouted-ssm') }],
      ['TrentService.DisableKey', { KeyId: KeyMetadata!.KeyId, SecretValue: secret('unknown-member') }],
    ] as const) {
      const request = await signedRequest({ credentials, region: admin.AWS_REGION!, service: target.startsWith('Trent') ? 'kms' : 'ssm', target, body: JSON.stringify(body) });
      const answer = await sendRaw(serve.url, { headers: request.headers as Record<string, string>, body: request.body });
      expect(answer.status === 200 || errorType(answer) === 'ParameterNotFound', answer.body).toBe(true);
    }

    // Killed mid-write: the WAL it leaves is scanned as it is, before anything reopens the store.
    const inFlight = Array.from({ length: 20 }, (_, i) => ssm.send(new PutParameterCommand({ Name: `/sec/killed/${i}`, Value: secret(`killed-${i}`), Type: 'SecureString' })).catch(() => undefined));
    await ssm.send(new PutParameterCommand({ Name: '/sec/before-kill', Value: secret('before-kill'), Type: 'SecureString' }));
    serve.child.kill('SIGKILL');
    await Promise.all(inFlight);
    await serve.stop();
    stderr.serve = serve.stderr();
    ssm.destroy();
    kms.destroy();
    expect(existsSync(join(box.home, 'paramdeck.db-wal'))).toBe(true);
    expect(canarySightings([box.home, box.configDir], stderr)).toEqual([]);

    // Reading it all back, the trail printed, a denied reveal with --debug: still nowhere but stdout of an explicit reveal.
    const revealed = await run('get', ['get', '/sec/before-kill', '--decrypt']);
    expect(revealed.stdout).toBe(secret('before-kill'));
    const exported = await run('export', ['export', '/sec', '--decrypt', '--format', 'dotenv']);
    expect(exported.stdout).toContain(secret('import'));
    const denied = await run('denied', ['get', '/sec/standard', '--decrypt', '--as', 'ci', '--debug']);
    expect(denied.code).toBe(3);
    const trail = await run('audit', ['audit', '--json']);
    expect(trail.code).toBe(0);
    const misrouted = trail.stdout.split('\n').find((line) => line.includes('"eventName":"CreateKey"') && line.includes('"description":"kept"'));
    expect(misrouted).toBeDefined();
    const verify = await run('verify', ['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(canarySightings([box.home, box.configDir], { ...stderr, trail: trail.stdout, verify: verify.stdout })).toEqual([]);
  });
});
