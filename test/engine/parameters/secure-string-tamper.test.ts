import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { isEnvelope } from '../../../source/engine/parameters/envelope';
import { kmsEngine } from '../kms/kms-helpers';
import { keyWithAlias, replaceStoredValue, storedVersion } from './secure-string-support';
import { expectAwsError, get, put } from './support';

/**
 * A stored SecureString changed behind the engine's back — by anyone who can write the database
 * file — never decrypts to anything: every such read is InvalidCiphertextException, and the error
 * carries no plaintext.
 */
const TIERS = ['Standard', 'Advanced'] as const;

/** Asserts a WithDecryption read of `name` is refused as tampered, without leaking `secret`. */
function expectTampered(engine: Engine, name: string, secret: string): void {
  const error = expectAwsError(() => get(engine, name, { WithDecryption: true }), 'InvalidCiphertextException');
  expect(error.message).not.toContain(secret);
}

/** Where the KMS blob (and so its header) starts: after the envelope's version and length for Advanced. */
function kmsHeaderOffset(value: Buffer): number {
  return isEnvelope(value) ? 3 : 0;
}

describe('a ciphertext is bound to its parameter', () => {
  it.each(TIERS)('a %s value copied into another parameter’s row does not decrypt there', (Tier) => {
    const { engine } = kmsEngine();
    put(engine, '/s/a', 'secret-a', { Type: 'SecureString', Tier });
    put(engine, '/s/b', 'secret-b', { Type: 'SecureString', Tier });
    const blobOfA = storedVersion(engine, '/s/a').value;
    replaceStoredValue(engine, '/s/b', 1, blobOfA);
    expectTampered(engine, '/s/b', 'secret-a');
    // The same bytes still open where they belong.
    expect(get(engine, '/s/a', { WithDecryption: true }).Value).toBe('secret-a');
  });

  it.each(TIERS)('a %s value copied into a parameter of the same name in another hierarchy does not decrypt', (Tier) => {
    const { engine } = kmsEngine();
    put(engine, '/prod/db/password', 'prod-secret', { Type: 'SecureString', Tier });
    put(engine, '/dev/db/password', 'dev-secret', { Type: 'SecureString', Tier });
    replaceStoredValue(engine, '/dev/db/password', 1, storedVersion(engine, '/prod/db/password').value);
    expectTampered(engine, '/dev/db/password', 'prod-secret');
  });
});

describe('a tampered stored value', () => {
  it.each(TIERS)('of the %s tier is InvalidCiphertextException for a flipped bit in any byte', (Tier) => {
    const { engine } = kmsEngine();
    const secret = 'flip-me-secret';
    put(engine, '/s/pw', secret, { Type: 'SecureString', Tier });
    const original = storedVersion(engine, '/s/pw').value;
    for (let i = 0; i < original.length; i++) {
      const flipped = Buffer.from(original);
      flipped[i]! ^= 1 << i % 8;
      replaceStoredValue(engine, '/s/pw', 1, flipped);
      expectTampered(engine, '/s/pw', secret);
    }
    replaceStoredValue(engine, '/s/pw', 1, original);
    expect(get(engine, '/s/pw', { WithDecryption: true }).Value).toBe(secret);
  });

  const CUTS: [string, (blob: Buffer) => Buffer][] = [
    ['emptied', () => Buffer.alloc(0)],
    ['cut to its first byte', (blob) => blob.subarray(0, 1)],
    ['cut to its first half', (blob) => blob.subarray(0, blob.length >> 1)],
    ['missing its last byte', (blob) => blob.subarray(0, -1)],
    ['grown by one byte', (blob) => Buffer.concat([blob, Buffer.of(0)])],
    ['replaced by the plaintext itself', () => Buffer.from('cut-me-secret')],
  ];
  const cases = CUTS.flatMap(([label, cut]) => TIERS.map((tier) => [tier, label, cut] as const));

  it.each(cases)('of the %s tier is InvalidCiphertextException when %s', (Tier, _label, cut) => {
    const { engine } = kmsEngine();
    put(engine, '/s/pw', 'cut-me-secret', { Type: 'SecureString', Tier });
    replaceStoredValue(engine, '/s/pw', 1, cut(storedVersion(engine, '/s/pw').value));
    expectTampered(engine, '/s/pw', 'cut-me-secret');
  });

  it.each(TIERS)('of the %s tier does not open under another key by rewriting the key its header names', (Tier) => {
    const { engine } = kmsEngine();
    const old = keyWithAlias(engine, 'alias/old');
    const current = keyWithAlias(engine, 'alias/current');
    put(engine, '/s/pw', 'v1', { Type: 'SecureString', KeyId: old.alias, Tier });
    put(engine, '/s/pw', 'v2', { Type: 'SecureString', KeyId: current.alias, Tier, Overwrite: true });
    const value = Buffer.from(storedVersion(engine, '/s/pw', 2).value);
    const start = kmsHeaderOffset(value) + 1;
    // The blob names its key by the UUID's 16 bytes; point it at the old key, which is enabled.
    expect(value.subarray(start, start + 16).toString('hex')).toBe(current.keyId.replaceAll('-', ''));
    Buffer.from(old.keyId.replaceAll('-', ''), 'hex').copy(value, start);
    replaceStoredValue(engine, '/s/pw', 2, value);
    expectTampered(engine, '/s/pw', 'v2');
    expect(get(engine, '/s/pw:1', { WithDecryption: true }).Value).toBe('v1');
  });
});
