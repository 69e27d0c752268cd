import { expect } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { isAwsError } from '../../../source/engine/errors';
import { manualClock } from '../../../source/engine/clock';
import { call, testEngine } from '../../helpers/engine';

/** A KMS answer as the tests read it: members by name, types asserted where used. */
export type Answer = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Calls a TrentService operation as admin. */
export function kms(engine: Engine, operation: string, input: object = {}): Answer {
  return call(engine, 'kms', operation, input) as Answer;
}

/** An engine on a temp store with a clock the test moves, in a fixed account and region. */
export function kmsEngine(): { engine: Engine; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock();
  const engine = testEngine({ clock, accountId: '111122223333', region: 'us-east-1' });
  return { engine, clock };
}

/** Creates a customer managed key and returns its KeyMetadata. */
export function createKey(engine: Engine, input: object = {}): Answer {
  return kms(engine, 'CreateKey', input).KeyMetadata as Answer;
}

/** The AwsError `fn` throws; fails the test when it throws nothing or something else. */
export function awsErrorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isAwsError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AwsError, but the call succeeded');
}

/** Asserts `fn` fails with this AWS error shape (and, when given, a message matching `message`). */
export function expectAwsError(fn: () => unknown, code: string, message?: string | RegExp): void {
  const error = awsErrorOf(fn);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}

/** Milliseconds in a day, for moving the clock. */
export const DAY = 24 * 60 * 60 * 1000;
