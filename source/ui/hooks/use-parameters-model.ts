import { useEffect, useMemo, useState } from 'react';
import { FuzzyIndex, matchPositions } from '../model/fuzzy-index';
import type { ParameterEntry } from '../model/parameter-entry';
import { flatRows, levelRows, type TreeRow } from '../model/path-tree';
import { rowsOf, type RowList } from '../components/Table';
import { aliasIndex } from '../render/parameter-cells';
import type { UiState } from '../state/ui-state';

/** What the parameters pane draws and its commands act on, derived from the state. */
export interface ParametersModel {
  readonly items: readonly ParameterEntry[];
  /** The list on screen: one tree level, the flat list, or the filter's matches best first. */
  readonly rows: RowList<TreeRow>;
  readonly aliases: ReadonlyMap<string, string>;
  /** Where the filter matched a name, for highlighting. */
  readonly highlight: (name: string) => readonly number[] | undefined;
  /** The list entry of the parameter the detail or history shows. */
  readonly selected?: ParameterEntry | undefined;
}

/**
 * Derives the parameters pane's rows. Each derivation is memoised on exactly what it reads, so
 * moving the cursor recomputes nothing, and the filter index grows with the listing instead of
 * being rebuilt for every page.
 */
export function useParametersModel(state: UiState): ParametersModel {
  const [index] = useState(() => new FuzzyIndex());
  const { items, generation } = state.listings.parameters;
  const view = state.parameters;
  const query = view.filter?.query;
  // The index grows as pages arrive, after each frame is drawn: by the time `/` is pressed on a
  // large store there is nothing left to index, and the first keystroke costs what the others do.
  useEffect(() => index.sync(items, generation), [index, items, generation]);
  const rows = useMemo<RowList<TreeRow>>(() => {
    if (query === undefined) return rowsOf(view.flat ? flatRows(items, view.path) : levelRows(items, view.path));
    index.sync(items, generation);
    const { order } = index.search(query);
    return { length: order.length, at: (i) => ({ kind: 'parameter', index: order[i]!, label: items[order[i]!]!.name }) };
  }, [index, items, generation, query, view.flat, view.path]);
  const aliasItems = state.listings.aliases.items;
  const aliases = useMemo(() => aliasIndex(aliasItems), [aliasItems]);
  const highlight = useMemo(() => (query ? (name: string) => matchPositions(name, query) : () => undefined), [query]);
  const selected = useMemo(
    () => (view.selected === undefined ? undefined : items.find((p) => p.name === view.selected)),
    [items, view.selected],
  );
  return { items, rows, aliases, highlight, selected };
}
