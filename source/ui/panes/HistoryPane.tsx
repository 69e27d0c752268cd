import { Box, Text } from 'ink';
import { useCallback, useMemo } from 'react';
import type { ParameterVersion } from '../../service/types';
import { DetailView } from '../components/DetailView';
import { SafeText } from '../components/SafeText';
import { rowsOf, Table } from '../components/Table';
import { placeColumns } from '../render/columns';
import { HISTORY_COLUMNS, historyCells, versionLines } from '../render/history-cells';
import { diffLines } from '../render/line-diff';
import { START } from '../state/list-cursor';
import { revealedVersion } from '../state/reveal-state';
import type { UiState } from '../state/ui-state';
import { useEnvironment } from '../ui-context';

const NO_VERSIONS: readonly [] = [];

/**
 * How the history view splits its height: the version table, then the selected version in full
 * (a third), or a diff (half).
 */
export function historyLayout(height: number, diff = false): { table: number; version: number } {
  const version = Math.max(4, Math.floor(height / (diff ? 2 : 3)));
  return { table: Math.max(1, height - 2 - version), version };
}

/**
 * A parameter's versions, newest first: date, user, labels and value (masked for SecureString
 * unless revealed), with the selected version in full underneath, or the diff of the two
 * versions marked with `m`.
 */
export function HistoryPane({ state, width, height }: { state: UiState; width: number; height: number }) {
  const { theme } = useEnvironment();
  const view = state.parameters;
  const resource = state.resources.history;
  const versions = resource?.status === 'ready' ? resource.value : NO_VERSIONS;
  const rows = useMemo(() => rowsOf(versions), [versions]);
  const selected = versions[Math.min(view.history.cursor, versions.length - 1)];
  const { reveals } = state;
  const cells = useCallback(
    (version: ParameterVersion) => historyCells(version, revealedVersion(reveals, version.name, version.version), reveals.marked.includes(version.version)),
    [reveals],
  );
  const [first, second] = reveals.marked.map((v) => revealedVersion(reveals, view.selected, v));
  const below =
    first && second ? diffLines(first, second, width)
    : selected ? versionLines(selected, width, revealedVersion(reveals, view.selected, selected.version))
    : undefined;
  const layout = historyLayout(height, first !== undefined && second !== undefined);
  const empty = resource?.status === 'failed' ? 'could not load the history' : resource?.status === 'ready' ? 'no versions' : 'loading…';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>History </Text>
        <SafeText text={view.selected ?? ''} tone="accent" bold />
        <Text color={theme.muted}>{resource?.status === 'ready' ? `  ${versions.length} version${versions.length === 1 ? '' : 's'}, newest first` : ''}</Text>
      </Text>
      <Table columns={placeColumns(HISTORY_COLUMNS, width)} rows={rows} cursor={view.history} height={layout.table} cells={cells} empty={empty} />
      {below ? <DetailView lines={below} scroll={START} height={layout.version} /> : null}
    </Box>
  );
}
