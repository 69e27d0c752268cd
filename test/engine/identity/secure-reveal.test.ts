import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { call, contextFor } from '../../helpers/engine';
import { ACCOUNT, REGION, as, auditEvents, expectDenied, failureOf, identityEngine, parameterArn, principal, type Answer } from './support';

const SECRET = 'hunter2-correct-horse';
const VIA_SSM = `ssm.${REGION}.amazonaws.com`;

/** A customer managed key and a SecureString under it, written by admin. */
function secretUnderKey(engine: Engine, name = '/app/db/password', tier = 'Standard'): Answer {
  const key = (call(engine, 'kms', 'CreateKey', {}) as Answer).KeyMetadata as Answer;
  call(engine, 'ssm', 'PutParameter', { Name: name, Value: SECRET, Type: 'SecureString', KeyId: key.KeyId, Tier: tier });
  return key;
}

const readParameters = { Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:GetParameterHistory'], Resource: '*' };

describe('revealing a SecureString under a customer managed key', () => {
  it.each(['Standard', 'Advanced'])('works for a principal with ssm:GetParameter and kms:Decrypt under the PARAMETER_ARN context (%s)', (tier) => {
    const engine = identityEngine();
    const key = secretUnderKey(engine, '/app/db/password', tier);
    const alice = principal(engine, 'alice', readParameters, {
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: key.Arn,
      Condition: { StringEquals: { 'kms:EncryptionContext:PARAMETER_ARN': parameterArn('/app/db/password'), 'kms:ViaService': VIA_SSM } },
    });
    expect(as(alice, engine, 'ssm', 'GetParameter', { Name: '/app/db/password', WithDecryption: true }).Parameter.Value).toBe(SECRET);

    const [kmsEvent, ssmEvent] = auditEvents(engine).slice(-2);
    expect(ssmEvent).toMatchObject({
      eventSource: 'ssm.amazonaws.com',
      eventName: 'GetParameter',
      userIdentity: { type: 'IAMUser', arn: alice.principal.arn, userName: 'alice', accessKeyId: alice.accessKeyId, principalId: alice.principal.userId },
      requestParameters: { name: '/app/db/password', withDecryption: true },
      responseElements: null,
      readOnly: true,
      resources: [{ accountId: ACCOUNT, type: 'AWS::SSM::Parameter', ARN: parameterArn('/app/db/password') }],
    });
    expect(kmsEvent).toMatchObject({
      eventSource: 'kms.amazonaws.com',
      eventName: 'Decrypt',
      userIdentity: { arn: alice.principal.arn, invokedBy: 'ssm.amazonaws.com' },
      sourceIPAddress: 'ssm.amazonaws.com',
      userAgent: 'ssm.amazonaws.com',
      requestParameters: { encryptionContext: { PARAMETER_ARN: parameterArn('/app/db/password') }, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
      responseElements: null,
      resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: key.Arn }],
    });
    expect(ssmEvent!.errorCode).toBeUndefined();
    expect(kmsEvent!.errorCode).toBeUndefined();
  });

  it('is denied without kms:Decrypt: AccessDeniedException in AWS’s words, no value, and both calls audited as AccessDenied', () => {
    const engine = identityEngine();
    const key = secretUnderKey(engine);
    const bob = principal(engine, 'bob', readParameters);
    // Without decryption bob sees the ciphertext only, as AWS answers.
    expect(as(bob, engine, 'ssm', 'GetParameter', { Name: '/app/db/password' }).Parameter.Value).not.toContain(SECRET);
    const error = failureOf(() => as(bob, engine, 'ssm', 'GetParameter', { Name: '/app/db/password', WithDecryption: true }));
    expect(error.code).toBe('AccessDeniedException');
    expect(error.message).toMatch(
      new RegExp(
        `^User: ${bob.principal.arn} is not authorized to perform: kms:Decrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Decrypt action \\(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: [0-9a-f-]{36}; Proxy: null\\)$`,
      ),
    );
    expect(JSON.stringify(error)).not.toContain(SECRET);

    const [kmsEvent, ssmEvent] = auditEvents(engine).slice(-2);
    expect(ssmEvent).toMatchObject({ eventName: 'GetParameter', errorCode: 'AccessDenied', errorMessage: error.message, userIdentity: { userName: 'bob' } });
    expect(kmsEvent).toMatchObject({
      eventSource: 'kms.amazonaws.com',
      eventName: 'Decrypt',
      errorCode: 'AccessDenied',
      errorMessage: error.message.slice(0, error.message.indexOf(' (Service: AWSKMS')),
      userIdentity: { userName: 'bob', invokedBy: 'ssm.amazonaws.com' },
      requestParameters: { encryptionContext: { PARAMETER_ARN: parameterArn('/app/db/password') } },
      resources: [{ type: 'AWS::KMS::Key', ARN: key.Arn }],
    });
    expect(JSON.stringify(auditEvents(engine))).not.toContain(SECRET);
  });

  it('honours the encryption-context condition: the same key opens one parameter and not another', () => {
    const engine = identityEngine();
    const key = secretUnderKey(engine, '/app/a');
    call(engine, 'ssm', 'PutParameter', { Name: '/app/b', Value: SECRET, Type: 'SecureString', KeyId: key.KeyId });
    const alice = principal(engine, 'alice', readParameters, {
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: key.Arn,
      Condition: { StringEquals: { 'kms:EncryptionContext:PARAMETER_ARN': parameterArn('/app/a') } },
    });
    expect(as(alice, engine, 'ssm', 'GetParameter', { Name: '/app/a', WithDecryption: true }).Parameter.Value).toBe(SECRET);
    expect(failureOf(() => as(alice, engine, 'ssm', 'GetParameter', { Name: '/app/b', WithDecryption: true })).message).toMatch(/kms:Decrypt on resource/);
    // GetParametersByPath with one value it may not open fails whole, revealing nothing.
    const error = failureOf(() => as(alice, engine, 'ssm', 'GetParametersByPath', { Path: '/app', WithDecryption: true }));
    expect(error.code).toBe('AccessDeniedException');
    expect(as(alice, engine, 'ssm', 'GetParametersByPath', { Path: '/app' }).Parameters).toHaveLength(2);
  });

  it('needs kms:Encrypt (Standard) or kms:GenerateDataKey (Advanced) through SSM to write a SecureString', () => {
    const engine = identityEngine();
    const key = (call(engine, 'kms', 'CreateKey', {}) as Answer).KeyMetadata as Answer;
    const writer = principal(engine, 'writer', { Effect: 'Allow', Action: ['ssm:PutParameter', 'kms:Encrypt'], Resource: '*' });
    expect(as(writer, engine, 'ssm', 'PutParameter', { Name: '/w/std', Value: SECRET, Type: 'SecureString', KeyId: key.KeyId })).toEqual({ Version: 1, Tier: 'Standard' });
    const error = failureOf(() => as(writer, engine, 'ssm', 'PutParameter', { Name: '/w/adv', Value: SECRET, Type: 'SecureString', KeyId: key.KeyId, Tier: 'Advanced' }));
    expect(error.message).toMatch(new RegExp(`^User: ${writer.principal.arn} is not authorized to perform: kms:GenerateDataKey on resource: ${key.Arn} because no identity-based policy allows`));
    expect(failureOf(() => call(engine, 'ssm', 'GetParameter', { Name: '/w/adv' })).code).toBe('ParameterNotFound');
    const [encrypt, put] = auditEvents(engine).filter((e) => e.userIdentity.userName === 'writer').slice(0, 2);
    expect(encrypt).toMatchObject({ eventSource: 'kms.amazonaws.com', eventName: 'Encrypt', requestParameters: { keyId: key.KeyId, encryptionContext: { PARAMETER_ARN: parameterArn('/w/std') } } });
    expect(put).toMatchObject({ eventName: 'PutParameter', requestParameters: { name: '/w/std', type: 'SecureString' }, responseElements: { version: 1, tier: 'Standard' } });
    expect(put!.requestParameters.value).toBeUndefined();
  });
});

describe('the AWS managed key alias/aws/ssm', () => {
  it('lets any principal with ssm:GetParameter reveal through SSM, and no one decrypt its blobs directly', () => {
    const engine = identityEngine();
    call(engine, 'ssm', 'PutParameter', { Name: '/shared/token', Value: SECRET, Type: 'SecureString' });
    const reader = principal(engine, 'reader', readParameters, { Effect: 'Allow', Action: 'kms:*', Resource: '*' });
    const ssmOnly = principal(engine, 'ssmonly', readParameters);
    for (const who of [reader, ssmOnly]) {
      expect(as(who, engine, 'ssm', 'GetParameter', { Name: '/shared/token', WithDecryption: true }).Parameter.Value).toBe(SECRET);
    }
    const managed = (call(engine, 'kms', 'DescribeKey', { KeyId: 'alias/aws/ssm' }) as Answer).KeyMetadata as Answer;
    const blob = Buffer.from(as(reader, engine, 'ssm', 'GetParameter', { Name: '/shared/token' }).Parameter.Value as string, 'base64');
    const input = { CiphertextBlob: blob, EncryptionContext: { PARAMETER_ARN: parameterArn('/shared/token') } };
    for (const who of [reader, contextFor(engine)]) {
      expectDenied(() => as(who, engine, 'kms', 'Decrypt', input), who, 'kms:Decrypt', managed.Arn, 'resource');
    }
    // Its metadata stays readable to the account, as the key policy's second statement says.
    expect(as(reader, engine, 'kms', 'DescribeKey', { KeyId: 'alias/aws/ssm' }).KeyMetadata.KeyManager).toBe('AWS');
  });

  it('still needs ssm:GetParameter: the key policy allows use through SSM, not SSM itself', () => {
    const engine = identityEngine();
    call(engine, 'ssm', 'PutParameter', { Name: '/shared/token', Value: SECRET, Type: 'SecureString' });
    const kmsOnly = principal(engine, 'kmsonly', { Effect: 'Allow', Action: 'kms:*', Resource: '*' });
    expectDenied(() => as(kmsOnly, engine, 'ssm', 'GetParameter', { Name: '/shared/token', WithDecryption: true }), kmsOnly, 'ssm:GetParameter', parameterArn('/shared/token'), 'identity');
  });
});
