import { parentPath, ROOT } from '../model/path-tree';
import { moveCursor, START, type ListCursor, type Movement } from './list-cursor';
import { editFilter, type FilterEdit, type TextFilter } from './text-filter';

/**
 * Where the user is in the parameters pane: the folder, tree or flat, the list or one
 * parameter's detail or history, the filter, and a cursor per list so backing out of a folder
 * lands on the row the user drilled in from.
 */
export interface ParametersView {
  readonly path: string;
  readonly flat: boolean;
  readonly mode: 'list' | 'detail' | 'history';
  /** The parameter the detail or history shows. */
  readonly selected?: string | undefined;
  /** Where `back` returns from the history view. */
  readonly historyFrom: 'list' | 'detail';
  readonly cursors: Readonly<Record<string, ListCursor>>;
  readonly detail: ListCursor;
  readonly history: ListCursor;
  readonly filter?: TextFilter | undefined;
}

export const INITIAL_PARAMETERS_VIEW: ParametersView = {
  path: ROOT, flat: false, mode: 'list', historyFrom: 'list', cursors: {}, detail: START, history: START,
};

/** What the parameters pane's keys do to its view. */
export type ParametersAction =
  | { readonly type: 'parameters/move'; readonly movement: Movement; readonly length: number; readonly height: number }
  | { readonly type: 'parameters/drill'; readonly path: string }
  | { readonly type: 'parameters/up' }
  | { readonly type: 'parameters/open'; readonly name: string }
  | { readonly type: 'parameters/history'; readonly name: string }
  | { readonly type: 'parameters/back' }
  | { readonly type: 'parameters/flat' }
  | { readonly type: 'parameters/filter-start' }
  | { readonly type: 'parameters/filter-edit'; readonly change: FilterEdit }
  | { readonly type: 'parameters/filter-commit'; readonly open?: string | undefined }
  | { readonly type: 'parameters/filter-clear' }
  | { readonly type: 'parameters/gone'; readonly name: string };

/** The cursor slot of the list on screen. */
export function listKey(view: ParametersView): string {
  if (view.filter) return 'filter';
  return `${view.flat ? 'flat' : 'tree'}:${view.path}`;
}

/** The cursor of the list on screen. */
export function listCursor(view: ParametersView): ListCursor {
  return view.cursors[listKey(view)] ?? START;
}

export function reduceParametersView(view: ParametersView, action: ParametersAction): ParametersView {
  switch (action.type) {
    case 'parameters/move': {
      const { movement, length, height } = action;
      if (view.mode === 'detail') return { ...view, detail: moveCursor(view.detail, movement, length, height) };
      if (view.mode === 'history') return { ...view, history: moveCursor(view.history, movement, length, height) };
      return withCursor(view, moveCursor(listCursor(view), movement, length, height));
    }
    case 'parameters/drill':
      return { ...view, path: action.path };
    case 'parameters/up':
      return { ...view, path: parentPath(view.path) };
    case 'parameters/open':
      return { ...view, mode: 'detail', selected: action.name, detail: START };
    case 'parameters/history':
      return { ...view, mode: 'history', selected: action.name, history: START, historyFrom: view.mode === 'detail' ? 'detail' : 'list' };
    case 'parameters/back':
      if (view.mode === 'history') return { ...view, mode: view.historyFrom };
      return { ...view, mode: 'list' };
    case 'parameters/flat':
      return { ...view, flat: !view.flat };
    case 'parameters/filter-start':
      return withCursor({ ...view, mode: 'list', filter: { query: view.filter?.query ?? '', editing: true } }, START);
    case 'parameters/filter-edit':
      if (!view.filter) return view;
      return withCursor({ ...view, filter: editFilter(view.filter, action.change) }, START);
    case 'parameters/filter-commit': {
      if (!view.filter) return view;
      const kept = { ...view, filter: { ...view.filter, editing: false } };
      return action.open ? { ...kept, mode: 'detail', selected: action.open, detail: START } : kept;
    }
    case 'parameters/filter-clear':
      return { ...view, filter: undefined };
    case 'parameters/gone':
      // A deleted parameter's detail or history has nothing left to show.
      return view.selected === action.name ? { ...view, mode: 'list', selected: undefined } : view;
  }
}

function withCursor(view: ParametersView, cursor: ListCursor): ParametersView {
  return { ...view, cursors: { ...view.cursors, [listKey(view)]: cursor } };
}
