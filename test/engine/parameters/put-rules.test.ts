import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { expectAwsError, get, put, ssm, type MetadataOut, type Page } from './support';

const EXPIRATION = { Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2030-01-01T00:00:00.000Z' } };
const NO_CHANGE = { Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '30', Unit: 'Days' } };
const STANDARD_TOO_LONG = /^Standard tier parameters support a maximum parameter value of 4096 characters/;
const DOWNGRADE = /^This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier/;

function metadata(engine: Engine, name: string): MetadataOut {
  return ssm<Page<MetadataOut>>(engine, 'DescribeParameters', { ParameterFilters: [{ Key: 'Name', Values: [name] }] }).Parameters[0]!;
}

/** One put in a scenario: its extra members, and the tier it answers or the error it fails with. */
type Step = { value: string; extra?: object } & ({ tier: string } | { error: string; message?: RegExp });

describe('PutParameter tiers', () => {
  const long = (n: number) => 'x'.repeat(n);
  it.each<[string, Step[]]>([
    ['a new parameter defaults to Standard', [{ value: 'v', tier: 'Standard' }]],
    ['Standard holds 4096 characters', [{ value: long(4096), tier: 'Standard' }]],
    ['Standard refuses 4097', [{ value: long(4097), error: 'ValidationException', message: STANDARD_TOO_LONG }]],
    ['Advanced holds 8192', [{ value: long(8192), extra: { Tier: 'Advanced' }, tier: 'Advanced' }]],
    ['Advanced refuses 8193', [{ value: long(8193), extra: { Tier: 'Advanced' }, error: 'ValidationException', message: /maximum parameter value of 8192/ }]],
    ['Intelligent-Tiering keeps a small value Standard', [{ value: 'v', extra: { Tier: 'Intelligent-Tiering' }, tier: 'Standard' }]],
    ['Intelligent-Tiering moves a large value to Advanced', [{ value: long(5000), extra: { Tier: 'Intelligent-Tiering' }, tier: 'Advanced' }]],
    ['Intelligent-Tiering moves a parameter with policies to Advanced', [{ value: 'v', extra: { Tier: 'Intelligent-Tiering', Policies: JSON.stringify([NO_CHANGE]) }, tier: 'Advanced' }]],
    ['Standard refuses policies', [{ value: 'v', extra: { Tier: 'Standard', Policies: JSON.stringify([NO_CHANGE]) }, error: 'ValidationException', message: /only supported for parameters in the advanced-parameter tier/ }]],
    ['a Standard parameter can be upgraded', [{ value: 'v', tier: 'Standard' }, { value: 'w', extra: { Overwrite: true, Tier: 'Advanced' }, tier: 'Advanced' }]],
    ['an omitted Tier keeps Advanced', [{ value: 'v', extra: { Tier: 'Advanced' }, tier: 'Advanced' }, { value: 'w', extra: { Overwrite: true }, tier: 'Advanced' }]],
    ['Intelligent-Tiering never downgrades', [{ value: 'v', extra: { Tier: 'Advanced' }, tier: 'Advanced' }, { value: 'w', extra: { Overwrite: true, Tier: 'Intelligent-Tiering' }, tier: 'Advanced' }]],
    ['Advanced cannot go back to Standard', [{ value: 'v', extra: { Tier: 'Advanced' }, tier: 'Advanced' }, { value: 'w', extra: { Overwrite: true, Tier: 'Standard' }, error: 'ValidationException', message: DOWNGRADE }]],
    ['an unknown Tier', [{ value: 'v', extra: { Tier: 'Premium' }, error: 'ValidationException', message: /Member must satisfy enum value set: \[Standard, Advanced, Intelligent-Tiering\]/ }]],
  ])('%s', (_label, steps) => {
    const engine = testEngine();
    for (const step of steps) {
      const run = () => put(engine, '/t', step.value, step.extra);
      if ('tier' in step) {
        expect(run().Tier).toBe(step.tier);
        expect(metadata(engine, '/t').Tier).toBe(step.tier);
      } else {
        expectAwsError(run, step.error, step.message);
      }
    }
  });
});

describe('PutParameter AllowedPattern', () => {
  it.each([
    ['a matching value', '^\\d+$', '123', true],
    ['a value the pattern rejects', '^\\d+$', 'abc', false],
    ['a partial match (the whole value must match)', '\\d{1,4}', '10000', false],
    ['a whole match without anchors', '\\d{1,4}', '1000', true],
    ['an empty pattern (no constraint)', '', 'anything', true],
  ])('%s', (_label, pattern, value, accepted) => {
    const engine = testEngine();
    const run = () => put(engine, '/p', value, { AllowedPattern: pattern });
    if (accepted) expect(run().Version).toBe(1);
    else {
      const error = expectAwsError(run, 'ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${pattern}`);
      expect(error.message).not.toContain(value);
    }
  });

  it('is enforced on every new version, including ones that omit it', () => {
    const engine = testEngine();
    put(engine, '/p', '1', { AllowedPattern: '[0-9]+' });
    expectAwsError(() => put(engine, '/p', 'one', { Overwrite: true }), 'ParameterPatternMismatchException');
    expect(put(engine, '/p', '2', { Overwrite: true }).Version).toBe(2);
    expect(put(engine, '/p', 'two', { Overwrite: true, AllowedPattern: '[a-z]+' }).Version).toBe(3);
  });

  it('refuses a pattern that is not a regular expression', () => {
    expectAwsError(() => put(testEngine(), '/p', 'v', { AllowedPattern: '(' }), 'InvalidAllowedPatternException');
  });
});

describe('PutParameter DataType', () => {
  it.each([
    ['text by default', {}, 'v', 'text'],
    ['an AMI id of 17 hex digits', { DataType: 'aws:ec2:image' }, 'ami-0123456789abcdef0', 'aws:ec2:image'],
    ['an AMI id of 8 hex digits', { DataType: 'aws:ec2:image' }, 'ami-12345678', 'aws:ec2:image'],
  ])('accepts %s', (_label, extra, value, dataType) => {
    const engine = testEngine();
    put(engine, '/d', value, extra);
    expect(get(engine, '/d').DataType).toBe(dataType);
  });

  it.each([
    ['a value that is not an AMI id (and is not echoed)', { DataType: 'aws:ec2:image' }, 'ami-xyz', /^Parameter value is not a valid image ID for data type aws:ec2:image\.$/],
    ['an upper-case data type', { DataType: 'AWS:EC2:IMAGE' }, 'ami-12345678', 'The following data type is not supported: AWS:EC2:IMAGE (Data type names are all lowercase.)'],
    ['an image id in a StringList', { DataType: 'aws:ec2:image', Type: 'StringList' }, 'ami-12345678', /only supported for parameters of type String/],
  ])('refuses %s', (_label, extra, value, message) => {
    expectAwsError(() => put(testEngine(), '/d', value, extra), 'ValidationException', message);
  });

  it('carries the data type over to a new version', () => {
    const engine = testEngine();
    put(engine, '/d', 'ami-12345678', { DataType: 'aws:ec2:image' });
    expectAwsError(() => put(engine, '/d', 'not-an-image', { Overwrite: true }), 'ValidationException', /not a valid image ID/);
  });
});

describe('PutParameter Policies', () => {
  it('stores policies and lists them with their type', () => {
    const engine = testEngine();
    put(engine, '/pol', 'v', { Tier: 'Advanced', Policies: JSON.stringify([EXPIRATION, NO_CHANGE]) });
    expect(metadata(engine, '/pol').Policies).toEqual([
      { PolicyText: JSON.stringify(EXPIRATION), PolicyType: 'Expiration', PolicyStatus: 'Pending' },
      { PolicyText: JSON.stringify(NO_CHANGE), PolicyType: 'NoChangeNotification', PolicyStatus: 'Pending' },
    ]);
    put(engine, '/pol', 'w', { Overwrite: true });
    expect(metadata(engine, '/pol').Policies.map((p) => p.PolicyType)).toEqual(['Expiration', 'NoChangeNotification']);
  });

  it.each([
    ['text that is not JSON', '{nope', 'InvalidPolicyAttributeException'],
    ['JSON that is not a list of policies', '{"Type":"Expiration"}', 'InvalidPolicyAttributeException'],
    ['an unknown policy type', JSON.stringify([{ Type: 'SelfDestruct' }]), 'InvalidPolicyTypeException'],
    ['two policies of one type', JSON.stringify([EXPIRATION, EXPIRATION]), 'IncompatiblePolicyException'],
    ['more than 10 policies', JSON.stringify(Array.from({ length: 11 }, () => NO_CHANGE)), 'PoliciesLimitExceededException'],
  ])('refuses %s', (_label, policies, code) => {
    expectAwsError(() => put(testEngine(), '/pol', 'v', { Tier: 'Advanced', Policies: policies }), code);
  });
});
