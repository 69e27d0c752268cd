import type { Engine, Operation } from '../engine';
import { AwsError, validationError } from '../errors';
import { constraintError, optionalBoolean, optionalEnum, optionalString, requiredString } from '../input';
import { parentOf, validateNewName } from './names';
import { readPolicies } from './policy-rules';
import { checkDataType, checkPattern, checkTierLimits, compilePattern, resolveTier } from './put-rules';
import { findParameter, findVersion, sql } from './rows';
import { sealValue } from './secure-value';
import { applyTags, readTags } from './tags';

/** Parameter types in the order AWS lists them in its enum error. */
export const PARAMETER_TYPES = ['SecureString', 'StringList', 'String'] as const;
const TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'] as const;
const KEY_ID = /^([a-zA-Z0-9:/_-]+)$/;
const MAX_VERSIONS = 100;

/**
 * PutParameter: creates a parameter or, with Overwrite, adds a version. Description,
 * AllowedPattern, KeyId, Policies, DataType and Tier carry over from the latest version when
 * omitted, as AWS does; the AllowedPattern is checked on every new value. Only the 100 newest
 * versions are kept. A SecureString's value reaches the table only as ciphertext.
 */
export const putParameter: Operation = {
  writes: () => true,
  run(engine, ctx, input) {
    const rawName = requiredString(input, 'Name', { min: 1, max: 2048 });
    // The value is never echoed in an error: it may be a secret.
    const value = requiredString(input, 'Value');
    const type = optionalEnum(input, 'Type', PARAMETER_TYPES);
    const description = optionalString(input, 'Description', { max: 1024 });
    const keyId = optionalString(input, 'KeyId', { min: 1, max: 256 });
    if (keyId !== undefined && !KEY_ID.test(keyId)) throw constraintError('KeyId', keyId, `Member must satisfy regular expression pattern: ${KEY_ID.source}`);
    const overwrite = optionalBoolean(input, 'Overwrite') ?? false;
    const allowedPattern = optionalString(input, 'AllowedPattern', { max: 1024 });
    const tags = readTags(input, 'Tags');
    const requestedTier = optionalEnum(input, 'Tier', TIERS);
    const policiesText = optionalString(input, 'Policies', { min: 1, max: 4096 });
    const requestedDataType = optionalString(input, 'DataType', { max: 128 });

    if (value.length === 0) {
      throw validationError("1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    if (overwrite && tags && tags.size > 0) {
      throw validationError(
        "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
      );
    }
    const name = validateNewName(engine, rawName);
    if (allowedPattern) compilePattern(allowedPattern);
    const policies = policiesText === undefined ? undefined : readPolicies(policiesText, engine.clock().getTime());

    const existing = findParameter(engine, name);
    if (existing && !overwrite) {
      throw new AwsError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
    }
    if (!existing && type === undefined) throw validationError('A parameter type is required when you create a parameter.');
    const previous = existing ? findVersion(engine, existing.id, existing.version) : undefined;

    const newType = type ?? previous!.type;
    // A KeyId says the caller meant to encrypt: a value that would be stored as plain text is refused.
    if (keyId !== undefined && newType !== 'SecureString') throw validationError('KeyId is required for SecureString type parameter only.');
    const newPattern = allowedPattern ?? previous?.allowed_pattern ?? null;
    // Omitted Policies carry over; an empty list (stored as null) removes them.
    const newPolicies = policies === undefined ? (previous?.policies ?? null) : policies;
    const dataType = requestedDataType ?? previous?.data_type ?? 'text';
    checkPattern(newPattern, value);
    checkDataType(dataType, newType, value);
    const tier = resolveTier(requestedTier, previous?.tier, value.length, newPolicies !== null);
    checkTierLimits(tier, value.length, newPolicies !== null);
    const dropVersion = existing ? versionToDrop(engine, existing.id, name) : undefined;

    let stored: Buffer;
    let storedKeyId: string | null = null;
    if (newType === 'SecureString') {
      const previousKey = previous?.type === 'SecureString' ? (previous.key_id ?? undefined) : undefined;
      const sealed = sealValue(engine, ctx, { parameterArn: engine.parameterArn(name), keyId: keyId ?? previousKey, tier, plaintext: value });
      stored = sealed.blob;
      storedKeyId = sealed.keyId;
    } else {
      stored = Buffer.from(value, 'utf8');
    }

    let parameterId: number;
    let version = 1;
    if (existing) {
      parameterId = existing.id;
      version = existing.version + 1;
      if (dropVersion !== undefined) sql(engine, 'DELETE FROM parameter_versions WHERE parameter_id = ? AND version = ?').run(parameterId, dropVersion);
      sql(engine, 'UPDATE parameters SET version = ? WHERE id = ?').run(version, parameterId);
    } else {
      const result = sql(engine, 'INSERT INTO parameters (name, parent, version) VALUES (?, ?, 1)').run(name, parentOf(name));
      parameterId = Number(result.lastInsertRowid);
    }
    sql(
      engine,
      `INSERT INTO parameter_versions (parameter_id, version, type, value, key_id, description, allowed_pattern, tier, data_type,
         policies, last_modified_ms, last_modified_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      parameterId,
      version,
      newType,
      stored,
      storedKeyId,
      description ?? previous?.description ?? null,
      newPattern,
      tier,
      dataType,
      newPolicies,
      engine.clock().getTime(),
      ctx.principal.arn,
    );
    if (tags) applyTags(engine, parameterId, tags);
    return { Version: version, Tier: tier };
  },
};

/**
 * The version a new one pushes out once 100 are kept: the oldest, unless it carries a label, in
 * which case AWS refuses the put rather than lose a labelled version.
 */
function versionToDrop(engine: Engine, parameterId: number, name: string): number | undefined {
  const kept = sql(engine, 'SELECT count(*) AS count, min(version) AS oldest FROM parameter_versions WHERE parameter_id = ?').get(parameterId) as {
    count: number;
    oldest: number;
  };
  if (kept.count < MAX_VERSIONS) return undefined;
  const labelled = sql(engine, 'SELECT 1 FROM parameter_labels WHERE parameter_id = ? AND version = ? LIMIT 1').get(parameterId, kept.oldest);
  if (labelled) {
    throw new AwsError(
      'ParameterMaxVersionLimitExceeded',
      `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${kept.oldest}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
    );
  }
  return kept.oldest;
}
