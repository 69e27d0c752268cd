import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { allPages, expectAwsError, get, put, ssm, type HistoryOut } from './support';

function putVersions(engine: Engine, name: string, count: number): void {
  for (let i = 1; i <= count; i++) put(engine, name, `value ${i}`, { Overwrite: i > 1 });
}

function keptVersions(engine: Engine, name: string): number[] {
  return allPages<HistoryOut>(engine, 'GetParameterHistory', { Name: name }).items.map((h) => h.Version);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the 100-version limit', () => {
  it('keeps 100 versions and drops the oldest when the 101st is put', () => {
    const engine = testEngine();
    putVersions(engine, '/app/v', 100);
    expect(keptVersions(engine, '/app/v')).toEqual(range(1, 100));
    expect(put(engine, '/app/v', 'value 101', { Overwrite: true }).Version).toBe(101);
    expect(keptVersions(engine, '/app/v')).toEqual(range(2, 101));
    expectAwsError(() => get(engine, '/app/v:1'), 'ParameterVersionNotFound', 'Systems Manager could not find version 1 of /app/v. Verify the version and try again.');
    expect(get(engine, '/app/v:2').Value).toBe('value 2');
    put(engine, '/app/v', 'value 102', { Overwrite: true });
    expect(keptVersions(engine, '/app/v')).toEqual(range(3, 102));
  });

  it('refuses the 101st version while the oldest carries a label, until the label moves', () => {
    const engine = testEngine();
    putVersions(engine, '/app/v', 100);
    ssm(engine, 'LabelParameterVersion', { Name: '/app/v', ParameterVersion: 1, Labels: ['golden'] });
    expectAwsError(
      () => put(engine, '/app/v', 'value 101', { Overwrite: true }),
      'ParameterMaxVersionLimitExceeded',
      "You attempted to create a new version of /app/v by calling the PutParameter API with the overwrite flag. Version 1, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
    );
    expect(get(engine, '/app/v')).toMatchObject({ Version: 100, Value: 'value 100' });
    expect(keptVersions(engine, '/app/v')).toEqual(range(1, 100));

    ssm(engine, 'LabelParameterVersion', { Name: '/app/v', ParameterVersion: 50, Labels: ['golden'] });
    expect(put(engine, '/app/v', 'value 101', { Overwrite: true }).Version).toBe(101);
    expect(keptVersions(engine, '/app/v')).toEqual(range(2, 101));
    expect(get(engine, '/app/v:golden')).toMatchObject({ Version: 50, Selector: ':golden' });
  });

  it('does not count labels on versions other than the oldest', () => {
    const engine = testEngine();
    putVersions(engine, '/app/v', 100);
    ssm(engine, 'LabelParameterVersion', { Name: '/app/v', ParameterVersion: 2, Labels: ['keep'] });
    expect(put(engine, '/app/v', 'value 101', { Overwrite: true }).Version).toBe(101);
    expectAwsError(() => put(engine, '/app/v', 'value 102', { Overwrite: true }), 'ParameterMaxVersionLimitExceeded', /Version 2, the oldest version/);
  });
});
