import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { constraintError, optionalInteger, optionalObjectList, optionalString, requiredStringList, type Input } from '../input';
import { decodeMarker, pageAfter, readMarker } from './paging';
import { refuseAwsManaged, requireState, requiredKeyId, resolveKey } from './resolve';

/** AWS's per-key limit on tags. */
const MAX_TAGS = 50;
const TAG_KEY_BOUNDS = { min: 1, max: 128 };
const TAG_VALUE_BOUNDS = { min: 0, max: 256 };

/** One tag, as KMS spells its members (TagKey/TagValue, not Key/Value). */
export interface KmsTag {
  TagKey: string;
  TagValue: string;
}

/**
 * Reads a Tags member (CreateKey, TagResource). Keys and values follow the model's bounds; the
 * `aws:` prefix is reserved for AWS, which answers it with TagException.
 */
export function readTags(input: Input, required: boolean): KmsTag[] {
  const list = optionalObjectList(input, 'Tags');
  if (list === undefined) {
    if (required) throw constraintError('Tags', undefined, 'Member must not be null');
    return [];
  }
  return list.map((item) => {
    const key = optionalString(item, 'TagKey', TAG_KEY_BOUNDS);
    const value = optionalString(item, 'TagValue', TAG_VALUE_BOUNDS);
    if (key === undefined) throw constraintError('TagKey', undefined, 'Member must not be null');
    if (value === undefined) throw constraintError('TagValue', undefined, 'Member must not be null');
    if (key.toLowerCase().startsWith('aws:')) throw new AwsError('TagException', 'Tags beginning with aws: are reserved');
    return { TagKey: key, TagValue: value };
  });
}

/** Adds or replaces tags on a key, refusing the change when the key would carry more than 50. */
export function writeTags(engine: Engine, keyId: string, tags: readonly KmsTag[]): void {
  const upsert = engine.db.prepare(
    'INSERT INTO kms_key_tags (key_id, tag_key, tag_value) VALUES (?, ?, ?) ON CONFLICT (key_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value',
  );
  for (const tag of tags) upsert.run(keyId, tag.TagKey, tag.TagValue);
  const { count } = engine.db.prepare('SELECT count(*) AS count FROM kms_key_tags WHERE key_id = ?').get(keyId) as { count: number };
  // The caller's transaction rolls the upserts back with this refusal.
  if (count > MAX_TAGS) throw new AwsError('TagException', `A KMS key can have at most ${MAX_TAGS} tags; this request would give it ${count}`);
}

/** TagResource: customer managed keys only, not while pending deletion. */
export function tagResource(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, 'TagResource');
  requireState(key, ['Enabled', 'Disabled', 'PendingImport']);
  writeTags(engine, key.keyId, readTags(input, true));
  return {};
}

/** UntagResource: removes the named keys; keys the resource does not have are ignored, as in AWS. */
export function untagResource(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, 'UntagResource');
  requireState(key, ['Enabled', 'Disabled', 'PendingImport']);
  const names = requiredStringList(input, 'TagKeys');
  for (const name of names) {
    if (name.length < TAG_KEY_BOUNDS.min) throw constraintError('TagKeys', name, 'Member must have length greater than or equal to 1');
    if (name.length > TAG_KEY_BOUNDS.max) throw constraintError('TagKeys', name, 'Member must have length less than or equal to 128');
  }
  const remove = engine.db.prepare('DELETE FROM kms_key_tags WHERE key_id = ? AND tag_key = ?');
  for (const name of names) remove.run(key.keyId, name);
  return {};
}

/** ListResourceTags: tags in key order, Limit 1–50 (default 50), Marker/NextMarker paging. */
export function listResourceTags(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const key = resolveKey(engine, requiredKeyId(input));
  const limit = optionalInteger(input, 'Limit', { min: 1, max: 50 }) ?? 50;
  const after = decodeMarker('tags', readMarker(input));
  const rows = engine.db
    .prepare('SELECT tag_key, tag_value FROM kms_key_tags WHERE key_id = ? AND tag_key > ? ORDER BY tag_key LIMIT ?')
    .all(key.keyId, after ?? '', limit + 1) as { tag_key: string; tag_value: string }[];
  const page = pageAfter('tags', rows, limit, (r) => r.tag_key);
  return { Tags: page.items.map((r) => ({ TagKey: r.tag_key, TagValue: r.tag_value })), ...page.more };
}
