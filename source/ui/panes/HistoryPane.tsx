import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { DetailView } from '../components/DetailView';
import { SafeText } from '../components/SafeText';
import { rowsOf, Table } from '../components/Table';
import { placeColumns } from '../render/columns';
import { HISTORY_COLUMNS, historyCells, versionLines } from '../render/history-cells';
import { START } from '../state/list-cursor';
import type { UiState } from '../state/ui-state';
import { useEnvironment } from '../ui-context';

const NO_VERSIONS: readonly [] = [];

/** How the history view splits its height: the version table, then the selected version in full. */
export function historyLayout(height: number): { table: number; version: number } {
  const version = Math.max(4, Math.floor(height / 3));
  return { table: Math.max(1, height - 2 - version), version };
}

/**
 * A parameter's versions, newest first: date, user, labels and value (masked for SecureString),
 * with the selected version's value and description in full underneath.
 */
export function HistoryPane({ state, width, height }: { state: UiState; width: number; height: number }) {
  const { theme } = useEnvironment();
  const view = state.parameters;
  const resource = state.resources.history;
  const versions = resource?.status === 'ready' ? resource.value : NO_VERSIONS;
  const rows = useMemo(() => rowsOf(versions), [versions]);
  const layout = historyLayout(height);
  const selected = versions[Math.min(view.history.cursor, versions.length - 1)];
  const empty = resource?.status === 'failed' ? 'could not load the history' : resource?.status === 'ready' ? 'no versions' : 'loading…';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>History </Text>
        <SafeText text={view.selected ?? ''} tone="accent" bold />
        <Text color={theme.muted}>{resource?.status === 'ready' ? `  ${versions.length} version${versions.length === 1 ? '' : 's'}, newest first` : ''}</Text>
      </Text>
      <Table columns={placeColumns(HISTORY_COLUMNS, width)} rows={rows} cursor={view.history} height={layout.table} cells={historyCells} empty={empty} />
      {selected ? <DetailView lines={versionLines(selected, width)} scroll={START} height={layout.version} /> : null}
    </Box>
  );
}
