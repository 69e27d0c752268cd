import { KEYMAP, type Binding } from './keymap';

/** Key names as a person reads them in the README. */
function shown(key: string): string {
  return `\`${key === '|' ? '\\|' : key}\``;
}

/**
 * The README's key table, generated from the one keymap table (a test keeps the README equal to
 * it), so the documentation can never drift from what the keys do.
 */
export function keymapMarkdown(bindings: readonly Binding[] = KEYMAP): string {
  const rows = bindings.map((b) => `| ${b.keys.map(shown).join(' ')} | ${b.description} | ${b.category}${b.dangerous ? ' (hidden by `--read-only`)' : ''} |`);
  return ['| keys | does | group |', '| --- | --- | --- |', ...rows].join('\n');
}
