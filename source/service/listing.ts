import { setTimeout as delay } from 'node:timers/promises';
import type { ListOptions, Listing, ListingResult } from './capabilities';
import { toServiceError, type ServiceError } from './errors';

/**
 * How long a listing waits when the endpoint still throttles after the SDK's own retries:
 * exponential with "equal jitter" (half fixed, half random) so many clients behind one account
 * spread out, capped so a user is never left waiting more than `maxMs` for one page.
 */
export interface BackoffPolicy {
  retries: number;
  baseMs: number;
  maxMs: number;
  random: () => number;
}

/** Five more tries over about half a minute: long enough to outlast a burst, short enough to see. */
export const DEFAULT_BACKOFF: BackoffPolicy = { retries: 5, baseMs: 1_000, maxMs: 16_000, random: Math.random };

/** The wait before retry number `retry` (0-based). */
export function backoffDelay(policy: BackoffPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  return Math.round(ceiling / 2 + policy.random() * (ceiling / 2));
}

/** One page of an SDK answer, and the cursor of the next page if there is one. */
export interface Page<T, C> {
  items: T[];
  next?: C;
}

/** Fetches the page at `cursor` (the first page when undefined), passing `signal` to the SDK. */
export type PageFetcher<T, C> = (cursor: C | undefined, signal: AbortSignal | undefined) => Promise<Page<T, C>>;

/** Builds a Listing over any paged SDK operation. */
export function pagedListing<T, C>(fetchPage: PageFetcher<T, C>, options: ListOptions = {}, backoff = DEFAULT_BACKOFF): Listing<T> {
  return new PagedListing(fetchPage, options, backoff);
}

class PagedListing<T, C> implements Listing<T> {
  error: ServiceError | undefined;
  cancelled = false;

  constructor(
    private readonly fetchPage: PageFetcher<T, C>,
    private readonly options: ListOptions,
    private readonly backoff: BackoffPolicy,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<T[], void, undefined> {
    this.error = undefined;
    this.cancelled = false;
    let cursor: C | undefined;
    let pages = 0;
    let items = 0;
    do {
      if (this.options.signal?.aborted) {
        this.cancelled = true;
        return;
      }
      const page = await this.fetchWithBackoff(cursor);
      if (!page) return;
      pages += 1;
      items += page.items.length;
      this.options.onProgress?.({ kind: 'page', pages, items });
      // SSM may answer a filtered page with no items but a next token: nothing to draw yet.
      if (page.items.length > 0) yield page.items;
      cursor = page.next;
    } while (cursor !== undefined);
  }

  async collect(): Promise<ListingResult<T>> {
    const all: T[] = [];
    for await (const page of this) all.push(...page);
    return { items: all, cancelled: this.cancelled, ...(this.error ? { error: this.error } : {}) };
  }

  /** The page, or undefined once the listing has to stop (the reason is recorded). */
  private async fetchWithBackoff(cursor: C | undefined): Promise<Page<T, C> | undefined> {
    const { signal, onProgress } = this.options;
    for (let retry = 0; ; retry += 1) {
      try {
        return await this.fetchPage(cursor, signal);
      } catch (error) {
        if (signal?.aborted) {
          this.cancelled = true;
          return undefined;
        }
        const failure = toServiceError(error);
        if (failure.kind !== 'Throttled' || retry >= this.backoff.retries) {
          this.error = failure;
          return undefined;
        }
        const delayMs = backoffDelay(this.backoff, retry);
        onProgress?.({ kind: 'throttled', code: failure.code, retry: retry + 1, retries: this.backoff.retries, delayMs });
        if (!(await pause(delayMs, signal))) {
          this.cancelled = true;
          return undefined;
        }
      }
    }
  }
}

/** Waits `ms`, or less when `signal` aborts; false when it was aborted. */
export async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return false;
  try {
    await delay(ms, undefined, signal ? { signal } : {});
    return true;
  } catch {
    return false;
  }
}
