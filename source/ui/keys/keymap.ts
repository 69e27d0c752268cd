/**
 * The one command table. Input handling, the hint bar, the `?` overlay and the README's key
 * table are all generated from it, so a key's meaning is written down exactly once.
 */
export type CommandId =
  | 'move.down'
  | 'move.up'
  | 'move.top'
  | 'move.bottom'
  | 'move.pageDown'
  | 'move.pageUp'
  | 'open'
  | 'back'
  | 'filter'
  | 'pane.next'
  | 'pane.parameters'
  | 'pane.keys'
  | 'pane.audit'
  | 'value.reveal'
  | 'value.copy'
  | 'name.copy'
  | 'history'
  | 'version.mark'
  | 'parameter.new'
  | 'parameter.edit'
  | 'parameter.delete'
  | 'parameter.label'
  | 'parameter.tags'
  | 'parameter.promote'
  | 'tree.flat'
  | 'context.switch'
  | 'refresh'
  | 'demo.load'
  | 'help'
  | 'quit';

export type Category = 'navigation' | 'panes' | 'values' | 'changes' | 'general';

/** One binding: what it does, which keys trigger it, and how it is shown. */
export interface Binding {
  readonly command: CommandId;
  /** Key names as `keyName()` produces them: a printable character, or `enter`, `esc`, `up`, … */
  readonly keys: readonly string[];
  readonly description: string;
  /** The one or two words the hint bar shows. */
  readonly label: string;
  readonly category: Category;
  /** Changes state or exposes a secret: dropped entirely under --read-only when it mutates. */
  readonly dangerous: boolean;
  /** Shown in the hint bar (the `?` overlay shows every binding). */
  readonly hint: boolean;
}

export const KEYMAP: readonly Binding[] = [
  { command: 'move.down', keys: ['j', 'down'], label: 'down', description: 'move down', category: 'navigation', dangerous: false, hint: false },
  { command: 'move.up', keys: ['k', 'up'], label: 'up', description: 'move up', category: 'navigation', dangerous: false, hint: false },
  { command: 'move.top', keys: ['g', 'home'], label: 'top', description: 'go to the top', category: 'navigation', dangerous: false, hint: false },
  { command: 'move.bottom', keys: ['G', 'end'], label: 'bottom', description: 'go to the bottom', category: 'navigation', dangerous: false, hint: false },
  { command: 'move.pageDown', keys: ['pagedown', 'ctrl-d'], label: 'page down', description: 'page down', category: 'navigation', dangerous: false, hint: false },
  { command: 'move.pageUp', keys: ['pageup', 'ctrl-u'], label: 'page up', description: 'page up', category: 'navigation', dangerous: false, hint: false },
  { command: 'open', keys: ['enter', 'l', 'right'], label: 'open', description: 'open, drill in', category: 'navigation', dangerous: false, hint: true },
  { command: 'back', keys: ['esc', 'h', 'left'], label: 'back', description: 'back', category: 'navigation', dangerous: false, hint: true },
  { command: 'filter', keys: ['/'], label: 'filter', description: 'filter by name and description', category: 'navigation', dangerous: false, hint: true },
  { command: 'tree.flat', keys: ['t'], label: 'tree/flat', description: 'toggle tree / flat recursive list', category: 'navigation', dangerous: false, hint: false },
  { command: 'pane.next', keys: ['tab'], label: 'next pane', description: 'next pane', category: 'panes', dangerous: false, hint: false },
  { command: 'pane.parameters', keys: ['1'], label: 'parameters', description: 'parameters', category: 'panes', dangerous: false, hint: false },
  { command: 'pane.keys', keys: ['2'], label: 'keys', description: 'KMS keys', category: 'panes', dangerous: false, hint: false },
  { command: 'pane.audit', keys: ['3'], label: 'audit', description: 'audit trail', category: 'panes', dangerous: false, hint: false },
  { command: 'value.reveal', keys: ['r'], label: 'reveal', description: 'reveal the value (asks y/N)', category: 'values', dangerous: false, hint: true },
  { command: 'value.copy', keys: ['c'], label: 'copy', description: 'copy the value (asks y/N)', category: 'values', dangerous: false, hint: true },
  { command: 'name.copy', keys: ['y'], label: 'copy name', description: 'copy the name', category: 'values', dangerous: false, hint: false },
  { command: 'history', keys: ['v'], label: 'history', description: 'version history', category: 'values', dangerous: false, hint: true },
  { command: 'version.mark', keys: ['m'], label: 'mark', description: 'mark a revealed version for the diff (history)', category: 'values', dangerous: false, hint: false },
  { command: 'parameter.new', keys: ['n'], label: 'new', description: 'new parameter', category: 'changes', dangerous: true, hint: false },
  { command: 'parameter.edit', keys: ['e'], label: 'edit', description: 'edit (new version)', category: 'changes', dangerous: true, hint: false },
  { command: 'parameter.delete', keys: ['d'], label: 'delete', description: 'delete (asks)', category: 'changes', dangerous: true, hint: false },
  { command: 'parameter.label', keys: ['L'], label: 'label', description: 'label a version', category: 'changes', dangerous: true, hint: false },
  { command: 'parameter.tags', keys: ['T'], label: 'tags', description: 'add or remove tags', category: 'changes', dangerous: true, hint: false },
  { command: 'parameter.promote', keys: ['p'], label: 'promote', description: 'promote/copy a folder (previews, asks y/N)', category: 'changes', dangerous: true, hint: false },
  { command: 'context.switch', keys: ['P'], label: 'profile', description: 'switch AWS profile and region (aws target)', category: 'general', dangerous: false, hint: false },
  { command: 'refresh', keys: ['R'], label: 'refresh', description: 'refresh', category: 'general', dangerous: false, hint: false },
  { command: 'demo.load', keys: ['D'], label: 'demo data', description: 'load the demo data (empty store)', category: 'changes', dangerous: true, hint: false },
  { command: 'help', keys: ['?'], label: 'help', description: 'help', category: 'general', dangerous: false, hint: true },
  { command: 'quit', keys: ['q'], label: 'quit', description: 'quit', category: 'general', dangerous: false, hint: true },
];

/** The bindings in force: `--read-only` drops every dangerous one (k9s ClearDanger). */
export function activeBindings(readOnly: boolean): readonly Binding[] {
  return readOnly ? KEYMAP.filter((b) => !b.dangerous) : KEYMAP;
}

/** What a change key answers under --read-only. */
export const READ_ONLY_REFUSAL = 'refused: read-only mode (--read-only) makes no changes';

/** The binding `--read-only` dropped for this key, so pressing it can say why nothing happens. */
export function droppedBinding(bindings: readonly Binding[], key: string): Binding | undefined {
  return KEYMAP.find((b) => b.keys.includes(key) && !bindings.includes(b));
}

/** The command a key triggers, if any. */
export function commandForKey(bindings: readonly Binding[], key: string): CommandId | undefined {
  return bindings.find((b) => b.keys.includes(key))?.command;
}
