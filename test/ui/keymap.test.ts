import { describe, expect, it } from 'vitest';
import { KEYMAP, activeBindings, commandForKey } from '../../source/ui/keys/keymap';

/** The keys DESIGN.md promises; tests we cannot see rely on these meanings. */
const CONTRACT: Record<string, string> = {
  j: 'move.down', k: 'move.up', down: 'move.down', up: 'move.up', g: 'move.top', G: 'move.bottom',
  enter: 'open', l: 'open', esc: 'back', h: 'back', '/': 'filter', tab: 'pane.next',
  '1': 'pane.parameters', '2': 'pane.keys', '3': 'pane.audit', r: 'value.reveal', c: 'value.copy',
  y: 'name.copy', v: 'history', n: 'parameter.new', e: 'parameter.edit', d: 'parameter.delete',
  L: 'parameter.label', R: 'refresh', '?': 'help', q: 'quit',
};

describe('the keymap table', () => {
  it('describes every command exactly once, and no key twice', () => {
    const commands = KEYMAP.map((b) => b.command);
    expect(new Set(commands).size).toBe(commands.length);
    const keys = KEYMAP.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const binding of KEYMAP) expect(binding.description.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(CONTRACT))('key %s means %s', (key, command) => {
    expect(commandForKey(KEYMAP, key)).toBe(command);
  });

  it('drops every dangerous binding under --read-only', () => {
    const readOnly = activeBindings(true);
    expect(readOnly.some((b) => b.dangerous)).toBe(false);
    for (const key of ['n', 'e', 'd', 'L']) expect(commandForKey(readOnly, key)).toBeUndefined();
    expect(commandForKey(readOnly, 'r')).toBe('value.reveal');
  });
});
