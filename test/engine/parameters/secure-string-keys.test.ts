import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { DAY, kms, kmsEngine } from '../kms/kms-helpers';
import { keyWithAlias, sealingKeyArn, storedVersion } from './secure-string-support';
import { expectAwsError, get, put, ssm, type MetadataOut, type Page } from './support';

const TIERS = ['Standard', 'Advanced'] as const;

/** A new version with Type omitted, so the SecureString type (and the KeyId unless given) carries over. */
function overwrite(engine: Engine, name: string, value: string, extra: object = {}): unknown {
  return ssm(engine, 'PutParameter', { Name: name, Value: value, Overwrite: true, ...extra });
}

describe('the default key alias/aws/ssm', () => {
  it.each(TIERS)('is created as an AWS managed key by the first %s SecureString, and only then', (Tier) => {
    const { engine } = kmsEngine();
    put(engine, '/plain', 'p');
    expect(kms(engine, 'ListKeys').Keys).toEqual([]);
    expect(kms(engine, 'ListAliases').Aliases).toEqual([]);

    put(engine, '/s/one', 'first', { Type: 'SecureString', Tier });
    const meta = kms(engine, 'DescribeKey', { KeyId: 'alias/aws/ssm' }).KeyMetadata;
    expect(meta).toMatchObject({
      KeyManager: 'AWS',
      KeyState: 'Enabled',
      Description: 'Default key that protects my SSM parameters when no other key is defined',
    });
    expect(kms(engine, 'ListAliases').Aliases).toEqual([expect.objectContaining({ AliasName: 'alias/aws/ssm', TargetKeyId: meta.KeyId })]);
    expect(sealingKeyArn(engine, '/s/one')).toBe(meta.Arn);

    // Later SecureStrings reuse it.
    put(engine, '/s/two', 'second', { Type: 'SecureString', Tier });
    expect(kms(engine, 'ListKeys').Keys).toEqual([expect.objectContaining({ KeyId: meta.KeyId })]);
    expect(sealingKeyArn(engine, '/s/two')).toBe(meta.Arn);
    expect(get(engine, '/s/one', { WithDecryption: true }).Value).toBe('first');
  });
});

describe('a customer managed key', () => {
  const FORMS = ['keyId', 'arn', 'alias', 'aliasArn'] as const;
  const cases = FORMS.flatMap((form) => TIERS.map((tier) => [form, tier] as const));

  it.each(cases)('named by its %s seals and opens a %s SecureString', (form, Tier) => {
    const { engine } = kmsEngine();
    const key = keyWithAlias(engine, 'alias/app');
    expect(put(engine, '/s/pw', 'under-my-key', { Type: 'SecureString', KeyId: key[form], Tier })).toEqual({ Version: 1, Tier });
    expect(storedVersion(engine, '/s/pw')).toMatchObject({ key_id: key[form], tier: Tier });
    expect(sealingKeyArn(engine, '/s/pw')).toBe(key.arn);
    expect(get(engine, '/s/pw', { WithDecryption: true }).Value).toBe('under-my-key');
    expect(ssm<Page<MetadataOut>>(engine, 'DescribeParameters', {}).Parameters[0]!.KeyId).toBe(key[form]);
    // The default key was never needed.
    expect(kms(engine, 'ListKeys').Keys).toHaveLength(1);
  });
});

/** A key made unusable in one of the ways KMS refuses, and the reason KMS gives. */
const UNUSABLE: [string, (engine: Engine) => { keyId: string; reason: string }][] = [
  ['an unknown alias', (e) => ({ keyId: 'alias/nope', reason: `Alias arn:aws:kms:us-east-1:${e.accountId}:alias/nope is not found.` })],
  [
    'an unknown key id',
    (e) => ({ keyId: '0b1e2d3c-4a5b-4c6d-8e7f-8091a2b3c4d5', reason: `Key 'arn:aws:kms:us-east-1:${e.accountId}:key/0b1e2d3c-4a5b-4c6d-8e7f-8091a2b3c4d5' does not exist` }),
  ],
  ['a malformed key id', () => ({ keyId: 'not-a-key', reason: 'Invalid keyId not-a-key' })],
  [
    'a key of another account',
    () => ({ keyId: 'arn:aws:kms:us-east-1:999999999999:alias/app', reason: 'Alias arn:aws:kms:us-east-1:999999999999:alias/app is not found.' }),
  ],
  ['a disabled key', (e) => unusableKey(e, 'DisableKey', {}, 'is disabled.')],
  ['a key pending deletion', (e) => unusableKey(e, 'ScheduleKeyDeletion', { PendingWindowInDays: 7 }, 'is pending deletion.')],
  [
    'a key pending import',
    (e) => {
      const { KeyId, Arn } = kms(e, 'CreateKey', { Origin: 'EXTERNAL' }).KeyMetadata;
      return { keyId: KeyId, reason: `${Arn} is pending import.` };
    },
  ],
];

function unusableKey(engine: Engine, operation: string, input: object, reason: string): { keyId: string; reason: string } {
  const key = keyWithAlias(engine, 'alias/doomed');
  kms(engine, operation, { KeyId: key.keyId, ...input });
  return { keyId: key.alias, reason: `${key.arn} ${reason}` };
}

describe('a key KMS cannot use', () => {
  const cases = UNUSABLE.flatMap(([label, make]) => TIERS.map((tier) => [label, tier, make] as const));

  it.each(cases)('is InvalidKeyId with KMS’s reason when %s seals a new %s value, and nothing is stored', (_label, Tier, make) => {
    const { engine } = kmsEngine();
    const { keyId, reason } = make(engine);
    const message = `The KMS key ${keyId} cannot be used: ${reason}`;
    expectAwsError(() => put(engine, '/s/pw', 'never-stored', { Type: 'SecureString', KeyId: keyId, Tier }), 'InvalidKeyId', message);
    expect(ssm(engine, 'DescribeParameters', {})).toEqual({ Parameters: [] });
    expect(engine.db.prepare('SELECT count(*) AS n FROM parameter_versions').get()).toEqual({ n: 0 });
  });

  it.each(cases)('is InvalidKeyId when %s seals a new version of a %s value, which stays as it was', (_label, Tier, make) => {
    const { engine } = kmsEngine();
    put(engine, '/s/pw', 'kept', { Type: 'SecureString', Tier });
    const before = storedVersion(engine, '/s/pw');
    const { keyId, reason } = make(engine);
    const error = expectAwsError(() => overwrite(engine, '/s/pw', 'never-stored', { KeyId: keyId }), 'InvalidKeyId');
    expect(error.message).toContain(reason);
    expect(storedVersion(engine, '/s/pw')).toEqual(before);
    expect(get(engine, '/s/pw', { WithDecryption: true })).toMatchObject({ Value: 'kept', Version: 1 });
  });

  it('is InvalidKeyId when the key carried over from the last version has been disabled since', () => {
    const { engine } = kmsEngine();
    const key = keyWithAlias(engine, 'alias/app');
    put(engine, '/s/pw', 'v1', { Type: 'SecureString', KeyId: key.alias });
    kms(engine, 'DisableKey', { KeyId: key.keyId });
    expectAwsError(() => overwrite(engine, '/s/pw', 'v2'), 'InvalidKeyId', `The KMS key alias/app cannot be used: ${key.arn} is disabled.`);
    expect(get(engine, '/s/pw').Version).toBe(1);
  });
});

describe('reading a value whose key became unusable', () => {
  const LATER: [string, [string, object][], string, [string, object][]][] = [
    ['disabled', [['DisableKey', {}]], 'is disabled.', [['EnableKey', {}]]],
    ['scheduled for deletion', [['ScheduleKeyDeletion', { PendingWindowInDays: 7 }]], 'is pending deletion.', [['CancelKeyDeletion', {}], ['EnableKey', {}]]],
  ];
  const cases = LATER.flatMap((row) => TIERS.map((tier) => [row[0], tier, row] as const));

  it.each(cases)('when %s, a %s value is InvalidKeyId WithDecryption and comes back once the key is usable again', (_label, Tier, row) => {
    const [, disable, reason, restore] = row;
    const { engine } = kmsEngine();
    const key = keyWithAlias(engine, 'alias/app');
    put(engine, '/s/pw', 'top-secret', { Type: 'SecureString', KeyId: key.alias, Tier });
    for (const [operation, input] of disable) kms(engine, operation, { KeyId: key.keyId, ...input });

    const message = `The KMS key alias/app cannot be used: ${key.arn} ${reason}`;
    expect(expectAwsError(() => get(engine, '/s/pw', { WithDecryption: true }), 'InvalidKeyId', message).message).not.toContain('top-secret');
    expectAwsError(() => ssm(engine, 'GetParameterHistory', { Name: '/s/pw', WithDecryption: true }), 'InvalidKeyId');
    // Without WithDecryption nothing needs the key: the ciphertext is still answered.
    expect(get(engine, '/s/pw').Value).toBe(storedVersion(engine, '/s/pw').value.toString('base64'));

    for (const [operation, input] of restore) kms(engine, operation, { KeyId: key.keyId, ...input });
    expect(get(engine, '/s/pw', { WithDecryption: true }).Value).toBe('top-secret');
  });
});

describe('a new version with a new KeyId', () => {
  it('is sealed under the new key while older versions stay under theirs', () => {
    const { engine } = kmsEngine();
    const first = keyWithAlias(engine, 'alias/first');
    const second = keyWithAlias(engine, 'alias/second');
    put(engine, '/s/pw', 'one', { Type: 'SecureString', KeyId: first.alias });
    overwrite(engine, '/s/pw', 'two', { KeyId: second.keyId });
    overwrite(engine, '/s/pw', 'three');
    expect([1, 2, 3].map((v) => [storedVersion(engine, '/s/pw', v).key_id, sealingKeyArn(engine, '/s/pw', v)])).toEqual([
      [first.alias, first.arn],
      [second.keyId, second.arn],
      [second.keyId, second.arn],
    ]);

    // KMS itself says the new blob is not the old key's.
    const context = { PARAMETER_ARN: engine.parameterArn('/s/pw') };
    const blob = storedVersion(engine, '/s/pw', 2).value;
    expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: blob, EncryptionContext: context, KeyId: first.keyId }), 'IncorrectKeyException');
    expect(kms(engine, 'Decrypt', { CiphertextBlob: blob, EncryptionContext: context, KeyId: second.alias }).Plaintext).toEqual(Buffer.from('two'));

    // Disabling the old key leaves the new versions readable, and the old one not.
    kms(engine, 'DisableKey', { KeyId: first.keyId });
    expect(get(engine, '/s/pw', { WithDecryption: true }).Value).toBe('three');
    expect(get(engine, '/s/pw:2', { WithDecryption: true }).Value).toBe('two');
    expectAwsError(() => get(engine, '/s/pw:1', { WithDecryption: true }), 'InvalidKeyId');
  });
});

describe('a KeyId that is an alias', () => {
  it('is resolved at each put: a retargeted alias seals new versions under its new key, older ones still open', () => {
    const { engine } = kmsEngine();
    const first = keyWithAlias(engine, 'alias/app');
    const second = kms(engine, 'CreateKey').KeyMetadata;
    put(engine, '/s/pw', 'one', { Type: 'SecureString', KeyId: 'alias/app' });
    kms(engine, 'UpdateAlias', { AliasName: 'alias/app', TargetKeyId: second.KeyId });
    overwrite(engine, '/s/pw', 'two');
    expect([1, 2].map((v) => sealingKeyArn(engine, '/s/pw', v))).toEqual([first.arn, second.Arn]);
    expect(get(engine, '/s/pw:1', { WithDecryption: true }).Value).toBe('one');

    // A blob names its own key, so deleting the alias leaves stored values readable; a new version cannot be sealed.
    kms(engine, 'DeleteAlias', { AliasName: 'alias/app' });
    expect(get(engine, '/s/pw', { WithDecryption: true }).Value).toBe('two');
    expectAwsError(() => overwrite(engine, '/s/pw', 'three'), 'InvalidKeyId', `The KMS key alias/app cannot be used: Alias ${first.aliasArn} is not found.`);
  });
});

describe('a rotated key', () => {
  it('seals new versions with its new material and still opens those sealed before', () => {
    const { engine, clock } = kmsEngine();
    const key = keyWithAlias(engine, 'alias/app');
    kms(engine, 'EnableKeyRotation', { KeyId: key.keyId, RotationPeriodInDays: 90 });
    put(engine, '/s/pw', 'before', { Type: 'SecureString', KeyId: key.alias });
    clock.advance(91 * DAY);
    overwrite(engine, '/s/pw', 'after');
    // Bytes 17–20 of a KMS blob's header name the material version.
    expect([1, 2].map((v) => storedVersion(engine, '/s/pw', v).value.readUInt32BE(17))).toEqual([1, 2]);
    expect([1, 2].map((v) => get(engine, `/s/pw:${v}`, { WithDecryption: true }).Value)).toEqual(['before', 'after']);
  });
});
