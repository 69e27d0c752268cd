import type { Binding, CommandId } from './keymap';

/**
 * What a command does in the pane on screen: run, or say why it cannot (lazygit's
 * GetDisabledReason) rather than doing nothing. `hint` puts a binding the keymap keeps out of the
 * hint bar into it while this pane offers it.
 */
export type PaneCommand = ({ readonly run: () => void } | { readonly disabled: string }) & { readonly hint?: boolean | undefined };

/** The commands a pane adds to the global ones. */
export type PaneCommands = Partial<Record<CommandId, PaneCommand>>;

const KEY_SYMBOLS: Record<string, string> = {
  right: '→', left: '←', up: '↑', down: '↓', pagedown: 'pgdn', pageup: 'pgup', 'ctrl-d': '^d', 'ctrl-u': '^u',
};

/** How a binding's keys read in the hint bar and the help overlay. */
export function keysText(binding: Binding, all = true): string {
  const keys = all ? binding.keys : binding.keys.slice(0, 1);
  return keys.map((k) => KEY_SYMBOLS[k] ?? k).join('/');
}

/** The bindings the hint bar offers now: hinted ones this screen has a command for. */
export function hintedBindings(bindings: readonly Binding[], commands: PaneCommands): { binding: Binding; disabled: boolean }[] {
  return bindings
    .filter((b) => commands[b.command] && (b.hint || commands[b.command]!.hint))
    .map((binding) => ({ binding, disabled: 'disabled' in commands[binding.command]! }));
}
