import type { Engine, Operation } from '../engine';
import { AwsError, validationError } from '../errors';
import { constraintError, optionalEnum, optionalObjectList, requiredString, requiredStringList, type Input } from '../input';
import { existingName } from './names';
import { findParameter, sql } from './rows';

const MAX_TAGS = 50;
const TAG_CHARS = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
const TAG_PATTERN_TEXT = 'Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';
const RESOURCE_TYPES = ['Document', 'ManagedInstance', 'MaintenanceWindow', 'Parameter', 'PatchBaseline', 'OpsItem', 'OpsMetadata', 'Automation', 'Association'] as const;

/** A TagList member checked against the model (key 1..128, value 0..256, AWS's charset) and the reserved `aws:` prefix. */
export function readTags(input: Input, member: string): Map<string, string> | undefined {
  const list = optionalObjectList(input, member);
  if (list === undefined) return undefined;
  const tags = new Map<string, string>();
  list.forEach((tag, index) => {
    const at = `${member}.${index + 1}.member`;
    const key = requiredString(tag, 'Key', { min: 1, max: 128 });
    const value = requiredString(tag, 'Value', { max: 256 });
    if (!TAG_CHARS.test(key)) throw constraintError(`${at}.key`, key, TAG_PATTERN_TEXT);
    if (!TAG_CHARS.test(value)) throw constraintError(`${at}.value`, value, TAG_PATTERN_TEXT);
    if (key.toLowerCase().startsWith('aws:')) throw validationError(`Tag keys starting with "aws:" are reserved for AWS use: ${key}`);
    tags.set(key, value);
  });
  return tags;
}

/** Adds or replaces tags on a parameter; more than 50 in all is TooManyTagsError and changes nothing. */
export function applyTags(engine: Engine, parameterId: number, tags: Map<string, string>): void {
  const existing = new Set((sql(engine, 'SELECT key FROM parameter_tags WHERE parameter_id = ?').all(parameterId) as { key: string }[]).map((r) => r.key));
  const added = [...tags.keys()].filter((key) => !existing.has(key)).length;
  if (existing.size + added > MAX_TAGS) {
    throw new AwsError('TooManyTagsError', 'The Targets parameter includes too many tags. Remove one or more tags and try the command again.');
  }
  const upsert = sql(engine, 'INSERT INTO parameter_tags (parameter_id, key, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value');
  for (const [key, value] of tags) upsert.run(parameterId, key, value);
}

/**
 * The parameter a tagging call names. ResourceType outside the model's enum is a
 * ValidationException; a valid type this store has no such resources of is InvalidResourceType.
 */
function taggedParameter(engine: Engine, input: Input): number {
  const type = optionalEnum(input, 'ResourceType', RESOURCE_TYPES);
  if (type === undefined) throw constraintError('ResourceType', undefined, 'Member must not be null');
  const id = requiredString(input, 'ResourceId');
  if (type !== 'Parameter') {
    throw new AwsError(
      'InvalidResourceType',
      "The resource type isn't valid. For example, if you are attempting to tag an EC2 instance, the instance must be a registered managed node.",
    );
  }
  let name: string;
  try {
    name = existingName(id);
  } catch {
    name = '';
  }
  const parameter = name ? findParameter(engine, name) : undefined;
  if (!parameter) throw new AwsError('InvalidResourceId', "The resource ID isn't valid. Verify that you entered the correct ID and try again.");
  return parameter.id;
}

/** AddTagsToResource: adds or overwrites tags. */
export const addTagsToResource: Operation = {
  writes: () => true,
  run(engine, _ctx, input) {
    const parameterId = taggedParameter(engine, input);
    const tags = readTags(input, 'Tags');
    if (!tags) throw constraintError('Tags', undefined, 'Member must not be null');
    applyTags(engine, parameterId, tags);
    return {};
  },
};

/** RemoveTagsFromResource: keys the parameter does not carry are ignored, as in AWS. */
export const removeTagsFromResource: Operation = {
  writes: () => true,
  run(engine, _ctx, input) {
    const parameterId = taggedParameter(engine, input);
    const remove = sql(engine, 'DELETE FROM parameter_tags WHERE parameter_id = ? AND key = ?');
    for (const key of requiredStringList(input, 'TagKeys')) remove.run(parameterId, key);
    return {};
  },
};

/** ListTagsForResource: every tag, by key. */
export const listTagsForResource: Operation = {
  writes: () => false,
  run(engine, _ctx, input) {
    const parameterId = taggedParameter(engine, input);
    const rows = sql(engine, 'SELECT key, value FROM parameter_tags WHERE parameter_id = ? ORDER BY key').all(parameterId) as { key: string; value: string }[];
    return { TagList: rows.map((r) => ({ Key: r.key, Value: r.value })) };
  },
};
