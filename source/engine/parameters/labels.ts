import type { Engine, Operation } from '../engine';
import { AwsError, validationError } from '../errors';
import { constraintError, optionalInteger, requiredString, requiredStringList, type Input } from '../input';
import { existingName, isValidLabel } from './names';
import { findVersion, labelsOf, requireParameter, sql, versionNotFound, type ParameterRow } from './rows';

const MAX_LABELS_PER_VERSION = 10;

/** The Labels member: 1..10 labels of 1..100 characters each (the model's limits), duplicates folded. */
function readLabels(input: Input): string[] {
  const labels = requiredStringList(input, 'Labels', { min: 1, max: 10 });
  for (const label of labels) {
    if (label.length < 1 || label.length > 100) {
      throw validationError(
        `1 validation error detected: Value '[${label}]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]`,
      );
    }
  }
  return [...new Set(labels)];
}

/** The parameter and one of its kept versions, or ParameterNotFound / ParameterVersionNotFound. */
function target(engine: Engine, input: Input, version: number | undefined): { parameter: ParameterRow; version: number } {
  const name = existingName(requiredString(input, 'Name', { min: 1, max: 2048 }));
  const parameter = requireParameter(engine, name);
  const chosen = version ?? parameter.version;
  if (!findVersion(engine, parameter.id, chosen)) throw versionNotFound(name, chosen);
  return { parameter, version: chosen };
}

/**
 * LabelParameterVersion: attaches labels to a version (the latest when ParameterVersion is
 * omitted). A label lives on one version at a time, so it moves from the version that had it.
 * Labels AWS would not accept are returned in InvalidLabels and the rest still applied; more
 * than 10 on the version is ParameterVersionLabelLimitExceeded and changes nothing.
 */
export const labelParameterVersion: Operation = {
  writes: () => true,
  run(engine, _ctx, input) {
    const requested = optionalInteger(input, 'ParameterVersion');
    const labels = readLabels(input);
    const { parameter, version } = target(engine, input, requested);
    const valid = labels.filter(isValidLabel);
    const invalid = labels.filter((label) => !isValidLabel(label));
    const current = labelsOf(engine, parameter.id, version);
    const adding = valid.filter((label) => !current.includes(label));
    if (current.length + adding.length > MAX_LABELS_PER_VERSION) {
      throw new AwsError(
        'ParameterVersionLabelLimitExceeded',
        'A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.',
      );
    }
    const attach = sql(
      engine,
      'INSERT INTO parameter_labels (parameter_id, label, version) VALUES (?, ?, ?) ON CONFLICT (parameter_id, label) DO UPDATE SET version = excluded.version',
    );
    for (const label of adding) attach.run(parameter.id, label, version);
    return { InvalidLabels: invalid, ParameterVersion: version };
  },
};

/** UnlabelParameterVersion: removes labels from one version; labels that version does not carry come back in InvalidLabels. */
export const unlabelParameterVersion: Operation = {
  writes: () => true,
  run(engine, _ctx, input) {
    const requested = optionalInteger(input, 'ParameterVersion');
    if (requested === undefined) throw constraintError('ParameterVersion', undefined, 'Member must not be null');
    const labels = readLabels(input);
    const { parameter, version } = target(engine, input, requested);
    const current = new Set(labelsOf(engine, parameter.id, version));
    const detach = sql(engine, 'DELETE FROM parameter_labels WHERE parameter_id = ? AND label = ?');
    const removed = labels.filter((label) => current.has(label));
    for (const label of removed) detach.run(parameter.id, label);
    return { RemovedLabels: removed, InvalidLabels: labels.filter((label) => !current.has(label)) };
  },
};
