import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { allPages, expectAwsError, put, ssm, type Page, type ParameterOut } from './support';

/** A small tree with near-miss names (/apple beside /app) and one of each shape. */
function tree(): Engine {
  const engine = testEngine();
  put(engine, '/app/prod/db', 'db-prod');
  put(engine, '/app/prod/list', 'a,b', { Type: 'StringList' });
  put(engine, '/app/prod/deep/x', 'x');
  put(engine, '/app/dev/db', 'db-dev');
  put(engine, '/app/top', 'top');
  put(engine, '/apple/x', 'fruit');
  put(engine, 'rootname', 'root');
  return engine;
}

function names(engine: Engine, input: object): string[] {
  return allPages<ParameterOut>(engine, 'GetParametersByPath', input).items.map((p) => p.Name);
}

describe('GetParametersByPath', () => {
  it.each([
    ['one level', { Path: '/app/prod' }, ['/app/prod/db', '/app/prod/list']],
    ['one level with a trailing slash', { Path: '/app/prod/' }, ['/app/prod/db', '/app/prod/list']],
    ['recursive', { Path: '/app/prod', Recursive: true }, ['/app/prod/db', '/app/prod/deep/x', '/app/prod/list']],
    ['recursive, not matching /apple under /app', { Path: '/app', Recursive: true }, ['/app/dev/db', '/app/prod/db', '/app/prod/deep/x', '/app/prod/list', '/app/top']],
    ['a partial segment matches nothing', { Path: '/ap', Recursive: true }, []],
    ['the root level holds one-level names', { Path: '/' }, ['rootname']],
    ['the root recursively holds everything', { Path: '/', Recursive: true }, ['/app/dev/db', '/app/prod/db', '/app/prod/deep/x', '/app/prod/list', '/app/top', '/apple/x', 'rootname']],
    ['the global /aws namespace (empty here)', { Path: '/aws/service', Recursive: true }, []],
    ['a Type filter', { Path: '/app', Recursive: true, ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }] }, ['/app/prod/list']],
    ['a Type BeginsWith filter', { Path: '/app/prod', ParameterFilters: [{ Key: 'Type', Option: 'BeginsWith', Values: ['StringL'] }] }, ['/app/prod/list']],
    ['a KeyId filter (no String has a key)', { Path: '/app', Recursive: true, ParameterFilters: [{ Key: 'KeyId', Values: ['alias/aws/ssm'] }] }, []],
  ])('lists %s', (_label, input, expected) => {
    expect(names(tree(), input)).toEqual(expected);
  });

  it('answers full Parameter members, values included', () => {
    const engine = tree();
    const page = ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/app/prod' });
    expect(page).not.toHaveProperty('NextToken');
    expect(page.Parameters[0]).toEqual({
      Name: '/app/prod/db',
      Type: 'String',
      Value: 'db-prod',
      Version: 1,
      LastModifiedDate: expect.any(Date),
      ARN: engine.parameterArn('/app/prod/db'),
      DataType: 'text',
    });
  });

  it('with a Label filter lists the labelled version, not the latest', () => {
    const engine = tree();
    put(engine, '/app/prod/db', 'db-prod-2', { Overwrite: true });
    ssm(engine, 'LabelParameterVersion', { Name: '/app/prod/db', ParameterVersion: 1, Labels: ['stable'] });
    const page = ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/app', Recursive: true, ParameterFilters: [{ Key: 'Label', Values: ['stable', 'other'] }] });
    expect(page.Parameters.map((p) => [p.Name, p.Version, p.Value])).toEqual([['/app/prod/db', 1, 'db-prod']]);
  });

  it.each([
    ['a path without a leading slash', { Path: 'app' }, 'ValidationException', /^Parameter path: can't be prefixed with "aws" or "ssm"/],
    ['an ssm path', { Path: '/ssm/x' }, 'ValidationException', /^Parameter path:/],
    ['an AWS path in capitals', { Path: '/AWS/x' }, 'ValidationException', /^Parameter path:/],
    ['an empty sub-path', { Path: '/app//x' }, 'ValidationException', /^Parameter path:/],
    ['MaxResults over 10', { Path: '/', MaxResults: 11 }, 'ValidationException', /at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10/],
    ['MaxResults of 0', { Path: '/', MaxResults: 0 }, 'ValidationException', /greater than or equal to 1/],
    ['a Name filter', { Path: '/', ParameterFilters: [{ Key: 'Name', Values: ['x'] }] }, 'InvalidFilterKey', 'The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId, Label].'],
    ['a Path filter', { Path: '/', ParameterFilters: [{ Key: 'Path', Values: ['/x'] }] }, 'InvalidFilterKey', /key is not valid: Path/],
    ['a Tier filter', { Path: '/', ParameterFilters: [{ Key: 'Tier', Values: ['Standard'] }] }, 'InvalidFilterKey', /key is not valid: Tier/],
    ['a tag filter', { Path: '/', ParameterFilters: [{ Key: 'tag:env', Values: ['prod'] }] }, 'InvalidFilterKey', /key is not valid: tag/],
    ['a Label filter with BeginsWith', { Path: '/', ParameterFilters: [{ Key: 'Label', Option: 'BeginsWith', Values: ['s'] }] }, 'InvalidFilterOption', 'The following filter option is not valid: BeginsWith. Valid options include: [Equals].'],
    ['an unknown Type value', { Path: '/', ParameterFilters: [{ Key: 'Type', Values: ['Bogus'] }] }, 'InvalidFilterOption', /filter value is not valid: Bogus/],
    ['a filter without values', { Path: '/', ParameterFilters: [{ Key: 'Type' }] }, 'InvalidFilterValue', 'The following filter values are missing : null for filter key Type.'],
    ['a duplicated filter', { Path: '/', ParameterFilters: [{ Key: 'Type', Values: ['String'] }, { Key: 'Type', Values: ['StringList'] }] }, 'InvalidFilterKey', /filter is duplicated in the request: Type/],
    ['a filter key outside the model', { Path: '/', ParameterFilters: [{ Key: 'Colour', Values: ['red'] }] }, 'ValidationException', /Member must satisfy regular expression pattern/],
  ])('refuses %s', (_label, input, code, message) => {
    expectAwsError(() => ssm(tree(), 'GetParametersByPath', input), code, message);
  });
});

describe('GetParametersByPath pages', () => {
  function many(): Engine {
    const engine = testEngine();
    for (let i = 0; i < 25; i++) put(engine, `/many/p${String(i).padStart(2, '0')}`, `v${i}`, { Type: i % 2 === 0 ? 'StringList' : 'String' });
    return engine;
  }

  it('pages through every parameter once, in name order', () => {
    const { pages, items } = allPages<ParameterOut>(many(), 'GetParametersByPath', { Path: '/many' });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(items.map((p) => p.Name)).toEqual(Array.from({ length: 25 }, (_, i) => `/many/p${String(i).padStart(2, '0')}`));
  });

  it('pages with a filter: full pages of matches only, no token after the last', () => {
    const { pages, items } = allPages<ParameterOut>(many(), 'GetParametersByPath', { Path: '/many', MaxResults: 5, ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }] });
    expect(pages.map((p) => p.length)).toEqual([5, 5, 3]);
    expect(items.every((p) => p.Type === 'StringList')).toBe(true);
    expect(new Set(items.map((p) => p.Name)).size).toBe(13);
  });

  it('stays stable when parameters are added between pages', () => {
    const engine = many();
    const first = ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/many' });
    put(engine, '/many/a-before', 'x');
    put(engine, '/many/z-after', 'y');
    const rest = allPages<ParameterOut>(engine, 'GetParametersByPath', { Path: '/many', NextToken: first.NextToken }).items;
    const seen = [...first.Parameters, ...rest].map((p) => p.Name);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(26);
    expect(seen.at(-1)).toBe('/many/z-after');
  });

  it.each<[string, (token: string) => string, object?]>([
    ['garbage', () => 'garbage'],
    ['a tampered token', (token: string) => `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`],
    ['a token from another path', (token: string) => token, { Path: '/other' }],
    ['a token from another filter', (token: string) => token, { ParameterFilters: [{ Key: 'Type', Values: ['String'] }] }],
  ])('refuses %s as NextToken', (_label, mangle, change = {}) => {
    const engine = many();
    const first = ssm<Page<ParameterOut>>(engine, 'GetParametersByPath', { Path: '/many' });
    expectAwsError(
      () => ssm(engine, 'GetParametersByPath', { Path: '/many', ...change, NextToken: mangle(first.NextToken!) }),
      'InvalidNextToken',
      "The specified token isn't valid.",
    );
  });

  it('refuses a DescribeParameters token', () => {
    const engine = many();
    const token = ssm<Page<unknown>>(engine, 'DescribeParameters', { MaxResults: 5 }).NextToken!;
    expectAwsError(() => ssm(engine, 'GetParametersByPath', { Path: '/many', NextToken: token }), 'InvalidNextToken');
  });
});
