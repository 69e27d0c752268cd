import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsErrorOf, createKey, expectAwsError, kms, kmsEngine } from './kms-helpers';

const contextArb = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 24 }), { maxKeys: 5 });
const plaintextArb = fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((a) => Buffer.from(a));

describe('Encrypt and Decrypt', () => {
  it('round-trips any plaintext of 1..4096 bytes under any encryption context', () => {
    const { engine } = kmsEngine();
    const { KeyId, Arn } = createKey(engine);
    fc.assert(
      fc.property(plaintextArb, contextArb, (plaintext, context) => {
        const sealed = kms(engine, 'Encrypt', { KeyId, Plaintext: plaintext, EncryptionContext: context });
        expect(sealed).toMatchObject({ KeyId: Arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
        const opened = kms(engine, 'Decrypt', { CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: { ...context } });
        expect(opened).toEqual({ KeyId: Arn, Plaintext: plaintext, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
      }),
      { numRuns: 150 },
    );
  });

  it('binds the context regardless of member order, and never decrypts under another context', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const blob = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('s3cr3t'), EncryptionContext: { a: '1', b: '2' } }).CiphertextBlob;
    expect(kms(engine, 'Decrypt', { CiphertextBlob: blob, EncryptionContext: { b: '2', a: '1' } }).Plaintext.toString()).toBe('s3cr3t');
    fc.assert(
      fc.property(contextArb, contextArb, (a, b) => {
        fc.pre(JSON.stringify(Object.entries(a).sort()) !== JSON.stringify(Object.entries(b).sort()));
        const sealed = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('value'), EncryptionContext: a }).CiphertextBlob;
        expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: sealed, EncryptionContext: b }), 'InvalidCiphertextException');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any single flipped bit of a blob with InvalidCiphertextException', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const context = { PARAMETER_ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/db/password' };
    const blob: Buffer = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('hunter2-hunter2'), EncryptionContext: context }).CiphertextBlob;
    fc.assert(
      fc.property(fc.nat({ max: blob.length * 8 - 1 }), (bit) => {
        const flipped = Buffer.from(blob);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expect(awsErrorOf(() => kms(engine, 'Decrypt', { CiphertextBlob: flipped, EncryptionContext: context })).code).toBe('InvalidCiphertextException');
      }),
      { numRuns: blob.length * 8 },
    );
  });

  it('ends 20,000 random and mutated blobs in InvalidCiphertextException and nothing else', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const seeds: Buffer[] = [16, 100, 4096].map((n) => kms(engine, 'Encrypt', { KeyId, Plaintext: randomBytes(n) }).CiphertextBlob);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const blob = i % 4 === 0 ? randomBytes(1 + (i % 300)) : mutate(seeds[i % seeds.length]!, i);
      const code = awsErrorOf(() => kms(engine, 'Decrypt', { CiphertextBlob: blob })).code;
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ InvalidCiphertextException: 20_000 });
  });

  it('gives one neutral refusal whatever the reason, never naming the plaintext', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const blob = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('canary-value'), EncryptionContext: { k: 'v' } }).CiphertextBlob;
    const wrongContext = awsErrorOf(() => kms(engine, 'Decrypt', { CiphertextBlob: blob, EncryptionContext: { k: 'w' } }));
    const garbage = awsErrorOf(() => kms(engine, 'Decrypt', { CiphertextBlob: randomBytes(80) }));
    expect(wrongContext).toEqual(garbage);
    expect(wrongContext.message).not.toContain('canary');
  });

  it('refuses a blob of another key when Decrypt names a KeyId (IncorrectKeyException)', () => {
    const { engine } = kmsEngine();
    const one = createKey(engine);
    const two = createKey(engine);
    const blob = kms(engine, 'Encrypt', { KeyId: one.KeyId, Plaintext: Buffer.from('x') }).CiphertextBlob;
    expect(kms(engine, 'Decrypt', { CiphertextBlob: blob, KeyId: one.Arn }).Plaintext.toString()).toBe('x');
    expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: blob, KeyId: two.KeyId }), 'IncorrectKeyException');
    expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: blob, KeyId: 'alias/none' }), 'NotFoundException');
  });

  it.each([
    ['an empty plaintext', { Plaintext: Buffer.alloc(0) }, 'ValidationException', "Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['4097 bytes', { Plaintext: Buffer.alloc(4097) }, 'ValidationException', 'Member must have length less than or equal to 4096'],
    ['no plaintext', {}, 'ValidationException', 'Member must not be null'],
    ['an asymmetric algorithm', { Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }, 'InvalidKeyUsageException', /RSAES_OAEP_SHA_256/],
    ['DryRun', { Plaintext: Buffer.from('x'), DryRun: true }, 'DryRunOperationException', /DryRun/],
  ])('refuses Encrypt with %s', (_name, input, code, message) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    expectAwsError(() => kms(engine, 'Encrypt', { KeyId, ...input }), code, message);
  });

  it('refuses a blob of a disabled key with DisabledException and one of an oversized length as invalid input', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const blob = kms(engine, 'Encrypt', { KeyId, Plaintext: Buffer.from('x') }).CiphertextBlob;
    kms(engine, 'DisableKey', { KeyId });
    expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: blob }), 'DisabledException');
    expectAwsError(() => kms(engine, 'Decrypt', { CiphertextBlob: Buffer.alloc(6145) }), 'ValidationException');
  });
});

describe('ReEncrypt and data keys', () => {
  it('re-encrypts under another key and context without showing the plaintext', () => {
    const { engine } = kmsEngine();
    const source = createKey(engine);
    const destination = createKey(engine);
    const blob = kms(engine, 'Encrypt', { KeyId: source.KeyId, Plaintext: Buffer.from('moved'), EncryptionContext: { from: 'a' } }).CiphertextBlob;
    const answer = kms(engine, 'ReEncrypt', { CiphertextBlob: blob, SourceEncryptionContext: { from: 'a' }, DestinationKeyId: destination.Arn, DestinationEncryptionContext: { to: 'b' } });
    expect(answer).toEqual({
      CiphertextBlob: expect.any(Buffer),
      SourceKeyId: source.Arn,
      KeyId: destination.Arn,
      SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    expect(kms(engine, 'Decrypt', { CiphertextBlob: answer.CiphertextBlob, EncryptionContext: { to: 'b' } }).Plaintext.toString()).toBe('moved');
    expectAwsError(() => kms(engine, 'ReEncrypt', { CiphertextBlob: blob, DestinationKeyId: destination.KeyId }), 'InvalidCiphertextException');
    expectAwsError(
      () => kms(engine, 'ReEncrypt', { CiphertextBlob: blob, SourceEncryptionContext: { from: 'a' }, SourceKeyId: destination.KeyId, DestinationKeyId: destination.KeyId }),
      'IncorrectKeyException',
    );
  });

  it.each([
    [{ KeySpec: 'AES_256' }, 32],
    [{ KeySpec: 'AES_128' }, 16],
    [{ NumberOfBytes: 1 }, 1],
    [{ NumberOfBytes: 1024 }, 1024],
  ])('GenerateDataKey %j gives %i bytes that decrypt from the blob', (spec, bytes) => {
    const { engine } = kmsEngine();
    const { KeyId, Arn } = createKey(engine);
    const key = kms(engine, 'GenerateDataKey', { KeyId, EncryptionContext: { use: 'envelope' }, ...spec });
    expect(key).toEqual({ CiphertextBlob: expect.any(Buffer), Plaintext: expect.any(Buffer), KeyId: Arn });
    expect(key.Plaintext).toHaveLength(bytes);
    expect(kms(engine, 'Decrypt', { CiphertextBlob: key.CiphertextBlob, EncryptionContext: { use: 'envelope' } }).Plaintext).toEqual(key.Plaintext);
    const blind = kms(engine, 'GenerateDataKeyWithoutPlaintext', { KeyId, ...spec });
    expect(Object.keys(blind).sort()).toEqual(['CiphertextBlob', 'KeyId']);
    expect(kms(engine, 'Decrypt', { CiphertextBlob: blind.CiphertextBlob }).Plaintext).toHaveLength(bytes);
  });

  it.each([
    [{}, 'ValidationException', 'Please specify either number of bytes or key spec.'],
    [{ KeySpec: 'AES_256', NumberOfBytes: 32 }, 'ValidationException', 'Please specify either number of bytes or key spec.'],
    [{ NumberOfBytes: 0 }, 'ValidationException', /greater than or equal to 1/],
    [{ NumberOfBytes: 1025 }, 'ValidationException', /less than or equal to 1024/],
    [{ KeySpec: 'AES_512' }, 'ValidationException', /enum value set: \[AES_256, AES_128\]/],
  ])('refuses GenerateDataKey %j', (spec, code, message) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    expectAwsError(() => kms(engine, 'GenerateDataKey', { KeyId, ...spec }), code, message);
  });
});

/** A seed blob with one of several damages: truncation, extension, random bytes, a flipped byte. */
function mutate(seed: Buffer, i: number): Buffer {
  const copy = Buffer.from(seed);
  switch (i % 5) {
    case 0:
      return copy.subarray(0, 1 + (i % (copy.length - 1)));
    case 1:
      return Buffer.concat([copy, randomBytes(1 + (i % 16))]);
    case 2:
      copy[i % copy.length] = (copy[i % copy.length]! + 1 + (i % 255)) & 0xff;
      return copy;
    case 3:
      return Buffer.concat([copy.subarray(0, 21), randomBytes(copy.length - 21)]);
    default:
      randomBytes(8).copy(copy, i % (copy.length - 8));
      return copy;
  }
}
