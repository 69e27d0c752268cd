import type { Engine } from '../engine';

/** Creates the `admin` principal and its first access key when the store has none. */
export function bootstrapIdentity(_engine: Engine): void {
  // Filled in by the identity module.
}
