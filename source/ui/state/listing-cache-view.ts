import type { ParameterEntry } from '../model/parameter-entry';

/**
 * The aws target's cached listing as the browser tracks it (stale-while-revalidate): drawn at
 * once, then compared with the live listing when that one ends, so what changed since the cache
 * was saved can be marked.
 */
export interface ListingCacheView {
  readonly savedAt: Date;
  /** Versions by name as the cache had them. */
  readonly versions: ReadonlyMap<string, number>;
  /** Set once the live listing replaced the cached rows: what differs from the cache. */
  readonly changes?: ListingChanges | undefined;
}

/** What the live listing found that the cache did not have. */
export interface ListingChanges {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** The view of a cache just drawn. */
export function cachedView(items: readonly ParameterEntry[], savedAt: Date): ListingCacheView {
  return { savedAt, versions: new Map(items.map((entry) => [entry.name, entry.version])) };
}

/** The view once the live listing `items` replaced the cached rows. */
export function revalidatedView(view: ListingCacheView, items: readonly ParameterEntry[]): ListingCacheView {
  let added = 0;
  let changed = 0;
  let kept = 0;
  for (const entry of items) {
    const cached = view.versions.get(entry.name);
    if (cached === undefined) added += 1;
    else {
      kept += 1;
      if (cached !== entry.version) changed += 1;
    }
  }
  return { ...view, changes: { added, changed, removed: view.versions.size - kept } };
}

/** Whether a row is new or has a new version since the cache: marked once the live listing is in. */
export function changedSinceCache(view: ListingCacheView | undefined, entry: ParameterEntry): boolean {
  if (!view?.changes) return false;
  return view.versions.get(entry.name) !== entry.version;
}

/** The status line's account of a revalidation. */
export function changesText(view: ListingCacheView): string {
  const { added, changed, removed } = view.changes ?? { added: 0, changed: 0, removed: 0 };
  if (added + changed + removed === 0) return 'up to date: nothing changed since the cached listing';
  const parts = [added > 0 ? `${added} new` : '', changed > 0 ? `${changed} changed` : '', removed > 0 ? `${removed} gone` : ''].filter(Boolean);
  return `refreshed: ${parts.join(', ')} since the cached listing (changed rows are marked *)`;
}
