import { CreateKeyCommand, DecryptCommand, EncryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { inProcessClients } from './support';

describe('KMS over the wire', () => {
  it('carries blobs as base64 both ways: what Encrypt takes, Decrypt gives back byte for byte', async () => {
    const engine = testEngine();
    const { kms } = inProcessClients(engine);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'wire test' }));
    expect(KeyMetadata!.CreationDate).toBeInstanceOf(Date);
    const plaintext = Uint8Array.from([0, 1, 2, 250, 251, 252, 255]);
    const context = { PARAMETER_ARN: engine.parameterArn('/wire/x') };
    const encrypted = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: plaintext, EncryptionContext: context }));
    expect(encrypted.CiphertextBlob).toBeInstanceOf(Uint8Array);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(decrypted.Plaintext!)).toEqual(Buffer.from(plaintext));
    expect(decrypted.KeyId).toBe(KeyMetadata!.Arn);

    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata!.KeyId, KeySpec: 'AES_256' }));
    expect(dataKey.Plaintext).toHaveLength(32);
    const reopened = await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }));
    expect(Buffer.from(reopened.Plaintext!)).toEqual(Buffer.from(dataKey.Plaintext!));
  });

  it('refuses a ciphertext moved to another encryption context with KMS error shapes', async () => {
    const engine = testEngine();
    const { kms } = inProcessClients(engine);
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const encrypted = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: Buffer.from('s3cret'), EncryptionContext: { a: '1' } }));
    await expect(kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { a: '2' } }))).rejects.toMatchObject({
      name: 'InvalidCiphertextException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
