import { pruneAuditTrail } from '../engine/audit/prune';
import type { Engine } from '../engine/engine';
import { storedSettings } from './resolved-options';

/**
 * Applies the `auditRetentionDays` setting each time a command opens the local store: records
 * older than that go, about once a day (pruneAuditTrail's slack), and the pruning is recorded in
 * the chain. A trail that does not verify is left whole; `audit verify` and `audit prune` say why.
 */
export function applyAuditRetention(engine: Engine): void {
  const days = storedSettings().auditRetentionDays;
  if (days !== undefined) pruneAuditTrail(engine, days, { onlyIfDayBehind: true });
}
