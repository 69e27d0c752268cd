import { setFlagsFromString } from 'node:v8';

/**
 * Which code a run compiled, for the code cache (code-cache.ts): the TUI compiles Ink, React and
 * every pane on top of what a command compiles, so its cache is kept apart and preferred. The
 * entry and the bundle are separate files, each with its own copy of this module, so the state
 * lives on a global under a registered symbol.
 */
const STATE = Symbol.for('paramdeck.codeCache.state');

interface State {
  tuiRan: boolean;
  heapFlagSet: boolean;
}

function state(): State {
  const global = globalThis as Record<symbol, State | undefined>;
  return (global[STATE] ??= { tuiRan: false, heapFlagSet: false });
}

export type CodeCacheKind = 'tui' | 'cli';

/**
 * Loading 100,000 parameters in the TUI passes gigabytes through the heap while 40–60 MB stay
 * alive, and V8 lets the old generation grow to up to 4× what survived its last full collection:
 * the TUI would sit at 260 MB. Growing by half instead holds it under 200 MB, for a few more full
 * collections (mostly concurrent) while a large listing loads. Set a second in, once the first
 * screens are drawn: set at start it costs start-up more collections, and every command too.
 */
const TUI_HEAP_FLAG = '--heap-growing-percent=50';
/** V8's own default (0: let V8 choose), which every run starts with. */
const DEFAULT_HEAP_FLAG = '--heap-growing-percent=0';
const HEAP_FLAG_AFTER_MS = 1000;

/** Called by the TUI as it starts. */
export function markTuiRun(): void {
  state().tuiRan = true;
  setTimeout(() => {
    setFlagsFromString(TUI_HEAP_FLAG);
    state().heapFlagSet = true;
  }, HEAP_FLAG_AFTER_MS).unref();
}

/** What this run has compiled so far. */
export function codeCacheKind(): CodeCacheKind {
  return state().tuiRan ? 'tui' : 'cli';
}

/**
 * Runs `make` under the V8 flags every run starts with. V8 stamps a code cache with the flags in
 * force when it is made and refuses it under any others, and the next run reads it before the
 * TUI has changed anything.
 */
export function withStartUpFlags<T>(make: () => T): T {
  if (!state().heapFlagSet) return make();
  setFlagsFromString(DEFAULT_HEAP_FLAG);
  try {
    return make();
  } finally {
    setFlagsFromString(TUI_HEAP_FLAG);
  }
}
