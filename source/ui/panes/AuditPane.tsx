import { Box, Text } from 'ink';
import { FilterPrompt } from '../components/FilterPrompt';
import { Table, type RowList } from '../components/Table';
import { tableRows } from '../layout';
import { AUDIT_COLUMNS, auditCells } from '../render/audit-cells';
import { placeColumns } from '../render/columns';
import { count } from '../render/format';
import type { UiState } from '../state/ui-state';
import type { AuditEvent } from '../../service/types';
import { useEnvironment } from '../ui-context';

/** Data rows of the audit table at a body height. */
export function auditListRows(state: UiState, height: number): number {
  return tableRows(height, state.audit.filter ? 2 : 1);
}

/**
 * The access trail: time, principal, event, resource and result (refusals in the danger colour),
 * newest first, narrowed with `/`.
 */
export function AuditPane({ state, rows, width, height }: { state: UiState; rows: RowList<AuditEvent>; width: number; height: number }) {
  const { theme } = useEnvironment();
  const audit = state.listings.audit;
  const empty = audit.loading ? 'loading…' : audit.error ? 'could not read the audit trail' : state.audit.filter ? 'no event matches' : 'no events yet';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Audit trail</Text>
        <Text color={theme.muted}>{`  ${count(audit.items.length)} events, newest first`}</Text>
      </Text>
      {state.audit.filter ? <FilterPrompt filter={state.audit.filter} matches={rows.length} /> : null}
      <Table columns={placeColumns(AUDIT_COLUMNS, width)} rows={rows} cursor={state.audit.list} height={auditListRows(state, height)} cells={auditCells} empty={empty} />
    </Box>
  );
}
