import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { isAuthorized } from '../identity/authorize';
import { parsePolicy, PolicyError } from '../identity/policy/document';
import { constraintError, optionalBoolean, optionalString, requiredString, type Input } from '../input';
import { updateKey } from './key-row';
import { refuseAwsManaged, requiredKeyId, resolveKey } from './resolve';

/** The model's bounds for a key policy document. */
const POLICY_BOUNDS = { min: 1, max: 131072 };
const POLICY_PATTERN = /^[\t\n\r\u0020-\u00FF]+$/;
const POLICY_NAME_PATTERN = /^[\w]+$/;

/**
 * The policy AWS gives a key created without one: the account root may do everything, which
 * hands access control to IAM policies ("Enable IAM User Permissions").
 */
export function defaultKeyPolicy(engine: Engine): string {
  return pretty({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${engine.accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/**
 * The policy of an AWS managed key, as AWS writes it for aws/ssm: use only through the service by
 * the account's principals, and direct access to metadata only. Nothing here allows management.
 */
export function awsManagedKeyPolicy(engine: Engine, service: string): string {
  return pretty({
    Version: '2012-10-17',
    Id: `auto-${service}-2`,
    Statement: [
      {
        Sid: 'Allow access through Systems Manager for all principals in the account that are authorized to use Systems Manager',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:CallerAccount': engine.accountId, 'kms:ViaService': `${service}.${engine.region}.amazonaws.com` },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${engine.accountId}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  });
}

/**
 * Reads and checks a Policy member: the model's length and character set, then the policy
 * grammar of a key policy (every statement names a Principal), MalformedPolicyDocumentException
 * with the reason.
 */
export function readPolicy(input: Input, required: boolean): string | undefined {
  const policy = required ? requiredString(input, 'Policy', POLICY_BOUNDS) : optionalString(input, 'Policy', POLICY_BOUNDS);
  if (policy === undefined) return undefined;
  if (!POLICY_PATTERN.test(policy)) {
    throw constraintError('Policy', policy, 'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+');
  }
  try {
    parsePolicy(policy, 'resource');
  } catch (error) {
    if (error instanceof PolicyError) throw malformed(error.message);
    throw error;
  }
  return policy;
}

/**
 * KMS's lockout safety check: a key policy that would not let the caller change it again is
 * refused unless BypassPolicyLockoutSafetyCheck is set, so a typo never orphans a key.
 */
export function checkLockout(engine: Engine, ctx: CallContext, keyArn: string, policy: string, input: Input): void {
  if (optionalBoolean(input, 'BypassPolicyLockoutSafetyCheck') === true) return;
  if (isAuthorized(engine, ctx, { action: 'kms:PutKeyPolicy', resource: keyArn, keyPolicy: policy })) return;
  throw malformed('The new key policy will not allow you to update the key policy in the future.');
}

/** Keys have one policy, named "default"; another name is NotFoundException as in AWS. */
function readPolicyName(input: Input): void {
  const name = optionalString(input, 'PolicyName', { min: 1, max: 128 });
  if (name === undefined) return;
  if (!POLICY_NAME_PATTERN.test(name)) throw constraintError('PolicyName', name, 'Member must satisfy regular expression pattern: [\\w]+');
  if (name !== 'default') throw new AwsError('NotFoundException', 'No such policy exists');
}

/** GetKeyPolicy: any key state, AWS managed keys included (their policy allows kms:Get*). */
export function getKeyPolicy(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const key = resolveKey(engine, requiredKeyId(input));
  readPolicyName(input);
  return { Policy: key.policy, PolicyName: 'default' };
}

/** PutKeyPolicy: replaces the document as given; an AWS managed key's policy cannot change. */
export function putKeyPolicy(engine: Engine, ctx: CallContext, input: Input): unknown {
  const key = refuseAwsManaged(resolveKey(engine, requiredKeyId(input)), ctx, 'PutKeyPolicy');
  readPolicyName(input);
  const policy = readPolicy(input, true)!;
  checkLockout(engine, ctx, key.arn, policy, input);
  updateKey(engine, key.keyId, { policy });
  return {};
}

function malformed(message: string): AwsError {
  return new AwsError('MalformedPolicyDocumentException', message);
}

function pretty(document: unknown): string {
  return JSON.stringify(document, null, 2);
}
