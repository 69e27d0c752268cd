import type { AuditEvent } from '../../service/types';
import type { Cell, Column } from './columns';
import { longTime, shortArn } from './format';

/** The audit table's columns (issue 7: time, principal, event, resource, result). */
export type AuditColumn = 'time' | 'principal' | 'event' | 'resource' | 'result';

export const AUDIT_COLUMNS: readonly Column<AuditColumn>[] = [
  { id: 'time', title: 'TIME', min: 19, max: 19, keep: Infinity, grow: 3 },
  { id: 'principal', title: 'PRINCIPAL', min: 10, max: 28, keep: Infinity, grow: 1 },
  { id: 'event', title: 'EVENT', min: 14, max: 22, keep: Infinity, grow: 2 },
  { id: 'resource', title: 'RESOURCE', min: 14, keep: Infinity, grow: 4 },
  { id: 'result', title: 'RESULT', min: 12, max: 24, keep: Infinity, grow: 5 },
];

/** Who acted: the user name when CloudTrail gives one, else the end of the principal's ARN. */
export function principalOf(event: AuditEvent): string {
  return event.username ?? shortArn(event.principalArn);
}

/** What the event touched: its parameters, else its key. */
export function resourceOf(event: AuditEvent): string {
  if (event.parameterNames.length > 0) return event.parameterNames.join(', ');
  return event.keyArn ? shortArn(event.keyArn) : '-';
}

/** `OK`, or the error code that refused the call. */
export function resultOf(event: AuditEvent): string {
  return event.errorCode ?? 'OK';
}

/** The text the audit filter searches: everything a row shows. */
export function auditSearchText(event: AuditEvent): string {
  return `${principalOf(event)} ${event.eventName} ${resourceOf(event)} ${resultOf(event)}`;
}

export function auditCells(event: AuditEvent): Record<AuditColumn, Cell> {
  const refused = event.errorCode !== undefined;
  return {
    time: { text: longTime(event.time), tone: 'muted' },
    principal: { text: principalOf(event) },
    event: { text: event.eventName, tone: event.readOnly === false ? 'warning' : undefined },
    resource: { text: resourceOf(event) },
    result: { text: resultOf(event), tone: refused ? 'danger' : 'success' },
  };
}
