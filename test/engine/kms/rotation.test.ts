import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { rotateKeyMaterial } from '../../../source/engine/kms/api';
import { createKey, DAY, expectAwsError, kms, kmsEngine } from './kms-helpers';

/** The material version a blob was made with (bytes 17–20 of the header). */
function materialVersion(blob: Buffer): number {
  return blob.readUInt32BE(17);
}

describe('automatic key rotation', () => {
  it('is off for a new key, and on with a 365-day period once enabled', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId, Arn } = createKey(engine);
    expect(kms(engine, 'GetKeyRotationStatus', { KeyId })).toEqual({ KeyRotationEnabled: false, KeyId: Arn });
    kms(engine, 'EnableKeyRotation', { KeyId });
    expect(kms(engine, 'GetKeyRotationStatus', { KeyId })).toEqual({
      KeyRotationEnabled: true,
      KeyId: Arn,
      RotationPeriodInDays: 365,
      NextRotationDate: new Date(clock().getTime() + 365 * DAY),
    });
    kms(engine, 'DisableKeyRotation', { KeyId });
    expect(kms(engine, 'GetKeyRotationStatus', { KeyId }).KeyRotationEnabled).toBe(false);
  });

  it('rotates when a year has passed, and blobs from before the rotation still decrypt', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId } = createKey(engine);
    kms(engine, 'EnableKeyRotation', { KeyId });
    const before = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('year one'), EncryptionContext: { y: '1' } }).CiphertextBlob;
    expect(materialVersion(before)).toBe(1);

    clock.advance(365 * DAY);
    const nextDate = kms(engine, 'GetKeyRotationStatus', { KeyId }).NextRotationDate as Date;
    const after = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('year two'), EncryptionContext: { y: '2' } }).CiphertextBlob;
    expect(materialVersion(after)).toBe(2);
    // The schedule read before the rotation happened is the one that holds after it.
    expect(kms(engine, 'GetKeyRotationStatus', { KeyId }).NextRotationDate).toEqual(nextDate);
    expect(nextDate).toEqual(new Date(clock().getTime() + 365 * DAY));

    expect(kms(engine, 'Decrypt', { CiphertextBlob: before, EncryptionContext: { y: '1' } }).Plaintext.toString()).toBe('year one');
    expect(kms(engine, 'Decrypt', { CiphertextBlob: after, EncryptionContext: { y: '2' } }).Plaintext.toString()).toBe('year two');
    expect(materialVersion(kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('again') }).CiphertextBlob)).toBe(2);
  });

  it('rotates once however many periods passed unseen, keeping the schedule on period boundaries', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId } = createKey(engine);
    const enabledAt = clock().getTime();
    kms(engine, 'EnableKeyRotation', { KeyId, RotationPeriodInDays: 90 });
    clock.advance(200 * DAY);
    expect(materialVersion(kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('x') }).CiphertextBlob)).toBe(2);
    expect(kms(engine, 'GetKeyRotationStatus', { KeyId })).toMatchObject({ RotationPeriodInDays: 90, NextRotationDate: new Date(enabledAt + 270 * DAY) });
  });

  it('does not rotate a key whose rotation is off', () => {
    const { engine, clock } = kmsEngine();
    const { KeyId } = createKey(engine);
    clock.advance(3 * 365 * DAY);
    expect(materialVersion(kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('x') }).CiphertextBlob)).toBe(1);
  });

  it('rotates by hand through rotateKeyMaterial, keeping every older version', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const blobs = [kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('v1') }).CiphertextBlob];
    for (const expected of [2, 3]) {
      expect(engine.transaction(() => rotateKeyMaterial(engine, KeyId))).toBe(expected);
      blobs.push(kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from(`v${expected}`) }).CiphertextBlob);
    }
    expect(blobs.map(materialVersion)).toEqual([1, 2, 3]);
    expect(blobs.map((b) => kms(engine, 'Decrypt', { CiphertextBlob: b }).Plaintext.toString())).toEqual(['v1', 'v2', 'v3']);
  });

  it.each([
    ['a disabled key', (e: Engine, id: string) => kms(e, 'DisableKey', { KeyId: id }), 'DisabledException'],
    ['a key pending deletion', (e: Engine, id: string) => kms(e, 'ScheduleKeyDeletion', { KeyId: id }), 'KMSInvalidStateException'],
  ])('refuses to change rotation of %s', (_name, prepare, code) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    prepare(engine, KeyId);
    expectAwsError(() => kms(engine, 'EnableKeyRotation', { KeyId }), code);
    expectAwsError(() => kms(engine, 'DisableKeyRotation', { KeyId }), code);
  });

  it('refuses rotation of an EXTERNAL key and a period outside 90..2560 days', () => {
    const { engine } = kmsEngine();
    const external = createKey(engine, { Origin: 'EXTERNAL' });
    const message = `${external.Arn} origin is EXTERNAL which is not valid for this operation.`;
    expectAwsError(() => kms(engine, 'GetKeyRotationStatus', { KeyId: external.KeyId }), 'UnsupportedOperationException', message);
    expectAwsError(() => kms(engine, 'EnableKeyRotation', { KeyId: external.KeyId }), 'UnsupportedOperationException', message);
    const { KeyId } = createKey(engine);
    expectAwsError(() => kms(engine, 'EnableKeyRotation', { KeyId, RotationPeriodInDays: 89 }), 'ValidationException');
    expectAwsError(() => kms(engine, 'EnableKeyRotation', { KeyId, RotationPeriodInDays: 2561 }), 'ValidationException');
  });
});
