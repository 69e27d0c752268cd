import type { Engine } from '../../../source/engine/engine';
import { envelopeDataKeyBlob, isEnvelope } from '../../../source/engine/parameters/envelope';
import { kmsDecrypt } from '../../../source/engine/kms/api';
import { kms } from '../kms/kms-helpers';

/** One stored version as the table holds it: what the SecureString tests look at beneath the API. */
export interface StoredVersion {
  type: string;
  value: Buffer;
  key_id: string | null;
  tier: string;
}

/** The stored row of `name`'s `version` (the latest when omitted). */
export function storedVersion(engine: Engine, name: string, version?: number): StoredVersion {
  const row = engine.db
    .prepare(
      `SELECT v.type, v.value, v.key_id, v.tier FROM parameter_versions v JOIN parameters p ON p.id = v.parameter_id
       WHERE p.name = ? AND v.version = coalesce(?, p.version)`,
    )
    .get(name, version ?? null) as StoredVersion | undefined;
  if (!row) throw new Error(`no stored version ${version ?? 'latest'} of ${name}`);
  return row;
}

/** Overwrites a stored value behind the engine's back, as an attacker with the database file could. */
export function replaceStoredValue(engine: Engine, name: string, version: number, value: Buffer): void {
  const result = engine.db
    .prepare('UPDATE parameter_versions SET value = ? WHERE version = ? AND parameter_id = (SELECT id FROM parameters WHERE name = ?)')
    .run(value, version, name);
  if (result.changes !== 1) throw new Error(`no stored version ${version} of ${name}`);
}

/**
 * The ARN of the KMS key that sealed a stored SecureString, asked of the KMS decryption SSM uses
 * under the parameter's context: the blob for Standard, the envelope's data-key blob for
 * Advanced. (A direct KMS Decrypt of an alias/aws/ssm blob is denied, as in AWS.)
 */
export function sealingKeyArn(engine: Engine, name: string, version?: number): string {
  const { value } = storedVersion(engine, name, version);
  const blob = isEnvelope(value) ? envelopeDataKeyBlob(value) : value;
  const opened = kmsDecrypt(engine, blob, { PARAMETER_ARN: engine.parameterArn(name) });
  opened.plaintext.fill(0);
  return opened.keyArn;
}

/** A fresh customer managed key with `alias`, and the four KeyId forms that name it. */
export function keyWithAlias(engine: Engine, alias: string): { keyId: string; arn: string; alias: string; aliasArn: string } {
  const meta = kms(engine, 'CreateKey').KeyMetadata;
  kms(engine, 'CreateAlias', { AliasName: alias, TargetKeyId: meta.KeyId });
  return { keyId: meta.KeyId, arn: meta.Arn, alias, aliasArn: `arn:aws:kms:${engine.region}:${engine.accountId}:${alias}` };
}
