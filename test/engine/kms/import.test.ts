import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { createKey, DAY, expectAwsError, kms, kmsEngine, type Answer } from './kms-helpers';

type Algorithm = 'RSAES_OAEP_SHA_256' | 'RSAES_OAEP_SHA_1';

/** Wraps `material` as a BYOK client does: RSA-OAEP with the public key GetParametersForImport gave. */
function wrap(params: Answer, material: Buffer, algorithm: Algorithm): Buffer {
  const key = createPublicKey({ key: params.PublicKey as Buffer, format: 'der', type: 'spki' });
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: algorithm === 'RSAES_OAEP_SHA_256' ? 'sha256' : 'sha1' }, material);
}

function parameters(engine: Engine, KeyId: string, algorithm: Algorithm = 'RSAES_OAEP_SHA_256'): Answer {
  return kms(engine, 'GetParametersForImport', { KeyId, WrappingAlgorithm: algorithm, WrappingKeySpec: 'RSA_2048' });
}

function importMaterial(engine: Engine, KeyId: string, material: Buffer, extra: object = {}, algorithm: Algorithm = 'RSAES_OAEP_SHA_256'): Answer {
  const params = parameters(engine, KeyId, algorithm);
  return kms(engine, 'ImportKeyMaterial', {
    KeyId,
    ImportToken: params.ImportToken,
    EncryptedKeyMaterial: wrap(params, material, algorithm),
    ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    ...extra,
  });
}

describe('BYOK: GetParametersForImport, ImportKeyMaterial, DeleteImportedKeyMaterial', () => {
  it.each(['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'] as const)('imports 32 bytes wrapped with %s and the key encrypts', (algorithm) => {
    const { engine, clock } = kmsEngine();
    const { KeyId, Arn } = createKey(engine, { Origin: 'EXTERNAL' });
    const params = parameters(engine, KeyId, algorithm);
    expect(params).toEqual({ KeyId: Arn, ImportToken: expect.any(Buffer), PublicKey: expect.any(Buffer), ParametersValidTo: new Date(clock().getTime() + DAY) });
    expect(createPublicKey({ key: params.PublicKey, format: 'der', type: 'spki' }).asymmetricKeyDetails?.modulusLength).toBe(2048);
    const material = randomBytes(32);
    const answer = kms(engine, 'ImportKeyMaterial', {
      KeyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial: wrap(params, material, algorithm),
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    });
    expect(answer).toEqual({ KeyId: Arn, KeyMaterialId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    const blob = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('byok') }).CiphertextBlob;
    expect(kms(engine, 'Decrypt', { CiphertextBlob: blob }).Plaintext.toString()).toBe('byok');
  });

  it('deletes material to PendingImport, takes the SAME material back, and old blobs decrypt again', () => {
    const { engine } = kmsEngine();
    const { KeyId, Arn } = createKey(engine, { Origin: 'EXTERNAL' });
    const material = randomBytes(32);
    const first = importMaterial(engine, KeyId, material);
    const blob = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('kept'), EncryptionContext: { c: '1' } }).CiphertextBlob;

    expect(kms(engine, 'DeleteImportedKeyMaterial', { KeyId })).toEqual({ KeyId: Arn, KeyMaterialId: first.KeyMaterialId });
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
    expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: blob, EncryptionContext: { c: '1' } }), 'KMSInvalidStateException', `${Arn} is pending import.`);

    expectAwsError(() => importMaterial(engine, KeyId, randomBytes(32)), 'IncorrectKeyMaterialException');
    expect(importMaterial(engine, KeyId, material, {}, 'RSAES_OAEP_SHA_1').KeyMaterialId).toBe(first.KeyMaterialId);
    expect(kms(engine, 'Decrypt', { CiphertextBlob: blob, EncryptionContext: { c: '1' } }).Plaintext.toString()).toBe('kept');
  });

  it('expires material at ValidTo: the key goes to PendingImport until the material is imported again', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId, Arn } = createKey(engine, { Origin: 'EXTERNAL' });
    const material = randomBytes(32);
    const validTo = new Date(clock().getTime() + 10 * DAY);
    importMaterial(engine, KeyId, material, { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo.getTime() / 1000 });
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata).toMatchObject({ KeyState: 'Enabled', ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
    const blob = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('short-lived') }).CiphertextBlob;

    clock.set(validTo);
    const meta = kms(engine, 'DescribeKey', { KeyId }).KeyMetadata;
    expect(meta.KeyState).toBe('PendingImport');
    expect(meta).not.toHaveProperty('ValidTo');
    expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: blob }), 'KMSInvalidStateException', `${Arn} is pending import.`);
    // The next write purges the sealed material for good.
    createKey(engine);
    expect(engine.db.prepare('SELECT count(*) AS n FROM kms_key_material WHERE key_id = ?').get(KeyId)).toEqual({ n: 0 });

    importMaterial(engine, KeyId, material);
    expect(kms(engine, 'Decrypt', { CiphertextBlob: blob }).Plaintext.toString()).toBe('short-lived');
  });

  it('refuses an expired import token, a token of another key, and a forged one', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId } = createKey(engine, { Origin: 'EXTERNAL' });
    const other = createKey(engine, { Origin: 'EXTERNAL' });
    const material = randomBytes(32);
    const params = parameters(engine, KeyId);
    const wrapped = wrap(params, material, 'RSAES_OAEP_SHA_256');
    const base = { KeyId, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' };
    const forged = Buffer.from(params.ImportToken);
    forged[5]! ^= 1;
    expectAwsError(() => kms(engine, 'ImportKeyMaterial', { ...base, ImportToken: forged }), 'InvalidImportTokenException');
    expectAwsError(() => kms(engine, 'ImportKeyMaterial', { ...base, ImportToken: randomBytes(57) }), 'InvalidImportTokenException');
    expectAwsError(() => kms(engine, 'ImportKeyMaterial', { ...base, KeyId: other.KeyId, ImportToken: params.ImportToken }), 'InvalidImportTokenException');
    expectAwsError(() => kms(engine, 'ImportKeyMaterial', { ...base, ImportToken: params.ImportToken, EncryptedKeyMaterial: randomBytes(256) }), 'InvalidCiphertextException');
    clock.advance(DAY);
    expectAwsError(() => kms(engine, 'ImportKeyMaterial', { ...base, ImportToken: params.ImportToken }), 'ExpiredImportTokenException');
    // Still recognised as expired once a write has purged the token's row.
    createKey(engine);
    expectAwsError(() => kms(engine, 'ImportKeyMaterial', { ...base, ImportToken: params.ImportToken }), 'ExpiredImportTokenException');
  });

  it.each([
    ['16 bytes of material', { material: 16 }, 'IncorrectKeyMaterialException'],
    ['no ValidTo for expiring material', { ExpirationModel: 'KEY_MATERIAL_EXPIRES' }, 'ValidationException'],
    ['ValidTo without expiry', { ValidTo: Date.UTC(2026, 1, 1) / 1000 }, 'ValidationException'],
    ['ValidTo in the past', { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: Date.UTC(2025, 0, 1) / 1000 }, 'ValidationException'],
    ['ValidTo beyond 365 days', { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: Date.UTC(2027, 0, 2) / 1000 }, 'ValidationException'],
    ['EXISTING_KEY_MATERIAL before any import', { ImportType: 'EXISTING_KEY_MATERIAL' }, 'IncorrectKeyMaterialException'],
  ])('refuses %s', (_name, options, code) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine, { Origin: 'EXTERNAL' });
    const { material = 32, ...extra } = options as { material?: number };
    expectAwsError(() => importMaterial(engine, KeyId, randomBytes(material), extra), code);
    expect(kms(engine, 'DescribeKey', { KeyId }).KeyMetadata.KeyState).toBe('PendingImport');
  });

  it('refuses import operations on AWS_KMS keys and unsupported wrapping choices', () => {
    const { engine } = kmsEngine();
    const generated = createKey(engine);
    const message = `${generated.Arn} origin is AWS_KMS which is not valid for this operation.`;
    expectAwsError(() => parameters(engine, generated.KeyId), 'UnsupportedOperationException', message);
    expectAwsError(() => kms(engine, 'DeleteImportedKeyMaterial', { KeyId: generated.KeyId }), 'UnsupportedOperationException', message);
    const { KeyId } = createKey(engine, { Origin: 'EXTERNAL' });
    const ask = (WrappingAlgorithm: string, WrappingKeySpec: string) => kms(engine, 'GetParametersForImport', { KeyId, WrappingAlgorithm, WrappingKeySpec });
    expectAwsError(() => ask('RSAES_PKCS1_V1_5', 'RSA_2048'), 'UnsupportedOperationException');
    expectAwsError(() => ask('RSAES_OAEP_SHA_256', 'SM2'), 'UnsupportedOperationException');
    expectAwsError(() => ask('RSAES_OAEP_SHA_512', 'RSA_2048'), 'ValidationException');
    expectAwsError(() => ask('RSAES_OAEP_SHA_256', 'RSA_1024'), 'ValidationException');
    expectAwsError(() => kms(engine, 'GetParametersForImport', { KeyId, WrappingKeySpec: 'RSA_2048' }), 'ValidationException');
    kms(engine, 'ScheduleKeyDeletion', { KeyId });
    expectAwsError(() => parameters(engine, KeyId), 'KMSInvalidStateException');
  });

  it('hands out a 3072-bit wrapping key for RSA_3072', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine, { Origin: 'EXTERNAL' });
    const params = kms(engine, 'GetParametersForImport', { KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_3072' });
    expect(createPublicKey({ key: params.PublicKey, format: 'der', type: 'spki' }).asymmetricKeyDetails?.modulusLength).toBe(3072);
  });
});
