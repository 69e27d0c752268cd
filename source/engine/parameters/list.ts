import type { Engine, Operation } from '../engine';
import { optionalBoolean, optionalInteger, optionalString, requiredString } from '../input';
import { compileFilters, type CompiledFilters } from './filters';
import { validatePath } from './names';
import { decodePageToken, encodePageToken, queryDigest } from './page-token';
import { sql, toMetadata, toParameter, type VersionRow } from './rows';

type ListedRow = VersionRow & { name: string };

/**
 * One page of parameters in name order after `after`, with their selected version (the latest,
 * or the newest labelled one under a Label filter). `limit` is one more than the page so the
 * caller knows whether another page exists without a second query.
 */
function page(engine: Engine, filters: CompiledFilters, after: string, limit: number): ListedRow[] {
  const labels = filters.labels ?? [];
  const version = filters.labels
    ? `(SELECT max(l.version) FROM parameter_labels l WHERE l.parameter_id = p.id AND l.label IN (${labels.map(() => '?').join(', ')}))`
    : 'p.version';
  const where = [...filters.conditions, 'p.name > ?'].join(' AND ');
  const text = `SELECT p.name AS name, v.* FROM parameters p JOIN parameter_versions v ON v.parameter_id = p.id AND v.version = ${version}
    WHERE ${where} ORDER BY p.name LIMIT ?`;
  return sql(engine, text).all(...labels, ...filters.params, after, limit) as ListedRow[];
}

/** Runs a paged listing: decodes the token, reads one page, and issues the next token only when more rows exist. */
function listPage(engine: Engine, operation: string, filters: CompiledFilters, query: unknown, token: string | undefined, max: number) {
  const digest = queryDigest(query);
  const after = decodePageToken(engine, token, operation, digest, 'string') ?? '';
  const rows = page(engine, filters, after, max + 1);
  const more = rows.length > max;
  const shown = rows.slice(0, max);
  return { rows: shown, nextToken: more ? encodePageToken(engine, operation, digest, shown.at(-1)!.name) : undefined };
}

/**
 * GetParametersByPath: the parameters one level under Path (through the `parent` index) or, with
 * Recursive, every level below it (a name range), filtered by Type/KeyId/Label, 1..10 a page.
 */
export const getParametersByPath: Operation = {
  writes: () => false,
  run(engine, ctx, input) {
    const path = validatePath(requiredString(input, 'Path', { min: 1, max: 2048 }));
    const recursive = optionalBoolean(input, 'Recursive') ?? false;
    const withDecryption = optionalBoolean(input, 'WithDecryption') ?? false;
    const max = optionalInteger(input, 'MaxResults', { min: 1, max: 10 }) ?? 10;
    const token = optionalString(input, 'NextToken');
    const filters = compileFilters(input, 'GetParametersByPath');
    if (!recursive) {
      filters.conditions.unshift('p.parent = ?');
      filters.params.unshift(path);
    } else if (path !== '/') {
      filters.conditions.unshift('p.name >= ? AND p.name < ?');
      filters.params.unshift(`${path}/`, `${path}0`);
    }
    const query = { path, recursive, filters: filters.canonical };
    const { rows, nextToken } = listPage(engine, 'GetParametersByPath', filters, query, token, max);
    return {
      Parameters: rows.map((row) => toParameter(engine, ctx, row.name, row, withDecryption)),
      ...(nextToken ? { NextToken: nextToken } : {}),
    };
  },
};

/**
 * DescribeParameters: metadata (never values) of the parameters matching ParameterFilters or the
 * older Filters, 1..50 a page. Nothing is shared with a local store, so `Shared` lists nothing.
 */
export const describeParameters: Operation = {
  writes: () => false,
  run(engine, _ctx, input) {
    const max = optionalInteger(input, 'MaxResults', { min: 1, max: 50 }) ?? 50;
    const token = optionalString(input, 'NextToken');
    const filters = compileFilters(input, 'DescribeParameters');
    if (optionalBoolean(input, 'Shared')) return { Parameters: [] };
    const { rows, nextToken } = listPage(engine, 'DescribeParameters', filters, { filters: filters.canonical }, token, max);
    return {
      Parameters: rows.map((row) => toMetadata(engine, row.name, row)),
      ...(nextToken ? { NextToken: nextToken } : {}),
    };
  },
};
