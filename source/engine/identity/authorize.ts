import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { identityPolicies, parsedPolicy } from './policies';
import type { RequestKeys } from './policy/conditions';
import { evaluateIdentity, evaluateResource, type AccessRequest } from './policy/evaluate';

/** One permission a call needs: an IAM action on a resource, with what the audit trail lists for it. */
export interface Permission {
  /** `service:Operation`, AWS's action name. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without one (ListKeys, CreateKey). */
  readonly resource: string;
  /** How CloudTrail's LookupEvents names the resource (a parameter's name, a key's ARN). */
  readonly resourceName?: string;
  /** CloudTrail's resource type, e.g. AWS::SSM::Parameter. */
  readonly resourceType?: string;
  /** The key policy of the KMS key the action is on: it decides together with identity policies. */
  readonly keyPolicy?: string;
  /** The encryption context of a cryptographic call (kms:EncryptionContext:<key> condition keys). */
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /** Set when an AWS service makes the call for the caller (`ssm`): kms:ViaService and aws:CalledVia. */
  readonly viaService?: string;
}

/**
 * The condition keys of a request (IAM key names are case-insensitive, so lower case here), each
 * worked out when a condition asks for it: most calls are decided by policies with no condition,
 * and a managed key's policy asks for two keys, so building them all would cost more than deciding.
 */
function lazyRequestKeys(engine: Engine, ctx: CallContext, permission: Permission): RequestKeys {
  let now: Date | undefined;
  const clock = () => (now ??= engine.clock());
  return { get: (name) => requestKey(engine, ctx, permission, name, clock) };
}

function requestKey(engine: Engine, ctx: CallContext, permission: Permission, name: string, now: () => Date): readonly string[] | undefined {
  const { principal } = ctx;
  const via = permission.viaService;
  switch (name) {
    case 'aws:principalarn': return [principal.arn];
    case 'aws:principalaccount': return [principal.accountId];
    case 'aws:principaltype': return ['User'];
    case 'aws:username': return [principal.name];
    case 'aws:userid': return [principal.userId];
    case 'aws:currenttime': return [now().toISOString()];
    case 'aws:epochtime': return [String(Math.floor(now().getTime() / 1000))];
    case 'aws:requestedregion': return [engine.region];
    case 'aws:useragent': return ctx.userAgent ? [ctx.userAgent] : undefined;
    case 'kms:calleraccount': return permission.action.toLowerCase().startsWith('kms:') ? [principal.accountId] : undefined;
    // A service calling on the caller's behalf comes from the service, not from the caller's address.
    case 'kms:viaservice': return via ? [`${via}.${engine.region}.amazonaws.com`] : undefined;
    case 'aws:calledvia':
    case 'aws:calledviafirst': return via ? [`${via}.amazonaws.com`] : undefined;
    case 'aws:viaawsservice': return [via ? 'true' : 'false'];
    case 'aws:sourceip': return !via && ctx.sourceIp ? [ctx.sourceIp] : undefined;
    case 'kms:encryptioncontextkeys': return permission.encryptionContext ? Object.keys(permission.encryptionContext) : undefined;
  }
  const prefix = 'kms:encryptioncontext:';
  if (!permission.encryptionContext || !name.startsWith(prefix)) return undefined;
  // Context keys differing only in case: the last one given decides, as one map entry per name would.
  let found: string | undefined;
  for (const [key, value] of Object.entries(permission.encryptionContext)) if (key.toLowerCase() === name.slice(prefix.length)) found = value;
  return found === undefined ? undefined : [found];
}

/** AWS's AccessDeniedException wording, with the reason IAM gives. No part of any value is in it. */
function denied(ctx: CallContext, permission: Permission, reason: string): AwsError {
  const on = permission.resource === '*' ? '' : ` on resource: ${permission.resource}`;
  return new AwsError('AccessDeniedException', `User: ${ctx.principal.arn} is not authorized to perform: ${permission.action}${on} ${reason}`);
}

/**
 * Decides one permission as AWS does within an account. Identity policies alone decide unless
 * the action is on a KMS key; then the key policy decides too: an explicit Deny in either wins;
 * a key-policy Allow naming the caller (or `*`) suffices; one naming the account delegates to
 * identity policies; without either nothing allows it, whatever the identity policies say.
 * Throws AccessDeniedException; returns when allowed.
 */
export function authorize(engine: Engine, ctx: CallContext, permission: Permission): void {
  const request: AccessRequest = { action: permission.action, resource: permission.resource, keys: lazyRequestKeys(engine, ctx, permission) };
  const identity = evaluateIdentity(identityPolicies(engine, ctx.principal.userId), request);
  const noIdentityAllow = `because no identity-based policy allows the ${permission.action} action`;
  if (identity === 'Deny') throw denied(ctx, permission, 'with an explicit deny in an identity-based policy');
  if (permission.keyPolicy === undefined) {
    if (identity === 'Allow') return;
    throw denied(ctx, permission, noIdentityAllow);
  }
  const resource = evaluateResource(parsedPolicy(permission.keyPolicy, 'resource'), request, ctx.principal);
  if (resource.deny) throw denied(ctx, permission, 'with an explicit deny in a resource-based policy');
  if (resource.allowsCaller) return;
  if (resource.allowsAccount) {
    if (identity === 'Allow') return;
    throw denied(ctx, permission, noIdentityAllow);
  }
  throw denied(ctx, permission, `because no resource-based policy allows the ${permission.action} action`);
}

/** True when `authorize` would allow the permission (the key-policy lockout check asks this). */
export function isAuthorized(engine: Engine, ctx: CallContext, permission: Permission): boolean {
  try {
    authorize(engine, ctx, permission);
    return true;
  } catch (error) {
    if (error instanceof AwsError && error.code === 'AccessDeniedException') return false;
    throw error;
  }
}
