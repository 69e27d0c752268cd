import type { Engine, Operation, OperationTable } from '../engine';
import { AwsError, isAwsError } from '../errors';
import { constraintError, optionalInteger, optionalObjectList, optionalString, optionalTimestamp, requiredString, type Input } from '../input';
import { decodePageToken, encodePageToken, queryDigest } from '../parameters/page-token';

/** CloudTrail's lookup attributes (the LookupAttributeKey enum). */
const ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

/** Each attribute as a SQL condition on one bound value. */
const CONDITIONS: Readonly<Record<AttributeKey, string>> = {
  EventId: 'event_id = ?',
  EventName: 'event_name = ?',
  ReadOnly: 'read_only = ?',
  Username: 'username = ?',
  EventSource: 'event_source = ?',
  AccessKeyId: 'access_key_id = ?',
  ResourceType: "EXISTS (SELECT 1 FROM json_each(resources) WHERE json_extract(value, '$.type') = ?)",
  ResourceName: "EXISTS (SELECT 1 FROM json_each(resources) WHERE json_extract(value, '$.name') = ?)",
};

/** What to list: at most one attribute, a time range, a page after a position (newest first). */
export interface AuditQuery {
  attribute?: { key: AttributeKey; value: string };
  start?: Date;
  end?: Date;
  /** List records older than this position (seq). */
  before?: number;
  limit: number;
}

/** A stored record as listings see it. */
export interface StoredAuditEvent {
  seq: number;
  event_id: string;
  event_time_ms: number;
  event_source: string;
  event_name: string;
  username: string;
  access_key_id: string;
  read_only: number;
  resources: string;
  record: string;
}

/** Records newest first, filtered as LookupEvents filters them; `paramdeck audit` lists with it too. */
export function queryAuditEvents(engine: Engine, query: AuditQuery): StoredAuditEvent[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.attribute) {
    where.push(CONDITIONS[query.attribute.key]);
    params.push(query.attribute.key === 'ReadOnly' ? (query.attribute.value === 'true' ? 1 : 0) : query.attribute.value);
  }
  if (query.before !== undefined) {
    where.push('seq < ?');
    params.push(query.before);
  }
  if (query.start) {
    where.push('event_time_ms >= ?');
    params.push(query.start.getTime());
  }
  if (query.end) {
    where.push('event_time_ms <= ?');
    params.push(query.end.getTime());
  }
  const text = `SELECT seq, event_id, event_time_ms, event_source, event_name, username, access_key_id, read_only, resources, record
    FROM audit_events ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  return engine.db.prepare(text).all(...params, query.limit) as StoredAuditEvent[];
}

/**
 * The stored CloudTrail records from `start` to `end` (inclusive), oldest first, one at a time:
 * `audit export` streams a trail of any length without holding it in memory.
 */
export function iterateAuditRecords(engine: Engine, range: { start?: Date; end?: Date }): IterableIterator<{ record: string }> {
  return engine.db
    .prepare('SELECT record FROM audit_events WHERE event_time_ms >= ? AND event_time_ms <= ? ORDER BY seq')
    .iterate(range.start?.getTime() ?? Number.MIN_SAFE_INTEGER, range.end?.getTime() ?? Number.MAX_SAFE_INTEGER) as IterableIterator<{ record: string }>;
}

function readAttribute(attribute: Input): { key: AttributeKey; value: string } {
  const key = requiredString(attribute, 'AttributeKey');
  if (!(ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    throw constraintError('lookupAttributes.1.member.attributeKey', key, `Member must satisfy enum value set: [${ATTRIBUTE_KEYS.join(', ')}]`);
  }
  const value = requiredString(attribute, 'AttributeValue', { min: 1, max: 2000 });
  if (key === 'ReadOnly' && value !== 'true' && value !== 'false') {
    throw new AwsError('InvalidLookupAttributesException', 'The value of the ReadOnly lookup attribute must be true or false.');
  }
  return { key: key as AttributeKey, value };
}

/** LookupEvents' answer for one stored record. */
function toEvent(row: StoredAuditEvent) {
  const resources = JSON.parse(row.resources) as { type: string; name: string }[];
  return {
    EventId: row.event_id,
    EventName: row.event_name,
    ReadOnly: row.read_only === 1 ? 'true' : 'false',
    ...(row.access_key_id ? { AccessKeyId: row.access_key_id } : {}),
    EventTime: new Date(row.event_time_ms),
    EventSource: row.event_source,
    Username: row.username,
    Resources: resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
    CloudTrailEvent: row.record,
  };
}

/**
 * LookupEvents over the local trail: at most one lookup attribute, a StartTime/EndTime range,
 * 1..50 events a page (50 by default), newest first, with a NextToken bound to the query. The
 * local store keeps every record, so the range is not limited to 90 days as AWS's is.
 */
const lookupEvents: Operation = {
  writes: () => false,
  run(engine, _ctx, input) {
    const attributes = optionalObjectList(input, 'LookupAttributes') ?? [];
    if (attributes.length > 1) throw new AwsError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
    const attribute = attributes[0] && readAttribute(attributes[0]);
    const start = optionalTimestamp(input, 'StartTime');
    const end = optionalTimestamp(input, 'EndTime');
    if (start && end && start > end) throw new AwsError('InvalidTimeRangeException', 'The start time must be before the end time.');
    const category = optionalString(input, 'EventCategory');
    if (category !== undefined && category !== 'insight') throw new AwsError('InvalidEventCategoryException', `Event category ${category} is not valid.`);
    const limit = readMaxResults(input);
    const digest = queryDigest({ attribute, start: start?.getTime(), end: end?.getTime(), category });
    const before = readToken(engine, optionalString(input, 'NextToken'), digest);
    // Insights events come from CloudTrail Insights, which a local store does not run.
    if (category === 'insight') return { Events: [] };
    const rows = queryAuditEvents(engine, { attribute, start, end, before, limit: limit + 1 });
    const shown = rows.slice(0, limit);
    return {
      Events: shown.map(toEvent),
      ...(rows.length > limit ? { NextToken: encodePageToken(engine, 'LookupEvents', digest, shown.at(-1)!.seq) } : {}),
    };
  },
};

function readMaxResults(input: Input): number {
  try {
    return optionalInteger(input, 'MaxResults', { min: 1, max: 50 }) ?? 50;
  } catch (error) {
    if (isAwsError(error, 'ValidationException')) throw new AwsError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
    throw error;
  }
}

function readToken(engine: Engine, token: string | undefined, digest: string): number | undefined {
  try {
    return decodePageToken(engine, token, 'LookupEvents', digest, 'number');
  } catch (error) {
    if (isAwsError(error, 'InvalidNextToken')) throw new AwsError('InvalidNextTokenException', 'Invalid NextToken: it is not one this query returned.');
    throw error;
  }
}

/** CloudTrail's operations (CloudTrail_20131101). */
export const CLOUDTRAIL_OPERATIONS: OperationTable = { LookupEvents: lookupEvents };
