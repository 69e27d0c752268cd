import type { Engine } from '../../engine';
import { isAwsError } from '../../errors';
import type { Input } from '../../input';
import type { Permission } from '../authorize';

/** How an operation's permissions are worked out from its input, before it runs. */
export type PermissionTable = Readonly<Record<string, (engine: Engine, input: Input) => Permission[]>>;

/**
 * Resolves what a permission is on (a parameter name, a key) with the very function the
 * operation uses, or undefined when that fails. A resource that does not resolve grants
 * nothing: the operation resolves the same member the same way inside the same transaction and
 * fails on it before acting, with the error (and precedence among errors) AWS gives.
 */
export function resolved<T>(resolve: () => T): T | undefined {
  try {
    return resolve();
  } catch (error) {
    if (isAwsError(error)) return undefined;
    throw error;
  }
}
