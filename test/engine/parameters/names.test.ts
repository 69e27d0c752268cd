import { describe, expect, it } from 'vitest';
import { INVALID_NAME_MESSAGE } from '../../../source/engine/parameters/names';
import { testEngine } from '../../helpers/engine';
import { expectAwsError, get, put, ssm } from './support';

const PREFIX = 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).';
const levels = (n: number) => Array.from({ length: n }, (_, i) => `/l${i}`).join('');

describe('parameter names', () => {
  it.each([
    ['a one-level name', 'db', 'db'],
    ['a one-level name with a leading slash, stored without it', '/db', 'db'],
    ['a path', '/app/prod/db-url', '/app/prod/db-url'],
    ['every allowed symbol', '/a.b_c-D9/x', '/a.b_c-D9/x'],
    ['surrounding spaces, trimmed', '  /app/x  ', '/app/x'],
    ['15 levels', levels(15), levels(15)],
    ['a name merely containing aws', '/app/aws-keys', '/app/aws-keys'],
  ])('accepts %s', (_label, given, stored) => {
    const engine = testEngine();
    expect(put(engine, given, 'v')).toEqual({ Version: 1, Tier: 'Standard' });
    const parameter = get(engine, stored);
    expect(parameter.Name).toBe(stored);
    expect(parameter.ARN).toBe(`arn:aws:ssm:${engine.region}:${engine.accountId}:parameter/${stored.replace(/^\//, '')}`);
  });

  it.each([
    ['a space inside', 'a b', 'ValidationException', INVALID_NAME_MESSAGE],
    ['a colon', '/app/a:b', 'ValidationException', INVALID_NAME_MESSAGE],
    ['a path without its leading slash', 'app/db', 'ValidationException', 'Parameter name must be a fully qualified name.'],
    ['an empty sub-path', '/app//db', 'ValidationException', INVALID_NAME_MESSAGE],
    ['a trailing slash', '/app/', 'ValidationException', INVALID_NAME_MESSAGE],
    ['an aws prefix', 'aws-thing', 'ValidationException', PREFIX],
    ['an AWS prefix in capitals', 'AWSthing', 'ValidationException', PREFIX],
    ['an ssm prefix', 'ssm', 'ValidationException', PREFIX],
    ['a one-level /aws name', '/awsfoo', 'ValidationException', PREFIX],
    ['an ssm path', '/ssm/x', 'ValidationException', INVALID_NAME_MESSAGE],
    ['an SSM path in capitals', '/SSM/x', 'ValidationException', INVALID_NAME_MESSAGE],
    ['a path under /aws', '/aws/x', 'AccessDeniedException', 'No access to reserved parameter name: aws/x.'],
    ['a path under /Aws', '/Aws/x/y', 'AccessDeniedException', 'No access to reserved parameter name: Aws/x/y.'],
    ['16 levels', levels(16), 'HierarchyLevelLimitExceededException', /maximum of 15 levels/],
    ['an empty name', '', 'ValidationException', /at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1/],
  ])('refuses %s', (_label, name, code, message) => {
    const engine = testEngine();
    expectAwsError(() => put(engine, name, 'v'), code, message);
    expect(ssm(engine, 'DescribeParameters', {})).toEqual({ Parameters: [] });
  });

  it('counts the ARN before the name against the 1011-character limit', () => {
    const engine = testEngine();
    const room = 1011 - engine.parameterArn('').length;
    const longest = `/${'n'.repeat(room - 2)}/x`;
    expect(engine.parameterArn(longest)).toHaveLength(1011);
    expect(put(engine, longest, 'v').Version).toBe(1);
    expectAwsError(() => put(engine, `${longest}y`, 'v'), 'ValidationException', /maximum length for a parameter name that you create is 1011 characters/);
  });

  it('reads a one-level name with or without its leading slash as the same parameter', () => {
    const engine = testEngine();
    put(engine, '/db', 'one');
    expectAwsError(() => put(engine, 'db', 'two'), 'ParameterAlreadyExists');
    expect(get(engine, '/db').Value).toBe('one');
    expect(get(engine, 'db').Name).toBe('db');
  });

  it.each([
    ['a malformed name', 'app/db', 'ValidationException', INVALID_NAME_MESSAGE],
    ['two selectors', '/app/db:1:2', 'ValidationException', INVALID_NAME_MESSAGE],
    ['an empty selector', '/app/db:', 'ValidationException', INVALID_NAME_MESSAGE],
    ['an unknown name', '/app/none', 'ParameterNotFound', 'Parameter /app/none not found.'],
    ['a name under /aws', '/aws/service/x', 'ParameterNotFound', 'Parameter /aws/service/x not found.'],
  ])('GetParameter refuses %s', (_label, name, code, message) => {
    const engine = testEngine();
    put(engine, '/app/db', 'v');
    expectAwsError(() => get(engine, name), code, message);
  });
});
