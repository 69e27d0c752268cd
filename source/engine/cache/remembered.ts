import type { Db } from '../database';
import type { Engine } from '../engine';
import { prepared } from '../prepared';

/**
 * Values derived from identity and KMS rows (an access key's owner and secret, a principal's
 * parsed policies, a key's row, unsealed key material), remembered between calls because reading
 * and unsealing them costs more than the call itself. Every lookup first reads the store's
 * generation token (cache/schema.ts) and forgets everything when it changed, so no entry outlives
 * a change to the rows it came from, whoever made it. The token is read before a value is loaded,
 * so a value is never older than the token it is filed under. Parameter values are never kept.
 */

/** One kind of remembered value; `wipe` clears a secret (key material) when it is forgotten. */
export interface CacheBucket<V> {
  readonly name: string;
  readonly wipe?: (value: V) => void;
}

interface Remembered {
  token: string | undefined;
  readonly buckets: Map<CacheBucket<never>, Map<string, unknown>>;
}

/** Per bucket: enough for every key and principal of a real store; a flood of unknown ids only clears it. */
const MAX_ENTRIES = 1024;

const stores = new WeakMap<Db, Remembered>();

function currentToken(engine: Engine): string {
  return prepared(engine.db, 'SELECT token FROM store_generation WHERE id = 1').pluck().get() as string;
}

function forgetBucket(bucket: CacheBucket<never>, entries: Map<string, unknown>): void {
  if (bucket.wipe) for (const value of entries.values()) bucket.wipe(value as never);
  entries.clear();
}

function forgetAll(state: Remembered): void {
  for (const [bucket, entries] of state.buckets) forgetBucket(bucket, entries);
}

/**
 * The value filed under `key` in `bucket`, loading (and filing) it when absent or when the watched
 * tables changed since it was filed. A load that throws files nothing.
 */
export function remembered<V>(engine: Engine, bucket: CacheBucket<V>, key: string, load: () => V): V {
  let state = stores.get(engine.db);
  if (!state) stores.set(engine.db, (state = { token: undefined, buckets: new Map() }));
  const token = currentToken(engine);
  if (token !== state.token) {
    forgetAll(state);
    state.token = token;
  }
  const generic = bucket as CacheBucket<never>;
  let entries = state.buckets.get(generic);
  if (!entries) state.buckets.set(generic, (entries = new Map()));
  if (entries.has(key)) return entries.get(key) as V;
  const value = load();
  if (entries.size >= MAX_ENTRIES) forgetBucket(generic, entries);
  entries.set(key, value);
  return value;
}

/** Forgets (and wipes) everything remembered for this engine's store: done when the engine closes. */
export function forgetRemembered(engine: Engine): void {
  const state = stores.get(engine.db);
  if (state) forgetAll(state);
  stores.delete(engine.db);
}
