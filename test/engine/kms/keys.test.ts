import { describe, expect, it } from 'vitest';
import { resolveKey } from '../../../source/engine/kms/api';
import { createKey, DAY, expectAwsError, kms, kmsEngine } from './kms-helpers';

describe('CreateKey and DescribeKey', () => {
  it('creates a symmetric key whose KeyMetadata is exactly AWS’s', () => {
    const { engine, clock } = kmsEngine();
    const meta = createKey(engine, { Description: 'app secrets' });
    expect(meta).toEqual({
      AWSAccountId: '111122223333',
      KeyId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      Arn: `arn:aws:kms:us-east-1:111122223333:key/${meta.KeyId}`,
      CreationDate: clock(),
      Enabled: true,
      Description: 'app secrets',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
    });
    expect(kms(engine, 'DescribeKey', { KeyId: meta.KeyId }).KeyMetadata).toEqual(meta);
  });

  it('creates an EXTERNAL key in PendingImport, not enabled', () => {
    const { engine } = kmsEngine();
    const meta = createKey(engine, { Origin: 'EXTERNAL' });
    expect(meta).toMatchObject({ Origin: 'EXTERNAL', KeyState: 'PendingImport', Enabled: false });
    expect(meta).not.toHaveProperty('ExpirationModel');
  });

  it.each([
    [{ KeySpec: 'RSA_2048' }, 'UnsupportedOperationException'],
    [{ CustomerMasterKeySpec: 'HMAC_256' }, 'UnsupportedOperationException'],
    [{ KeyUsage: 'SIGN_VERIFY' }, 'UnsupportedOperationException'],
    [{ Origin: 'AWS_CLOUDHSM' }, 'UnsupportedOperationException'],
    [{ MultiRegion: true }, 'UnsupportedOperationException'],
    [{ CustomKeyStoreId: 'cks-1234567890abcdef0' }, 'UnsupportedOperationException'],
    [{ KeySpec: 'AES_256' }, 'ValidationException'],
    [{ KeyUsage: 'ENCRYPT' }, 'ValidationException'],
    [{ KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT' }, 'ValidationException'],
    [{ Description: 'x'.repeat(8193) }, 'ValidationException'],
    [{ Policy: '{"Version": ' }, 'MalformedPolicyDocumentException'],
    [{ Policy: '{"Version":"2012-10-17"}' }, 'MalformedPolicyDocumentException'],
    [{ Tags: [{ TagKey: 'aws:owner', TagValue: 'x' }] }, 'TagException'],
  ])('refuses %j with %s', (input, code) => {
    const { engine } = kmsEngine();
    expectAwsError(() => kms(engine, 'CreateKey', input), code);
    expect(kms(engine, 'ListKeys').Keys).toEqual([]);
  });
});

describe('KeyId resolution', () => {
  it('resolves the key id, key ARN, alias name and alias ARN to the same key', () => {
    const { engine } = kmsEngine();
    const meta = createKey(engine);
    kms(engine, 'CreateAlias', { AliasName: 'alias/app', TargetKeyId: meta.KeyId });
    for (const form of [meta.KeyId, meta.Arn, 'alias/app', 'arn:aws:kms:us-east-1:111122223333:alias/app']) {
      expect(kms(engine, 'DescribeKey', { KeyId: form }).KeyMetadata.KeyId).toBe(meta.KeyId);
      expect(resolveKey(engine, form).keyId).toBe(meta.KeyId);
    }
  });

  it.each([
    ['0b5c1a2e-0000-4000-8000-000000000000', "Key 'arn:aws:kms:us-east-1:111122223333:key/0b5c1a2e-0000-4000-8000-000000000000' does not exist"],
    ['arn:aws:kms:us-east-1:111122223333:key/0b5c1a2e-0000-4000-8000-000000000000', /^Key 'arn:aws:kms:us-east-1:111122223333:key\/0b5c1a2e-.*' does not exist$/],
    ['alias/missing', 'Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.'],
    ['arn:aws:kms:us-east-1:111122223333:alias/missing', 'Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.'],
    ['not-a-key', 'Invalid keyId not-a-key'],
    ['1234', 'Invalid keyId 1234'],
  ])('answers %s with NotFoundException', (keyId, message) => {
    const { engine } = kmsEngine();
    expectAwsError(() => kms(engine, 'DescribeKey', { KeyId: keyId }), 'NotFoundException', message);
  });

  it('does not find a key through an ARN of another account or region', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    for (const arn of [`arn:aws:kms:eu-west-1:111122223333:key/${KeyId}`, `arn:aws:kms:us-east-1:999999999999:key/${KeyId}`]) {
      expectAwsError(() => kms(engine, 'DescribeKey', { KeyId: arn }), 'NotFoundException', `Key '${arn}' does not exist`);
    }
  });
});

describe('ListKeys', () => {
  it('pages with Limit, NextMarker and Truncated and refuses a forged marker', () => {
    const { engine } = kmsEngine();
    const ids = Array.from({ length: 5 }, () => createKey(engine).KeyId as string).sort();
    const first = kms(engine, 'ListKeys', { Limit: 2 });
    expect(first.Keys.map((k: { KeyId: string }) => k.KeyId)).toEqual(ids.slice(0, 2));
    expect(first.Truncated).toBe(true);
    const second = kms(engine, 'ListKeys', { Limit: 2, Marker: first.NextMarker });
    const third = kms(engine, 'ListKeys', { Limit: 2, Marker: second.NextMarker });
    expect(third).toEqual({ Keys: [{ KeyId: ids[4], KeyArn: `arn:aws:kms:us-east-1:111122223333:key/${ids[4]}` }], Truncated: false });
    expectAwsError(() => kms(engine, 'ListKeys', { Marker: 'garbage!' }), 'InvalidMarkerException');
    expectAwsError(() => kms(engine, 'ListKeys', { Limit: 0 }), 'ValidationException');
    expectAwsError(() => kms(engine, 'ListKeys', { Limit: 1001 }), 'ValidationException');
  });
});

describe('EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion', () => {
  it('disables and enables a key; a disabled key refuses to encrypt', () => {
    const { engine } = kmsEngine();
    const { KeyId, Arn } = createKey(engine);
    kms(engine, 'DisableKey', { KeyId });
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expectAwsError(() => kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('x') }), 'DisabledException', `${Arn} is disabled.`);
    kms(engine, 'EnableKey', { KeyId });
    expect(kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('x') }).KeyId).toBe(Arn);
  });

  it('schedules deletion (default 30 days), the key is gone once the clock passes DeletionDate', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId, Arn } = createKey(engine);
    kms(engine, 'CreateAlias', { AliasName: 'alias/doomed', TargetKeyId: KeyId });
    const scheduled = kms(engine, 'ScheduleKeyDeletion', { KeyId });
    const deletionDate = new Date(clock().getTime() + 30 * DAY);
    expect(scheduled).toEqual({ KeyId: Arn, DeletionDate: deletionDate, KeyState: 'PendingDeletion', PendingWindowInDays: 30 });
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate: deletionDate });
    expectAwsError(() => kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('x') }), 'KMSInvalidStateException', `${Arn} is pending deletion.`);
    expectAwsError(() => kms(engine, 'ScheduleKeyDeletion', { KeyId }), 'KMSInvalidStateException', `${Arn} is pending deletion.`);
    expectAwsError(() => kms(engine, 'EnableKey', { KeyId }), 'KMSInvalidStateException');

    clock.advance(30 * DAY - 1);
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata.KeyState).toBe('PendingDeletion');
    clock.advance(1);
    // Gone for readers at once, before any writer purges the row…
    expectAwsError(() => kms(engine, 'DescribeKey', { KeyId }), 'NotFoundException', `Key '${Arn}' does not exist`);
    expect(kms(engine, 'ListKeys').Keys).toEqual([]);
    expect(kms(engine, 'ListAliases').Aliases).toEqual([]);
    expectAwsError(() => kms(engine, 'DescribeKey', { KeyId: 'alias/doomed' }), 'NotFoundException');
    // …and physically purged by the next write, aliases included.
    createKey(engine);
    expect(engine.db.prepare('SELECT count(*) AS n FROM kms_keys WHERE key_id = ?').get(KeyId)).toEqual({ n: 0 });
    expect(engine.db.prepare("SELECT count(*) AS n FROM kms_aliases WHERE name = 'alias/doomed'").get()).toEqual({ n: 0 });
  });

  it.each([
    [6, 'ValidationException'],
    [31, 'ValidationException'],
  ])('refuses a pending window of %i days', (days, code) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    expectAwsError(() => kms(engine, 'ScheduleKeyDeletion', { KeyId, PendingWindowInDays: days }), code);
  });

  it('cancels a deletion: the key comes back Disabled, as AWS does', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId, Arn } = createKey(engine);
    expectAwsError(() => kms(engine, 'CancelKeyDeletion', { KeyId }), 'KMSInvalidStateException', `${Arn} is not pending deletion.`);
    expect(kms(engine, 'ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 }).DeletionDate).toEqual(new Date(clock().getTime() + 7 * DAY));
    expect(kms(engine, 'CancelKeyDeletion', { KeyId })).toEqual({ KeyId: Arn });
    clock.advance(8 * DAY);
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata).not.toHaveProperty('DeletionDate');
  });

  it('refuses to enable or disable a key pending import', () => {
    const { engine } = kmsEngine();
    const { KeyId, Arn } = createKey(engine, { Origin: 'EXTERNAL' });
    expectAwsError(() => kms(engine, 'DisableKey', { KeyId }), 'KMSInvalidStateException', `${Arn} is pending import.`);
    expectAwsError(() => kms(engine, 'EnableKey', { KeyId }), 'KMSInvalidStateException', `${Arn} is pending import.`);
  });
});
