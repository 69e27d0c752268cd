import { moveCursor, START, type ListCursor, type Movement } from './list-cursor';
import { editFilter, type FilterEdit, type TextFilter } from './text-filter';

/** Where the user is in the audit pane: the event list, narrowed by an optional filter. */
export interface AuditView {
  readonly list: ListCursor;
  readonly filter?: TextFilter | undefined;
}

export const INITIAL_AUDIT_VIEW: AuditView = { list: START };

/** What the audit pane's keys do to its view. */
export type AuditAction =
  | { readonly type: 'audit/move'; readonly movement: Movement; readonly length: number; readonly height: number }
  | { readonly type: 'audit/filter-start' }
  | { readonly type: 'audit/filter-edit'; readonly change: FilterEdit }
  | { readonly type: 'audit/filter-commit' }
  | { readonly type: 'audit/filter-clear' };

export function reduceAuditView(view: AuditView, action: AuditAction): AuditView {
  switch (action.type) {
    case 'audit/move':
      return { ...view, list: moveCursor(view.list, action.movement, action.length, action.height) };
    case 'audit/filter-start':
      return { list: START, filter: { query: view.filter?.query ?? '', editing: true } };
    case 'audit/filter-edit':
      return view.filter ? { list: START, filter: editFilter(view.filter, action.change) } : view;
    case 'audit/filter-commit':
      return view.filter ? { ...view, filter: { ...view.filter, editing: false } } : view;
    case 'audit/filter-clear':
      return { list: START };
  }
}
