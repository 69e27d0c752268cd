import { describe, expect, it } from 'vitest';
import { ensureAwsManagedKey, kmsDecrypt, kmsEncrypt, kmsGenerateDataKey } from '../../../source/engine/kms/api';
import { createKey, DAY, expectAwsError, kms, kmsEngine } from './kms-helpers';

describe('the AWS managed key alias/aws/ssm', () => {
  it('is created on first use with AWS’s description, KeyManager and yearly rotation', () => {
    const { engine, clock } = kmsEngine();
    expect(kms(engine, 'ListKeys').Keys).toEqual([]);
    const key = engine.transaction(() => ensureAwsManagedKey(engine, 'ssm'));
    expect(engine.transaction(() => ensureAwsManagedKey(engine, 'ssm')).keyId).toBe(key.keyId);
    const meta = kms(engine, 'DescribeKey', { KeyId: 'alias/aws/ssm' }).KeyMetadata;
    expect(meta).toMatchObject({
      KeyId: key.keyId,
      KeyManager: 'AWS',
      KeyState: 'Enabled',
      Description: 'Default key that protects my SSM parameters when no other key is defined',
    });
    expect(kms(engine, 'GetKeyRotationStatus', { KeyId: key.keyId })).toMatchObject({
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
      NextRotationDate: new Date(clock().getTime() + 365 * DAY),
    });
    expect(kms(engine, 'ListAliases').Aliases).toEqual([expect.objectContaining({ AliasName: 'alias/aws/ssm', TargetKeyId: key.keyId })]);
    const policy = JSON.parse(kms(engine, 'GetKeyPolicy', { KeyId: key.keyId }).Policy);
    expect(policy.Statement[1].Action).toEqual(['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant']);
  });

  it('is created by DescribeKey and by encryption naming the predefined alias, as AWS services do', () => {
    const viaDescribe = kmsEngine().engine;
    expect(kms(viaDescribe, 'DescribeKey', { KeyId: 'arn:aws:kms:us-east-1:111122223333:alias/aws/ssm' }).KeyMetadata.KeyManager).toBe('AWS');
    const viaEncrypt = kmsEngine().engine;
    const sealed = viaEncrypt.transaction(() => kmsEncrypt(viaEncrypt, 'alias/aws/ssm', Buffer.from('v'), { PARAMETER_ARN: 'p' }));
    expect(sealed.keyArn).toBe(kms(viaEncrypt, 'DescribeKey', { KeyId: 'alias/aws/ssm' }).KeyMetadata.Arn);
    expectAwsError(() => kms(viaEncrypt, 'DescribeKey', { KeyId: 'alias/aws/s3' }), 'NotFoundException');
  });

  it.each([
    ['DisableKey', {}],
    ['EnableKey', {}],
    ['ScheduleKeyDeletion', { PendingWindowInDays: 7 }],
    ['CancelKeyDeletion', {}],
    ['EnableKeyRotation', {}],
    ['DisableKeyRotation', {}],
    ['PutKeyPolicy', { Policy: '{"Statement":{"Effect":"Allow"}}' }],
    ['TagResource', { Tags: [{ TagKey: 'a', TagValue: 'b' }] }],
    ['UntagResource', { TagKeys: ['a'] }],
    ['GetParametersForImport', { WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }],
    ['DeleteImportedKeyMaterial', {}],
  ])('refuses %s with AccessDeniedException, as its key policy does', (operation, input) => {
    const { engine } = kmsEngine();
    const key = engine.transaction(() => ensureAwsManagedKey(engine, 'ssm'));
    const message = `User: arn:aws:iam::111122223333:user/admin is not authorized to perform: kms:${operation} on resource: ${key.arn} because no resource-based policy allows the kms:${operation} action`;
    expectAwsError(() => kms(engine, operation, { KeyId: key.keyId, ...input }), 'AccessDeniedException', message);
    expect(kms(engine, 'DescribeKey', { KeyId: key.keyId }).KeyMetadata.KeyState).toBe('Enabled');
  });

  it('cannot be the target of a customer alias, nor have its alias changed', () => {
    const { engine } = kmsEngine();
    const key = engine.transaction(() => ensureAwsManagedKey(engine, 'ssm'));
    expectAwsError(() => kms(engine, 'CreateAlias', { AliasName: 'alias/mine', TargetKeyId: key.keyId }), 'AccessDeniedException');
    const { KeyId } = createKey(engine);
    expectAwsError(() => kms(engine, 'UpdateAlias', { AliasName: 'alias/aws/ssm', TargetKeyId: KeyId }), 'NotAuthorizedException');
    expectAwsError(() => kms(engine, 'DeleteAlias', { AliasName: 'alias/aws/ssm' }), 'NotAuthorizedException');
  });
});

describe('the internal API SSM uses', () => {
  it('encrypts, decrypts and makes data keys under a parameter-ARN context', () => {
    const { engine } = kmsEngine();
    const { KeyId, Arn } = createKey(engine);
    const context = { PARAMETER_ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/db/password' };
    const sealed = engine.transaction(() => kmsEncrypt(engine, Arn, Buffer.from('pw'), context));
    expect(kmsDecrypt(engine, sealed.blob, context, KeyId)).toEqual({ plaintext: Buffer.from('pw'), keyArn: Arn });
    expectAwsError(() => kmsDecrypt(engine, sealed.blob, { PARAMETER_ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/other' }), 'InvalidCiphertextException');
    const dataKey = engine.transaction(() => kmsGenerateDataKey(engine, KeyId, context));
    expect(dataKey.plaintext).toHaveLength(32);
    expect(kmsDecrypt(engine, dataKey.blob, context).plaintext).toEqual(dataKey.plaintext);
    expectAwsError(() => engine.transaction(() => kmsEncrypt(engine, 'alias/nope', Buffer.from('x'), {})), 'NotFoundException');
  });
});
