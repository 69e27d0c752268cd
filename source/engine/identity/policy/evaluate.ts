import { conditionHolds, type RequestKeys } from './conditions';
import type { Policy, PrincipalSet, Statement } from './document';
import { matchesArn, matchesGlob, type VariableLookup } from './wildcard';

/** One authorisation question: may the caller do `action` on `resource`, given these condition keys. */
export interface AccessRequest {
  /** `service:Operation`, e.g. `kms:Decrypt`; matched without regard to case, as IAM does. */
  readonly action: string;
  /** The resource ARN (matched with case), or `*` for actions that have no resource. */
  readonly resource: string;
  readonly keys: RequestKeys;
}

/** What a set of identity policies says: an explicit Deny, an Allow, or nothing (an implicit deny). */
export type Decision = 'Allow' | 'Deny' | 'None';

/** Who is asking, as a resource policy's Principal element matches it. */
export interface Caller {
  readonly arn: string;
  readonly accountId: string;
}

/** What a resource policy (a key policy) says about one caller. */
export interface ResourceDecision {
  /** A Deny statement applies to the caller or its account. */
  readonly deny: boolean;
  /** An Allow names the caller itself (its ARN, or `*`): no identity policy is needed. */
  readonly allowsCaller: boolean;
  /** An Allow names the caller's account: identity policies decide (AWS's "Enable IAM User Permissions"). */
  readonly allowsAccount: boolean;
}

/** Policy variables resolve only under version 2012-10-17, and only single-valued keys. */
function variables(policy: Policy, keys: RequestKeys): VariableLookup | undefined {
  if (policy.version !== '2012-10-17') return undefined;
  return (name) => {
    const values = keys.get(name.toLowerCase());
    return values?.length === 1 ? values[0] : undefined;
  };
}

/** Whether a statement's Action, Resource and Condition all cover the request. */
function applies(statement: Statement, lookup: VariableLookup | undefined, request: AccessRequest): boolean {
  const actionListed = statement.actions.some((pattern) => matchesGlob(pattern, request.action, true));
  if (actionListed === statement.notAction) return false;
  if (statement.resources) {
    const resourceListed = statement.resources.some((pattern) => matchesArn(pattern, request.resource, lookup));
    if (resourceListed === statement.notResource) return false;
  }
  return statement.conditions.every((condition) => conditionHolds(condition, request.keys, lookup));
}

/** Evaluates identity policies: any applicable Deny wins, then any Allow; otherwise nothing allows it. */
export function evaluateIdentity(policies: readonly Policy[], request: AccessRequest): Decision {
  let allowed = false;
  for (const policy of policies) {
    const lookup = variables(policy, request.keys);
    for (const statement of policy.statements) {
      if (!applies(statement, lookup, request)) continue;
      if (statement.effect === 'Deny') return 'Deny';
      allowed = true;
    }
  }
  return allowed ? 'Allow' : 'None';
}

/** How a Principal element names the caller: itself (or everyone), its account, or not at all. */
function principalMatch(set: PrincipalSet, caller: Caller): 'caller' | 'account' | undefined {
  let match: 'caller' | 'account' | undefined;
  for (const id of set.aws) {
    if (id === '*' || id === caller.arn) return set.negated ? undefined : 'caller';
    if (id === caller.accountId || id === `arn:aws:iam::${caller.accountId}:root`) match = 'account';
  }
  if (set.negated) return match ? undefined : 'caller';
  return match;
}

/** Evaluates a resource policy (a KMS key policy) for one caller. */
export function evaluateResource(policy: Policy, request: AccessRequest, caller: Caller): ResourceDecision {
  const lookup = variables(policy, request.keys);
  let deny = false;
  let allowsCaller = false;
  let allowsAccount = false;
  for (const statement of policy.statements) {
    const who = statement.principals && principalMatch(statement.principals, caller);
    if (!who || !applies(statement, lookup, request)) continue;
    if (statement.effect === 'Deny') deny = true;
    else if (who === 'caller') allowsCaller = true;
    else allowsAccount = true;
  }
  return { deny, allowsCaller, allowsAccount };
}
