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
  /** Set by shareTokenPerTurn: lookups outside a transaction share one token read per turn. */
  perTurn: boolean;
  /** The token as read outside a transaction in this event-loop turn (see currentToken). */
  turnToken: string | undefined;
  /** Set while a call that changes no watched table runs (oneTokenPerCall); `callToken` is its one read. */
  inCall: boolean;
  callToken: string | undefined;
  readonly buckets: Map<CacheBucket<never>, Map<string, unknown>>;
}

/** Per bucket: enough for every key and principal of a real store; a flood of unknown ids only clears it. */
const MAX_ENTRIES = 1024;

const stores = new WeakMap<Db, Remembered>();

function readToken(db: Db): string {
  return prepared(db, 'SELECT token FROM store_generation WHERE id = 1').pluck().get() as string;
}

/** The generation token: read at every lookup, unless shareTokenPerTurn said otherwise. */
function currentToken(engine: Engine, state: Remembered): string {
  if (state.inCall) return (state.callToken ??= readToken(engine.db));
  if (!state.perTurn || engine.db.inTransaction) return readToken(engine.db);
  if (state.turnToken === undefined) {
    state.turnToken = readToken(engine.db);
    setImmediate(() => (state.turnToken = undefined));
  }
  return state.turnToken;
}

/**
 * Outside a transaction each token read takes a WAL snapshot of its own, which costs more than
 * the rest of a signature check; serve's HTTP thread, which proves every signature outside a
 * transaction, lets the lookups of one event-loop turn share one read. That is still current for
 * its clients: this connection's own commits forget the turn's read (forgetTurnToken), and a
 * commit by another process during the turn is seen from the next turn on, as if the requests of
 * this turn had arrived just before it. Engines that promise "at the next lookup" leave it off.
 */
export function shareTokenPerTurn(engine: Engine): void {
  stateOf(engine).perTurn = true;
}

/**
 * Runs `fn`, a call inside a transaction that changes none of the watched tables, with one token
 * read for all its lookups (a decrypting read makes about five). Its transaction's snapshot, or
 * the write lock it holds, keeps any other connection's change out until it ends, and it makes
 * none itself, so the token cannot change while it runs.
 */
export function oneTokenPerCall<T>(engine: Engine, fn: () => T): T {
  if (!engine.db.inTransaction) throw new Error('oneTokenPerCall runs inside a transaction');
  const state = stateOf(engine);
  const outer = { inCall: state.inCall, callToken: state.callToken };
  state.inCall = true;
  state.callToken = undefined;
  try {
    return fn();
  } finally {
    state.inCall = outer.inCall;
    state.callToken = outer.callToken;
  }
}

function stateOf(engine: Engine): Remembered {
  let state = stores.get(engine.db);
  if (!state) stores.set(engine.db, (state = { token: undefined, perTurn: false, turnToken: undefined, inCall: false, callToken: undefined, buckets: new Map() }));
  return state;
}

/** Called when this connection starts or ends a transaction: what it writes must be seen at once. */
export function forgetTurnToken(db: Db): void {
  const state = stores.get(db);
  if (state) state.turnToken = undefined;
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
  const state = stateOf(engine);
  const token = currentToken(engine, state);
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
