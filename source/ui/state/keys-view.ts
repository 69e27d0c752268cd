import { moveCursor, START, type ListCursor, type Movement } from './list-cursor';

/** Where the user is in the keys pane: the key list, or one key's policy and rotation. */
export interface KeysView {
  readonly mode: 'list' | 'detail';
  readonly list: ListCursor;
  readonly selected?: string | undefined;
  readonly detail: ListCursor;
}

export const INITIAL_KEYS_VIEW: KeysView = { mode: 'list', list: START, detail: START };

/** What the keys pane's keys do to its view. */
export type KeysAction =
  | { readonly type: 'keys/move'; readonly movement: Movement; readonly length: number; readonly height: number }
  | { readonly type: 'keys/open'; readonly keyId: string }
  | { readonly type: 'keys/back' };

export function reduceKeysView(view: KeysView, action: KeysAction): KeysView {
  switch (action.type) {
    case 'keys/move': {
      const { movement, length, height } = action;
      if (view.mode === 'detail') return { ...view, detail: moveCursor(view.detail, movement, length, height) };
      return { ...view, list: moveCursor(view.list, movement, length, height) };
    }
    case 'keys/open':
      return { ...view, mode: 'detail', selected: action.keyId, detail: START };
    case 'keys/back':
      return { ...view, mode: 'list' };
  }
}
