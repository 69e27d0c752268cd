import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../source/engine/clock';
import { ALLOW_ALL, contextFor, testEngine } from '../../helpers/engine';
import { expectAwsError, get, put, ssm, type MetadataOut, type Page } from './support';

function describeOne(engine: ReturnType<typeof testEngine>, name: string): MetadataOut {
  const page = ssm<Page<MetadataOut>>(engine, 'DescribeParameters', { ParameterFilters: [{ Key: 'Name', Values: [name] }] });
  expect(page.Parameters).toHaveLength(1);
  return page.Parameters[0]!;
}

describe('PutParameter', () => {
  it('creates version 1 and answers it with the tier; the record carries the clock time and the caller', () => {
    const clock = manualClock(Date.UTC(2026, 2, 1, 12));
    const engine = testEngine({ clock });
    const alice = contextFor(engine, 'alice', ALLOW_ALL);
    expect(ssm(engine, 'PutParameter', { Name: '/app/url', Value: 'https://x', Type: 'String', Description: 'where' }, alice)).toEqual({
      Version: 1,
      Tier: 'Standard',
    });
    expect(get(engine, '/app/url')).toEqual({
      Name: '/app/url',
      Type: 'String',
      Value: 'https://x',
      Version: 1,
      LastModifiedDate: new Date(Date.UTC(2026, 2, 1, 12)),
      ARN: engine.parameterArn('/app/url'),
      DataType: 'text',
    });
    expect(describeOne(engine, '/app/url')).toEqual({
      Name: '/app/url',
      ARN: engine.parameterArn('/app/url'),
      Type: 'String',
      LastModifiedDate: new Date(Date.UTC(2026, 2, 1, 12)),
      LastModifiedUser: alice.principal.arn,
      Description: 'where',
      Version: 1,
      Tier: 'Standard',
      Policies: [],
      DataType: 'text',
    });
  });

  it.each([
    ['no Type for a new parameter', { Name: '/a', Value: 'v' }, 'ValidationException', 'A parameter type is required when you create a parameter.'],
    [
      'an unknown Type',
      { Name: '/a', Value: 'v', Type: 'Text' },
      'ValidationException',
      "1 validation error detected: Value 'Text' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]",
    ],
    [
      'an empty value',
      { Name: '/a', Value: '', Type: 'String' },
      'ValidationException',
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    ['no value', { Name: '/a', Type: 'String' }, 'ValidationException', /Value null at 'value' failed to satisfy constraint: Member must not be null/],
    [
      'Tags with Overwrite',
      { Name: '/a', Value: 'v', Type: 'String', Overwrite: true, Tags: [{ Key: 'k', Value: 'v' }] },
      'ValidationException',
      /tags and overwrite can't be used together/,
    ],
    ['a KeyId outside its pattern', { Name: '/a', Value: 'v', Type: 'String', KeyId: 'bad key' }, 'ValidationException', /at 'keyId' failed to satisfy constraint/],
    ['a Description over 1024 characters', { Name: '/a', Value: 'v', Type: 'String', Description: 'd'.repeat(1025) }, 'ValidationException', /'description'/],
    ['a wrongly typed member', { Name: '/a', Value: 7, Type: 'String' }, 'SerializationException', undefined],
  ])('refuses %s and stores nothing', (_label, input, code, message) => {
    const engine = testEngine();
    expectAwsError(() => ssm(engine, 'PutParameter', input), code, message);
    expect(ssm(engine, 'DescribeParameters', {})).toEqual({ Parameters: [] });
  });

  it('refuses to replace an existing parameter without Overwrite', () => {
    const engine = testEngine();
    put(engine, '/a', 'one');
    expectAwsError(
      () => put(engine, '/a', 'two'),
      'ParameterAlreadyExists',
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
    expect(get(engine, '/a')).toMatchObject({ Value: 'one', Version: 1 });
  });

  it('with Overwrite adds a version, keeping the type when Type is omitted', () => {
    const engine = testEngine();
    put(engine, '/list', 'a,b', { Type: 'StringList' });
    expect(ssm(engine, 'PutParameter', { Name: '/list', Value: 'a,b,c', Overwrite: true })).toEqual({ Version: 2, Tier: 'Standard' });
    expect(get(engine, '/list')).toMatchObject({ Type: 'StringList', Value: 'a,b,c', Version: 2 });
    expect(put(engine, '/list', 'plain', { Overwrite: true })).toEqual({ Version: 3, Tier: 'Standard' });
    expect(get(engine, '/list').Type).toBe('String');
  });

  it('refuses a KeyId for a value that would be stored as plain text, named or kept type alike, and stores nothing', () => {
    const engine = testEngine();
    const message = 'KeyId is required for SecureString type parameter only.';
    expectAwsError(() => ssm(engine, 'PutParameter', { Name: '/k', Value: 'fake', Type: 'String', KeyId: 'alias/aws/ssm' }), 'ValidationException', message);
    expectAwsError(() => get(engine, '/k'), 'ParameterNotFound');
    put(engine, '/k', 'one');
    expectAwsError(() => ssm(engine, 'PutParameter', { Name: '/k', Value: 'fake-two', KeyId: 'alias/aws/ssm', Overwrite: true }), 'ValidationException', message);
    expect(get(engine, '/k')).toMatchObject({ Type: 'String', Value: 'one', Version: 1 });
    expect(ssm(engine, 'PutParameter', { Name: '/k', Value: 'fake-two', Type: 'SecureString', KeyId: 'alias/aws/ssm', Overwrite: true })).toEqual({ Version: 2, Tier: 'Standard' });
  });

  it('carries Description and AllowedPattern over to a new version when they are omitted', () => {
    const engine = testEngine();
    put(engine, '/port', '80', { Description: 'the port', AllowedPattern: '\\d+' });
    put(engine, '/port', '443', { Overwrite: true });
    expect(describeOne(engine, '/port')).toMatchObject({ Version: 2, Description: 'the port', AllowedPattern: '\\d+' });
    put(engine, '/port', '8080', { Overwrite: true, Description: 'new words' });
    expect(describeOne(engine, '/port')).toMatchObject({ Version: 3, Description: 'new words', AllowedPattern: '\\d+' });
  });

  it('stores tags given at creation', () => {
    const engine = testEngine();
    put(engine, '/t', 'v', { Tags: [{ Key: 'team', Value: 'core' }] });
    expect(ssm(engine, 'ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/t' })).toEqual({ TagList: [{ Key: 'team', Value: 'core' }] });
  });

  it('stores nothing when a later step of the put fails (too many tags)', () => {
    const engine = testEngine();
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expectAwsError(() => put(engine, '/t', 'v', { Tags: tags }), 'TooManyTagsError');
    expectAwsError(() => get(engine, '/t'), 'ParameterNotFound');
  });

  it('restarts at version 1 after a delete', () => {
    const engine = testEngine();
    put(engine, '/r', 'a');
    put(engine, '/r', 'b', { Overwrite: true });
    ssm(engine, 'DeleteParameter', { Name: '/r' });
    expect(put(engine, '/r', 'c').Version).toBe(1);
    expect(ssm<Page<unknown>>(engine, 'GetParameterHistory', { Name: '/r' }).Parameters).toHaveLength(1);
  });
});
