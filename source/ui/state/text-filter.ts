/**
 * A `/` filter prompt: while `editing`, keys type into it; after `enter` it stays applied until
 * `esc` clears it. Shared by the parameters and audit panes.
 */
export interface TextFilter {
  readonly query: string;
  readonly editing: boolean;
}

/** How a key changes a filter being edited. */
export type FilterEdit = { readonly edit: 'type'; readonly text: string } | { readonly edit: 'erase' };

/** The filter after one edit. */
export function editFilter(filter: TextFilter, change: FilterEdit): TextFilter {
  if (change.edit === 'erase') return { ...filter, query: [...filter.query].slice(0, -1).join('') };
  return { ...filter, query: filter.query + change.text };
}

/**
 * Printable text from a key press; undefined for control keys. A paste arrives as one chunk, so
 * several characters at once are kept; line breaks and other controls are not.
 */
export function typedText(input: string): string | undefined {
  const text = input.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return text === '' ? undefined : text;
}
