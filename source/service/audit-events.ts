import { LookupEventsCommand, type CloudTrailClient, type Event } from '@aws-sdk/client-cloudtrail';
import type { AuditLookup, AuditQuery } from './capabilities';
import type { PageFetcher } from './listing';
import { pause } from './listing';
import { opt } from './mappers';
import type { AuditEvent } from './types';

/** Who read which secret first (KMS Decrypt on SSM's behalf), then every SSM call. */
export const DEFAULT_LOOKUPS: readonly AuditLookup[] = [
  { attribute: 'EventName', value: 'Decrypt' },
  { attribute: 'EventSource', value: 'ssm.amazonaws.com' },
];

/** CloudTrail answers at most 50 events a page. */
const PAGE_SIZE = 50;

/** Where an audit listing is: which lookup, and the token within it. */
export interface AuditCursor {
  lookup: number;
  token?: string;
}

/**
 * Spaces LookupEvents calls: CloudTrail allows about two a second per account and region, and
 * throttling every other page would make the audit pane slower, not faster.
 */
export class Pacer {
  #next = 0;

  constructor(private readonly intervalMs: number) {}

  /** Resolves when the next call may go; rejects when `signal` aborts first. */
  async wait(signal: AbortSignal | undefined): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.#next);
    this.#next = at + this.intervalMs;
    if (at > now && !(await pause(at - now, signal))) throw new DOMException('The audit listing was cancelled', 'AbortError');
  }
}

/** Pages through the query's lookups one after another, filtering each page on the client. */
export function auditFetcher(cloudtrail: CloudTrailClient, pacer: Pacer, query: AuditQuery): PageFetcher<AuditEvent, AuditCursor> {
  const lookups = query.lookups ?? DEFAULT_LOOKUPS;
  const wanted = query.parameterName === undefined ? undefined : bareName(query.parameterName);
  return async (cursor = { lookup: 0 }, signal) => {
    const lookup = lookups[cursor.lookup];
    if (!lookup) return { items: [] };
    await pacer.wait(signal);
    const out = await cloudtrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: lookup.attribute, AttributeValue: lookup.value }],
        MaxResults: PAGE_SIZE,
        ...opt('StartTime', query.startTime),
        ...opt('EndTime', query.endTime),
        ...opt('NextToken', cursor.token),
      }),
      { abortSignal: signal },
    );
    const items = (out.Events ?? []).map(toAuditEvent).filter((event) => keep(event, wanted));
    const next = out.NextToken
      ? { lookup: cursor.lookup, token: out.NextToken }
      : cursor.lookup + 1 < lookups.length ? { lookup: cursor.lookup + 1 } : undefined;
    return { items, ...opt('next', next) };
  };
}

// KMS events of other services (S3, EBS…) say nothing about parameters; SSM events always do.
function keep(event: AuditEvent, wanted: string | undefined): boolean {
  if (event.eventSource === 'kms.amazonaws.com' && event.parameterNames.length === 0) return false;
  return wanted === undefined || event.parameterNames.some((name) => bareName(name) === wanted);
}

// An ARN drops the leading slash of a hierarchical name, so names are compared without it.
function bareName(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

type Json = Record<string, unknown>;

/** One CloudTrail event as an audit row; the CloudTrailEvent JSON is untrusted and read defensively. */
export function toAuditEvent(e: Event): AuditEvent {
  const detail = parseJson(e.CloudTrailEvent);
  const identity = object(detail.userIdentity);
  const request = object(detail.requestParameters);
  const time = e.EventTime ?? dateOf(detail.eventTime) ?? new Date(0);
  return {
    id: e.EventId ?? string(detail.eventID) ?? '',
    time,
    eventName: e.EventName ?? string(detail.eventName) ?? '',
    eventSource: e.EventSource ?? string(detail.eventSource) ?? '',
    ...opt('principalArn', string(identity.arn)),
    ...opt('username', e.Username ?? string(identity.userName)),
    ...opt('accessKeyId', e.AccessKeyId ?? string(identity.accessKeyId)),
    ...opt('sourceIp', string(detail.sourceIPAddress)),
    ...opt('userAgent', string(detail.userAgent)),
    ...opt('invokedBy', string(identity.invokedBy)),
    ...opt('region', string(detail.awsRegion)),
    ...opt('readOnly', typeof detail.readOnly === 'boolean' ? detail.readOnly : readOnlyOf(e.ReadOnly)),
    parameterNames: parameterNames(e, request),
    ...opt('keyArn', keyArn(e, detail, request)),
    ...opt('errorCode', string(detail.errorCode)),
    ...opt('errorMessage', string(detail.errorMessage)),
  };
}

function parameterNames(e: Event, request: Json): string[] {
  const names = new Set<string>();
  const context = object(request.encryptionContext);
  const arn = string(context.PARAMETER_ARN);
  if (arn) names.add(nameFromArn(arn));
  const one = string(request.name);
  if (one) names.add(requestedName(one));
  if (Array.isArray(request.names)) for (const n of request.names) if (typeof n === 'string') names.add(requestedName(n));
  for (const r of e.Resources ?? []) {
    if (r.ResourceType === 'AWS::SSM::Parameter' && r.ResourceName) names.add(requestedName(r.ResourceName));
  }
  return [...names];
}

// `arn:aws:ssm:<region>:<account>:parameter/<name>`: a name with a slash inside is hierarchical
// and so began with one; for a one-level name the ARN cannot tell `/x` from `x`.
function nameFromArn(arn: string): string {
  const at = arn.indexOf(':parameter/');
  if (at < 0) return arn;
  const rest = arn.slice(at + ':parameter/'.length);
  return rest.includes('/') ? `/${rest}` : rest;
}

// GetParameter takes `name:version`, `name:label` or an ARN; names themselves hold no colon.
function requestedName(name: string): string {
  if (name.startsWith('arn:')) return nameFromArn(name);
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(0, colon);
}

function keyArn(e: Event, detail: Json, request: Json): string | undefined {
  const fromLookup = (e.Resources ?? []).find((r) => r.ResourceType === 'AWS::KMS::Key')?.ResourceName;
  if (fromLookup) return fromLookup;
  const resources = Array.isArray(detail.resources) ? detail.resources.map(object) : [];
  const fromDetail = resources.find((r) => r.type === 'AWS::KMS::Key');
  return string(fromDetail?.ARN) ?? string(request.keyId);
}

function readOnlyOf(value: string | undefined): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

function parseJson(text: string | undefined): Json {
  if (!text) return {};
  try {
    return object(JSON.parse(text));
  } catch {
    return {};
  }
}

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}
