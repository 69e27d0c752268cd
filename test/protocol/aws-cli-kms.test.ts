import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_CLIS, servedCli } from './aws-cli';

interface KeyMetadata {
  KeyId: string;
  Arn: string;
  Description: string;
  KeyState: string;
  Origin: string;
  KeyManager: string;
  KeySpec: string;
}

const BYOK_SCRIPT = resolve('test/protocol/fixtures/kms_byok.sh');

describe.each(AWS_CLIS)('$label against paramdeck serve: KMS', (spec) => {
  it('creates a key and an alias, describes it, and encrypts and decrypts binary data through fileb:// and base64 -d', { timeout: 180_000 }, async () => {
    const cli = await servedCli(spec);
    const created = await cli.json<{ KeyMetadata: KeyMetadata }>('kms', 'create-key', '--description', 'cli test key');
    expect(created.KeyMetadata).toMatchObject({ Description: 'cli test key', KeyState: 'Enabled', Origin: 'AWS_KMS', KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT' });
    const keyId = created.KeyMetadata.KeyId;
    expect(await cli.run('kms', 'create-alias', '--alias-name', 'alias/cli-test', '--target-key-id', keyId)).toMatchObject({ code: 0, stdout: '' });
    const described = await cli.json<{ KeyMetadata: KeyMetadata }>('kms', 'describe-key', '--key-id', 'alias/cli-test');
    expect(described.KeyMetadata).toMatchObject({ KeyId: keyId, Arn: created.KeyMetadata.Arn });

    // Every byte value, so a text (not binary) path anywhere would show.
    const plaintext = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(64)]);
    writeFileSync(join(cli.dir, 'plain.bin'), plaintext);
    const roundTrip = await cli.sh(
      [
        'aws kms encrypt --key-id alias/cli-test --plaintext fileb://plain.bin --encryption-context purpose=test --output text --query CiphertextBlob | base64 -d > ct.bin',
        'aws kms decrypt --ciphertext-blob fileb://ct.bin --encryption-context purpose=test --output text --query Plaintext | base64 -d > decrypted.bin',
        'aws kms decrypt --ciphertext-blob fileb://ct.bin --encryption-context purpose=test --output text --query KeyId',
      ].join('\n'),
    );
    expect(roundTrip.stderr).toBe('');
    expect(roundTrip.stdout.trim()).toBe(created.KeyMetadata.Arn);
    expect(readFileSync(join(cli.dir, 'decrypted.bin')).equals(plaintext)).toBe(true);
    expect(readFileSync(join(cli.dir, 'ct.bin')).includes(plaintext.subarray(0, 32))).toBe(false);

    const wrongContext = await cli.run('kms', 'decrypt', '--ciphertext-blob', 'fileb://ct.bin');
    expect(wrongContext.code).not.toBe(0);
    expect(wrongContext.stderr).toContain('An error occurred (InvalidCiphertextException) when calling the Decrypt operation');
  });

  it('follows the documented import-key-material (BYOK) walk-through with openssl', { timeout: 180_000 }, async () => {
    const cli = await servedCli(spec);
    const result = await cli.sh(`. '${BYOK_SCRIPT}'`);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual([
      'created=EXTERNAL PendingImport',
      'public-key=Public-Key: (2048 bit)',
      'imported=Enabled KEY_MATERIAL_DOES_NOT_EXPIRE',
      'round-trip=same bytes',
      'deleted=PendingImport',
      'reimported=decrypts the earlier ciphertext',
    ]);
  });
});
