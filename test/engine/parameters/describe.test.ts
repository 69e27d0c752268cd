import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { allPages, expectAwsError, put, ssm, type MetadataOut } from './support';

/** Parameters of every shape the filters look at. */
function store(): Engine {
  const engine = testEngine();
  put(engine, '/app/prod/db', 'v', { Tags: [{ Key: 'env', Value: 'prod' }] });
  put(engine, '/app/prod/list', 'a,b', { Type: 'StringList', Tags: [{ Key: 'env', Value: 'production' }] });
  put(engine, '/app/dev/db', 'v', { Tags: [{ Key: 'env', Value: 'dev' }, { Key: 'owner', Value: 'ana' }] });
  put(engine, '/app/big', 'v', { Tier: 'Advanced' });
  put(engine, '/app/prod/deep/x', 'v');
  put(engine, '/img/base', 'ami-12345678', { DataType: 'aws:ec2:image' });
  put(engine, 'rootname', 'v');
  return engine;
}

function names(engine: Engine, input: object): string[] {
  return allPages<MetadataOut>(engine, 'DescribeParameters', input).items.map((p) => p.Name);
}

const filter = (Key: string, Values?: string[], Option?: string) => ({ ParameterFilters: [{ Key, ...(Values ? { Values } : {}), ...(Option ? { Option } : {}) }] });

describe('DescribeParameters filters', () => {
  it.each([
    ['no filter: everything, by name', {}, ['/app/big', '/app/dev/db', '/app/prod/db', '/app/prod/deep/x', '/app/prod/list', '/img/base', 'rootname']],
    ['Name Equals', filter('Name', ['/app/prod/db', '/nothing']), ['/app/prod/db']],
    ['Name Equals a one-level name with its slash', filter('Name', ['/rootname']), ['rootname']],
    ['Name Equals a one-level name without it', filter('Name', ['rootname']), ['rootname']],
    ['Name BeginsWith', filter('Name', ['/app/prod'], 'BeginsWith'), ['/app/prod/db', '/app/prod/deep/x', '/app/prod/list']],
    ['Name Contains', filter('Name', ['db'], 'Contains'), ['/app/dev/db', '/app/prod/db']],
    ['Type', filter('Type', ['StringList']), ['/app/prod/list']],
    ['Type BeginsWith', filter('Type', ['StringL'], 'BeginsWith'), ['/app/prod/list']],
    ['Tier', filter('Tier', ['Advanced']), ['/app/big']],
    ['DataType', filter('DataType', ['aws:ec2:image']), ['/img/base']],
    ['KeyId (only SecureStrings have one)', filter('KeyId', ['alias/aws/ssm']), []],
    ['a tag value', filter('tag:env', ['prod']), ['/app/prod/db']],
    ['a tag value prefix', filter('tag:env', ['prod'], 'BeginsWith'), ['/app/prod/db', '/app/prod/list']],
    ['a tag key alone', filter('tag:owner'), ['/app/dev/db']],
    ['Path one level (the default)', filter('Path', ['/app/prod']), ['/app/prod/db', '/app/prod/list']],
    ['Path one level with a trailing slash', filter('Path', ['/app/prod/']), ['/app/prod/db', '/app/prod/list']],
    ['Path one level at the root', filter('Path', ['/']), ['rootname']],
    ['Path recursive', filter('Path', ['/app'], 'Recursive'), ['/app/big', '/app/dev/db', '/app/prod/db', '/app/prod/deep/x', '/app/prod/list']],
    ['Path recursive at the root', filter('Path', ['/'], 'Recursive'), ['/app/big', '/app/dev/db', '/app/prod/db', '/app/prod/deep/x', '/app/prod/list', '/img/base', 'rootname']],
    ['Path with two values', filter('Path', ['/app/dev', '/img']), ['/app/dev/db', '/img/base']],
    [
      'several filters together (all must match)',
      { ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: ['/app'] }, { Key: 'tag:env', Option: 'BeginsWith', Values: ['prod'] }, { Key: 'Type', Values: ['String'] }] },
      ['/app/prod/db'],
    ],
    ['the older Filters: Name begins with', { Filters: [{ Key: 'Name', Values: ['/app/p'] }] }, ['/app/prod/db', '/app/prod/deep/x', '/app/prod/list']],
    ['the older Filters: Type and Name together', { Filters: [{ Key: 'Type', Values: ['String'] }, { Key: 'Name', Values: ['/app/prod'] }] }, ['/app/prod/db', '/app/prod/deep/x']],
    ['Shared: nothing is shared with a local store', { Shared: true }, []],
  ])('%s', (_label, input, expected) => {
    expect(names(store(), input)).toEqual(expected);
  });

  it('never answers a value', () => {
    const [first] = allPages<MetadataOut>(store(), 'DescribeParameters', {}).items;
    expect(first).not.toHaveProperty('Value');
    expect(Object.keys(first!)).toEqual(['Name', 'ARN', 'Type', 'LastModifiedDate', 'LastModifiedUser', 'Version', 'Tier', 'Policies', 'DataType']);
  });

  it.each([
    ['Filters with ParameterFilters', { Filters: [{ Key: 'Name', Values: ['/a'] }], ...filter('Type', ['String']) }, 'ValidationException', 'You can use either Filters or ParameterFilters in a single request.'],
    ['a Label filter', filter('Label', ['x']), 'InvalidFilterKey', 'The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier, DataType].'],
    ['an unknown Name option', filter('Name', ['x'], 'Fuzzy'), 'InvalidFilterOption', 'The following filter option is not valid: Fuzzy. Valid options include: [Equals, BeginsWith, Contains].'],
    ['Contains on Type', filter('Type', ['S'], 'Contains'), 'InvalidFilterOption', 'The following filter option is not valid: Contains. Valid options include: [Equals, BeginsWith].'],
    ['Equals on Path', filter('Path', ['/app'], 'Equals'), 'InvalidFilterOption', 'The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].'],
    ['an unknown Tier', filter('Tier', ['Gold']), 'InvalidFilterOption', /filter value is not valid: Gold/],
    ['an unknown DataType', filter('DataType', ['blob']), 'InvalidFilterOption', /filter value is not valid: blob/],
    ['a Path under /aws', filter('Path', ['/aws/service']), 'ValidationException', /Filters for common parameters can't be prefixed with "aws" or "ssm"/],
    ['a Path without its slash', filter('Path', ['app']), 'ValidationException', /must begin with a forward slash/],
    ['a Name filter without values', filter('Name'), 'InvalidFilterValue', 'The following filter values are missing : null for filter key Name.'],
    ['a filter key outside the model', filter('Colour', ['red']), 'ValidationException', /regular expression pattern: tag:\.\+\|Name\|Type/],
    ['an older Filters key outside its enum', { Filters: [{ Key: 'Tier', Values: ['Advanced'] }] }, 'ValidationException', /enum value set: \[Name, Type, KeyId\]/],
    ['MaxResults over 50', { MaxResults: 51 }, 'ValidationException', /less than or equal to 50/],
  ])('refuses %s', (_label, input, code, message) => {
    expectAwsError(() => ssm(store(), 'DescribeParameters', input), code, message);
  });
});

describe('DescribeParameters pages', () => {
  it('pages a filtered listing: every match once, in order, with full pages', () => {
    const engine = testEngine();
    for (let i = 0; i < 60; i++) {
      put(engine, `/fleet/n${String(i).padStart(2, '0')}`, 'v', i % 3 === 0 ? { Tags: [{ Key: 'role', Value: 'web' }] } : {});
    }
    const { pages, items } = allPages<MetadataOut>(engine, 'DescribeParameters', { MaxResults: 7, ...filter('tag:role', ['web']) });
    expect(pages.map((p) => p.length)).toEqual([7, 7, 6]);
    expect(items.map((p) => p.Name)).toEqual(Array.from({ length: 20 }, (_, i) => `/fleet/n${String(i * 3).padStart(2, '0')}`));
    expect(allPages<MetadataOut>(engine, 'DescribeParameters', {}).pages.map((p) => p.length)).toEqual([50, 10]);
  });
});
