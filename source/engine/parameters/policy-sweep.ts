import { appendRecords } from '../audit/chain';
import { serviceEventRecord, type AuditRecord } from '../audit/record';
import type { Engine } from '../engine';
import { storedPolicies } from './policy-rules';
import { policyRan, recordPolicyRun } from './policy-runs';
import { schedulePolicies, type PolicyType, type ScheduledPolicy } from '../../shared/parameter-policy-schedule';
import { sql } from './rows';

/** What one sweep did, and when the next policy it saw falls due. */
export interface SweepResult {
  deleted: string[];
  notified: { name: string; type: PolicyType }[];
  nextDueMs: number | undefined;
}

interface PolicyRow {
  id: number;
  name: string;
  tier: string;
  policies: string;
  last_modified_ms: number;
}

interface DueAction {
  row: PolicyRow;
  policy: ScheduledPolicy & { dueMs: number };
}

// Only the latest versions that carry policies, through the partial index (policy-schema.ts).
const POLICY_ROWS = `SELECT p.id AS id, p.name AS name, v.tier AS tier, v.policies AS policies, v.last_modified_ms AS last_modified_ms
  FROM parameter_versions v INDEXED BY parameter_versions_with_policies
  JOIN parameters p ON p.id = v.parameter_id AND p.version = v.version
  WHERE v.policies IS NOT NULL`;

/** Policies due at `nowMs` (notifications before expirations, so a warning precedes its deletion), and the next due after it. */
function dueActions(engine: Engine, nowMs: number): { actions: DueAction[]; nextDueMs: number | undefined } {
  const actions: DueAction[] = [];
  let nextDueMs: number | undefined;
  for (const row of sql(engine, POLICY_ROWS).all() as PolicyRow[]) {
    for (const policy of schedulePolicies(storedPolicies(row.policies), row.last_modified_ms)) {
      const { dueMs } = policy;
      if (dueMs === undefined || (policy.type !== 'Expiration' && policyRan(engine, row.id, policy.type, dueMs))) continue;
      if (dueMs <= nowMs) actions.push({ row, policy: { ...policy, dueMs } });
      else nextDueMs = Math.min(nextDueMs ?? dueMs, dueMs);
    }
  }
  actions.sort((a, b) => Number(a.policy.type === 'Expiration') - Number(b.policy.type === 'Expiration'));
  return { actions, nextDueMs };
}

/** Why the policy acted, in the words of the EventBridge event AWS sends. */
function actionReason(action: DueAction): string {
  const { row, policy } = action;
  const at = new Date(policy.dueMs).toISOString();
  if (policy.type === 'Expiration') return `Parameter ${row.name} was deleted by its Expiration policy at ${at}.`;
  if (policy.type === 'ExpirationNotification') return `Parameter ${row.name} falls due for expiration: this notification was due at ${at}.`;
  return `Parameter ${row.name} has not been modified since ${new Date(row.last_modified_ms).toISOString()}.`;
}

/** Carries out one due policy and returns its audit record. */
function apply(engine: Engine, action: DueAction, nowMs: number): AuditRecord {
  const { row, policy } = action;
  if (policy.type === 'Expiration') sql(engine, 'DELETE FROM parameters WHERE id = ?').run(row.id);
  else recordPolicyRun(engine, row.id, policy.type, policy.dueMs, nowMs);
  return serviceEventRecord(engine, {
    eventName: policy.type === 'Expiration' ? 'DeleteParameter' : policy.type,
    resource: { type: 'AWS::SSM::Parameter', name: row.name, arn: engine.parameterArn(row.name) },
    // The detail of EventBridge's "Parameter Store Policy Action" event, which AWS sends instead.
    details: {
      'parameter-name': row.name,
      'parameter-type': row.tier,
      'action-status': 'Finished',
      'policy-type': policy.type,
      'action-reason': actionReason(action),
    },
  });
}

/**
 * Carries out every parameter policy that is due by the engine's clock, as Parameter Store's
 * periodic scan does: an Expiration deletes its parameter, a notification is sent once per due
 * instant. AWS sends notifications to EventBridge; the local store records each action, the
 * deletions included, in the audit trail as an event of ssm.amazonaws.com, in the same
 * transaction as the action. Nothing due costs one indexed read and no write lock.
 */
export function sweepDuePolicies(engine: Engine): SweepResult {
  const nowMs = engine.clock().getTime();
  const first = dueActions(engine, nowMs);
  if (first.actions.length === 0) return { deleted: [], notified: [], nextDueMs: first.nextDueMs };
  return engine.transaction(() => {
    // Again under the write lock: another process may have swept in between.
    const { actions, nextDueMs } = dueActions(engine, nowMs);
    const deleted = new Set<string>();
    const notified: SweepResult['notified'] = [];
    const records: AuditRecord[] = [];
    for (const action of actions) {
      records.push(apply(engine, action, nowMs));
      if (action.policy.type === 'Expiration') deleted.add(action.row.name);
      else notified.push({ name: action.row.name, type: action.policy.type });
    }
    appendRecords(engine, records);
    return { deleted: [...deleted], notified, nextDueMs };
  });
}

/** The longest a long-running process waits between sweeps: another process may add a policy due sooner. */
const MAX_WAIT_MS = 60_000;

/** A running series of sweeps: stopped at exit, started again at once when a call may have added a policy. */
export interface PolicySweeps {
  stop(): void;
  /** Sweeps again now, then schedules by what it finds (a new policy may fall due sooner). */
  again(): void;
}

/**
 * Keeps sweeping for a long-running process (serve, the TUI on the local store): now, then when
 * the next policy falls due, and at least once a minute, since another process may add a policy.
 * `sweep` runs the sweep where the process runs its calls (serve's commit group).
 */
export function repeatPolicySweeps(engine: Engine, sweep: () => SweepResult | Promise<SweepResult>): PolicySweeps {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const turn = async (): Promise<void> => {
    let nextDueMs: number | undefined;
    try {
      nextDueMs = (await sweep()).nextDueMs;
    } catch {
      // A busy or failing store is tried again at the next turn; the calls that use it report its state.
    }
    if (stopped) return;
    const wait = nextDueMs === undefined ? MAX_WAIT_MS : Math.min(Math.max(nextDueMs - engine.clock().getTime(), 0), MAX_WAIT_MS);
    clearTimeout(timer);
    timer = setTimeout(() => void turn(), wait);
    timer.unref();
  };
  void turn();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    again() {
      clearTimeout(timer);
      void turn();
    },
  };
}
