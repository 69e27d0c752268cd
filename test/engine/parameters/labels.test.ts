import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { expectAwsError, put, ssm, type HistoryOut, type Page } from './support';

/** /l/x at versions 1..3. */
function three(): Engine {
  const engine = testEngine();
  for (let i = 1; i <= 3; i++) put(engine, '/l/x', `v${i}`, { Overwrite: i > 1 });
  return engine;
}

function labelsByVersion(engine: Engine): Record<number, string[]> {
  const history = ssm<Page<HistoryOut>>(engine, 'GetParameterHistory', { Name: '/l/x' }).Parameters;
  return Object.fromEntries(history.map((h) => [h.Version, h.Labels]));
}

describe('LabelParameterVersion', () => {
  it.each([
    ['a plain label', 'prod', 'accepted'],
    ['every allowed symbol', 'Blue_green.v-2', 'accepted'],
    ['100 characters', 'l'.repeat(100), 'accepted'],
    ['a leading digit', '1prod', 'refused'],
    ['an aws prefix', 'awsome', 'refused'],
    ['an AWS prefix in capitals', 'AWSlabel', 'refused'],
    ['an ssm prefix', 'ssm-label', 'refused'],
    ['a slash', 'a/b', 'refused'],
    ['a space', 'a b', 'refused'],
    ['a colon', 'a:b', 'refused'],
  ])('%s is %s', (_label, label, verdict) => {
    const valid = verdict === 'accepted';
    const engine = three();
    expect(ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 2, Labels: [label] })).toEqual({
      InvalidLabels: valid ? [] : [label],
      ParameterVersion: 2,
    });
    expect(labelsByVersion(engine)[2]).toEqual(valid ? [label] : []);
  });

  it('applies the valid labels of a mixed request and returns the others', () => {
    const engine = three();
    expect(ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 1, Labels: ['good', '9bad', 'fine', 'ssm'] })).toEqual({
      InvalidLabels: ['9bad', 'ssm'],
      ParameterVersion: 1,
    });
    expect(labelsByVersion(engine)[1]).toEqual(['fine', 'good']);
  });

  it('labels the latest version when ParameterVersion is omitted', () => {
    const engine = three();
    expect(ssm(engine, 'LabelParameterVersion', { Name: '/l/x', Labels: ['head'] })).toEqual({ InvalidLabels: [], ParameterVersion: 3 });
  });

  it('moves a label from the version that had it', () => {
    const engine = three();
    ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 1, Labels: ['prod', 'keep'] });
    ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 3, Labels: ['prod'] });
    expect(labelsByVersion(engine)).toEqual({ 1: ['keep'], 2: [], 3: ['prod'] });
  });

  it('allows 10 labels on a version and refuses an 11th, changing nothing', () => {
    const engine = three();
    const ten = Array.from({ length: 10 }, (_, i) => `l${i}`);
    ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 1, Labels: ten });
    ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 2, Labels: ['eleventh'] });
    expectAwsError(
      () => ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 1, Labels: ['eleventh', 'l0'] }),
      'ParameterVersionLabelLimitExceeded',
      /A parameter version can have maximum 10 labels/,
    );
    expect(labelsByVersion(engine)).toEqual({ 1: [...ten].sort(), 2: ['eleventh'], 3: [] });
    expect(ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 1, Labels: ['l9'] }).InvalidLabels).toEqual([]);
  });

  it.each([
    ['an unknown parameter', { Name: '/l/none', Labels: ['a'] }, 'ParameterNotFound', 'Parameter /l/none not found.'],
    ['a version that does not exist', { Name: '/l/x', ParameterVersion: 7, Labels: ['a'] }, 'ParameterVersionNotFound', 'Systems Manager could not find version 7 of /l/x. Verify the version and try again.'],
    ['a label over 100 characters', { Name: '/l/x', Labels: ['l'.repeat(101)] }, 'ValidationException', /Member must have length less than or equal to 100/],
    ['no labels', { Name: '/l/x', Labels: [] }, 'ValidationException', /Member must have length greater than or equal to 1/],
    ['more than 10 labels in one call', { Name: '/l/x', Labels: Array.from({ length: 11 }, (_, i) => `l${i}`) }, 'ValidationException', /less than or equal to 10/],
  ])('refuses %s', (_label, input, code, message) => {
    expectAwsError(() => ssm(three(), 'LabelParameterVersion', input), code, message);
  });
});

describe('UnlabelParameterVersion', () => {
  it('removes labels from the version and reports the ones it does not carry', () => {
    const engine = three();
    ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 2, Labels: ['a', 'b'] });
    ssm(engine, 'LabelParameterVersion', { Name: '/l/x', ParameterVersion: 3, Labels: ['c'] });
    expect(ssm(engine, 'UnlabelParameterVersion', { Name: '/l/x', ParameterVersion: 2, Labels: ['a', 'c', 'zz'] })).toEqual({
      RemovedLabels: ['a'],
      InvalidLabels: ['c', 'zz'],
    });
    expect(labelsByVersion(engine)).toEqual({ 1: [], 2: ['b'], 3: ['c'] });
  });

  it.each([
    ['no ParameterVersion', { Name: '/l/x', Labels: ['a'] }, 'ValidationException', "1 validation error detected: Value null at 'parameterVersion' failed to satisfy constraint: Member must not be null"],
    ['a version that does not exist', { Name: '/l/x', ParameterVersion: 9, Labels: ['a'] }, 'ParameterVersionNotFound', /could not find version 9 of \/l\/x/],
    ['an unknown parameter', { Name: '/l/none', ParameterVersion: 1, Labels: ['a'] }, 'ParameterNotFound', undefined],
  ])('refuses %s', (_label, input, code, message) => {
    expectAwsError(() => ssm(three(), 'UnlabelParameterVersion', input), code, message);
  });
});
