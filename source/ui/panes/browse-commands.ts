import type { Dispatch } from 'react';
import type { KmsKey } from '../../service/types';
import type { RowList } from '../components/Table';
import type { PaneCommand, PaneCommands } from '../keys/pane-commands';
import type { Movement } from '../state/list-cursor';
import type { UiAction, UiState } from '../state/ui-state';
import type { AuditAction } from '../state/audit-view';
import type { KeysAction } from '../state/keys-view';

/** How far a view can move: its rows (or scroll positions) and the rows on screen. */
export interface Extent {
  readonly length: number;
  readonly height: number;
}

const PARAMETERS_ONLY = 'works on parameters: press 1';

/** The movement bindings of a list or detail view; every pane shares them. */
export function moves(extent: Extent, act: (movement: Movement) => UiAction, dispatch: Dispatch<UiAction>): PaneCommands {
  const move = (movement: Movement): PaneCommand => ({ run: () => dispatch(act(movement)) });
  return {
    'move.down': move({ by: 1 }),
    'move.up': move({ by: -1 }),
    'move.top': move({ to: 'top' }),
    'move.bottom': move({ to: 'bottom' }),
    'move.pageDown': move({ pages: 1 }),
    'move.pageUp': move({ pages: -1 }),
  };
}

/** Bindings that belong to the parameters pane, disabled elsewhere with the way there. */
function parametersOnly(): PaneCommands {
  const elsewhere: PaneCommand = { disabled: PARAMETERS_ONLY };
  return { history: elsewhere, 'value.reveal': elsewhere, 'value.copy': elsewhere, 'name.copy': elsewhere, 'version.mark': elsewhere, 'tree.flat': elsewhere };
}

/** The keys pane's bindings: move, open a key's policy and rotation, back to the list. */
export function keysCommands(state: UiState, rows: RowList<KmsKey>, extent: Extent, dispatch: Dispatch<UiAction>): PaneCommands {
  const { mode, list } = state.keys;
  const selected = rows.length > 0 ? rows.at(Math.min(list.cursor, rows.length - 1)) : undefined;
  const move = (movement: Movement): KeysAction => ({ type: 'keys/move', movement, length: extent.length, height: extent.height });
  return {
    ...parametersOnly(),
    ...moves(extent, move, dispatch),
    open:
      mode === 'detail' ? { disabled: 'already open: esc goes back' }
      : selected ? { run: () => dispatch({ type: 'keys/open', keyId: selected.keyId }) }
      : { disabled: 'no key selected' },
    back: mode === 'detail' ? { run: () => dispatch({ type: 'keys/back' }) } : { disabled: 'already at the top' },
    filter: { disabled: 'the keys list has no filter' },
  };
}

/** The audit pane's bindings: move, filter, clear the filter. */
export function auditCommands(state: UiState, extent: Extent, dispatch: Dispatch<UiAction>): PaneCommands {
  const move = (movement: Movement): AuditAction => ({ type: 'audit/move', movement, length: extent.length, height: extent.height });
  return {
    ...parametersOnly(),
    ...moves(extent, move, dispatch),
    open: { disabled: 'an event has no more detail than its row' },
    back: state.audit.filter ? { run: () => dispatch({ type: 'audit/filter-clear' }) } : { disabled: 'already at the top' },
    filter: { run: () => dispatch({ type: 'audit/filter-start' }) },
  };
}
