import { randomBytes } from 'node:crypto';
import { remembered, type CacheBucket } from '../cache/remembered';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { updateKey } from './key-row';
import { prepared } from '../prepared';

/** A symmetric key's material: AES-256. */
export const MATERIAL_BYTES = 32;

/**
 * The AAD a material version is sealed under: the key's ARN and the version, so a sealed row
 * copied to another key or version never opens.
 */
export function materialAad(arn: string, version: number): string {
  return `paramdeck:kms-key-material:${arn}:v${version}`;
}

/** Seals `material` under the root key and stores it as `version` of the key (replacing it). */
export function storeMaterial(engine: Engine, key: { keyId: string; arn: string }, version: number, material: Buffer): void {
  const sealed = engine.keyring.seal(material, materialAad(key.arn, version));
  prepared(engine.db, 'INSERT OR REPLACE INTO kms_key_material (key_id, version, sealed, created_ms) VALUES (?, ?, ?, ?)').run(
    key.keyId,
    version,
    sealed,
    engine.clock().getTime(),
  );
}

/** Unsealed material by key and version, wiped when forgotten: unsealing on every call costs more than the cipher. */
const UNSEALED: CacheBucket<Buffer | undefined> = { name: 'unsealed key material', wipe: (material) => material?.fill(0) };

/**
 * The plaintext material of one version, or undefined when that version does not exist (a
 * blob naming a version we never made, or imported material that was deleted). The answer is a
 * copy the caller wipes (`fill(0)`) once used; the unsealed original is remembered in memory only
 * until any key or material row changes (cache/remembered.ts).
 */
export function loadMaterial(engine: Engine, key: { keyId: string; arn: string }, version: number): Buffer | undefined {
  const material = remembered(engine, UNSEALED, `${key.keyId}/${version}`, () => {
    const row = prepared(engine.db, 'SELECT sealed FROM kms_key_material WHERE key_id = ? AND version = ?').get(key.keyId, version) as
      | { sealed: Buffer }
      | undefined;
    return row ? engine.keyring.open(row.sealed, materialAad(key.arn, version)) : undefined;
  });
  return material && Buffer.from(material);
}

/** The current material of a key that must have some (an Enabled key always does). */
export function currentMaterial(engine: Engine, key: { keyId: string; arn: string; currentVersion: number | null }): { material: Buffer; version: number } {
  const version = key.currentVersion;
  const material = version === null ? undefined : loadMaterial(engine, key, version);
  if (version === null || !material) throw new AwsError('KMSInternalException', `${key.arn} has no usable key material`, 500);
  return { material, version };
}

/**
 * Generates fresh random material as the key's next version and makes it current. Older versions
 * stay, so every blob made before a rotation still decrypts.
 */
export function addMaterialVersion(engine: Engine, key: { keyId: string; arn: string }): number {
  const { latest } = engine.db.prepare('SELECT max(version) AS latest FROM kms_key_material WHERE key_id = ?').get(key.keyId) as {
    latest: number | null;
  };
  const version = (latest ?? 0) + 1;
  const material = randomBytes(MATERIAL_BYTES);
  try {
    storeMaterial(engine, key, version, material);
  } finally {
    material.fill(0);
  }
  updateKey(engine, key.keyId, { current_version: version });
  return version;
}

/** Removes every version of a key's material (imported material deleted or expired). */
export function deleteMaterial(engine: Engine, keyId: string): void {
  engine.db.prepare('DELETE FROM kms_key_material WHERE key_id = ?').run(keyId);
}
