import type { Dispatch } from 'react';
import type { ParametersModel } from '../hooks/use-parameters-model';
import type { PaneCommand, PaneCommands } from '../keys/pane-commands';
import { ROOT } from '../model/path-tree';
import { listCursor } from '../state/parameters-view';
import { moves } from './browse-commands';
import { changeCommands } from './change-commands';
import type { WriteFlows } from '../hooks/write-flows';
import type { UiAction, UiState } from '../state/ui-state';

/** How far each view of the pane can move, measured on screen. */
export interface ParametersExtent {
  /** Rows of the list, scroll positions of the detail, versions of the history. */
  readonly length: number;
  readonly height: number;
}

/**
 * The parameters pane's bindings: drill in and out of folders, open a parameter's detail or
 * history, the filter, tree/flat, and the change keys. Each says why when it cannot act.
 */
export function parametersCommands(state: UiState, model: ParametersModel, extent: ParametersExtent, dispatch: Dispatch<UiAction>, flows: WriteFlows | undefined): PaneCommands {
  const view = state.parameters;
  const row = view.mode === 'list' && model.rows.length > 0 ? model.rows.at(Math.min(listCursor(view).cursor, model.rows.length - 1)) : undefined;
  const current = view.mode === 'list' ? (row?.kind === 'parameter' ? model.items[row.index]?.name : undefined) : view.selected;
  const selectFirst = row?.kind === 'folder' ? 'select a parameter, not a folder' : 'no parameter selected';
  const detail = state.resources.detail;
  const type = model.selected?.type ?? (detail?.status === 'ready' && detail.key === current ? detail.value.parameter.type : undefined);
  const entry = view.mode === 'list' ? (row?.kind === 'parameter' ? model.items[row.index] : undefined)
    // Unknown type: the delete asks for the typed confirmation, as for a SecureString.
    : current ? { name: current, type: type ?? 'SecureString' } : undefined;
  return {
    ...moves(extent, (movement) => ({ type: 'parameters/move', movement, length: extent.length, height: extent.height }), dispatch),
    open: open(view.mode, row, model, dispatch),
    back: back(state, dispatch),
    filter: { run: () => dispatch({ type: 'parameters/filter-start' }) },
    'tree.flat':
      view.mode !== 'list' ? { disabled: 'go back to the list first' }
      : view.filter ? { disabled: 'clear the filter first (esc)' }
      : { run: () => dispatch({ type: 'parameters/flat' }), hint: true },
    history:
      view.mode === 'history' ? { run: () => dispatch({ type: 'parameters/back' }) }
      : current ? { run: () => dispatch({ type: 'parameters/history', name: current }) }
      : { disabled: selectFirst },
    ...changeCommands(state, entry, selectFirst, flows, row?.kind === 'folder' ? row.path : undefined),
  };
}

function open(mode: UiState['parameters']['mode'], row: ReturnType<ParametersModel['rows']['at']> | undefined, model: ParametersModel, dispatch: Dispatch<UiAction>): PaneCommand {
  if (mode !== 'list') return { disabled: 'already open: esc goes back' };
  if (!row) return { disabled: 'nothing to open here' };
  if (row.kind === 'folder') return { run: () => dispatch({ type: 'parameters/drill', path: row.path }) };
  const name = model.items[row.index]!.name;
  return { run: () => dispatch({ type: 'parameters/open', name }) };
}

function back(state: UiState, dispatch: Dispatch<UiAction>): PaneCommand {
  const view = state.parameters;
  if (view.mode !== 'list') return { run: () => dispatch({ type: 'parameters/back' }) };
  if (view.filter) return { run: () => dispatch({ type: 'parameters/filter-clear' }) };
  if (view.path !== ROOT) return { run: () => dispatch({ type: 'parameters/up' }) };
  return { disabled: 'already at the top' };
}
