import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { Engine } from '../../../source/engine/engine';
import { testEngine } from '../../helpers/engine';
import { put, ssm } from './support';

/**
 * The SQL an operation runs and SQLite's plan for each statement. A second connection to the
 * same store starts with an empty statement cache, so every statement the call needs is prepared
 * (and seen) during the call.
 */
function plansOf(operation: string, input: object): { sql: string; plan: string[] }[] {
  const seeded = testEngine();
  for (let i = 0; i < 40; i++) put(seeded, `/fleet/web/n${i}`, 'v');
  for (let i = 0; i < 40; i++) put(seeded, `/fleet/db/n${i}`, 'v');
  put(seeded, '/fleet/web/n1', 'v2', { Overwrite: true });
  ssm(seeded, 'LabelParameterVersion', { Name: '/fleet/web/n1', ParameterVersion: 1, Labels: ['first'] });
  const engine = Engine.open({ home: seeded.home });
  onTestFinished(() => engine.close());
  const prepare = vi.spyOn(engine.db, 'prepare');
  ssm(engine, operation, input);
  const statements = prepare.mock.calls.map(([sql]) => sql);
  prepare.mockRestore();
  return statements.map((sql) => {
    const placeholders = (sql.match(/\?/g) ?? []).length;
    const rows = engine.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<null>(placeholders).fill(null)) as { detail: string }[];
    return { sql, plan: rows.map((row) => row.detail) };
  });
}

/** True when a plan reads a whole table instead of searching an index. */
const scans = (plan: string[]) => plan.some((step) => /^SCAN /.test(step));

describe('query plans', () => {
  it.each([
    ['GetParameter by name', 'GetParameter', { Name: '/fleet/web/n3' }, /SEARCH (parameters|p) USING (COVERING )?INDEX sqlite_autoindex_parameters_1 \(name=\?\)[\s\S]*SEARCH (parameter_versions|v) USING PRIMARY KEY \(parameter_id=\? AND version=\?\)/],
    ['GetParameter by label', 'GetParameter', { Name: '/fleet/web/n1:first' }, /SEARCH parameter_labels USING PRIMARY KEY \(parameter_id=\? AND label=\?\)/],
    ['a one-level GetParametersByPath', 'GetParametersByPath', { Path: '/fleet/web' }, /SEARCH p USING INDEX parameters_by_parent \(parent=\? AND name>\?\)/],
    ['a recursive GetParametersByPath', 'GetParametersByPath', { Path: '/fleet', Recursive: true }, /SEARCH p USING INDEX sqlite_autoindex_parameters_1 \(name>\? AND name<\?\)/],
    ['a one-level DescribeParameters Path filter', 'DescribeParameters', { ParameterFilters: [{ Key: 'Path', Values: ['/fleet/db'] }] }, /SEARCH p USING INDEX parameters_by_parent/],
    ['GetParameterHistory', 'GetParameterHistory', { Name: '/fleet/web/n1' }, /SEARCH parameter_versions USING PRIMARY KEY \(parameter_id=\? AND version>\?\)/],
  ])('%s searches an index and never scans a table', (_label, operation, input, expected) => {
    const plans = plansOf(operation, input);
    expect(plans.length).toBeGreaterThan(0);
    for (const { sql, plan } of plans) expect(scans(plan), `${sql}\n${plan.join('\n')}`).toBe(false);
    expect(plans.flatMap((p) => p.plan).join('\n')).toMatch(expected);
  });
});
