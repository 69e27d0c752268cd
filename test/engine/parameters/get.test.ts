import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { expectAwsError, get, put, ssm, type ParameterOut } from './support';

/** /app/db at versions 1..3 (values v1..v3), label `prod` on 2 and `next` on 3. */
function seeded(): Engine {
  const engine = testEngine();
  for (let i = 1; i <= 3; i++) put(engine, '/app/db', `v${i}`, { Overwrite: i > 1 });
  ssm(engine, 'LabelParameterVersion', { Name: '/app/db', ParameterVersion: 2, Labels: ['prod'] });
  ssm(engine, 'LabelParameterVersion', { Name: '/app/db', Labels: ['next'] });
  put(engine, 'plain', 'p');
  return engine;
}

describe('GetParameter selectors', () => {
  it.each([
    ['no selector: the latest version', '/app/db', { Version: 3, Value: 'v3' }],
    ['a version number', '/app/db:1', { Version: 1, Value: 'v1', Selector: ':1' }],
    ['the latest version by number', '/app/db:3', { Version: 3, Value: 'v3', Selector: ':3' }],
    ['a label', '/app/db:prod', { Version: 2, Value: 'v2', Selector: ':prod' }],
    ['a label on the latest version', '/app/db:next', { Version: 3, Value: 'v3', Selector: ':next' }],
    ['a one-level name with a selector', 'plain:1', { Version: 1, Value: 'p', Selector: ':1' }],
    ['this store’s ARN', 'ARN:/app/db', { Version: 3, Value: 'v3' }],
    ['this store’s ARN with a selector', 'ARN:/app/db:prod', { Version: 2, Selector: ':prod' }],
  ])('%s', (_label, selector, expected) => {
    const engine = seeded();
    const name = selector.startsWith('ARN:') ? `${engine.parameterArn('/app/db')}${selector.slice('ARN:/app/db'.length)}` : selector;
    const parameter = get(engine, name);
    expect(parameter).toMatchObject(expected);
    expect(parameter.Name).toBe(selector.includes('plain') ? 'plain' : '/app/db');
    if (!('Selector' in expected)) expect(parameter).not.toHaveProperty('Selector');
  });

  it.each([
    ['a version that never existed', '/app/db:9', 'ParameterVersionNotFound', 'Systems Manager could not find version 9 of /app/db. Verify the version and try again.'],
    ['a label nobody attached', '/app/db:staging', 'ParameterVersionNotFound', /could not find label staging of \/app\/db/],
    ['a selector on an unknown name', '/app/none:1', 'ParameterNotFound', 'Parameter /app/none not found.'],
    ['an ARN of another account', 'arn:aws:ssm:us-east-1:000000000000:parameter/app/db', 'ParameterNotFound', undefined],
  ])('refuses %s', (_label, name, code, message) => {
    expectAwsError(() => get(seeded(), name), code, message);
  });
});

describe('GetParameters', () => {
  it('answers the valid names and lists every other one in InvalidParameters, as given', () => {
    const engine = seeded();
    const names = ['/app/db', '/app/none', '/app/db:1', '/app/db:9', '/app/db:prod', '/app/db:nolabel', 'bad name', '/app/db:1:2', '/plain', '/app/db'];
    const answer = ssm<{ Parameters: ParameterOut[]; InvalidParameters: string[] }>(engine, 'GetParameters', { Names: names });
    expect(answer.Parameters.map((p) => [p.Name, p.Version, p.Selector])).toEqual([
      ['/app/db', 3, undefined],
      ['/app/db', 1, ':1'],
      ['/app/db', 2, ':prod'],
      ['plain', 1, undefined],
    ]);
    expect(answer.InvalidParameters).toEqual(['/app/none', '/app/db:9', '/app/db:nolabel', 'bad name', '/app/db:1:2']);
  });

  it.each([
    ['no names', [], /Member must have length greater than or equal to 1/],
    ['more than 10 names', Array.from({ length: 11 }, (_, i) => `/n${i}`), /Member must have length less than or equal to 10/],
  ])('refuses %s', (_label, names, message) => {
    expectAwsError(() => ssm(testEngine(), 'GetParameters', { Names: names }), 'ValidationException', message);
  });
});
