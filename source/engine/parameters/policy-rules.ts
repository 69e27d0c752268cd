import { AwsError } from '../errors';
import { parsePolicyTimestamp, periodMs, POLICY_TYPES, type PolicyDocument, type PolicyType } from '../../shared/parameter-policy-schedule';

const MAX_POLICIES = 10;
const POLICY_VERSION = '1.0';

/** The attributes each type takes, all required. */
const ATTRIBUTES: Readonly<Record<PolicyType, readonly string[]>> = {
  Expiration: ['Timestamp'],
  ExpirationNotification: ['Before', 'Unit'],
  NoChangeNotification: ['After', 'Unit'],
};

/** InvalidPolicyAttributeException with AWS's wording and what exactly was wrong. */
function invalidAttribute(detail: string): AwsError {
  return new AwsError('InvalidPolicyAttributeException', `A policy attribute or its value is invalid. ${detail}`);
}

function invalidType(): AwsError {
  return new AwsError(
    'InvalidPolicyTypeException',
    "The policy type isn't supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.",
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks one policy's members and attributes; a Timestamp must be a valid instant still to come. */
function readPolicy(value: unknown, nowMs: number): PolicyDocument {
  if (!isObject(value)) throw invalidAttribute('Each policy must be a JSON object with Type, Version and Attributes.');
  const type = value.Type;
  if (typeof type !== 'string' || !(POLICY_TYPES as readonly string[]).includes(type)) throw invalidType();
  const policyType = type as PolicyType;
  for (const member of Object.keys(value)) {
    if (!['Type', 'Version', 'Attributes'].includes(member)) throw invalidAttribute(`Unknown member ${member} in the ${policyType} policy.`);
  }
  if (value.Version !== POLICY_VERSION) throw invalidAttribute(`The ${policyType} policy's Version must be "1.0".`);
  const attributes = value.Attributes;
  if (!isObject(attributes)) throw invalidAttribute(`The ${policyType} policy needs an Attributes object.`);
  const expected = ATTRIBUTES[policyType];
  for (const name of Object.keys(attributes)) {
    if (!expected.includes(name)) throw invalidAttribute(`The ${policyType} policy takes the attributes ${expected.join(' and ')}, not ${name}.`);
  }
  for (const name of expected) {
    if (attributes[name] === undefined) throw invalidAttribute(`The ${policyType} policy needs the attribute ${name}.`);
  }
  if (policyType === 'Expiration') {
    const at = typeof attributes.Timestamp === 'string' ? parsePolicyTimestamp(attributes.Timestamp) : undefined;
    if (at === undefined) throw invalidAttribute('Timestamp must be an ISO 8601 instant such as 2026-12-31T00:00:00.000Z or 2026-12-31T10:00:00+10:00.');
    if (at <= nowMs) throw invalidAttribute('The Expiration Timestamp must be in the future.');
  } else {
    const count = policyType === 'ExpirationNotification' ? 'Before' : 'After';
    if (periodMs(attributes[count], attributes.Unit) === undefined) {
      throw invalidAttribute(`The ${policyType} policy's ${count} must be a positive whole number and its Unit Days or Hours.`);
    }
  }
  return { Type: policyType, Version: POLICY_VERSION, Attributes: attributes };
}

/**
 * Policies as stored: the JSON list of at most 10 policies of AWS's three types, one of each,
 * each checked for its members and attributes. An empty list removes the parameter's policies
 * (AWS keeps them until "new policies or an empty policy" is sent), so it stores as null.
 */
export function readPolicies(text: string, nowMs: number): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidAttribute('Policies must be a JSON array of policies.');
  }
  if (!Array.isArray(parsed)) throw invalidAttribute('Policies must be a JSON array of policies.');
  if (parsed.length > MAX_POLICIES) {
    throw new AwsError('PoliciesLimitExceededException', 'You specified more than the maximum number of allowed policies for the parameter. The maximum is 10.');
  }
  const policies = parsed.map((policy) => readPolicy(policy, nowMs));
  const types = policies.map((policy) => policy.Type);
  if (new Set(types).size !== types.length) {
    throw new AwsError(
      'IncompatiblePolicyException',
      "There is a conflict in the policies specified for this parameter. You can't, for example, specify two Expiration policies for a parameter. Review your policies, and try again.",
    );
  }
  return policies.length === 0 ? null : JSON.stringify(policies);
}

/** The stored list back as documents (written by readPolicies, so already checked). */
export function storedPolicies(stored: string | null): PolicyDocument[] {
  return stored === null ? [] : (JSON.parse(stored) as PolicyDocument[]);
}
