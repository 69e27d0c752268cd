import type { ParameterPolicy } from '../../service/types';
import { age, shortTime } from './format';

/** What each policy type does when it falls due, in the detail pane's words. */
const ACTION: Readonly<Record<string, string>> = {
  Expiration: 'deletes the parameter',
  ExpirationNotification: 'notifies before expiry',
  NoChangeNotification: 'notifies if unchanged',
};

/** `15 Days` from a notification's Before/After and Unit, when its text says. */
function period(policy: ParameterPolicy): string | undefined {
  try {
    const attributes = (JSON.parse(policy.text) as { Attributes?: Record<string, unknown> }).Attributes ?? {};
    const count = attributes.Before ?? attributes.After;
    return count === undefined ? undefined : `${String(count)} ${String(attributes.Unit ?? '')}`.trim();
  } catch {
    return undefined;
  }
}

/**
 * One line per policy for the detail pane: its type and status, what it does and when it falls
 * due, absolute and relative to `now` (`Expiration  Pending  deletes the parameter 2026-12-31
 * 00:00, in 33 days`). A policy that never falls due (a notification without an Expiration) says so.
 */
export function policyLines(policies: readonly ParameterPolicy[], now: Date): string[] {
  return policies.map((policy) => {
    const span = period(policy);
    const action = `${ACTION[policy.type] ?? 'applies'}${span ? ` (${span})` : ''}`;
    const due = policy.dueAt ? `${shortTime(policy.dueAt)}, ${age(policy.dueAt, now)}` : 'never falls due';
    return `${policy.type}  ${policy.status || '-'}  ${action} ${due}`;
  });
}
