import { describe, expect, it } from 'vitest';
import { isEnvelope } from '../../../source/engine/parameters/envelope';
import { kms, kmsEngine } from '../kms/kms-helpers';
import { keyWithAlias, sealingKeyArn, storedVersion } from './secure-string-support';
import { allPages, expectAwsError, get, put, ssm, type HistoryOut, type MetadataOut, type Page, type ParameterOut } from './support';

/**
 * SecureStrings on the real local KMS: what the parameter engine stores, and what it answers with
 * and without WithDecryption in every read operation.
 */
describe('SecureString on the local KMS', () => {
  it('stores only ciphertext, answers it in base64 without WithDecryption and the plaintext with it', () => {
    const { engine } = kmsEngine();
    put(engine, '/s/pw', 'hunter2', { Type: 'SecureString' });
    const stored = storedVersion(engine, '/s/pw');
    expect(stored).toMatchObject({ type: 'SecureString', key_id: 'alias/aws/ssm', tier: 'Standard' });
    expect(stored.value.includes(Buffer.from('hunter2'))).toBe(false);
    expect(isEnvelope(stored.value)).toBe(false);
    expect(get(engine, '/s/pw')).toMatchObject({ Type: 'SecureString', Value: stored.value.toString('base64'), Version: 1 });
    expect(get(engine, '/s/pw', { WithDecryption: true })).toMatchObject({ Type: 'SecureString', Value: 'hunter2', Version: 1 });
    // Each put seals afresh: the same plaintext never gives the same ciphertext.
    put(engine, '/s/pw', 'hunter2', { Type: 'SecureString', Overwrite: true });
    expect(storedVersion(engine, '/s/pw', 2).value.equals(stored.value)).toBe(false);
  });

  it('decrypts in GetParameters, GetParametersByPath and GetParameterHistory only with WithDecryption', () => {
    const { engine } = kmsEngine();
    put(engine, '/s/a', 'one', { Type: 'SecureString' });
    ssm(engine, 'PutParameter', { Name: '/s/a', Value: 'two', Overwrite: true });
    put(engine, '/s/b', 'plain');
    const base64 = [1, 2].map((version) => storedVersion(engine, '/s/a', version).value.toString('base64'));

    const names = { Names: ['/s/a:1', '/s/b'] };
    expect(ssm<Page<ParameterOut>>(engine, 'GetParameters', { ...names, WithDecryption: true }).Parameters.map((p) => p.Value)).toEqual(['one', 'plain']);
    expect(ssm<Page<ParameterOut>>(engine, 'GetParameters', names).Parameters.map((p) => p.Value)).toEqual([base64[0], 'plain']);

    expect(ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/s', WithDecryption: true }).Parameters.map((p) => p.Value)).toEqual(['two', 'plain']);
    expect(ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/s' }).Parameters.map((p) => p.Value)).toEqual([base64[1], 'plain']);

    const history = allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/s/a', WithDecryption: true }).items;
    expect(history.map((h) => [h.Type, h.KeyId, h.Value])).toEqual([
      ['SecureString', 'alias/aws/ssm', 'one'],
      ['SecureString', 'alias/aws/ssm', 'two'],
    ]);
    expect(allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/s/a' }).items.map((h) => h.Value)).toEqual(base64);
  });

  it('carries the KeyId over when omitted and seals each version under it, Advanced as an envelope', () => {
    const { engine } = kmsEngine();
    const app = keyWithAlias(engine, 'alias/app');
    put(engine, '/s/pw', 'a', { Type: 'SecureString', KeyId: 'alias/app' });
    // Type and KeyId omitted: both carry over; the long value makes Intelligent-Tiering pick Advanced.
    const long = 'x'.repeat(5000);
    expect(ssm(engine, 'PutParameter', { Name: '/s/pw', Value: long, Overwrite: true, Tier: 'Intelligent-Tiering' })).toEqual({ Version: 2, Tier: 'Advanced' });
    expect(storedVersion(engine, '/s/pw', 1)).toMatchObject({ key_id: 'alias/app', tier: 'Standard' });
    expect(storedVersion(engine, '/s/pw', 2)).toMatchObject({ key_id: 'alias/app', tier: 'Advanced' });
    expect(isEnvelope(storedVersion(engine, '/s/pw', 2).value)).toBe(true);
    expect([1, 2].map((version) => sealingKeyArn(engine, '/s/pw', version))).toEqual([app.arn, app.arn]);
    expect(get(engine, '/s/pw', { WithDecryption: true }).Value).toBe(long);
    expect(get(engine, '/s/pw:1', { WithDecryption: true }).Value).toBe('a');

    const described = ssm<Page<MetadataOut>>(engine, 'DescribeParameters', {}).Parameters;
    expect(described.map((p) => [p.Name, p.Type, p.KeyId, p.Tier])).toEqual([['/s/pw', 'SecureString', 'alias/app', 'Advanced']]);
  });

  it('turns a String into a SecureString under the default key, leaving the String version as it was', () => {
    const { engine } = kmsEngine();
    put(engine, '/s/plain', 'visible');
    expect(put(engine, '/s/plain', 'now secret', { Overwrite: true, Type: 'SecureString' }).Version).toBe(2);
    expect(storedVersion(engine, '/s/plain', 1)).toMatchObject({ type: 'String', key_id: null, value: Buffer.from('visible') });
    expect(storedVersion(engine, '/s/plain', 2)).toMatchObject({ type: 'SecureString', key_id: 'alias/aws/ssm' });
    expect(storedVersion(engine, '/s/plain', 2).value.includes(Buffer.from('now secret'))).toBe(false);
    expect(sealingKeyArn(engine, '/s/plain')).toBe(kms(engine, 'DescribeKey', { KeyId: 'alias/aws/ssm' }).KeyMetadata.Arn);
    const history = allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/s/plain', WithDecryption: true }).items;
    expect(history.map((h) => [h.Type, h.KeyId, h.Value])).toEqual([
      ['String', undefined, 'visible'],
      ['SecureString', 'alias/aws/ssm', 'now secret'],
    ]);
  });

  it('checks AllowedPattern against the plaintext before anything is sealed, never echoing it', () => {
    const { engine } = kmsEngine();
    const error = expectAwsError(() => put(engine, '/s/pin', 'abcd', { Type: 'SecureString', AllowedPattern: '\\d{4}' }), 'ParameterPatternMismatchException');
    expect(error.message).not.toContain('abcd');
    // Nothing reached KMS: the default key that the first seal creates does not exist yet.
    expect(kms(engine, 'ListKeys').Keys).toEqual([]);
    expect(ssm(engine, 'DescribeParameters', {})).toEqual({ Parameters: [] });
    expect(put(engine, '/s/pin', '1234', { Type: 'SecureString', AllowedPattern: '\\d{4}' }).Version).toBe(1);
    expect(kms(engine, 'ListKeys').Keys).toHaveLength(1);
    expect(get(engine, '/s/pin', { WithDecryption: true }).Value).toBe('1234');
    // An overwrite is checked against the carried-over pattern, again before sealing.
    const again = expectAwsError(() => put(engine, '/s/pin', 'wxyz', { Overwrite: true }), 'ParameterPatternMismatchException');
    expect(again.message).not.toContain('wxyz');
    expect(get(engine, '/s/pin').Version).toBe(1);
  });

  it('filters by KeyId in DescribeParameters and GetParametersByPath', () => {
    const { engine } = kmsEngine();
    keyWithAlias(engine, 'alias/team-key');
    put(engine, '/k/default', 'a', { Type: 'SecureString' });
    put(engine, '/k/custom', 'b', { Type: 'SecureString', KeyId: 'alias/team-key' });
    put(engine, '/k/plain', 'c');
    const describe = (Option: string, Values: string[]) =>
      ssm<Page<MetadataOut>>(engine, 'DescribeParameters', { ParameterFilters: [{ Key: 'KeyId', Option, Values }] }).Parameters.map((p) => p.Name);
    expect(describe('Equals', ['alias/aws/ssm'])).toEqual(['/k/default']);
    expect(describe('BeginsWith', ['alias/'])).toEqual(['/k/custom', '/k/default']);
    const legacy = ssm<Page<MetadataOut>>(engine, 'DescribeParameters', { Filters: [{ Key: 'KeyId', Values: ['alias/team-key'] }] });
    expect(legacy.Parameters.map((p) => p.Name)).toEqual(['/k/custom']);
    const byPath = ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/k', ParameterFilters: [{ Key: 'KeyId', Values: ['alias/team-key'] }] });
    expect(byPath.Parameters.map((p) => p.Name)).toEqual(['/k/custom']);
  });
});
