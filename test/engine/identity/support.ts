import { expect } from 'vitest';
import type { CallContext } from '../../../source/engine/context';
import type { Engine } from '../../../source/engine/engine';
import { AwsError } from '../../../source/engine/errors';
import type { ServiceName } from '../../../source/engine/operations';
import { manualClock } from '../../../source/engine/clock';
import { contextFor, testEngine } from '../../helpers/engine';

/** An answer as the tests read it. */
export type Answer = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';

/** An engine in a fixed account and region, with a clock the test controls. */
export function identityEngine(): Engine {
  return testEngine({ clock: manualClock(Date.UTC(2026, 2, 1, 12)), accountId: ACCOUNT, region: REGION });
}

/** A principal with one identity policy of these statements (none: no policy, denied everything). */
export function principal(engine: Engine, name: string, ...statements: object[]): CallContext {
  return contextFor(engine, name, statements.length > 0 ? { Version: '2012-10-17', Statement: statements } : undefined);
}

/** Calls an operation as `ctx`. */
export function as(ctx: CallContext, engine: Engine, service: ServiceName, operation: string, input: object = {}): Answer {
  return engine.dispatch(service, operation, input, ctx) as Answer;
}

/** The AwsError a call fails with; fails the test when it succeeds. */
export function failureOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Asserts a call is refused with AWS's AccessDeniedException wording for this action, resource and reason. */
export function expectDenied(fn: () => unknown, who: CallContext, action: string, resource: string | undefined, reason: 'identity' | 'explicit' | 'resource' | 'resource-deny'): AwsError {
  const error = failureOf(fn);
  const because = {
    identity: `because no identity-based policy allows the ${action} action`,
    explicit: 'with an explicit deny in an identity-based policy',
    resource: `because no resource-based policy allows the ${action} action`,
    'resource-deny': 'with an explicit deny in a resource-based policy',
  }[reason];
  const on = resource === undefined ? '' : ` on resource: ${resource}`;
  expect({ code: error.code, message: error.message }).toEqual({
    code: 'AccessDeniedException',
    message: `User: ${who.principal.arn} is not authorized to perform: ${action}${on} ${because}`,
  });
  return error;
}

/** A parameter's ARN in the test account. */
export function parameterArn(name: string): string {
  return `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${name.replace(/^\//, '')}`;
}

/** The audit records, oldest first, as parsed CloudTrail events. */
export function auditEvents(engine: Engine): Answer[] {
  const rows = engine.db.prepare('SELECT record FROM audit_events ORDER BY seq').all() as { record: string }[];
  return rows.map((row) => JSON.parse(row.record) as Answer);
}
