import type { Engine } from '../engine';
import { prepared } from '../prepared';

/** Whether the notification of this type was already sent for this due instant (policy-schema.ts). */
export function policyRan(engine: Engine, parameterId: number, type: string, dueMs: number): boolean {
  return prepared(engine.db, 'SELECT 1 FROM parameter_policy_runs WHERE parameter_id = ? AND policy_type = ? AND due_ms = ?').get(parameterId, type, dueMs) !== undefined;
}

/** Remembers that a notification was sent, so it is sent once and reports Finished. */
export function recordPolicyRun(engine: Engine, parameterId: number, type: string, dueMs: number, runMs: number): void {
  prepared(engine.db, 'INSERT INTO parameter_policy_runs (parameter_id, policy_type, due_ms, run_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
    parameterId,
    type,
    dueMs,
    runMs,
  );
}
