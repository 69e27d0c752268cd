import type { KmsAlias, KmsKey } from '../../service/types';
import type { Cell, Column } from './columns';
import { shortTime } from './format';

/** The keys table's columns (issue 7: alias, key id, state, manager, origin, description, deletion date). */
export type KeyColumn = 'alias' | 'keyId' | 'state' | 'manager' | 'origin' | 'description' | 'deletion';

export const KEY_COLUMNS: readonly Column<KeyColumn>[] = [
  { id: 'alias', title: 'ALIAS', min: 18, max: 32, keep: Infinity, grow: 1 },
  { id: 'keyId', title: 'KEY ID', min: 13, max: 36, keep: Infinity, grow: 0 },
  { id: 'state', title: 'STATE', min: 15, max: 15, keep: 6, grow: 0 },
  { id: 'manager', title: 'MANAGER', min: 8, max: 8, keep: 5, grow: 0 },
  { id: 'origin', title: 'ORIGIN', min: 12, max: 12, keep: 2, grow: 0 },
  { id: 'description', title: 'DESCRIPTION', min: 12, keep: 1, grow: 3 },
  { id: 'deletion', title: 'DELETION', min: 16, max: 16, keep: 3, grow: 0 },
];

/** Aliases grouped by the key they point at: a key may have several. */
export function aliasesByKey(aliases: readonly KmsAlias[]): ReadonlyMap<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const alias of aliases) {
    if (!alias.targetKeyId) continue;
    byKey.set(alias.targetKeyId, [...(byKey.get(alias.targetKeyId) ?? []), alias.name]);
  }
  return byKey;
}

const STATE_TONE: Record<string, Cell['tone']> = {
  Enabled: 'success', Disabled: 'warning', PendingDeletion: 'danger', PendingImport: 'warning', Unavailable: 'danger',
};

/** One key's cells; a key whose details were refused says so in its state. */
export function keyCells(key: KmsKey, aliases: ReadonlyMap<string, string[]>): Record<KeyColumn, Cell> {
  const names = aliases.get(key.keyId) ?? [];
  return {
    alias: { text: names.length === 0 ? '-' : names.join(', '), tone: names.length === 0 ? 'muted' : undefined },
    keyId: { text: key.keyId, tone: 'muted' },
    state: key.detailsError ? { text: 'no access', tone: 'danger' } : { text: key.state ?? '-', tone: STATE_TONE[key.state ?? ''] },
    manager: { text: key.manager ?? '-' },
    origin: { text: key.origin ?? '-', tone: 'muted' },
    description: { text: key.description ?? '' },
    deletion: { text: key.deletionDate ? shortTime(key.deletionDate) : '', tone: 'danger' },
  };
}
