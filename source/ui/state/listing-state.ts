/**
 * A streamed listing (parameters, keys, aliases, audit events) as the reducer holds it. The first
 * load shows each page as it arrives; a refresh keeps the old rows on screen and swaps in the new
 * ones when the listing ends, so the list never flashes empty or jumps while pages trickle in.
 */
export interface ListingState<T> {
  /** Bumps whenever `items` is replaced rather than appended to (search indexes key on it). */
  readonly generation: number;
  readonly items: readonly T[];
  readonly loading: boolean;
  /** Items delivered so far by the running listing: the loading line's count. */
  readonly seen: number;
  /** Whether a listing has ever finished: an empty store differs from one still loading. */
  readonly complete: boolean;
  readonly error?: ListingError | undefined;
  /** A refresh's rows, held back until its listing ends. */
  readonly staged?: readonly T[] | undefined;
  /** The run that owns the slot; pages from older runs are dropped. */
  readonly run: number;
}

/** A failure as the UI shows it: AWS's code and its own message. */
export interface ListingError {
  readonly kind: string;
  readonly code: string;
  readonly message: string;
}

/** Nothing loaded yet. */
export function emptyListing<T>(): ListingState<T> {
  return { generation: 0, items: [], loading: false, seen: 0, complete: false, run: 0 };
}

/** The listing events a loading hook dispatches for one slot. */
export type ListingEvent<T> =
  | { readonly event: 'start'; readonly run: number }
  /** Rows saved by an earlier run (the aws target's cache): drawn as a finished listing, replaced by the next run's. */
  | { readonly event: 'cached'; readonly items: readonly T[] }
  | { readonly event: 'page'; readonly run: number; readonly items: readonly T[] }
  | { readonly event: 'end'; readonly run: number; readonly error?: ListingError | undefined };

/** The slot after one event. */
export function reduceListing<T>(state: ListingState<T>, change: ListingEvent<T>): ListingState<T> {
  if (change.event === 'cached') {
    // Only into a slot no run has filled yet; a run already streaming stages on top of it.
    if (state.complete || state.items.length > 0) return state;
    const staged = state.loading ? { staged: [] } : {};
    return { ...state, ...staged, items: change.items, complete: true, generation: state.generation + 1 };
  }
  if (change.event === 'start') {
    // Only a slot that already shows rows keeps them while the new run streams.
    const keep = state.complete && state.items.length > 0;
    return {
      ...state,
      run: change.run,
      loading: true,
      seen: 0,
      error: undefined,
      staged: keep ? [] : undefined,
      ...(keep ? {} : { items: [], generation: state.generation + 1 }),
    };
  }
  if (change.run !== state.run) return state;
  if (change.event === 'page') {
    const seen = state.seen + change.items.length;
    if (state.staged) return { ...state, seen, staged: state.staged.concat(change.items) };
    return { ...state, seen, items: state.items.concat(change.items) };
  }
  const swapped = state.staged && !change.error ? { items: state.staged, generation: state.generation + 1 } : {};
  return { ...state, ...swapped, loading: false, complete: true, staged: undefined, error: change.error };
}
