import { describe, expect, it } from 'vitest';
import { createKey, expectAwsError, kms, kmsEngine } from './kms-helpers';

describe('CreateAlias, UpdateAlias, DeleteAlias, ListAliases', () => {
  it('creates, lists, moves and deletes an alias', () => {
    const { engine, clock } = kmsEngine();
    const one = createKey(engine);
    const two = createKey(engine);
    const created = clock();
    expect(kms(engine, 'CreateAlias', { AliasName: 'alias/app/db', TargetKeyId: one.Arn })).toEqual({});
    expect(kms(engine, 'ListAliases')).toEqual({
      Aliases: [
        {
          AliasName: 'alias/app/db',
          AliasArn: 'arn:aws:kms:us-east-1:111122223333:alias/app/db',
          TargetKeyId: one.KeyId,
          CreationDate: created,
          LastUpdatedDate: created,
        },
      ],
      Truncated: false,
    });
    clock.advance(1000);
    kms(engine, 'UpdateAlias', { AliasName: 'alias/app/db', TargetKeyId: two.KeyId });
    const [moved] = kms(engine, 'ListAliases').Aliases;
    expect(moved).toMatchObject({ TargetKeyId: two.KeyId, CreationDate: created, LastUpdatedDate: clock() });
    expect(kms(engine, 'Encrypt', { KeyId: 'alias/app/db', Plaintext: Buffer.from('x') }).KeyId).toBe(two.Arn);
    kms(engine, 'DeleteAlias', { AliasName: 'alias/app/db' });
    expect(kms(engine, 'ListAliases').Aliases).toEqual([]);
    expect(kms(engine, 'DescribeKey', { KeyId: two.KeyId }).KeyMetadata.KeyState).toBe('Enabled');
  });

  it('filters by KeyId and pages with Limit and Marker', () => {
    const { engine } = kmsEngine();
    const one = createKey(engine);
    const two = createKey(engine);
    for (const n of ['a', 'b', 'c']) kms(engine, 'CreateAlias', { AliasName: `alias/${n}`, TargetKeyId: one.KeyId });
    kms(engine, 'CreateAlias', { AliasName: 'alias/z', TargetKeyId: two.KeyId });
    expect(kms(engine, 'ListAliases', { KeyId: two.Arn }).Aliases.map((a: { AliasName: string }) => a.AliasName)).toEqual(['alias/z']);
    const first = kms(engine, 'ListAliases', { Limit: 3 });
    expect(first.Aliases.map((a: { AliasName: string }) => a.AliasName)).toEqual(['alias/a', 'alias/b', 'alias/c']);
    expect(first.Truncated).toBe(true);
    const rest = kms(engine, 'ListAliases', { Limit: 3, Marker: first.NextMarker });
    expect(rest.Aliases.map((a: { AliasName: string }) => a.AliasName)).toEqual(['alias/z']);
    expect(rest).not.toHaveProperty('NextMarker');
    const keysMarker = kms(engine, 'ListKeys', { Limit: 1 }).NextMarker;
    expectAwsError(() => kms(engine, 'ListAliases', { Marker: keysMarker }), 'InvalidMarkerException');
    expectAwsError(() => kms(engine, 'ListAliases', { KeyId: 'alias/none' }), 'NotFoundException');
  });

  it.each([
    ['app', 'ValidationException', 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html'],
    ['alias/aws/mine', 'NotAuthorizedException', /reserved/],
    ['alias/with space', 'ValidationException', /regular expression pattern: \^\[a-zA-Z0-9:\/_-\]\+\$/],
    ['alias/has:colon', 'InvalidAliasNameException', /not a valid alias name/],
    ['alias/', 'InvalidAliasNameException', /not a valid alias name/],
    [`alias/${'a'.repeat(251)}`, 'ValidationException', /length less than or equal to 256/],
  ])('refuses the alias name %s', (name, code, message) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    expectAwsError(() => kms(engine, 'CreateAlias', { AliasName: name, TargetKeyId: KeyId }), code, message);
  });

  it('refuses a taken name, an alias as target, a missing key and a key pending deletion', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    kms(engine, 'CreateAlias', { AliasName: 'alias/taken', TargetKeyId: KeyId });
    expectAwsError(
      () => kms(engine, 'CreateAlias', { AliasName: 'alias/taken', TargetKeyId: KeyId }),
      'AlreadyExistsException',
      'An alias with the name arn:aws:kms:us-east-1:111122223333:alias/taken already exists',
    );
    expectAwsError(() => kms(engine, 'CreateAlias', { AliasName: 'alias/other', TargetKeyId: 'alias/taken' }), 'ValidationException', 'Aliases must refer to keys. Not aliases');
    expectAwsError(() => kms(engine, 'CreateAlias', { AliasName: 'alias/other', TargetKeyId: '11111111-2222-4333-8444-555555555555' }), 'NotFoundException');
    const doomed = createKey(engine);
    kms(engine, 'ScheduleKeyDeletion', { KeyId: doomed.KeyId });
    expectAwsError(() => kms(engine, 'CreateAlias', { AliasName: 'alias/other', TargetKeyId: doomed.KeyId }), 'KMSInvalidStateException');
    expectAwsError(() => kms(engine, 'UpdateAlias', { AliasName: 'alias/taken', TargetKeyId: doomed.KeyId }), 'KMSInvalidStateException');
  });

  it('refuses to update or delete an alias that does not exist', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const message = 'Alias arn:aws:kms:us-east-1:111122223333:alias/ghost is not found.';
    expectAwsError(() => kms(engine, 'UpdateAlias', { AliasName: 'alias/ghost', TargetKeyId: KeyId }), 'NotFoundException', message);
    expectAwsError(() => kms(engine, 'DeleteAlias', { AliasName: 'alias/ghost' }), 'NotFoundException', message);
  });
});
