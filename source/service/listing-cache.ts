import type { ListOptions, Listing, ListingResult } from './capabilities';
import type { ServiceError } from './errors';
import type { ParameterSummary } from './types';

/** The last complete parameter listing of a target, and when it was saved. */
export interface CachedListing {
  readonly items: readonly ParameterSummary[];
  readonly savedAt: Date;
}

/**
 * Where the aws target keeps its last complete listing (per profile, region and endpoint; the
 * composition root binds the scope): names, types, versions, key ids, tiers, dates and
 * descriptions, never a value. A large account then draws at once from it while the real listing
 * runs behind (stale-while-revalidate).
 */
export interface ListingCacheStore {
  load(): CachedListing | undefined;
  save(items: readonly ParameterSummary[], savedAt: Date): void;
}

/**
 * Wraps the full listing so that a run that reaches its last page with no error saves what it
 * delivered; a cancelled or failed run saves nothing, so the cache never holds half an account.
 */
export function savingWhenComplete(listing: Listing<ParameterSummary>, store: ListingCacheStore, now: () => Date, options?: ListOptions): Listing<ParameterSummary> {
  return {
    get error(): ServiceError | undefined {
      return listing.error;
    },
    get cancelled(): boolean {
      return listing.cancelled;
    },
    async *[Symbol.asyncIterator]() {
      const all: ParameterSummary[] = [];
      for await (const page of listing) {
        all.push(...page);
        yield page;
      }
      if (!listing.error && !listing.cancelled && !options?.signal?.aborted) store.save(all, now());
    },
    async collect(): Promise<ListingResult<ParameterSummary>> {
      const items: ParameterSummary[] = [];
      for await (const page of this) items.push(...page);
      return { items, cancelled: listing.cancelled, ...(listing.error ? { error: listing.error } : {}) };
    },
  };
}

/** A service that can hand over the last complete listing at once (the aws target with its cache on). */
export interface CachedListingReader {
  cachedParameters(): CachedListing | undefined;
}
