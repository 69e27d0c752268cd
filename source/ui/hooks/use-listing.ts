import { setImmediate as nextTurn } from 'node:timers/promises';
import { useEffect, type Dispatch } from 'react';
import type { ListOptions } from '../../service/capabilities';
import type { ServiceError } from '../../service/errors';
import type { ItemOf, ListingSlot, UiAction } from '../state/ui-state';
import { listingError } from './listing-error';

/** Pages and, once they end, why they stopped early: what the hook needs of a service Listing. */
export interface PageSource<T> extends AsyncIterable<T[]> {
  readonly error: ServiceError | undefined;
}

/** Opens one run of a listing with the hook's signal and progress callback. */
export type ListingOpener<T> = (options: ListOptions) => PageSource<T>;

/** A listing whose items are turned into what the UI keeps, page by page. */
export function mapPages<A, B>(source: PageSource<A>, map: (item: A) => B): PageSource<B> {
  return {
    get error() {
      return source.error;
    },
    async *[Symbol.asyncIterator]() {
      for await (const page of source) yield page.map(map);
    },
  };
}

// Pages after the first are delivered in batches: at 100,000 parameters a listing has 2,000
// pages, and appending each one to the state (and redrawing) would cost more than the listing.
const BATCH_MS = 150;
let runs = 0;

/**
 * Streams `open`'s listing into `slot` whenever `refreshToken` changes while `enabled`: the first
 * page at once, the rest in batches, then the outcome. A new run or unmount cancels the old one.
 */
export function useListing<S extends ListingSlot>(
  dispatch: Dispatch<UiAction>,
  slot: S,
  open: ListingOpener<ItemOf<S>>,
  refreshToken: number,
  enabled = true,
): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const run = ++runs;
    const controller = new AbortController();
    const send = (change: unknown) => dispatch({ type: 'listing', slot, change } as UiAction);
    let buffer: ItemOf<S>[] = [];
    let timer: NodeJS.Timeout | undefined;
    let first = true;
    const flush = () => {
      timer = undefined;
      if (buffer.length === 0 || controller.signal.aborted) return;
      send({ event: 'page', run, items: buffer });
      buffer = [];
    };
    send({ event: 'start', run });
    const listing = open({
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.kind !== 'throttled') return;
        const seconds = Math.ceil(progress.delayMs / 1000);
        dispatch({ type: 'flash', tone: 'info', text: `${progress.code}: retry ${progress.retry}/${progress.retries} in ${seconds}s` });
      },
    });
    void (async () => {
      try {
        for await (const page of listing) {
          buffer.push(...page);
          if (first) {
            first = false;
            flush();
          } else {
            timer ??= setTimeout(flush, BATCH_MS);
          }
          // The local store answers in-process without real I/O, so a listing would otherwise run
          // to its end in microtasks: no frame, no key and no timer until 100,000 are in.
          await nextTurn();
        }
        if (timer) clearTimeout(timer);
        flush();
        if (!controller.signal.aborted) send({ event: 'end', run, error: listing.error ? listingError(listing.error) : undefined });
      } catch (error) {
        if (!controller.signal.aborted) send({ event: 'end', run, error: listingError(error) });
      }
    })();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [dispatch, slot, open, refreshToken, enabled]);
}
