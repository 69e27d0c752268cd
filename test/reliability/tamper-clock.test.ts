import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../source/engine/clock';
import type { Engine } from '../../source/engine/engine';
import { isAwsError } from '../../source/engine/errors';
import { call, testEngine } from '../helpers/engine';
import { CANARY } from './support/canary';

/**
 * Time-bound states, moved by the engine's injectable clock (never by waiting): a key's deletion
 * window, an import token's 24 hours, and imported material's ValidTo. The calls go through
 * Engine.dispatch, as every request does (the SDK's own signing clock cannot follow a moved one).
 * At each edge the right AWS error comes back, and nothing decrypts that should not.
 */
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

type Answer = Record<string, unknown> & { KeyMetadata?: { KeyId: string; KeyState: string } };

function setup() {
  const clock = manualClock(Date.UTC(2026, 2, 1));
  const engine = testEngine({ clock });
  /** The answer of one call, or the name of the AWS error it failed with. */
  const attempt = (service: 'ssm' | 'kms', operation: string, input: object): Answer | string => {
    try {
      return call(engine, service, operation, input) as Answer;
    } catch (error) {
      if (isAwsError(error)) return error.code;
      throw error;
    }
  };
  return { clock, engine, attempt };
}

function newKey(engine: Engine, input: object = {}): string {
  return (call(engine, 'kms', 'CreateKey', input) as Answer).KeyMetadata!.KeyId;
}

/** A WithDecryption read of `name`: its value, or the error's name. */
function reveal(attempt: ReturnType<typeof setup>['attempt'], name: string): string {
  const answer = attempt('ssm', 'GetParameter', { Name: name, WithDecryption: true });
  return typeof answer === 'string' ? answer : (answer.Parameter as { Value: string }).Value;
}

function keyState(attempt: ReturnType<typeof setup>['attempt'], KeyId: string): string {
  const answer = attempt('kms', 'DescribeKey', { KeyId });
  return typeof answer === 'string' ? answer : answer.KeyMetadata!.KeyState;
}

/** A token and 32 random bytes wrapped under its public key, as BYOK clients make them. */
function importParameters(engine: Engine, KeyId: string) {
  const params = call(engine, 'kms', 'GetParametersForImport', { KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }) as { ImportToken: Buffer; PublicKey: Buffer; ParametersValidTo: Date };
  const key = createPublicKey({ key: params.PublicKey, format: 'der', type: 'spki' });
  return { params, wrapped: publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, randomBytes(32)) };
}

describe('tamper: time, by the engine clock', () => {
  it('a key pending deletion decrypts nothing, a cancelled one only once enabled, and a deleted one is gone at the window’s end', () => {
    const { clock, engine, attempt } = setup();
    const KeyId = newKey(engine);
    call(engine, 'ssm', 'PutParameter', { Name: '/clock/secret', Value: `${CANARY}:clock`, Type: 'SecureString', KeyId });
    const scheduled = call(engine, 'kms', 'ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 }) as { DeletionDate: Date };
    expect(scheduled.DeletionDate).toEqual(new Date(clock().getTime() + 7 * DAY));
    expect(reveal(attempt, '/clock/secret')).toBe('InvalidKeyId');
    call(engine, 'kms', 'CancelKeyDeletion', { KeyId });
    expect(keyState(attempt, KeyId)).toBe('Disabled');
    expect(reveal(attempt, '/clock/secret')).toBe('InvalidKeyId');
    call(engine, 'kms', 'EnableKey', { KeyId });
    expect(reveal(attempt, '/clock/secret')).toBe(`${CANARY}:clock`);

    call(engine, 'kms', 'ScheduleKeyDeletion', { KeyId, PendingWindowInDays: 7 });
    clock.advance(7 * DAY - SECOND);
    expect(keyState(attempt, KeyId)).toBe('PendingDeletion');
    clock.advance(SECOND);
    expect(keyState(attempt, KeyId)).toBe('NotFoundException');
    // The key's material is gone: its blob is one no key of the store opens.
    expect(reveal(attempt, '/clock/secret')).toBe('InvalidCiphertextException');
    expect(attempt('kms', 'CancelKeyDeletion', { KeyId })).toBe('NotFoundException');
  });

  it('an import token works for 24 hours by the clock and is ExpiredImportTokenException a second later', () => {
    const { clock, engine, attempt } = setup();
    const KeyId = newKey(engine, { Origin: 'EXTERNAL' });
    const late = importParameters(engine, KeyId);
    expect(late.params.ParametersValidTo).toEqual(new Date(clock().getTime() + DAY));
    clock.advance(DAY + SECOND);
    const importWith = ({ params, wrapped }: ReturnType<typeof importParameters>) =>
      attempt('kms', 'ImportKeyMaterial', { KeyId, ImportToken: params.ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    expect(importWith(late)).toBe('ExpiredImportTokenException');
    expect(keyState(attempt, KeyId)).toBe('PendingImport');
    const fresh = importParameters(engine, KeyId);
    clock.advance(DAY - SECOND);
    expect(importWith(fresh)).toEqual(expect.objectContaining({ KeyId: expect.stringContaining(KeyId) }));
    expect(keyState(attempt, KeyId)).toBe('Enabled');
  });

  it('imported material that expires leaves the key PendingImport: KMS and SSM refuse, and nothing decrypts', () => {
    const { clock, engine, attempt } = setup();
    const KeyId = newKey(engine, { Origin: 'EXTERNAL' });
    const { params, wrapped } = importParameters(engine, KeyId);
    const ValidTo = new Date(clock().getTime() + 2 * DAY);
    call(engine, 'kms', 'ImportKeyMaterial', { KeyId, ImportToken: params.ImportToken, EncryptedKeyMaterial: wrapped, ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo });
    call(engine, 'ssm', 'PutParameter', { Name: '/clock/byok', Value: `${CANARY}:byok`, Type: 'SecureString', KeyId });
    const blob = (call(engine, 'kms', 'Encrypt', { KeyId, Plaintext: Buffer.from(`${CANARY}:kms`) }) as { CiphertextBlob: Buffer }).CiphertextBlob;
    clock.set(ValidTo.getTime() - SECOND);
    expect(reveal(attempt, '/clock/byok')).toBe(`${CANARY}:byok`);
    clock.set(ValidTo);
    expect(keyState(attempt, KeyId)).toBe('PendingImport');
    expect(reveal(attempt, '/clock/byok')).toBe('InvalidKeyId');
    expect(attempt('kms', 'Decrypt', { CiphertextBlob: blob })).toBe('KMSInvalidStateException');
  });
});
