import { expect } from 'vitest';
import type { CallContext } from '../../../source/engine/context';
import type { Engine } from '../../../source/engine/engine';
import { AwsError } from '../../../source/engine/errors';
import { call } from '../../helpers/engine';

/** A `Parameter` as the engine answers it. */
export interface ParameterOut {
  Name: string;
  Type: string;
  Value: string;
  Version: number;
  Selector?: string;
  LastModifiedDate: Date;
  ARN: string;
  DataType: string;
}

/** A `ParameterMetadata` as DescribeParameters answers it. */
export interface MetadataOut {
  Name: string;
  ARN: string;
  Type: string;
  KeyId?: string;
  LastModifiedDate: Date;
  LastModifiedUser: string;
  Description?: string;
  AllowedPattern?: string;
  Version: number;
  Tier: string;
  Policies: { PolicyText: string; PolicyType: string; PolicyStatus: string }[];
  DataType: string;
}

/** A `ParameterHistory` entry. */
export interface HistoryOut extends Omit<MetadataOut, 'ARN'> {
  Value: string;
  Labels: string[];
}

/** A page of a listing. */
export interface Page<T> {
  Parameters: T[];
  NextToken?: string;
}

/** Calls an SSM operation, typing the answer for the test's convenience. */
export function ssm<T = Record<string, unknown>>(engine: Engine, operation: string, input: object, ctx?: CallContext): T {
  return call(engine, 'ssm', operation, input, ctx) as T;
}

/** PutParameter with a String type unless `extra` says otherwise. */
export function put(engine: Engine, name: string, value: string, extra: object = {}): { Version: number; Tier: string } {
  return ssm(engine, 'PutParameter', { Name: name, Value: value, Type: 'String', ...extra });
}

/** GetParameter's Parameter. */
export function get(engine: Engine, name: string, extra: object = {}): ParameterOut {
  return ssm<{ Parameter: ParameterOut }>(engine, 'GetParameter', { Name: name, ...extra }).Parameter;
}

/** Asserts `fn` fails with this AWS error shape and, when given, this message (exact or pattern). */
export function expectAwsError(fn: () => unknown, code: string, message?: string | RegExp): AwsError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(AwsError);
  const error = caught as AwsError;
  const expected = message instanceof RegExp ? expect.stringMatching(message) : message;
  expect({ code: error.code, message: error.message }).toMatchObject({ code, ...(message === undefined ? {} : { message: expected }) });
  return error;
}

/** Every page of a paged SSM listing, following NextToken until it stops. */
export function allPages<T>(engine: Engine, operation: string, input: object): { pages: T[][]; items: T[] } {
  const pages: T[][] = [];
  let token: string | undefined;
  do {
    const page = ssm<Page<T>>(engine, operation, { ...input, ...(token ? { NextToken: token } : {}) });
    pages.push(page.Parameters);
    token = page.NextToken;
  } while (token);
  return { pages, items: pages.flat() };
}
