import type { Tag } from '../../service/capabilities';

/** What the tags dialog asks for: tags to add or change, keys to remove, or why it cannot tell. */
export interface TagEdits {
  readonly add: readonly Tag[];
  readonly remove: readonly string[];
  readonly problem?: string | undefined;
}

/**
 * Reads the tags dialog's two lines: `key=value` pairs and keys, each split by commas (AWS tag
 * keys and values hold no comma). A value may hold `=`; only the first one splits. AWS checks
 * the characters and lengths itself and says what it refuses.
 */
export function parseTagEdits(add: string, remove: string): TagEdits {
  const pairs = split(add);
  const bad = pairs.find((pair) => !pair.includes('=') || pair.startsWith('='));
  const removeKeys = split(remove);
  const problem =
    bad !== undefined ? `add/change: write key=value, not ${bad}`
    : pairs.length === 0 && removeKeys.length === 0 ? 'type a tag to add or a key to remove'
    : undefined;
  const tags = pairs.filter((pair) => pair !== bad).map((pair) => {
    const at = pair.indexOf('=');
    return { key: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
  return { add: tags, remove: removeKeys, ...(problem ? { problem } : {}) };
}

/** The tags a parameter has, on one line for the dialog. */
export function tagsText(tags: readonly Tag[]): string {
  return tags.length === 0 ? 'none' : tags.map((t) => `${t.key}=${t.value}`).join(', ');
}

/** What the status line says after the tags were written. */
export function tagFlash(name: string, edits: TagEdits): string {
  const parts = [
    ...(edits.add.length ? [`set ${edits.add.map((t) => t.key).join(', ')}`] : []),
    ...(edits.remove.length ? [`removed ${edits.remove.join(', ')}`] : []),
  ];
  return `tags of ${name}: ${parts.join('; ')}`;
}

function split(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}
