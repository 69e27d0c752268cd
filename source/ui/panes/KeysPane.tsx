import { Box, Text } from 'ink';
import { useCallback } from 'react';
import { Table } from '../components/Table';
import type { KeysModel } from '../hooks/use-keys-model';
import { tableRows } from '../layout';
import { placeColumns } from '../render/columns';
import { count } from '../render/format';
import { KEY_COLUMNS, keyCells } from '../render/key-cells';
import type { UiState } from '../state/ui-state';
import type { KmsKey } from '../../service/types';
import { useEnvironment } from '../ui-context';

/** Data rows of the keys table at a body height (one title line above it). */
export function keysListRows(height: number): number {
  return tableRows(height, 1);
}

/**
 * The KMS keys: alias, key id, state, AWS or customer managed, origin, description and deletion
 * date; `enter` opens a key's policy and rotation status.
 */
export function KeysPane({ state, model, width, height }: { state: UiState; model: KeysModel; width: number; height: number }) {
  const { theme } = useEnvironment();
  const keys = state.listings.keys;
  const { rows, aliases } = model;
  const cells = useCallback((key: KmsKey) => keyCells(key, aliases), [aliases]);
  const empty = keys.loading ? 'loading…' : keys.error ? 'could not list the keys' : 'no keys';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>KMS keys</Text>
        <Text color={theme.muted}>{`  ${count(keys.items.length)} keys`}</Text>
      </Text>
      <Table columns={placeColumns(KEY_COLUMNS, width)} rows={rows} cursor={state.keys.list} height={keysListRows(height)} cells={cells} empty={empty} />
    </Box>
  );
}
