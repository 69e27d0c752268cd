import type { ListingError } from './listing-state';

/**
 * Something loaded once for a key (a parameter's detail, its history, a key's policy). Results
 * for any other key than the current one are stale and ignored, so a fast scroll never shows
 * the detail of a row the user already left.
 */
export type Resource<T> =
  | { readonly key: string; readonly status: 'loading' }
  | { readonly key: string; readonly status: 'ready'; readonly value: T }
  | { readonly key: string; readonly status: 'failed'; readonly error: ListingError };

/** The events a loading hook dispatches for one resource slot. */
export type ResourceEvent<T> =
  | { readonly event: 'start'; readonly key: string }
  | { readonly event: 'loaded'; readonly key: string; readonly value: T }
  | { readonly event: 'failed'; readonly key: string; readonly error: ListingError };

/** The slot after one event. */
export function reduceResource<T>(state: Resource<T> | undefined, change: ResourceEvent<T>): Resource<T> | undefined {
  if (change.event === 'start') return { key: change.key, status: 'loading' };
  if (state?.key !== change.key) return state;
  if (change.event === 'loaded') return { key: change.key, status: 'ready', value: change.value };
  return { key: change.key, status: 'failed', error: change.error };
}
