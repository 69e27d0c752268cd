import { remembered, type CacheBucket } from '../cache/remembered';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { constraintError } from '../input';
import { prepared } from '../prepared';
import { parsePolicy, PolicyError, type Policy } from './policy/document';
import { principalRow } from './principals';

/** The policy `admin` gets when a store is created: everything, like AWS's AdministratorAccess. */
export const ADMIN_POLICY_NAME = 'AdministratorAccess';
export const ADMIN_POLICY_DOCUMENT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2);

/** An identity policy as listed. */
export interface PrincipalPolicy {
  readonly name: string;
  readonly document: string;
  readonly updated: Date;
}

/** IAM's PolicyName rules (the IAM API reference, PutUserPolicy). */
const POLICY_NAME = /^[\w+=,.@-]+$/;
/** The model's bound on a PolicyDocument. */
const MAX_DOCUMENT = 131072;

/**
 * Parsed documents by kind and text: evaluation runs on every call, parsing should not. Keyed by
 * the document itself, so a document the caller already holds is found without building a key.
 */
const parsed: Readonly<Record<'identity' | 'resource', Map<string, Policy>>> = { identity: new Map(), resource: new Map() };
const MAX_PARSED = 512;

/** Checks a policy as IAM does when one is attached: MalformedPolicyDocument with IAM's message. */
export function checkIdentityPolicy(document: string): Policy {
  if (document.length < 1 || document.length > MAX_DOCUMENT) {
    throw constraintError('PolicyDocument', '…', `Member must have length between 1 and ${MAX_DOCUMENT}`);
  }
  try {
    return parsePolicy(document, 'identity');
  } catch (error) {
    if (error instanceof PolicyError) throw new AwsError('MalformedPolicyDocument', error.message);
    throw error;
  }
}

function checkPolicyName(name: string): void {
  if (name.length < 1 || name.length > 128) throw constraintError('PolicyName', name, 'Member must have length between 1 and 128');
  if (!POLICY_NAME.test(name)) throw constraintError('PolicyName', name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
}

/**
 * Attaches (or replaces) the identity policy `policyName` of principal `principalName`, as IAM's
 * PutUserPolicy does. A malformed document is refused before anything is written.
 */
export function putPrincipalPolicy(engine: Engine, principalName: string, policyName: string, document: string): void {
  checkPolicyName(policyName);
  checkIdentityPolicy(document);
  engine.transaction(() => {
    const owner = principalRow(engine, principalName);
    engine.db
      .prepare(
        `INSERT INTO principal_policies (principal_id, name, document, updated_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (principal_id, name) DO UPDATE SET document = excluded.document, updated_ms = excluded.updated_ms`,
      )
      .run(owner.id, policyName, document, engine.clock().getTime());
  });
}

/** Detaches one identity policy; an unknown name is NoSuchEntity in IAM's words. */
export function deletePrincipalPolicy(engine: Engine, principalName: string, policyName: string): void {
  engine.transaction(() => {
    const owner = principalRow(engine, principalName);
    const result = engine.db.prepare('DELETE FROM principal_policies WHERE principal_id = ? AND name = ?').run(owner.id, policyName);
    if (result.changes === 0) throw new AwsError('NoSuchEntity', `The user policy with name ${policyName} cannot be found.`, 404);
  });
}

/** The identity policies of principal `principalName`, by name. */
export function listPrincipalPolicies(engine: Engine, principalName: string): PrincipalPolicy[] {
  const owner = principalRow(engine, principalName);
  const rows = engine.db.prepare('SELECT name, document, updated_ms FROM principal_policies WHERE principal_id = ? ORDER BY name').all(owner.id) as {
    name: string;
    document: string;
    updated_ms: number;
  }[];
  return rows.map((r) => ({ name: r.name, document: r.document, updated: new Date(r.updated_ms) }));
}

/** Each principal's parsed identity policies, by unique id: every call is authorized against them. */
const IDENTITY_POLICIES: CacheBucket<readonly Policy[]> = { name: 'identity policies' };

/**
 * The parsed identity policies of the principal with this unique id (AWS's principalId), so a
 * principal deleted and re-created under the same name never inherits the old one's policies.
 * Remembered until any principal or policy changes (cache/remembered.ts).
 */
export function identityPolicies(engine: Engine, userId: string): readonly Policy[] {
  return remembered(engine, IDENTITY_POLICIES, userId, () => {
    const rows = prepared(
      engine.db,
      'SELECT pp.document FROM principal_policies pp JOIN principals p ON p.id = pp.principal_id WHERE p.user_id = ? ORDER BY pp.name',
    ).all(userId) as { document: string }[];
    return rows.map((r) => parsedPolicy(r.document, 'identity'));
  });
}

/** A stored document, parsed once. Stored documents were checked when attached. */
export function parsedPolicy(document: string, kind: 'identity' | 'resource'): Policy {
  const cache = parsed[kind];
  let policy = cache.get(document);
  if (!policy) {
    if (cache.size >= MAX_PARSED) cache.clear();
    policy = parsePolicy(document, kind);
    cache.set(document, policy);
  }
  return policy;
}
