import { serviceCallRecord } from '../audit/record';
import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError, isAwsError } from '../errors';
import { authorize } from '../identity/authorize';
import { onKey } from '../identity/permissions/kms';
import type { EncryptionContext, KeyRow } from '../kms/api';

/** One KMS call SSM makes while serving a SecureString. */
export interface KmsCallForCaller {
  /** KMS's operation: Encrypt, GenerateDataKey or Decrypt. */
  readonly operation: 'Encrypt' | 'GenerateDataKey' | 'Decrypt';
  /** The key it is on, or undefined when the ciphertext names no key of ours (the call then fails on it). */
  readonly key: () => KeyRow | undefined;
  readonly context: EncryptionContext;
  /** The request as CloudTrail records it (never a plaintext or a ciphertext). */
  readonly requestParameters: Record<string, unknown>;
}

/**
 * Runs a KMS call SSM makes for the caller, as AWS does it: authorized as the caller with
 * kms:ViaService = ssm.<region>.amazonaws.com and the parameter's encryption context, and
 * recorded in the caller's audit trail as a kms.amazonaws.com event invoked by SSM, whether it
 * succeeds or not. A KMS denial reaches the caller as SSM passes it on: KMS's message followed by
 * the service, status, error code and request id of the KMS call.
 */
export function kmsForCaller<T>(engine: Engine, ctx: CallContext, call: KmsCallForCaller, run: () => T): T {
  const records = ctx.innerRecords;
  if (!records) throw new Error('SecureString values are sealed and opened only inside Engine.dispatch');
  let keyArn: string | undefined;
  const recordCall = (error?: unknown) => {
    const record = serviceCallRecord(engine, ctx, { service: 'ssm', eventName: call.operation, requestParameters: call.requestParameters, keyArn, ...(error === undefined ? {} : { error }) });
    records.push(record);
    return record;
  };
  try {
    const key = call.key();
    keyArn = key?.arn;
    if (key) authorize(engine, ctx, { ...onKey(call.operation, key, call.context), viaService: 'ssm' });
    const result = run();
    recordCall();
    return result;
  } catch (error) {
    const record = recordCall(error);
    if (!isAwsError(error, 'AccessDeniedException')) throw error;
    throw new AwsError(
      'AccessDeniedException',
      `${error.message} (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: ${String(record.event.requestID)}; Proxy: null)`,
    );
  }
}
