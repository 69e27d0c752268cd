/**
 * Which code a run compiled, for the code cache (code-cache.ts): the TUI compiles Ink, React and
 * every pane on top of what a command compiles, so its cache is kept apart and preferred. The
 * entry and the bundle are separate files, so the mark is a global under a registered symbol.
 */
const TUI_RAN = Symbol.for('paramdeck.codeCache.tuiRan');

export type CodeCacheKind = 'tui' | 'cli';

/** Called by the TUI as it starts. */
export function markTuiRun(): void {
  (globalThis as Record<symbol, unknown>)[TUI_RAN] = true;
}

/** What this run has compiled so far. */
export function codeCacheKind(): CodeCacheKind {
  return (globalThis as Record<symbol, unknown>)[TUI_RAN] === true ? 'tui' : 'cli';
}
