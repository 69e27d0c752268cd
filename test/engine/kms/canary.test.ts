import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { ensureAwsManagedKey, kmsEncrypt, kmsGenerateDataKey, resolveKey, rotateKeyMaterial } from '../../../source/engine/kms/api';
import { loadMaterial } from '../../../source/engine/kms/material';
import { createKey, kms, kmsEngine } from './kms-helpers';

/** Every file of the home folder, by name: the database, its -wal and -shm, the root key. */
function homeFiles(engine: Engine): Map<string, Buffer> {
  return new Map(readdirSync(engine.home).map((name) => [name, readFileSync(join(engine.home, name))]));
}

/** Every version of every key's material, opened with the root key as the engine would. */
function allMaterial(engine: Engine): Buffer[] {
  const rows = engine.db.prepare('SELECT key_id, version FROM kms_key_material').all() as { key_id: string; version: number }[];
  return rows.map((r) => loadMaterial(engine, resolveKey(engine, r.key_id), r.version)!);
}

function expectAbsent(files: Map<string, Buffer>, secrets: Buffer[]): void {
  for (const [name, bytes] of files) {
    for (const secret of secrets) expect(bytes.includes(secret), `${name} holds a secret`).toBe(false);
  }
}

describe('nothing secret reaches the disk', () => {
  it('never writes a plaintext, a data key or any key material to the database, its WAL or the home folder', () => {
    const { engine } = kmsEngine();
    const canary = Buffer.from(`canary-${randomBytes(16).toString('hex')}`);
    const keys = [createKey(engine).KeyId as string, createKey(engine).KeyId as string];
    kms(engine, 'EnableKeyRotation', { KeyId: keys[0] });
    engine.transaction(() => rotateKeyMaterial(engine, keys[0]!));
    engine.transaction(() => ensureAwsManagedKey(engine, 'ssm'));

    const imported = randomBytes(32);
    const external = createKey(engine, { Origin: 'EXTERNAL' }).KeyId as string;
    const params = kms(engine, 'GetParametersForImport', { KeyId: external, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' });
    const publicKey = createPublicKey({ key: params.PublicKey, format: 'der', type: 'spki' });
    kms(engine, 'ImportKeyMaterial', {
      KeyId: external,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, imported),
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    });

    const dataKeys: Buffer[] = [];
    for (const keyId of [...keys, external, 'alias/aws/ssm']) {
      // alias/aws/ssm's key policy allows use through SSM only, as in AWS: its key is used here through the API SSM uses.
      const direct = keyId !== 'alias/aws/ssm';
      if (direct) kms(engine, 'Encrypt', { KeyId: keyId, Plaintext: canary, EncryptionContext: { PARAMETER_ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/canary' } });
      engine.transaction(() => kmsEncrypt(engine, keyId, canary, {}));
      dataKeys.push(direct ? (kms(engine, 'GenerateDataKey', { KeyId: keyId, KeySpec: 'AES_256' }).Plaintext as Buffer) : engine.transaction(() => kmsGenerateDataKey(engine, keyId, {})).plaintext);
    }

    const material = allMaterial(engine);
    // Two versions of the rotated key, one each for the other key, alias/aws/ssm and the imported one.
    expect(material.length).toBe(5);
    expect(material).toContainEqual(imported);
    const secrets = [canary, Buffer.from(canary.toString('base64')), ...material, ...dataKeys];
    const live = homeFiles(engine);
    expect([...live.keys()].sort()).toEqual(['paramdeck.db', 'paramdeck.db-shm', 'paramdeck.db-wal', 'root.key']);
    expect(live.get('paramdeck.db-wal')!.length).toBeGreaterThan(0);
    expectAbsent(live, secrets);

    // After a checkpoint everything is in the main file: still nothing.
    engine.db.pragma('wal_checkpoint(TRUNCATE)');
    expectAbsent(homeFiles(engine), secrets);
  });
});
