import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../source/engine/clock';
import { ALLOW_ALL, contextFor, testEngine } from '../../helpers/engine';
import { allPages, expectAwsError, put, ssm, type HistoryOut, type Page } from './support';

describe('GetParameterHistory', () => {
  it('lists every version oldest first, each with its own value, author, tier and labels', () => {
    const clock = manualClock(Date.UTC(2026, 0, 1));
    const engine = testEngine({ clock });
    const bob = contextFor(engine, 'bob', ALLOW_ALL);
    put(engine, '/h/x', 'one', { Description: 'first', AllowedPattern: '[a-z]+' });
    clock.advance(60_000);
    ssm(engine, 'PutParameter', { Name: '/h/x', Value: 'two', Overwrite: true, Tier: 'Advanced' }, bob);
    ssm(engine, 'LabelParameterVersion', { Name: '/h/x', ParameterVersion: 1, Labels: ['old', 'first'] });

    const history = ssm<Page<HistoryOut>>(engine, 'GetParameterHistory', { Name: '/h/x' });
    expect(history).toEqual({
      Parameters: [
        {
          Name: '/h/x',
          Type: 'String',
          LastModifiedDate: new Date(Date.UTC(2026, 0, 1)),
          LastModifiedUser: contextFor(engine).principal.arn,
          Description: 'first',
          Value: 'one',
          AllowedPattern: '[a-z]+',
          Version: 1,
          Labels: ['first', 'old'],
          Tier: 'Standard',
          Policies: [],
          DataType: 'text',
        },
        {
          Name: '/h/x',
          Type: 'String',
          LastModifiedDate: new Date(Date.UTC(2026, 0, 1, 0, 1)),
          LastModifiedUser: bob.principal.arn,
          Description: 'first',
          Value: 'two',
          AllowedPattern: '[a-z]+',
          Version: 2,
          Labels: [],
          Tier: 'Advanced',
          Policies: [],
          DataType: 'text',
        },
      ],
    });
  });

  it('pages through the versions, 50 by default', () => {
    const engine = testEngine();
    for (let i = 1; i <= 53; i++) put(engine, '/h/many', `v${i}`, { Overwrite: i > 1 });
    ssm(engine, 'LabelParameterVersion', { Name: '/h/many', ParameterVersion: 12, Labels: ['twelve'] });
    const small = allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/h/many', MaxResults: 10 });
    expect(small.pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 3]);
    expect(small.items.map((h) => h.Version)).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
    expect(small.items.find((h) => h.Version === 12)!.Labels).toEqual(['twelve']);
    expect(allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: '/h/many' }).pages.map((p) => p.length)).toEqual([50, 3]);
  });

  it('refuses a token of another parameter, or of the same name deleted and created again', () => {
    const engine = testEngine();
    for (const name of ['/h/a', '/h/b']) for (let i = 1; i <= 3; i++) put(engine, name, `v${i}`, { Overwrite: i > 1 });
    const token = ssm<Page<HistoryOut>>(engine, 'GetParameterHistory', { Name: '/h/a', MaxResults: 1 }).NextToken!;
    expect(ssm<Page<HistoryOut>>(engine, 'GetParameterHistory', { Name: '/h/a', MaxResults: 1, NextToken: token }).Parameters[0]!.Version).toBe(2);
    expectAwsError(() => ssm(engine, 'GetParameterHistory', { Name: '/h/b', NextToken: token }), 'InvalidNextToken', "The specified token isn't valid.");
    ssm(engine, 'DeleteParameter', { Name: '/h/a' });
    put(engine, '/h/a', 'again');
    expectAwsError(() => ssm(engine, 'GetParameterHistory', { Name: '/h/a', NextToken: token }), 'InvalidNextToken');
  });

  it.each([
    ['an unknown name', { Name: '/h/none' }, 'ParameterNotFound', 'Parameter /h/none not found.'],
    ['MaxResults over 50', { Name: '/h/x', MaxResults: 51 }, 'ValidationException', /less than or equal to 50/],
    ['a malformed name', { Name: 'h/x' }, 'ValidationException', /^Parameter name: can't be prefixed/],
  ])('refuses %s', (_label, input, code, message) => {
    const engine = testEngine();
    put(engine, '/h/x', 'v');
    expectAwsError(() => ssm(engine, 'GetParameterHistory', input), code, message);
  });
});
