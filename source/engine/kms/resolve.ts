import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { optionalString, requiredString, type Input } from '../input';
import { aliasArn, keyArn, loadKey, type KeyRow } from './key-row';
import { prepared } from '../prepared';

const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_ARN = /^arn:aws:kms:([^:]*):([^:]*):key\/(.+)$/;
const ALIAS_ARN = /^arn:aws:kms:([^:]*):([^:]*):(alias\/.+)$/;

/** A KeyId member (any form), checked against the model's length bounds. */
export function requiredKeyId(input: Input, member = 'KeyId'): string {
  return requiredString(input, member, { min: 1, max: 2048 });
}

/** An optional KeyId member (Decrypt's, ListAliases'). */
export function optionalKeyId(input: Input, member = 'KeyId'): string | undefined {
  return optionalString(input, member, { min: 1, max: 2048 });
}

/** What a KeyId names once its form is known. */
type KeyReference = { kind: 'key'; keyId: string; arn: string } | { kind: 'alias'; name: string; arn: string };

/**
 * Parses any of the four KeyId forms (key id, key ARN, alias name, alias ARN). An ARN of another
 * account or region names nothing in this store. Ill-formed ids are NotFoundException, as AWS
 * answers them.
 */
function parseKeyReference(engine: Engine, keyIdAnyForm: string): KeyReference {
  if (keyIdAnyForm.startsWith('alias/')) return { kind: 'alias', name: keyIdAnyForm, arn: aliasArn(engine, keyIdAnyForm) };
  const alias = ALIAS_ARN.exec(keyIdAnyForm);
  if (alias) return { kind: 'alias', name: inThisStore(engine, alias) ? alias[3]! : '', arn: keyIdAnyForm };
  const key = KEY_ARN.exec(keyIdAnyForm);
  if (key) return { kind: 'key', keyId: inThisStore(engine, key) ? key[3]! : '', arn: keyIdAnyForm };
  if (KEY_ID.test(keyIdAnyForm)) return { kind: 'key', keyId: keyIdAnyForm, arn: keyArn(engine, keyIdAnyForm) };
  throw new AwsError('NotFoundException', `Invalid keyId ${keyIdAnyForm}`);
}

function inThisStore(engine: Engine, match: RegExpExecArray): boolean {
  return match[1] === engine.region && match[2] === engine.accountId;
}

/** The key id an alias points to, if the alias exists. */
export function aliasTarget(engine: Engine, aliasName: string): string | undefined {
  const row = prepared(engine.db, 'SELECT key_id FROM kms_aliases WHERE name = ?').get(aliasName) as { key_id: string } | undefined;
  return row?.key_id;
}

/**
 * Finds the key any KeyId form names, with its state evaluated against the engine clock. Unknown
 * keys and aliases are NotFoundException in AWS's words; SSM maps these to InvalidKeyId itself.
 */
export function resolveKey(engine: Engine, keyIdAnyForm: string): KeyRow {
  const ref = parseKeyReference(engine, keyIdAnyForm);
  if (ref.kind === 'alias') {
    const target = ref.name ? aliasTarget(engine, ref.name) : undefined;
    const key = target === undefined ? undefined : loadKey(engine, target);
    // An alias of a key past its deletion date went with the key.
    if (!key) throw new AwsError('NotFoundException', `Alias ${ref.arn} is not found.`);
    return key;
  }
  const key = ref.keyId ? loadKey(engine, ref.keyId) : undefined;
  if (!key) throw new AwsError('NotFoundException', `Key '${ref.arn}' does not exist`);
  return key;
}

/** The refusal for a key in a state this operation cannot act on. */
export function invalidStateError(key: KeyRow): AwsError {
  const wording = key.state === 'PendingDeletion' ? 'is pending deletion.' : key.state === 'PendingImport' ? 'is pending import.' : `is ${key.state.toLowerCase()}.`;
  return new AwsError('KMSInvalidStateException', `${key.arn} ${wording}`);
}

/**
 * Cryptographic operations need an Enabled key: Disabled is DisabledException, pending deletion
 * or import KMSInvalidStateException, as AWS's key-state table has it.
 */
export function requireUsable(key: KeyRow): KeyRow {
  if (key.state === 'Enabled') return key;
  if (key.state === 'Disabled') throw new AwsError('DisabledException', `${key.arn} is disabled.`);
  throw invalidStateError(key);
}

/** Refuses unless `key` is in one of `states` (management operations' rows of the key-state table). */
export function requireState(key: KeyRow, states: readonly KeyRow['state'][]): KeyRow {
  if (!states.includes(key.state)) throw invalidStateError(key);
  return key;
}

/**
 * An AWS managed key's policy allows only Describe*, Get*, List* and use through its service, so
 * every management action is refused as AWS refuses it: AccessDeniedException for the action.
 */
export function refuseAwsManaged(key: KeyRow, ctx: CallContext, action: string): KeyRow {
  if (key.keyManager !== 'AWS') return key;
  throw new AwsError(
    'AccessDeniedException',
    `User: ${ctx.principal.arn} is not authorized to perform: kms:${action} on resource: ${key.arn} because no resource-based policy allows the kms:${action} action`,
  );
}

/** Import and rotation-policy operations apply to one origin only, as in AWS. */
export function requireOrigin(key: KeyRow, origin: KeyRow['origin']): KeyRow {
  if (key.origin === origin) return key;
  throw new AwsError('UnsupportedOperationException', `${key.arn} origin is ${key.origin} which is not valid for this operation.`);
}
