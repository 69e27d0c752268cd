/**
 * When a parameter policy falls due. Pure and import-free, in `shared/` beside no layer, so the
 * engine's sweep and the service layer (which shows due dates for AWS and local alike) compute
 * the same instant without either layer reaching into the other.
 */

/** The three policy types Parameter Store supports. */
export const POLICY_TYPES = ['Expiration', 'ExpirationNotification', 'NoChangeNotification'] as const;

/** One of Parameter Store's policy types. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/** A policy as its JSON reads: `{"Type", "Version", "Attributes"}`. */
export interface PolicyDocument {
  readonly Type: PolicyType;
  readonly Version: string;
  readonly Attributes: Readonly<Record<string, unknown>>;
}

/** One policy with the instant it falls due; `dueMs` is undefined when it never does. */
export interface ScheduledPolicy {
  readonly type: PolicyType;
  /** The policy's JSON text, as AWS returns it in PolicyText. */
  readonly text: string;
  readonly dueMs: number | undefined;
}

const HOUR_MS = 3_600_000;
const UNIT_MS: Readonly<Record<string, number>> = { Hours: HOUR_MS, Days: 24 * HOUR_MS };

// ISO_INSTANT (`…Z`) or ISO_OFFSET_DATE_TIME (`…+10:30`, seconds in the offset allowed), as Java parses them.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;

/** The epoch milliseconds of an Expiration Timestamp, or undefined when it is not one. */
export function parsePolicyTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second = '0', fraction = '', sign, offH = '0', offM = '0', offS = '0'] = m.slice(1);
  const fields = [Number(month), Number(day), Number(hour), Number(minute), Number(second), Number(offH), Number(offM), Number(offS)];
  const [mo, d, h, mi, s, oh, om, os] = fields as [number, number, number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || oh > 18 || om > 59 || os > 59) return undefined;
  const utc = Date.UTC(Number(year), mo - 1, d, h, mi, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 31 February over into March: such a date does not exist.
  if (new Date(utc).getUTCDate() !== d) return undefined;
  const offset = (oh * 3600 + om * 60 + os) * 1000;
  return sign === '-' ? utc + offset : utc - offset;
}

/** A count of Units (`"15"`, `"Days"`) in milliseconds, or undefined when either is not one AWS accepts. */
export function periodMs(count: unknown, unit: unknown): number | undefined {
  const text = typeof count === 'number' ? String(count) : count;
  if (typeof text !== 'string' || !/^[1-9]\d{0,5}$/.test(text) || typeof unit !== 'string') return undefined;
  const each = UNIT_MS[unit];
  return each === undefined ? undefined : Number(text) * each;
}

/**
 * Each policy with its due instant: an Expiration at its Timestamp; an ExpirationNotification
 * `Before` that Timestamp (never, without an Expiration policy beside it); a NoChangeNotification
 * `After` the version was last modified, so every new version starts its wait again.
 */
export function schedulePolicies(policies: readonly PolicyDocument[], lastModifiedMs: number): ScheduledPolicy[] {
  const expiration = policies.find((p) => p.Type === 'Expiration');
  const expiresMs = expiration ? parsePolicyTimestamp(String(expiration.Attributes.Timestamp)) : undefined;
  return policies.map((policy) => {
    const attributes = policy.Attributes;
    let dueMs: number | undefined;
    if (policy.Type === 'Expiration') dueMs = expiresMs;
    else if (policy.Type === 'ExpirationNotification') {
      const before = periodMs(attributes.Before, attributes.Unit);
      dueMs = expiresMs === undefined || before === undefined ? undefined : expiresMs - before;
    } else {
      const after = periodMs(attributes.After, attributes.Unit);
      dueMs = after === undefined ? undefined : lastModifiedMs + after;
    }
    return { type: policy.Type, text: JSON.stringify(policy), dueMs };
  });
}
