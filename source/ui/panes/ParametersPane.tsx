import { Box, Text } from 'ink';
import { useCallback } from 'react';
import { FilterPrompt } from '../components/FilterPrompt';
import { SafeText } from '../components/SafeText';
import { Table } from '../components/Table';
import type { ParametersModel } from '../hooks/use-parameters-model';
import { tableRows } from '../layout';
import type { TreeRow } from '../model/path-tree';
import { placeColumns } from '../render/columns';
import { count } from '../render/format';
import { PARAMETER_COLUMNS, parameterCells } from '../render/parameter-cells';
import { changedSinceCache } from '../state/listing-cache-view';
import { listCursor } from '../state/parameters-view';
import { errorText, type UiState } from '../state/ui-state';
import { useEnvironment } from '../ui-context';

/** Lines above the table: the title, and the filter prompt when there is one. */
export function parametersListChrome(state: UiState): number {
  return state.parameters.filter ? 2 : 1;
}

/** Data rows of the list at a body height. */
export function parametersListRows(state: UiState, height: number): number {
  return tableRows(height, parametersListChrome(state));
}

/**
 * The parameters list: one folder level of the path tree (folders first), the flat recursive
 * list (`t`), or the filter's matches across every level, best first with the matches lit.
 */
export function ParametersPane({ state, model, width, height }: { state: UiState; model: ParametersModel; width: number; height: number }) {
  const { theme } = useEnvironment();
  const view = state.parameters;
  const listing = state.listings.parameters;
  const columns = placeColumns(PARAMETER_COLUMNS, width);
  const { items, aliases, highlight } = model;
  const cache = state.listingCache;
  const cells = useCallback(
    (row: TreeRow) =>
      parameterCells(row, items, aliases, row.kind === 'parameter' ? highlight(row.label) : undefined, (entry) => changedSinceCache(cache, entry)),
    [items, aliases, highlight, cache],
  );
  const mode = view.filter ? 'filter · all levels' : view.flat ? 'flat' : 'tree';
  const empty =
    listing.loading && items.length === 0 ? 'loading…'
    : listing.error && items.length === 0 ? `could not list the parameters (R tries again): ${errorText(listing.error)}`
    : view.filter ? 'no parameter matches'
    : 'no parameters here';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Parameters</Text>
        {view.filter ? null : <SafeText text={` ${view.path}`} tone="accent" bold />}
        <Text color={theme.muted}>{`  ${mode} · ${count(items.length)} loaded`}</Text>
      </Text>
      {view.filter ? <FilterPrompt filter={view.filter} matches={model.rows.length} /> : null}
      <Table
        columns={columns}
        rows={model.rows}
        cursor={listCursor(view)}
        height={parametersListRows(state, height)}
        cells={cells}
        empty={empty}
        emptyTone={listing.error ? 'danger' : 'muted'}
      />
    </Box>
  );
}
