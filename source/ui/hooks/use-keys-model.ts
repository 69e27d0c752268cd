import { useMemo } from 'react';
import type { KmsKey } from '../../service/types';
import { rowsOf, type RowList } from '../components/Table';
import { aliasesByKey } from '../render/key-cells';
import type { UiState } from '../state/ui-state';

/** The keys pane's rows and each key's aliases. */
export interface KeysModel {
  readonly rows: RowList<KmsKey>;
  readonly aliases: ReadonlyMap<string, string[]>;
}

/**
 * KMS lists keys in no useful order; the pane sorts them by alias (keys without one last, then by
 * id), so the list reads the same on every load and a cursor means the same key after a refresh.
 */
export function useKeysModel(state: UiState): KeysModel {
  const keys = state.listings.keys.items;
  const aliasItems = state.listings.aliases.items;
  const aliases = useMemo(() => aliasesByKey(aliasItems), [aliasItems]);
  const rows = useMemo(() => {
    const label = (key: KmsKey) => aliases.get(key.keyId)?.[0] ?? `~${key.keyId}`;
    return rowsOf([...keys].sort((a, b) => (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0)));
  }, [keys, aliases]);
  return { rows, aliases };
}
