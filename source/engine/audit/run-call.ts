import type { CallContext } from '../context';
import type { Engine, Operation } from '../engine';
import { isAwsError } from '../errors';
import { authorize, type Permission } from '../identity/authorize';
import { permissionsFor } from '../identity/operation-permissions';
import type { Input } from '../input';
import type { ServiceName } from '../operations';
import { inTransaction } from '../transaction';
import { oneTokenPerCall } from '../cache/remembered';
import { appendRecords, holdingRecords } from './chain';
import { callRecord, type AuditRecord, type Outcome } from './record';

/** One call as Engine.dispatch hands it over. */
export interface Call {
  readonly service: ServiceName;
  readonly operation: string;
  readonly op: Operation;
  readonly input: Input;
  readonly ctx: CallContext;
}

/** Calls that reveal a secret: KMS Decrypt, and SSM reads WithDecryption. They are audited even when they succeed. */
function decrypts(call: Call): boolean {
  if (call.service === 'kms') return call.operation === 'Decrypt';
  return call.service === 'ssm' && call.input.WithDecryption === true;
}

/**
 * Runs one call: its permissions are checked before it touches anything, then it runs, in one
 * transaction. A call that writes, decrypts or is denied is audited: writes and decrypts run in
 * BEGIN IMMEDIATE, the operation inside a savepoint, and their records (with the KMS calls made
 * on the caller's behalf) are appended after it in the same transaction, so the action and its
 * record commit together; a failed action is rolled back to the savepoint and its failure record
 * still commits. A denied read (which ran under a read lock) records its denial in a write
 * transaction of its own. If the record cannot be written, the action fails. Inside a commit
 * group (commit-group.ts) the group's BEGIN IMMEDIATE is already open: these transactions are
 * then savepoints in it, and the call's answer waits for the group's COMMIT.
 */
export function runCall(engine: Engine, call: Call): unknown {
  const innerRecords: AuditRecord[] = [];
  const ctx: CallContext = { ...call.ctx, innerRecords };
  let permissions: Permission[] = [];
  const writes = call.op.writes(call.input);
  const run = (): unknown => {
    permissions = permissionsFor(engine, call.service, call.operation, call.input);
    for (const permission of permissions) authorize(engine, ctx, permission);
    return call.op.run(engine, ctx, call.input);
  };
  // SSM's reads change no identity or KMS row: their cache lookups can share one token read.
  const attempt = call.service === 'ssm' && !writes ? () => oneTokenPerCall(engine, run) : run;
  const record = (outcome: Outcome): AuditRecord =>
    callRecord(engine, ctx, { service: call.service, operation: call.operation, input: call.input, permissions, outcome });

  if (!writes && !decrypts(call)) {
    try {
      return inTransaction(engine.db, 'deferred', attempt);
    } catch (error) {
      if (isAwsError(error, 'AccessDeniedException')) engine.transaction(() => appendRecords(engine, [record({ ok: false, error })]));
      throw error;
    }
  }
  const actAndRecord = (): Outcome => {
    let result: Outcome;
    try {
      // A nested transaction is a savepoint: a failure undoes the operation, not what follows.
      result = { ok: true, output: inTransaction(engine.db, 'immediate', attempt) };
    } catch (error) {
      result = { ok: false, error };
    }
    appendRecords(engine, [...innerRecords, record(result)]);
    return result;
  };
  // A commit group holds the records back, so appending writes nothing: no savepoint is needed around it.
  const outcome = holdingRecords(engine) ? actAndRecord() : engine.transaction(actAndRecord);
  if (!outcome.ok) throw outcome.error;
  return outcome.output;
}
