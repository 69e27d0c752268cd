import { compileConditions, ConditionError, type Condition } from './conditions';

/**
 * IAM JSON policy documents, parsed and checked once when attached so evaluation never meets a
 * malformed one. The checks and their order follow IAM's (as moto's validator records them):
 * syntax, version, legacy parsing, Sid uniqueness, actions, resources, action prefixes.
 */

/** Identity policies (attached to a principal) name no Principal; resource policies (key policies) must. */
export type PolicyKind = 'identity' | 'resource';

/** Who a resource-policy statement is about: everyone, or AWS principals (`*`, account ids, ARNs). */
export interface PrincipalSet {
  readonly aws: readonly string[];
  /** NotPrincipal: the statement is about everyone except these. */
  readonly negated: boolean;
}

/** One statement, normalised: lists instead of string-or-list, actions in lower case. */
export interface Statement {
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notAction: boolean;
  /** Undefined in a resource policy that names no Resource: the policy's own resource. */
  readonly resources: readonly string[] | undefined;
  readonly notResource: boolean;
  readonly principals: PrincipalSet | undefined;
  readonly conditions: readonly Condition[];
}

/** A parsed policy. Policy variables (`${aws:username}`) are filled in only under version 2012-10-17. */
export interface Policy {
  readonly version: string;
  readonly statements: readonly Statement[];
}

/** A refused policy; the caller throws it under its service's error shape name. */
export class PolicyError extends Error {}

const TOP_ELEMENTS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
const VERSIONS = new Set(['2008-10-17', '2012-10-17']);
const ACCOUNT = /^\d{12}$/;
const IAM_PRINCIPAL_ARN = /^arn:aws:iam::\d{12}:(root|(user|role|group)\/.+)$/;
const VENDOR = /^[a-zA-Z0-9.-]+$/;
const IAM_SID = /^[0-9A-Za-z]*$/;

type Json = Record<string, unknown>;

function syntax(detail: string): PolicyError {
  return new PolicyError(`Syntax errors in policy. (${detail})`);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A string-or-list element as a list; anything else is a syntax error. */
function stringList(statement: Json, element: string, at: string): string[] | undefined {
  const value = statement[element];
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string')) throw syntax(`${at}: ${element} must be a string or a list of strings`);
  return list as string[];
}

function readPrincipals(value: unknown, at: string): string[] {
  if (value === '*') return ['*'];
  if (!isObject(value)) throw new PolicyError('Policy contains a statement with one or more invalid principals.');
  const out: string[] = [];
  for (const [type, ids] of Object.entries(value)) {
    const list = Array.isArray(ids) ? ids : [ids];
    if (!list.every((id) => typeof id === 'string')) throw syntax(`${at}: principals must be strings`);
    if (type === 'AWS') {
      for (const id of list as string[]) {
        if (id !== '*' && !ACCOUNT.test(id) && !IAM_PRINCIPAL_ARN.test(id)) throw new PolicyError('Policy contains a statement with one or more invalid principals.');
        out.push(id);
      }
    } else if (type !== 'Service' && type !== 'Federated' && type !== 'CanonicalUser') {
      throw new PolicyError('Policy contains a statement with one or more invalid principals.');
    }
  }
  return out;
}

function checkAction(action: string): void {
  if (action === '*') return;
  const parts = action.split(':');
  if (parts.length === 1) throw new PolicyError('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
  if (parts.length > 2) throw new PolicyError('Actions/Condition can contain only one colon.');
  if (parts[0] !== '*' && !VENDOR.test(parts[0]!)) throw new PolicyError(`Vendor ${parts[0]} is not valid`);
}

function checkResource(resource: string): void {
  if (resource !== '*' && !resource.includes(':')) throw new PolicyError(`Resource ${resource} must be in ARN format or "*".`);
}

function readConditions(block: unknown): Condition[] {
  try {
    return block === undefined ? [] : compileConditions(block as Json);
  } catch (error) {
    if (error instanceof ConditionError) throw new PolicyError(error.message);
    throw error;
  }
}

/** Reads one statement's elements and their types (the syntax stage). */
function readStatement(raw: unknown, index: number, kind: PolicyKind): Statement {
  const at = `Statement ${index + 1}`;
  if (!isObject(raw)) throw syntax(`${at} must be an object`);
  for (const element of Object.keys(raw)) if (!STATEMENT_ELEMENTS.has(element)) throw syntax(`${at}: unknown element ${element}`);
  if ('Action' in raw && 'NotAction' in raw) throw syntax(`${at} has both Action and NotAction`);
  if ('Resource' in raw && 'NotResource' in raw) throw syntax(`${at} has both Resource and NotResource`);
  if ('Principal' in raw && 'NotPrincipal' in raw) throw syntax(`${at} has both Principal and NotPrincipal`);
  const effect = raw.Effect;
  if (typeof effect !== 'string' || !['allow', 'deny'].includes(effect.toLowerCase())) throw syntax(`${at}: Effect must be "Allow" or "Deny"`);
  if (raw.Sid !== undefined && typeof raw.Sid !== 'string') throw syntax(`${at}: Sid must be a string`);
  const actions = stringList(raw, 'Action', at) ?? stringList(raw, 'NotAction', at);
  const resources = stringList(raw, 'Resource', at) ?? stringList(raw, 'NotResource', at);
  if (raw.Condition !== undefined && !isObject(raw.Condition)) throw syntax(`${at}: Condition must be an object`);
  const conditions = readConditions(raw.Condition);
  const principalValue = raw.Principal ?? raw.NotPrincipal;
  if (kind === 'identity' && principalValue !== undefined) throw new PolicyError('Policy document should not specify a principal.');
  return {
    sid: raw.Sid as string | undefined,
    // Legacy parsing (below) insists on the exact case; the syntax stage accepts any.
    effect: effect as 'Allow' | 'Deny',
    actions: (actions ?? []).map((a) => a.toLowerCase()),
    notAction: 'NotAction' in raw,
    resources,
    notResource: 'NotResource' in raw,
    principals: principalValue === undefined ? undefined : { aws: readPrincipals(principalValue, at), negated: 'NotPrincipal' in raw },
    conditions,
  };
}

/**
 * Parses and checks a policy document. Every refusal is a PolicyError whose message is IAM's
 * wording (with the detail in parentheses where IAM gives none), so nothing is ever half-applied.
 */
export function parsePolicy(text: string, kind: PolicyKind): Policy {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw syntax('the document is not valid JSON');
  }
  if (!isObject(document)) throw syntax('the document must be a JSON object');
  for (const element of Object.keys(document)) if (!TOP_ELEMENTS.has(element)) throw syntax(`unknown top-level element ${element}`);
  const version = document.Version ?? '2008-10-17';
  if (typeof version !== 'string' || !VERSIONS.has(version)) throw syntax('Version must be "2012-10-17" (or the older "2008-10-17")');
  if (document.Id !== undefined && typeof document.Id !== 'string') throw syntax('Id must be a string');
  const raw = document.Statement;
  const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : undefined;
  if (!list || list.length === 0) throw syntax('Statement must be an object or a non-empty list of them');
  const statements = list.map((s, i) => readStatement(s, i, kind));

  if (kind === 'identity' && version !== '2012-10-17') throw new PolicyError('Policy document must be version 2012-10-17 or greater.');
  if (statements.some((s) => s.effect !== 'Allow' && s.effect !== 'Deny')) throw new PolicyError('The policy failed legacy parsing');
  const sids = statements.map((s) => s.sid).filter((sid): sid is string => !!sid);
  if (new Set(sids).size !== sids.length) throw new PolicyError('Statement IDs (SID) in a single policy must be unique.');
  if (kind === 'identity' && !sids.every((sid) => IAM_SID.test(sid))) {
    throw new PolicyError('Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*');
  }
  if (statements.some((s) => s.actions.length === 0)) throw new PolicyError('Policy statement must contain actions.');
  for (const s of statements) for (const r of s.resources ?? []) checkResource(r);
  for (const s of statements) for (const a of s.actions) checkAction(a);
  if (kind === 'identity' && statements.some((s) => !s.resources || s.resources.length === 0)) {
    throw new PolicyError('Policy statement must contain resources.');
  }
  if (kind === 'resource' && statements.some((s) => !s.principals)) throw new PolicyError('Policy contains a statement with no principal.');
  return { version, statements };
}
