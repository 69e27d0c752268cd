import type { Engine, Operation } from '../engine';
import { isAwsError } from '../errors';
import { requiredString, requiredStringList } from '../input';
import { existingName } from './names';
import { findParameter, requireParameter, sql } from './rows';

/** Deletes a parameter row; its versions, labels and tags go with it (ON DELETE CASCADE). */
function remove(engine: Engine, id: number): void {
  sql(engine, 'DELETE FROM parameters WHERE id = ?').run(id);
}

/** DeleteParameter: removes a parameter and all its versions; an unknown name is ParameterNotFound. */
export const deleteParameter: Operation = {
  writes: () => true,
  run(engine, _ctx, input) {
    const name = existingName(requiredString(input, 'Name', { min: 1, max: 2048 }));
    remove(engine, requireParameter(engine, name).id);
    return {};
  },
};

/** DeleteParameters: 1..10 names; those deleted and those unknown or malformed are listed apart, as given. */
export const deleteParameters: Operation = {
  writes: () => true,
  run(engine, _ctx, input) {
    const names = requiredStringList(input, 'Names', { min: 1, max: 10 });
    const deleted: string[] = [];
    const invalid: string[] = [];
    for (const raw of new Set(names)) {
      let parameter;
      try {
        parameter = findParameter(engine, existingName(raw));
      } catch (error) {
        if (!isAwsError(error, 'ValidationException')) throw error;
      }
      if (parameter) {
        remove(engine, parameter.id);
        deleted.push(raw);
      } else {
        invalid.push(raw);
      }
    }
    return { DeletedParameters: deleted, InvalidParameters: invalid };
  },
};
