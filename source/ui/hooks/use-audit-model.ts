import { useMemo } from 'react';
import type { AuditEvent } from '../../service/types';
import { rowsOf, type RowList } from '../components/Table';
import { FuzzyIndex } from '../model/fuzzy-index';
import { auditSearchText } from '../render/audit-cells';
import type { UiState } from '../state/ui-state';

/** The audit events on screen: newest first, narrowed by the pane's filter. */
export function useAuditModel(state: UiState): RowList<AuditEvent> {
  const { items } = state.listings.audit;
  const query = state.audit.filter?.query;
  // CloudTrail answers lookup by lookup; the pane reads one timeline.
  const newest = useMemo(() => [...items].sort((a, b) => b.time.getTime() - a.time.getTime()), [items]);
  // The sorted copy changes whenever events arrive, so its index is built with it.
  const index = useMemo(() => {
    const fresh = new FuzzyIndex();
    fresh.sync(newest.map((event) => ({ name: auditSearchText(event) })), 0);
    return fresh;
  }, [newest]);
  return useMemo(() => {
    if (!query) return rowsOf(newest);
    const { order } = index.search(query);
    return { length: order.length, at: (i) => newest[order[i]!]! };
  }, [index, newest, query]);
}
