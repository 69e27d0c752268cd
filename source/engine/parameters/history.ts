import type { Operation } from '../engine';
import { optionalBoolean, optionalInteger, optionalString, requiredString } from '../input';
import { existingName } from './names';
import { decodePageToken, encodePageToken, queryDigest } from './page-token';
import { requireParameter, sql, toHistory, type VersionRow } from './rows';

/**
 * GetParameterHistory: every kept version, oldest first, with its labels, 1..50 a page. The
 * page token carries the last version number shown and is bound to this parameter's row, so a
 * token outlives neither a delete nor a re-create.
 */
export const getParameterHistory: Operation = {
  writes: () => false,
  run(engine, ctx, input) {
    const name = existingName(requiredString(input, 'Name', { min: 1, max: 2048 }));
    const withDecryption = optionalBoolean(input, 'WithDecryption') ?? false;
    const max = optionalInteger(input, 'MaxResults', { min: 1, max: 50 }) ?? 50;
    const token = optionalString(input, 'NextToken');
    const parameter = requireParameter(engine, name);
    const digest = queryDigest({ name, id: parameter.id });
    const after = decodePageToken(engine, token, 'GetParameterHistory', digest, 'number') ?? 0;
    const rows = sql(engine, 'SELECT * FROM parameter_versions WHERE parameter_id = ? AND version > ? ORDER BY version LIMIT ?').all(
      parameter.id,
      after,
      max + 1,
    ) as VersionRow[];
    const more = rows.length > max;
    const shown = rows.slice(0, max);
    const labels = new Map<number, string[]>();
    if (shown.length > 0) {
      const labelRows = sql(engine, 'SELECT version, label FROM parameter_labels WHERE parameter_id = ? AND version BETWEEN ? AND ? ORDER BY label').all(
        parameter.id,
        shown[0]!.version,
        shown.at(-1)!.version,
      ) as { version: number; label: string }[];
      for (const { version, label } of labelRows) labels.set(version, [...(labels.get(version) ?? []), label]);
    }
    return {
      Parameters: shown.map((row) => toHistory(engine, ctx, name, row, labels.get(row.version) ?? [], withDecryption)),
      ...(more ? { NextToken: encodePageToken(engine, 'GetParameterHistory', digest, shown.at(-1)!.version) } : {}),
    };
  },
};
