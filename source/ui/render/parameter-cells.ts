import type { KmsAlias } from '../../service/types';
import type { ParameterEntry } from '../model/parameter-entry';
import type { TreeRow } from '../model/path-tree';
import type { Cell, Column } from './columns';
import { count, shortTime } from './format';

/** The parameters table's columns (issue 7: name, type, tier, version, last modified, key alias). */
export type ParameterColumn = 'name' | 'type' | 'tier' | 'version' | 'modified' | 'key';

export const PARAMETER_COLUMNS: readonly Column<ParameterColumn>[] = [
  { id: 'name', title: 'NAME', min: 28, keep: Infinity, grow: 2 },
  { id: 'type', title: 'TYPE', min: 12, max: 12, keep: 5, grow: 0 },
  { id: 'tier', title: 'TIER', min: 8, max: 8, keep: 1, grow: 0 },
  { id: 'version', title: 'VER', min: 3, max: 5, keep: 4, grow: 0, align: 'right' },
  { id: 'modified', title: 'LAST MODIFIED', min: 16, max: 16, keep: 3, grow: 0 },
  { id: 'key', title: 'KEY', min: 13, max: 24, keep: 2, grow: 1 },
];

/** Alias names by the key id they point at, to show `alias/…` rather than a bare key id. */
export function aliasIndex(aliases: readonly KmsAlias[]): ReadonlyMap<string, string> {
  const byKey = new Map<string, string>();
  for (const alias of aliases) if (alias.targetKeyId && !byKey.has(alias.targetKeyId)) byKey.set(alias.targetKeyId, alias.name);
  return byKey;
}

/** The key a SecureString is encrypted under, by alias when one is known. */
export function keyLabel(keyId: string | undefined, aliases: ReadonlyMap<string, string>): string {
  if (!keyId) return '';
  if (keyId.startsWith('alias/')) return keyId;
  const id = keyId.startsWith('arn:') ? keyId.slice(keyId.lastIndexOf('/') + 1) : keyId;
  return aliases.get(id) ?? id;
}

/** One row's cells: a folder with how many parameters it holds, or a parameter's metadata. */
export function parameterCells(
  row: TreeRow,
  items: readonly ParameterEntry[],
  aliases: ReadonlyMap<string, string>,
  highlight?: readonly number[],
  changed?: (entry: ParameterEntry) => boolean,
): Record<ParameterColumn, Cell> {
  if (row.kind === 'folder') {
    return {
      name: { text: `${row.label} (${count(row.count)})`, tone: 'accent' },
      type: { text: 'folder', tone: 'muted' }, tier: { text: '' }, version: { text: '' }, modified: { text: '' }, key: { text: '' },
    };
  }
  const p = items[row.index]!;
  return {
    name: { text: row.label, highlight },
    type: { text: p.type, tone: p.type === 'SecureString' ? 'secret' : undefined },
    tier: { text: p.tier ?? '-', tone: 'muted' },
    version: changed?.(p) ? { text: `*${p.version}`, tone: 'accent' } : { text: String(p.version) },
    modified: { text: shortTime(p.modified === undefined ? undefined : new Date(p.modified)), tone: 'muted' },
    key: { text: p.type === 'SecureString' ? keyLabel(p.keyId, aliases) : '', tone: 'muted' },
  };
}
