import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError, validationError } from '../errors';
import { constraintError, optionalInteger, requiredString, type Input } from '../input';
import { aliasArn, type KeyRow } from './key-row';
import { decodeMarker, pageAfter, readMarker } from './paging';
import { aliasTarget, optionalKeyId, refuseAwsManaged, requireState, requiredKeyId, resolveKey } from './resolve';

const ALIAS_PATTERN = /^[a-zA-Z0-9:/_-]+$/;
const ALIAS_SUFFIX = /^[a-zA-Z0-9/_-]+$/;

/**
 * Reads an AliasName in AWS's order of checks: the model's length and pattern
 * (ValidationException), the `alias/` prefix (ValidationException), the reserved `alias/aws/`
 * prefix (NotAuthorizedException), then the characters a name may really hold.
 */
function readAliasName(input: Input): string {
  const name = requiredString(input, 'AliasName', { min: 1, max: 256 });
  if (!ALIAS_PATTERN.test(name)) throw constraintError('AliasName', name, 'Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$');
  if (!name.startsWith('alias/')) {
    throw validationError('Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html');
  }
  if (name.startsWith('alias/aws/')) throw new AwsError('NotAuthorizedException', 'The alias/aws/ prefix is reserved for AWS managed keys.');
  if (!ALIAS_SUFFIX.test(name.slice('alias/'.length))) {
    throw new AwsError('InvalidAliasNameException', `${name} is not a valid alias name: after alias/ use only letters, digits, /, _ and -.`);
  }
  return name;
}

/**
 * The key an alias is to point to. It must be named as a key (id or ARN), not through another
 * alias; it must be a customer managed key that is not pending deletion.
 */
function readTarget(engine: Engine, ctx: CallContext, input: Input, action: string): KeyRow {
  const target = requiredKeyId(input, 'TargetKeyId');
  if (target.startsWith('alias/') || /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//.test(target)) throw validationError('Aliases must refer to keys. Not aliases');
  const key = refuseAwsManaged(resolveKey(engine, target), ctx, action);
  return requireState(key, ['Enabled', 'Disabled', 'PendingImport']);
}

/** CreateAlias: a new name for a customer managed key; names are unique in the store. */
export function createAlias(engine: Engine, ctx: CallContext, input: Input): unknown {
  const name = readAliasName(input);
  const key = readTarget(engine, ctx, input, 'CreateAlias');
  if (aliasTarget(engine, name) !== undefined) {
    throw new AwsError('AlreadyExistsException', `An alias with the name ${aliasArn(engine, name)} already exists`);
  }
  const now = engine.clock().getTime();
  engine.db.prepare('INSERT INTO kms_aliases (name, key_id, created_ms, updated_ms) VALUES (?, ?, ?, ?)').run(name, key.keyId, now, now);
  return {};
}

/** UpdateAlias: points an existing alias at another customer managed key. */
export function updateAlias(engine: Engine, ctx: CallContext, input: Input): unknown {
  const name = readAliasName(input);
  const key = readTarget(engine, ctx, input, 'UpdateAlias');
  requireLiveAlias(engine, name);
  engine.db.prepare('UPDATE kms_aliases SET key_id = ?, updated_ms = ? WHERE name = ?').run(key.keyId, engine.clock().getTime(), name);
  return {};
}

/** DeleteAlias: removes the name only; the key is untouched. */
export function deleteAlias(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const name = readAliasName(input);
  requireLiveAlias(engine, name);
  engine.db.prepare('DELETE FROM kms_aliases WHERE name = ?').run(name);
  return {};
}

/** An alias whose key is past its deletion date went with the key: resolveKey says so. */
function requireLiveAlias(engine: Engine, name: string): void {
  resolveKey(engine, name);
}

interface AliasListRow {
  name: string;
  key_id: string;
  created_ms: number;
  updated_ms: number;
}

/**
 * ListAliases: every alias in name order (AWS managed ones included), or a key's only with KeyId;
 * Limit 1–100 (default 50), Marker/NextMarker paging.
 */
export function listAliases(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const keyIdFilter = optionalKeyId(input);
  const key = keyIdFilter === undefined ? undefined : resolveKey(engine, keyIdFilter);
  const limit = optionalInteger(input, 'Limit', { min: 1, max: 100 }) ?? 50;
  const after = decodeMarker('aliases', readMarker(input)) ?? '';
  const rows = engine.db
    .prepare(
      `SELECT a.name, a.key_id, a.created_ms, a.updated_ms FROM kms_aliases a JOIN kms_keys k ON k.key_id = a.key_id
       WHERE a.name > @after AND (@key IS NULL OR a.key_id = @key) AND (k.deletion_ms IS NULL OR k.deletion_ms > @now)
       ORDER BY a.name LIMIT @limit`,
    )
    .all({ after, key: key?.keyId ?? null, now: engine.clock().getTime(), limit: limit + 1 }) as AliasListRow[];
  const page = pageAfter('aliases', rows, limit, (r) => r.name);
  return {
    Aliases: page.items.map((r) => ({
      AliasName: r.name,
      AliasArn: aliasArn(engine, r.name),
      TargetKeyId: r.key_id,
      CreationDate: new Date(r.created_ms),
      LastUpdatedDate: new Date(r.updated_ms),
    })),
    ...page.more,
  };
}
