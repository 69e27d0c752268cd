import { useEffect, type Dispatch } from 'react';
import type { ResourceSlot, UiAction, ValueOf } from '../state/ui-state';
import { listingError } from './listing-error';

/** Loads the value of one key; the signal aborts when the key changes or the view closes. */
export type ResourceLoader<T> = (key: string, signal: AbortSignal) => Promise<T>;

/** Loads `slot` for `key` (when there is one) and again on every refresh, dispatching loaded or failed. */
export function useResource<S extends ResourceSlot>(
  dispatch: Dispatch<UiAction>,
  slot: S,
  key: string | undefined,
  load: ResourceLoader<ValueOf<S>>,
  refreshToken: number,
): void {
  useEffect(() => {
    if (key === undefined) return undefined;
    const controller = new AbortController();
    const send = (change: unknown) => {
      if (!controller.signal.aborted) dispatch({ type: 'resource', slot, change } as UiAction);
    };
    send({ event: 'start', key });
    load(key, controller.signal).then(
      (value) => send({ event: 'loaded', key, value }),
      (error: unknown) => send({ event: 'failed', key, error: listingError(error) }),
    );
    return () => controller.abort();
  }, [dispatch, slot, key, load, refreshToken]);
}
