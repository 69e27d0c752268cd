import { describe, expect, it } from 'vitest';
import { PERMISSION_TABLES } from '../../../source/engine/identity/operation-permissions';
import { OPERATION_TABLES, type ServiceName } from '../../../source/engine/operations';
import { call, contextFor } from '../../helpers/engine';
import { ACCOUNT, REGION, as, expectDenied, failureOf, identityEngine, parameterArn, principal, type Answer } from './support';

describe('authorization of every operation', () => {
  it('has permissions defined for every operation the engine runs, and for nothing else', () => {
    for (const service of Object.keys(OPERATION_TABLES) as ServiceName[]) {
      expect(Object.keys(PERMISSION_TABLES[service]).sort(), service).toEqual(Object.keys(OPERATION_TABLES[service]).sort());
    }
  });

  /** Each SSM operation, the action AWS authorizes it with and the resource (a parameter name, or the account-wide ARN). */
  const SSM: [string, object, string, string][] = [
    ['PutParameter', { Name: '/app/new', Value: 'v', Type: 'String' }, 'ssm:PutParameter', parameterArn('/app/new')],
    ['GetParameter', { Name: '/app/db/url' }, 'ssm:GetParameter', parameterArn('/app/db/url')],
    ['GetParameter', { Name: '/app/db/url:1' }, 'ssm:GetParameter', parameterArn('/app/db/url')],
    ['GetParameters', { Names: ['/app/db/url'] }, 'ssm:GetParameters', parameterArn('/app/db/url')],
    ['GetParametersByPath', { Path: '/app/' }, 'ssm:GetParametersByPath', parameterArn('/app')],
    ['DescribeParameters', {}, 'ssm:DescribeParameters', `arn:aws:ssm:${REGION}:${ACCOUNT}:*`],
    ['GetParameterHistory', { Name: '/app/db/url' }, 'ssm:GetParameterHistory', parameterArn('/app/db/url')],
    ['LabelParameterVersion', { Name: '/app/db/url', Labels: ['live'] }, 'ssm:LabelParameterVersion', parameterArn('/app/db/url')],
    ['UnlabelParameterVersion', { Name: '/app/db/url', ParameterVersion: 1, Labels: ['live'] }, 'ssm:UnlabelParameterVersion', parameterArn('/app/db/url')],
    ['DeleteParameter', { Name: '/app/db/url' }, 'ssm:DeleteParameter', parameterArn('/app/db/url')],
    ['DeleteParameters', { Names: ['/app/db/url'] }, 'ssm:DeleteParameters', parameterArn('/app/db/url')],
    ['AddTagsToResource', { ResourceType: 'Parameter', ResourceId: '/app/db/url', Tags: [{ Key: 'k', Value: 'v' }] }, 'ssm:AddTagsToResource', parameterArn('/app/db/url')],
    ['RemoveTagsFromResource', { ResourceType: 'Parameter', ResourceId: '/app/db/url', TagKeys: ['k'] }, 'ssm:RemoveTagsFromResource', parameterArn('/app/db/url')],
    ['ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/app/db/url' }, 'ssm:ListTagsForResource', parameterArn('/app/db/url')],
  ];

  it.each(SSM)('%s %j needs %s on %s', (operation, input, action, resource) => {
    const engine = identityEngine();
    call(engine, 'ssm', 'PutParameter', { Name: '/app/db/url', Value: 'postgres://db', Type: 'String' });
    const nobody = principal(engine, 'nobody');
    expectDenied(() => as(nobody, engine, 'ssm', operation, input), nobody, action, resource, 'identity');
    const other = principal(engine, 'other', { Effect: 'Allow', Action: 'ssm:*', Resource: 'arn:aws:ssm:*:*:parameter/elsewhere/*' });
    expectDenied(() => as(other, engine, 'ssm', operation, input), other, action, resource, 'identity');
    const exact = principal(engine, 'exact', { Effect: 'Allow', Action: action, Resource: resource });
    expect(() => as(exact, engine, 'ssm', operation, input)).not.toThrow();
  });

  it('checks before the operation touches anything: a denied put or delete changes nothing', () => {
    const engine = identityEngine();
    call(engine, 'ssm', 'PutParameter', { Name: '/app/db/url', Value: 'one', Type: 'String' });
    const reader = principal(engine, 'reader', { Effect: 'Allow', Action: 'ssm:GetParameter*', Resource: '*' });
    failureOf(() => as(reader, engine, 'ssm', 'PutParameter', { Name: '/app/db/url', Value: 'two', Overwrite: true }));
    failureOf(() => as(reader, engine, 'ssm', 'DeleteParameter', { Name: '/app/db/url' }));
    expect(as(reader, engine, 'ssm', 'GetParameter', { Name: '/app/db/url' }).Parameter).toMatchObject({ Value: 'one', Version: 1 });
  });

  it('needs ssm:AddTagsToResource too to create a parameter with tags', () => {
    const engine = identityEngine();
    const writer = principal(engine, 'writer', { Effect: 'Allow', Action: 'ssm:PutParameter', Resource: '*' });
    const input = { Name: '/t/x', Value: 'v', Type: 'String', Tags: [{ Key: 'team', Value: 'core' }] };
    expectDenied(() => as(writer, engine, 'ssm', 'PutParameter', input), writer, 'ssm:AddTagsToResource', parameterArn('/t/x'), 'identity');
    expect(as(writer, engine, 'ssm', 'PutParameter', { ...input, Tags: undefined })).toEqual({ Version: 1, Tier: 'Standard' });
  });

  it('lets an explicit Deny win over any Allow, with IAM’s wording', () => {
    const engine = identityEngine();
    const ctx = principal(
      engine,
      'alice',
      { Effect: 'Allow', Action: 'ssm:*', Resource: '*' },
      { Effect: 'Deny', Action: 'ssm:DeleteParameter*', Resource: 'arn:aws:ssm:*:*:parameter/prod/*' },
    );
    as(ctx, engine, 'ssm', 'PutParameter', { Name: '/prod/db', Value: 'v', Type: 'String' });
    expectDenied(() => as(ctx, engine, 'ssm', 'DeleteParameter', { Name: '/prod/db' }), ctx, 'ssm:DeleteParameter', parameterArn('/prod/db'), 'explicit');
    expect(as(ctx, engine, 'ssm', 'GetParameter', { Name: '/prod/db' }).Parameter.Value).toBe('v');
  });

  it('fails GetParameters whole when one name is denied, and still lists malformed names as invalid', () => {
    const engine = identityEngine();
    for (const name of ['/a/one', '/b/two']) call(engine, 'ssm', 'PutParameter', { Name: name, Value: 'v', Type: 'String' });
    const ctx = principal(engine, 'alice', { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: 'arn:aws:ssm:*:*:parameter/a/*' });
    expect(as(ctx, engine, 'ssm', 'GetParameters', { Names: ['/a/one', 'bad//name'] })).toEqual({
      Parameters: [expect.objectContaining({ Name: '/a/one' })],
      InvalidParameters: ['bad//name'],
    });
    expectDenied(() => as(ctx, engine, 'ssm', 'GetParameters', { Names: ['/a/one', '/b/two'] }), ctx, 'ssm:GetParameters', parameterArn('/b/two'), 'identity');
  });

  it('authorizes a principal deleted and re-created under the same name afresh', () => {
    const engine = identityEngine();
    const first = principal(engine, 'temp', { Effect: 'Allow', Action: '*', Resource: '*' });
    call(engine, 'ssm', 'PutParameter', { Name: '/x', Value: 'v', Type: 'String' });
    expect(() => as(first, engine, 'ssm', 'GetParameter', { Name: '/x' })).not.toThrow();
    engine.db.prepare("DELETE FROM principals WHERE name = 'temp'").run();
    const second = contextFor(engine, 'temp');
    expect(second.principal.userId).not.toBe(first.principal.userId);
    expectDenied(() => as(second, engine, 'ssm', 'GetParameter', { Name: '/x' }), second, 'ssm:GetParameter', parameterArn('/x'), 'identity');
    expectDenied(() => as(first, engine, 'ssm', 'GetParameter', { Name: '/x' }), first, 'ssm:GetParameter', parameterArn('/x'), 'identity');
  });
});

describe('KMS key policies with identity policies', () => {
  function setup() {
    const engine = identityEngine();
    const key = call(engine, 'kms', 'CreateKey', {}) as Answer;
    return { engine, key: key.KeyMetadata as Answer };
  }

  /** Key operations and the action each needs on the key. */
  const KMS: [string, (keyId: string) => object][] = [
    ['DescribeKey', (KeyId) => ({ KeyId })],
    ['Encrypt', (KeyId) => ({ KeyId, Plaintext: Buffer.from('x') })],
    ['GenerateDataKey', (KeyId) => ({ KeyId, KeySpec: 'AES_256' })],
    ['GenerateDataKeyWithoutPlaintext', (KeyId) => ({ KeyId, NumberOfBytes: 16 })],
    ['DisableKey', (KeyId) => ({ KeyId })],
    ['EnableKeyRotation', (KeyId) => ({ KeyId })],
    ['GetKeyRotationStatus', (KeyId) => ({ KeyId })],
    ['GetKeyPolicy', (KeyId) => ({ KeyId })],
    ['TagResource', (KeyId) => ({ KeyId, Tags: [{ TagKey: 'a', TagValue: 'b' }] })],
    ['ListResourceTags', (KeyId) => ({ KeyId })],
    ['ScheduleKeyDeletion', (KeyId) => ({ KeyId, PendingWindowInDays: 7 })],
  ];

  it.each(KMS)('%s under the default key policy needs kms:%s from identity policies', (operation, input) => {
    const { engine, key } = setup();
    const nobody = principal(engine, 'nobody');
    expectDenied(() => as(nobody, engine, 'kms', operation, input(key.KeyId)), nobody, `kms:${operation}`, key.Arn, 'identity');
    const allowed = principal(engine, 'allowed', { Effect: 'Allow', Action: `kms:${operation}`, Resource: key.Arn });
    expect(() => as(allowed, engine, 'kms', operation, input(key.KeyId))).not.toThrow();
  });

  it('authorizes Decrypt on the key the ciphertext names, and unscoped actions on "*"', () => {
    const { engine, key } = setup();
    const blob = (call(engine, 'kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('s') }) as Answer).CiphertextBlob as Buffer;
    const ctx = principal(engine, 'alice', { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:ListKeys'], Resource: key.Arn });
    expect(as(ctx, engine, 'kms', 'Decrypt', { CiphertextBlob: blob }).Plaintext.toString()).toBe('s');
    expectDenied(() => as(ctx, engine, 'kms', 'ListKeys'), ctx, 'kms:ListKeys', undefined, 'identity');
    expectDenied(() => as(ctx, engine, 'kms', 'CreateKey'), ctx, 'kms:CreateKey', undefined, 'identity');
  });

  it('needs the alias action on the alias and on the key', () => {
    const { engine, key } = setup();
    const aliasArn = `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`;
    const onKeyOnly = principal(engine, 'keyonly', { Effect: 'Allow', Action: 'kms:CreateAlias', Resource: key.Arn });
    expectDenied(() => as(onKeyOnly, engine, 'kms', 'CreateAlias', { AliasName: 'alias/app', TargetKeyId: key.KeyId }), onKeyOnly, 'kms:CreateAlias', aliasArn, 'identity');
    const both = principal(engine, 'both', { Effect: 'Allow', Action: 'kms:CreateAlias', Resource: [key.Arn, aliasArn] });
    expect(as(both, engine, 'kms', 'CreateAlias', { AliasName: 'alias/app', TargetKeyId: key.KeyId })).toEqual({});
  });

  it('denies even an IAM allow when a narrowed key policy allows neither the account nor the caller', () => {
    const { engine, key } = setup();
    const alice = principal(engine, 'alice', { Effect: 'Allow', Action: 'kms:*', Resource: '*' });
    const admin = contextFor(engine);
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: admin.principal.arn }, Action: 'kms:*', Resource: '*' }] });
    call(engine, 'kms', 'PutKeyPolicy', { KeyId: key.KeyId, Policy: policy });
    expectDenied(() => as(alice, engine, 'kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') }), alice, 'kms:Encrypt', key.Arn, 'resource');
    expect(as(admin, engine, 'kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') }).KeyId).toBe(key.Arn);
  });

  it('lets a key policy naming the caller allow it without any identity policy, and a key-policy Deny win', () => {
    const { engine, key } = setup();
    const bob = principal(engine, 'bob');
    const carol = principal(engine, 'carol', { Effect: 'Allow', Action: 'kms:*', Resource: '*' });
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
        { Sid: 'Bob', Effect: 'Allow', Principal: { AWS: bob.principal.arn }, Action: 'kms:Encrypt', Resource: '*' },
        { Sid: 'NoCarol', Effect: 'Deny', Principal: { AWS: carol.principal.arn }, Action: 'kms:Encrypt', Resource: '*' },
      ],
    });
    call(engine, 'kms', 'PutKeyPolicy', { KeyId: key.KeyId, Policy: policy });
    const sealed = as(bob, engine, 'kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') });
    expect(sealed.KeyId).toBe(key.Arn);
    expectDenied(() => as(bob, engine, 'kms', 'Decrypt', { CiphertextBlob: sealed.CiphertextBlob }), bob, 'kms:Decrypt', key.Arn, 'identity');
    // A blob that names no key of ours is refused as garbage, whoever asks.
    expect(failureOf(() => as(bob, engine, 'kms', 'Decrypt', { CiphertextBlob: Buffer.alloc(64) })).code).toBe('InvalidCiphertextException');
    expectDenied(() => as(carol, engine, 'kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') }), carol, 'kms:Encrypt', key.Arn, 'resource-deny');
  });

  it('refuses a key policy that would lock the caller out, unless the safety check is bypassed', () => {
    const { engine, key } = setup();
    const lockout = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/someone` }, Action: 'kms:*', Resource: '*' } });
    expect(failureOf(() => call(engine, 'kms', 'PutKeyPolicy', { KeyId: key.KeyId, Policy: lockout }))).toMatchObject({
      code: 'MalformedPolicyDocumentException',
      message: 'The new key policy will not allow you to update the key policy in the future.',
    });
    expect(failureOf(() => call(engine, 'kms', 'CreateKey', { Policy: lockout })).code).toBe('MalformedPolicyDocumentException');
    expect((call(engine, 'kms', 'ListKeys', {}) as Answer).Keys).toHaveLength(1);
    call(engine, 'kms', 'PutKeyPolicy', { KeyId: key.KeyId, Policy: lockout, BypassPolicyLockoutSafetyCheck: true });
    const admin = contextFor(engine);
    expectDenied(() => call(engine, 'kms', 'GetKeyPolicy', { KeyId: key.KeyId }), admin, 'kms:GetKeyPolicy', key.Arn, 'resource');
  });

  it.each([
    ['no Principal', { Effect: 'Allow', Action: 'kms:*', Resource: '*' }, 'Policy contains a statement with no principal.'],
    ['an invalid principal', { Effect: 'Allow', Principal: { AWS: 'alice' }, Action: 'kms:*', Resource: '*' }, 'Policy contains a statement with one or more invalid principals.'],
  ])('refuses a key policy with %s', (_name, statement, message) => {
    const { engine, key } = setup();
    const error = failureOf(() => call(engine, 'kms', 'PutKeyPolicy', { KeyId: key.KeyId, Policy: JSON.stringify({ Version: '2012-10-17', Statement: statement }) }));
    expect({ code: error.code, message: error.message }).toEqual({ code: 'MalformedPolicyDocumentException', message });
  });
});
