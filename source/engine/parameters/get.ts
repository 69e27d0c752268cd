import type { CallContext } from '../context';
import type { Engine, Operation } from '../engine';
import { AwsError, isAwsError } from '../errors';
import { optionalBoolean, requiredString, requiredStringList } from '../input';
import { parseSelectedName, type SelectedName } from './names';
import { findLatestVersion, findVersion, parameterNotFound, requireParameter, sql, toParameter, versionNotFound, type VersionRow } from './rows';

/** The version a selector names: a version number, a label, or the latest. */
function selectedVersion(engine: Engine, selected: SelectedName): VersionRow {
  if (selected.label === undefined && selected.version === undefined) {
    // The latest version is always kept: no row means no parameter.
    const latest = findLatestVersion(engine, selected.name);
    if (!latest) throw parameterNotFound(selected.name);
    return latest;
  }
  const parameter = requireParameter(engine, selected.name);
  if (selected.label !== undefined) {
    const labelled = sql(engine, 'SELECT version FROM parameter_labels WHERE parameter_id = ? AND label = ?').get(parameter.id, selected.label) as
      | { version: number }
      | undefined;
    if (!labelled) {
      throw new AwsError('ParameterVersionNotFound', `Systems Manager could not find label ${selected.label} of ${selected.name}. Verify the label and try again.`);
    }
    return findVersion(engine, parameter.id, labelled.version)!;
  }
  const version = selected.version ?? parameter.version;
  const row = findVersion(engine, parameter.id, version);
  if (!row) throw versionNotFound(selected.name, version);
  return row;
}

/** One `Parameter` for a name with an optional selector; the answer names the bare parameter and echoes the selector. */
function getOne(engine: Engine, ctx: CallContext, raw: string, withDecryption: boolean) {
  const selected = parseSelectedName(engine, raw);
  return toParameter(engine, ctx, selected.name, selectedVersion(engine, selected), withDecryption, selected.selector);
}

/** GetParameter: the latest version, or the one `name:version` / `name:label` selects. */
export const getParameter: Operation = {
  writes: () => false,
  run(engine, ctx, input) {
    const name = requiredString(input, 'Name', { min: 1, max: 2048 });
    return { Parameter: getOne(engine, ctx, name, optionalBoolean(input, 'WithDecryption') ?? false) };
  },
};

/** Failures that put a name in InvalidParameters instead of failing the whole GetParameters call. */
const INVALID_NAME_ERRORS = ['ParameterNotFound', 'ParameterVersionNotFound', 'ValidationException'];

/**
 * GetParameters: up to 10 names, each with an optional selector. Names that do not resolve —
 * unknown, malformed, or with a version or label that does not exist — are listed in
 * InvalidParameters as given; a repeated name is answered once.
 */
export const getParameters: Operation = {
  writes: () => false,
  run(engine, ctx, input) {
    const names = requiredStringList(input, 'Names', { min: 1, max: 10 });
    const withDecryption = optionalBoolean(input, 'WithDecryption') ?? false;
    const parameters = [];
    const invalid: string[] = [];
    for (const raw of new Set(names)) {
      try {
        parameters.push(getOne(engine, ctx, raw, withDecryption));
      } catch (error) {
        if (!isAwsError(error) || !INVALID_NAME_ERRORS.includes(error.code)) throw error;
        invalid.push(raw);
      }
    }
    return { Parameters: parameters, InvalidParameters: invalid };
  },
};
