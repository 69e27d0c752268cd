import { describe, expect, it } from 'vitest';
import { namingProblems, planPromotion, type PromoteSides } from '../../source/service/promotion-plan';
import type { ParameterSummary, ParameterType } from '../../source/service/types';

function summary(name: string, type: ParameterType = 'String', keyId?: string): ParameterSummary {
  return { name, type, version: 1, policies: [], ...(keyId ? { keyId } : {}) };
}

function sides(source: ParameterSummary[], target: ParameterSummary[], values: Record<string, string>, extra: Partial<PromoteSides> = {}): PromoteSides {
  const all = new Map(Object.entries(values));
  return { sourcePath: '/s', targetPath: '/t', source, target, sourceValues: all, targetValues: all, keyId: undefined, deleteExtra: false, ...extra };
}

describe('the promotion plan', () => {
  it.each<[string, PromoteSides, string]>([
    ['a name only the source has is new', sides([summary('/s/a')], [], { '/s/a': 'x' }), 'new'],
    ['equal plain values are unchanged', sides([summary('/s/a')], [summary('/t/a')], { '/s/a': 'x', '/t/a': 'x' }), 'unchanged'],
    ['different plain values are changed', sides([summary('/s/a')], [summary('/t/a')], { '/s/a': 'x', '/t/a': 'y' }), 'changed'],
    ['a type change is a change whatever the values', sides([summary('/s/a', 'SecureString')], [summary('/t/a')], { '/t/a': 'x' }), 'changed'],
    ['SecureStrings not decrypted may differ', sides([summary('/s/a', 'SecureString')], [summary('/t/a', 'SecureString', 'alias/k')], {}, { keyId: 'alias/k' }), 'may differ'],
    ['a SecureString under another key than the chosen one is changed', sides([summary('/s/a', 'SecureString')], [summary('/t/a', 'SecureString', 'alias/aws/ssm')], {}, { keyId: 'alias/k' }), 'changed'],
    ['decrypted equal SecureStrings under the chosen key are unchanged', sides([summary('/s/a', 'SecureString')], [summary('/t/a', 'SecureString', 'alias/k')], { '/s/a': 'x', '/t/a': 'x' }, { keyId: 'alias/k' }), 'unchanged'],
    ['a name only the target has is kept', sides([], [summary('/t/a')], {}), 'extra'],
    ['…or deleted when asked', sides([], [summary('/t/a')], {}, { deleteExtra: true }), 'delete'],
  ])('%s', (_label, given, kind) => {
    expect(planPromotion(given).map((c) => [c.relative, c.kind])).toEqual([['a', kind]]);
  });

  it('names the target names SSM would refuse before anything is written', () => {
    const plan = planPromotion(sides([summary('/s/ok'), summary(`/s/${'deep/'.repeat(15)}leaf`)], [], {}));
    expect(namingProblems(plan, '/t', 'us-east-1')).toEqual([`/t/${'deep/'.repeat(15)}leaf: a name has at most 15 levels`]);
  });
});
