import { describe, expect, it } from 'vitest';
import { createKey, expectAwsError, kms, kmsEngine } from './kms-helpers';

describe('GetKeyPolicy and PutKeyPolicy', () => {
  it("starts from AWS's default key policy for the account root", () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const answer = kms(engine, 'GetKeyPolicy', { KeyId, PolicyName: 'default' });
    expect(answer.PolicyName).toBe('default');
    expect(JSON.parse(answer.Policy)).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
  });

  it('stores a policy as given, from CreateKey or PutKeyPolicy', () => {
    const { engine } = kmsEngine();
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
        { Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    const { KeyId } = createKey(engine, { Policy: policy });
    expect(kms(engine, 'GetKeyPolicy', { KeyId }).Policy).toBe(policy);
    const next = `${policy}\n`;
    expect(kms(engine, 'PutKeyPolicy', { KeyId, PolicyName: 'default', Policy: next })).toEqual({});
    expect(kms(engine, 'GetKeyPolicy', { KeyId }).Policy).toBe(next);
  });

  it.each([
    [{ Policy: 'not json' }, 'MalformedPolicyDocumentException'],
    [{ Policy: '[]' }, 'MalformedPolicyDocumentException'],
    [{ Policy: '{"Statement":[]}' }, 'MalformedPolicyDocumentException'],
    [{ Policy: '{"Statement":[{"Effect":"Maybe"}]}' }, 'MalformedPolicyDocumentException'],
    [{ Policy: '{"Statement":{"Effect":"Allow","Sid":"\u2603"}}' }, 'ValidationException'],
    [{ Policy: '' }, 'ValidationException'],
    [{}, 'ValidationException'],
    [{ Policy: '{"Statement":{"Effect":"Allow"}}', PolicyName: 'other' }, 'NotFoundException'],
  ])('refuses PutKeyPolicy with %j', (input, code) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const before = kms(engine, 'GetKeyPolicy', { KeyId }).Policy;
    expectAwsError(() => kms(engine, 'PutKeyPolicy', { KeyId, ...input }), code);
    expect(kms(engine, 'GetKeyPolicy', { KeyId }).Policy).toBe(before);
  });
});

describe('TagResource, UntagResource, ListResourceTags', () => {
  it('adds, replaces, lists in order and removes tags', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine, { Tags: [{ TagKey: 'team', TagValue: 'core' }] });
    kms(engine, 'TagResource', { KeyId, Tags: [{ TagKey: 'env', TagValue: 'prod' }, { TagKey: 'team', TagValue: 'platform' }, { TagKey: 'empty', TagValue: '' }] });
    expect(kms(engine, 'ListResourceTags', { KeyId })).toEqual({
      Tags: [
        { TagKey: 'empty', TagValue: '' },
        { TagKey: 'env', TagValue: 'prod' },
        { TagKey: 'team', TagValue: 'platform' },
      ],
      Truncated: false,
    });
    kms(engine, 'UntagResource', { KeyId, TagKeys: ['env', 'not-there'] });
    const page = kms(engine, 'ListResourceTags', { KeyId, Limit: 1 });
    expect(page.Tags).toEqual([{ TagKey: 'empty', TagValue: '' }]);
    expect(kms(engine, 'ListResourceTags', { KeyId, Marker: page.NextMarker }).Tags).toEqual([{ TagKey: 'team', TagValue: 'platform' }]);
  });

  it('allows 50 tags and refuses the 51st, changing nothing', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    const fifty = Array.from({ length: 50 }, (_, i) => ({ TagKey: `k${i}`, TagValue: 'v' }));
    kms(engine, 'TagResource', { KeyId, Tags: fifty });
    expectAwsError(() => kms(engine, 'TagResource', { KeyId, Tags: [{ TagKey: 'one-more', TagValue: 'v' }] }), 'TagException');
    expect(kms(engine, 'ListResourceTags', { KeyId }).Tags).toHaveLength(50);
  });

  it.each([
    [[{ TagKey: 'aws:cost', TagValue: 'x' }], 'TagException'],
    [[{ TagKey: '', TagValue: 'x' }], 'ValidationException'],
    [[{ TagKey: 'k'.repeat(129), TagValue: 'x' }], 'ValidationException'],
    [[{ TagKey: 'k', TagValue: 'v'.repeat(257) }], 'ValidationException'],
    [[{ TagKey: 'k' }], 'ValidationException'],
  ])('refuses tags %j', (tags, code) => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine);
    expectAwsError(() => kms(engine, 'TagResource', { KeyId, Tags: tags }), code);
  });

  it('refuses tagging a key pending deletion but still lists its tags', () => {
    const { engine } = kmsEngine();
    const { KeyId } = createKey(engine, { Tags: [{ TagKey: 'a', TagValue: 'b' }] });
    kms(engine, 'ScheduleKeyDeletion', { KeyId });
    expectAwsError(() => kms(engine, 'TagResource', { KeyId, Tags: [{ TagKey: 'c', TagValue: 'd' }] }), 'KMSInvalidStateException');
    expectAwsError(() => kms(engine, 'UntagResource', { KeyId, TagKeys: ['a'] }), 'KMSInvalidStateException');
    expect(kms(engine, 'ListResourceTags', { KeyId }).Tags).toEqual([{ TagKey: 'a', TagValue: 'b' }]);
  });
});
