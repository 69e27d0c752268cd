import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { expectAwsError, put, ssm } from './support';

function tagged(): Engine {
  const engine = testEngine();
  put(engine, '/t/x', 'v', { Tags: [{ Key: 'team', Value: 'core' }] });
  return engine;
}

const list = (engine: Engine, id = '/t/x') => ssm<{ TagList: { Key: string; Value: string }[] }>(engine, 'ListTagsForResource', { ResourceType: 'Parameter', ResourceId: id }).TagList;
const add = (engine: Engine, tags: object[], id = '/t/x') => ssm(engine, 'AddTagsToResource', { ResourceType: 'Parameter', ResourceId: id, Tags: tags });

describe('parameter tags', () => {
  it('adds, overwrites and lists tags by key', () => {
    const engine = tagged();
    expect(add(engine, [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'platform' }])).toEqual({});
    expect(list(engine)).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'platform' },
    ]);
  });

  it('removes tags, ignoring keys the parameter does not carry', () => {
    const engine = tagged();
    add(engine, [{ Key: 'env', Value: 'prod' }]);
    expect(ssm(engine, 'RemoveTagsFromResource', { ResourceType: 'Parameter', ResourceId: '/t/x', TagKeys: ['team', 'nope'] })).toEqual({});
    expect(list(engine)).toEqual([{ Key: 'env', Value: 'prod' }]);
  });

  it('addresses a one-level parameter with or without its slash', () => {
    const engine = testEngine();
    put(engine, 'solo', 'v');
    add(engine, [{ Key: 'k', Value: '' }], '/solo');
    expect(list(engine, 'solo')).toEqual([{ Key: 'k', Value: '' }]);
  });

  it('allows 50 tags and refuses one more, changing nothing', () => {
    const engine = tagged();
    add(engine, Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })));
    expect(list(engine)).toHaveLength(50);
    add(engine, [{ Key: 'team', Value: 'replaced' }]);
    expectAwsError(() => add(engine, [{ Key: 'k0', Value: 'changed' }, { Key: 'extra', Value: 'v' }]), 'TooManyTagsError');
    expect(list(engine).find((t) => t.Key === 'k0')!.Value).toBe('v');
  });

  it.each([
    ['an empty key', [{ Key: '', Value: 'v' }], 'ValidationException', /Member must have length greater than or equal to 1/],
    ['a 129-character key', [{ Key: 'k'.repeat(129), Value: 'v' }], 'ValidationException', /less than or equal to 128/],
    ['a 257-character value', [{ Key: 'k', Value: 'v'.repeat(257) }], 'ValidationException', /less than or equal to 256/],
    ['a key outside the charset', [{ Key: 'a*b', Value: 'v' }], 'ValidationException', /at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern/],
    ['an aws: key', [{ Key: 'AWS:owner', Value: 'v' }], 'ValidationException', /reserved for AWS use/],
    ['a missing value', [{ Key: 'k' }], 'ValidationException', /Member must not be null/],
  ])('refuses %s', (_label, tags, code, message) => {
    const engine = tagged();
    expectAwsError(() => add(engine, tags), code, message);
    expect(list(engine)).toEqual([{ Key: 'team', Value: 'core' }]);
  });

  it.each([
    ['AddTagsToResource', { Tags: [{ Key: 'k', Value: 'v' }] }],
    ['RemoveTagsFromResource', { TagKeys: ['k'] }],
    ['ListTagsForResource', {}],
  ])('%s refuses other resource types and unknown parameters', (operation, extra) => {
    const engine = tagged();
    expectAwsError(() => ssm(engine, operation, { ResourceType: 'Document', ResourceId: 'doc', ...extra }), 'InvalidResourceType');
    expectAwsError(() => ssm(engine, operation, { ResourceType: 'Bucket', ResourceId: 'b', ...extra }), 'ValidationException', /Member must satisfy enum value set: \[Document, ManagedInstance/);
    expectAwsError(() => ssm(engine, operation, { ResourceType: 'Parameter', ResourceId: '/t/none', ...extra }), 'InvalidResourceId', "The resource ID isn't valid. Verify that you entered the correct ID and try again.");
    expectAwsError(() => ssm(engine, operation, { ResourceType: 'Parameter', ResourceId: 'bad name', ...extra }), 'InvalidResourceId');
  });

  it('go with the parameter when it is deleted', () => {
    const engine = tagged();
    ssm(engine, 'DeleteParameter', { Name: '/t/x' });
    put(engine, '/t/x', 'again');
    expect(list(engine)).toEqual([]);
  });
});
