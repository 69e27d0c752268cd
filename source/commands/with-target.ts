import { openTarget, type OpenedTarget } from '../target';
import type { TargetOptions } from './options';

/** Runs `body` on the target the options choose and always lets go of it, even on failure. */
export async function withTarget<T>(options: TargetOptions, body: (target: OpenedTarget) => Promise<T>): Promise<T> {
  const target = await openTarget(options);
  try {
    return await body(target);
  } finally {
    target.close();
  }
}
