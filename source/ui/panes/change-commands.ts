import type { WriteFlows } from '../hooks/write-flows';
import type { PaneCommand, PaneCommands } from '../keys/pane-commands';
import type { ParameterEntry } from '../model/parameter-entry';
import { parentPath, ROOT } from '../model/path-tree';
import type { UiState } from '../state/ui-state';

/** Said by the change keys when the target was opened without a writer. */
export const NO_WRITER = 'this target takes no changes';

/**
 * The parameters pane's change keys: `n` new (in the folder on screen), on the selected
 * parameter `e` edit, `d` delete, `L` label (the version under the cursor in the history, else
 * the latest) and `T` tags, and `p` promote (the folder under the cursor, else the one listed).
 * Each says why when it cannot act.
 */
export function changeCommands(state: UiState, selected: Pick<ParameterEntry, 'name' | 'type'> | undefined, selectFirst: string, flows: WriteFlows | undefined, folderRow?: string): PaneCommands {
  if (!flows) {
    const none: PaneCommand = { disabled: NO_WRITER };
    return { 'parameter.new': none, 'parameter.edit': none, 'parameter.delete': none, 'parameter.label': none, 'parameter.tags': none, 'parameter.promote': none };
  }
  const view = state.parameters;
  // A new parameter starts beside what is on screen: the folder listed, or the open parameter's.
  const folder = view.mode === 'list' ? (view.filter ? ROOT : view.path) : selected ? parentPath(selected.name) : ROOT;
  const on = (run: (name: string) => void): PaneCommand => (selected ? { run: () => run(selected.name) } : { disabled: selectFirst });
  return {
    'parameter.new': { run: () => flows.create(folder) },
    'parameter.edit': on((name) => flows.edit(name)),
    'parameter.delete': on((name) => flows.remove(name, selected!.type)),
    'parameter.label': on((name) => flows.label(name, historyVersion(state))),
    'parameter.tags': on((name) => flows.tags(name)),
    'parameter.promote': promote(state, folderRow, flows),
  };
}

/** The folder `p` copies: the folder row under the cursor, else the folder listed (never the root). */
function promote(state: UiState, folderRow: string | undefined, flows: WriteFlows): PaneCommand {
  const view = state.parameters;
  if (view.mode !== 'list') return { disabled: 'go back to the list: promote copies a folder' };
  if (view.filter) return { disabled: 'clear the filter first (esc): promote copies a folder' };
  const source = folderRow ?? (view.path === ROOT ? undefined : view.path);
  return source ? { run: () => flows.promote(source) } : { disabled: 'select a folder: promote copies a folder to another path' };
}

/** The version under the history cursor, when the history is on screen. */
function historyVersion(state: UiState): number | undefined {
  const history = state.resources.history;
  if (state.parameters.mode !== 'history' || history?.status !== 'ready') return undefined;
  return history.value[Math.min(state.parameters.history.cursor, history.value.length - 1)]?.version;
}
