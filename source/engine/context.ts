import type { AuditRecord } from './audit/record';

/** An authenticated IAM-style identity of the local store. */
export interface Principal {
  /** The user name, e.g. `admin`. */
  readonly name: string;
  /** `arn:aws:iam::<account>:user/<name>` */
  readonly arn: string;
  /** The stable unique id AWS calls principalId / UserId (`AIDA…`). */
  readonly userId: string;
  readonly accountId: string;
}

/**
 * Who is calling and from where: what the engine authorises and what the audit trail records.
 * The protocol layer builds it from a verified SigV4 signature.
 */
export interface CallContext {
  readonly principal: Principal;
  readonly accessKeyId: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly requestId: string;
  /**
   * Set by Engine.dispatch for the call it runs: the records of the calls made on the caller's
   * behalf (SSM's KMS Decrypt), committed with the call's own record.
   */
  readonly innerRecords?: AuditRecord[];
}
