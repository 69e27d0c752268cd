import { describe, expect, it } from 'vitest';
import { envelopeDataKeyBlob, isEnvelope } from '../../../source/engine/parameters/envelope';
import { expectAwsError as expectKmsError, kms, kmsEngine } from '../kms/kms-helpers';
import { sealingKeyArn, storedVersion } from './secure-string-support';
import { allPages, get, put, ssm, type HistoryOut, type Page, type ParameterOut } from './support';

/**
 * The Advanced tier seals a SecureString with a GenerateDataKey envelope: a one-time data key
 * encrypts the value, and only that data key's KMS ciphertext is stored beside it.
 */
const ADVANCED: [string, string, object][] = [
  ['a value over 4096 characters (Intelligent-Tiering)', 'a'.repeat(4097), { Tier: 'Intelligent-Tiering' }],
  ['a short value with Tier Advanced', 'short', { Tier: 'Advanced' }],
  ['the largest value, 8192 characters', 'z'.repeat(8192), { Tier: 'Advanced' }],
  ['a multi-byte value', 'é€ß中'.repeat(1500), { Tier: 'Intelligent-Tiering' }],
];

describe('the Advanced tier envelope', () => {
  it.each(ADVANCED)('round-trips %s', (_label, value, extra) => {
    const { engine } = kmsEngine();
    expect(put(engine, '/adv/pw', value, { Type: 'SecureString', ...extra })).toEqual({ Version: 1, Tier: 'Advanced' });
    const stored = storedVersion(engine, '/adv/pw');
    expect(stored).toMatchObject({ tier: 'Advanced', key_id: 'alias/aws/ssm' });
    expect(isEnvelope(stored.value)).toBe(true);
    expect(stored.value.includes(Buffer.from(value.slice(0, 64)))).toBe(false);

    expect(get(engine, '/adv/pw', { WithDecryption: true }).Value).toBe(value);
    expect(get(engine, '/adv/pw').Value).toBe(stored.value.toString('base64'));
    expect(ssm<Page<ParameterOut>>(engine, 'GetParameters', { Names: ['/adv/pw'], WithDecryption: true }).Parameters[0]!.Value).toBe(value);
    expect(ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/adv', WithDecryption: true }).Parameters[0]!.Value).toBe(value);
    expect(allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/adv/pw', WithDecryption: true }).items[0]!.Value).toBe(value);
  });

  // A customer managed key: direct KMS use of alias/aws/ssm's is denied by its key policy, as in AWS.
  it('stores a data key that KMS opens only under the parameter’s context, and is no KMS ciphertext itself', () => {
    const { engine } = kmsEngine();
    const key = kms(engine, 'CreateKey').KeyMetadata;
    put(engine, '/adv/pw', 'enveloped', { Type: 'SecureString', Tier: 'Advanced', KeyId: key.KeyId });
    const envelope = storedVersion(engine, '/adv/pw').value;
    const dataKeyBlob = envelopeDataKeyBlob(envelope);
    const context = { PARAMETER_ARN: engine.parameterArn('/adv/pw') };
    const opened = kms(engine, 'Decrypt', { CiphertextBlob: dataKeyBlob, EncryptionContext: context });
    expect(opened.KeyId).toBe(key.Arn);
    expect(opened.Plaintext).toHaveLength(32);
    // The data key is bound to the parameter: no other context, nor none, opens it.
    expectKmsError(() => kms(engine, 'Decrypt', { CiphertextBlob: dataKeyBlob }), 'InvalidCiphertextException');
    const otherContext = { PARAMETER_ARN: engine.parameterArn('/adv/other') };
    expectKmsError(() => kms(engine, 'Decrypt', { CiphertextBlob: dataKeyBlob, EncryptionContext: otherContext }), 'InvalidCiphertextException');
    expectKmsError(() => kms(engine, 'Decrypt', { CiphertextBlob: envelope, EncryptionContext: context }), 'InvalidCiphertextException');
  });

  it('uses a fresh data key for every version', () => {
    const { engine } = kmsEngine();
    put(engine, '/adv/pw', 'same', { Type: 'SecureString', Tier: 'Advanced', KeyId: kms(engine, 'CreateKey').KeyMetadata.KeyId });
    ssm(engine, 'PutParameter', { Name: '/adv/pw', Value: 'same', Overwrite: true });
    const context = { PARAMETER_ARN: engine.parameterArn('/adv/pw') };
    const dataKeys = [1, 2].map((version) => {
      const blob = envelopeDataKeyBlob(storedVersion(engine, '/adv/pw', version).value);
      return kms(engine, 'Decrypt', { CiphertextBlob: blob, EncryptionContext: context }).Plaintext as Buffer;
    });
    expect(dataKeys[0]!.equals(dataKeys[1]!)).toBe(false);
    expect(allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/adv/pw', WithDecryption: true }).items.map((h) => h.Value)).toEqual(['same', 'same']);
  });

  it('takes over from a Standard KMS ciphertext when a parameter is upgraded, both versions staying readable', () => {
    const { engine } = kmsEngine();
    put(engine, '/s/pw', 'standard', { Type: 'SecureString' });
    expect(ssm(engine, 'PutParameter', { Name: '/s/pw', Value: 'advanced', Overwrite: true, Tier: 'Advanced' })).toEqual({ Version: 2, Tier: 'Advanced' });
    expect([1, 2].map((version) => isEnvelope(storedVersion(engine, '/s/pw', version).value))).toEqual([false, true]);
    expect(sealingKeyArn(engine, '/s/pw', 1)).toBe(sealingKeyArn(engine, '/s/pw', 2));
    const history = allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/s/pw', WithDecryption: true }).items;
    expect(history.map((h) => [h.Tier, h.Value])).toEqual([
      ['Standard', 'standard'],
      ['Advanced', 'advanced'],
    ]);
  });
});
