import { randomUUID } from 'node:crypto';
import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import type { Permission } from '../identity/authorize';
import { modelledInput } from './request-members';

/** A resource an event is about, as LookupEvents lists it and its ResourceName/ResourceType lookups match it. */
export interface AuditResource {
  readonly type: string;
  readonly name: string;
  readonly arn: string;
}

/** One record for the trail: the CloudTrail event and the resources it is indexed under. */
export interface AuditRecord {
  readonly event: CloudTrailEvent;
  readonly resources: readonly AuditResource[];
}

/** A CloudTrail record (eventVersion 1.08) as AWS writes it, with lower-camel member names. */
export type CloudTrailEvent = Readonly<Record<string, unknown>> & {
  readonly eventID: string;
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly readOnly: boolean;
  readonly userIdentity: { readonly userName: string; readonly accessKeyId: string };
};

/** How a call ended: its answer, or the error it failed with. */
export type Outcome = { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly error: unknown };

const EVENT_SOURCES: Readonly<Record<string, string>> = { ssm: 'ssm.amazonaws.com', kms: 'kms.amazonaws.com', cloudtrail: 'cloudtrail.amazonaws.com' };
/** KMS's cryptographic operations: CloudTrail marks them read-only and never records their answers. */
const CRYPTOGRAPHIC = new Set(['Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncrypt']);

/** Whether CloudTrail counts an operation as a read (its `readOnly` and the ReadOnly lookup). */
export function isReadOnly(operation: string): boolean {
  return CRYPTOGRAPHIC.has(operation) || /^(Get|Describe|List|Lookup)/.test(operation);
}

/** Member names already converted: the modelled ones, met on every call. Bounded, as names come from requests. */
const lowerCamelNames = new Map<string, string>();
const LOWER_CAMEL_NAMES_KEPT = 1024;

/** CloudTrail's member names: `KeyId` → `keyId`, `ARN` → `arn`, `AWSAccountId` → `awsAccountId`. */
function lowerCamel(name: string): string {
  let out = lowerCamelNames.get(name);
  if (out === undefined) {
    out = name.replace(/^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/, (head) => head.toLowerCase());
    if (lowerCamelNames.size < LOWER_CAMEL_NAMES_KEPT) lowerCamelNames.set(name, out);
  }
  return out;
}

/** What is dropped below the top level: a nested Plaintext is as secret as a top-level one. */
const NESTED_SECRETS: ReadonlySet<string> = new Set(['Plaintext']);

/**
 * A request or answer as CloudTrail records it: member names in lower camel case (an encryption
 * context's keys as given), dates as ISO strings, and never a secret: blobs (plaintexts,
 * ciphertexts, key material) and every member in `drop` are left out.
 */
function sanitize(value: unknown, drop: ReadonlySet<string>, keepKeys = false): unknown {
  if (value instanceof Uint8Array) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => sanitize(item, drop)).filter((item) => item !== undefined);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    if (drop.has(name)) continue;
    const clean = sanitize(member, NESTED_SECRETS, name.endsWith('EncryptionContext'));
    if (clean !== undefined) out[keepKeys ? name : lowerCamel(name)] = clean;
  }
  return out;
}

/** A parameter's value is its secret; Plaintext is KMS's. Tags keep their Value. */
const REQUEST_SECRETS: Readonly<Record<string, ReadonlySet<string>>> = {
  ssm: new Set(['Value', 'Plaintext']),
  kms: new Set(['Plaintext']),
  cloudtrail: new Set(),
};

/** The last eventTime made, for the second it stands for: a busy server makes thousands per second. */
let lastEventTime = { second: Number.NaN, text: '' };

/** CloudTrail's eventTime: ISO 8601 to the second. */
function eventTime(engine: Engine): string {
  const now = engine.clock();
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastEventTime.second) lastEventTime = { second, text: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return lastEventTime.text;
}

/** errorCode/errorMessage as CloudTrail writes them; an unexpected fault carries no detail. */
function failure(error: unknown): { errorCode: string; errorMessage: string } {
  if (!(error instanceof AwsError)) return { errorCode: 'InternalFailure', errorMessage: 'The request processing has failed because of an unknown error.' };
  return { errorCode: error.code === 'AccessDeniedException' ? 'AccessDenied' : error.code, errorMessage: error.message };
}

function identity(ctx: CallContext, invokedBy?: string, type = 'IAMUser') {
  const { principal } = ctx;
  return {
    type,
    principalId: principal.userId,
    arn: principal.arn,
    accountId: principal.accountId,
    accessKeyId: ctx.accessKeyId,
    userName: principal.name,
    ...(invokedBy ? { invokedBy } : {}),
  };
}

interface EventParts {
  eventSource: string;
  eventName: string;
  sourceIPAddress: string;
  userAgent: string;
  requestParameters: unknown;
  responseElements: unknown;
  requestID: string;
  resources: readonly AuditResource[];
  error?: unknown;
  invokedBy?: string;
  identityType?: string;
}

function build(engine: Engine, ctx: CallContext, parts: EventParts): AuditRecord {
  const event = {
    eventVersion: '1.08',
    userIdentity: identity(ctx, parts.invokedBy, parts.identityType),
    eventTime: eventTime(engine),
    eventSource: parts.eventSource,
    eventName: parts.eventName,
    awsRegion: engine.region,
    sourceIPAddress: parts.sourceIPAddress,
    userAgent: parts.userAgent,
    ...(parts.error === undefined ? {} : failure(parts.error)),
    requestParameters: parts.requestParameters,
    responseElements: parts.responseElements,
    requestID: parts.requestID,
    eventID: randomUUID(),
    readOnly: isReadOnly(parts.eventName),
    ...(parts.resources.length > 0 ? { resources: parts.resources.map((r) => ({ accountId: engine.accountId, type: r.type, ARN: r.arn })) } : {}),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: engine.accountId,
    eventCategory: 'Management',
  };
  return { event, resources: parts.resources };
}

/** The resources a call's permissions were on, each once. */
function resourcesOf(permissions: readonly Permission[]): AuditResource[] {
  const seen = new Map<string, AuditResource>();
  for (const p of permissions) {
    if (p.resourceName !== undefined && p.resourceType !== undefined && !seen.has(p.resource)) {
      seen.set(p.resource, { type: p.resourceType, name: p.resourceName, arn: p.resource });
    }
  }
  return [...seen.values()];
}

/** The record of one API call as the caller made it. Answers are recorded only for successful writes that carry no secret. */
export function callRecord(engine: Engine, ctx: CallContext, call: { service: string; operation: string; input: unknown; permissions: readonly Permission[]; outcome: Outcome }): AuditRecord {
  const { outcome } = call;
  const quiet = !outcome.ok || isReadOnly(call.operation);
  return build(engine, ctx, {
    eventSource: EVENT_SOURCES[call.service] ?? `${call.service}.amazonaws.com`,
    eventName: call.operation,
    sourceIPAddress: ctx.sourceIp,
    userAgent: ctx.userAgent,
    requestParameters: sanitize(modelledInput(call.service, call.operation, call.input), REQUEST_SECRETS[call.service] ?? new Set(['Value', 'Plaintext'])) ?? null,
    responseElements: quiet ? null : (sanitize(outcome.output, new Set(['Value', 'Plaintext'])) ?? null),
    requestID: ctx.requestId,
    resources: resourcesOf(call.permissions),
    ...(outcome.ok ? {} : { error: outcome.error }),
  });
}

/**
 * The record of a KMS call an AWS service made for the caller (SSM decrypting a SecureString):
 * the caller's identity with invokedBy, the service as source address and agent, as CloudTrail
 * shows such calls. Cryptographic answers are never recorded.
 */
export function serviceCallRecord(
  engine: Engine,
  ctx: CallContext,
  call: { service: string; eventName: string; requestParameters: Record<string, unknown>; keyArn: string | undefined; error?: unknown },
): AuditRecord {
  const via = `${call.service}.amazonaws.com`;
  return build(engine, ctx, {
    eventSource: 'kms.amazonaws.com',
    eventName: call.eventName,
    sourceIPAddress: via,
    userAgent: via,
    requestParameters: call.requestParameters,
    responseElements: null,
    requestID: randomUUID(),
    resources: call.keyArn ? [{ type: 'AWS::KMS::Key', name: call.keyArn, arn: call.keyArn }] : [],
    invokedBy: via,
    ...(call.error === undefined ? {} : { error: call.error }),
  });
}

/** Where records of actions on the store itself come from: no AWS service does them. */
export const STORE_EVENT_SOURCE = 'paramdeck.local';

/**
 * The record of an action on the store itself (a root key rotation, a pruning of the trail). It
 * takes root.key, not an access key, so the actor is the account's root, as CloudTrail names it.
 */
export function storeEventRecord(engine: Engine, eventName: string, requestParameters: Readonly<Record<string, unknown>>): AuditRecord {
  const arn = `arn:aws:iam::${engine.accountId}:root`;
  const ctx: CallContext = {
    principal: { name: 'root', arn, userId: engine.accountId, accountId: engine.accountId },
    accessKeyId: '',
    sourceIp: '127.0.0.1',
    userAgent: 'paramdeck',
    requestId: randomUUID(),
  };
  return build(engine, ctx, {
    eventSource: STORE_EVENT_SOURCE,
    eventName,
    sourceIPAddress: ctx.sourceIp,
    userAgent: ctx.userAgent,
    requestParameters,
    responseElements: null,
    requestID: ctx.requestId,
    resources: [],
    identityType: 'Root',
  });
}

/** Who acts when SSM acts by itself: CloudTrail's AWSService identity (named, so the local trail can list and look it up). */
const SSM_SERVICE = 'ssm.amazonaws.com';

/**
 * The record of something SSM did by itself, with no caller: a parameter policy falling due (an
 * Expiration deleting its parameter, a notification sent). CloudTrail writes such records as
 * `AwsServiceEvent`s with the service as identity, source and agent, and the detail of what happened
 * in `serviceEventDetails`.
 */
export function serviceEventRecord(
  engine: Engine,
  event: { eventName: string; resource: AuditResource; details: Readonly<Record<string, unknown>> },
): AuditRecord {
  const record = {
    eventVersion: '1.08',
    userIdentity: { type: 'AWSService', invokedBy: SSM_SERVICE, userName: SSM_SERVICE, accessKeyId: '' },
    eventTime: eventTime(engine),
    eventSource: SSM_SERVICE,
    eventName: event.eventName,
    awsRegion: engine.region,
    sourceIPAddress: SSM_SERVICE,
    userAgent: SSM_SERVICE,
    requestParameters: null,
    responseElements: null,
    eventID: randomUUID(),
    readOnly: false,
    resources: [{ accountId: engine.accountId, type: event.resource.type, ARN: event.resource.arn }],
    eventType: 'AwsServiceEvent',
    managementEvent: true,
    recipientAccountId: engine.accountId,
    serviceEventDetails: event.details,
    eventCategory: 'Management',
  };
  return { event: record, resources: [event.resource] };
}
