import { describe, expect, it } from 'vitest';
import { testEngine } from '../../helpers/engine';
import { expectAwsError, get, put, ssm } from './support';

describe('DeleteParameter', () => {
  it('removes the parameter with all its versions and labels', () => {
    const engine = testEngine();
    put(engine, '/d/x', 'a');
    put(engine, '/d/x', 'b', { Overwrite: true });
    ssm(engine, 'LabelParameterVersion', { Name: '/d/x', ParameterVersion: 1, Labels: ['old'] });
    expect(ssm(engine, 'DeleteParameter', { Name: '/d/x' })).toEqual({});
    expectAwsError(() => get(engine, '/d/x'), 'ParameterNotFound');
    for (const table of ['parameters', 'parameter_versions', 'parameter_labels', 'parameter_tags']) {
      expect(engine.db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });

  it.each([
    ['an unknown name', '/d/none', 'ParameterNotFound', 'Parameter /d/none not found.'],
    ['a malformed name', 'd/none', 'ValidationException', /^Parameter name: can't be prefixed/],
  ])('refuses %s', (_label, name, code, message) => {
    expectAwsError(() => ssm(testEngine(), 'DeleteParameter', { Name: name }), code, message);
  });
});

describe('DeleteParameters', () => {
  it('deletes the names it can and lists the others apart, as given', () => {
    const engine = testEngine();
    put(engine, '/d/a', 'v');
    put(engine, 'solo', 'v');
    put(engine, '/d/keep', 'v');
    expect(ssm(engine, 'DeleteParameters', { Names: ['/d/a', '/d/none', '/solo', 'bad name', '/d/a'] })).toEqual({
      DeletedParameters: ['/d/a', '/solo'],
      InvalidParameters: ['/d/none', 'bad name'],
    });
    expect(get(engine, '/d/keep').Value).toBe('v');
    expectAwsError(() => get(engine, 'solo'), 'ParameterNotFound');
  });

  it.each([
    ['no names', []],
    ['more than 10 names', Array.from({ length: 11 }, (_, i) => `/d/${i}`)],
  ])('refuses %s', (_label, names) => {
    expectAwsError(() => ssm(testEngine(), 'DeleteParameters', { Names: names }), 'ValidationException');
  });
});
