/**
 * The domain types the TUI and CLI see. They are plain camelCase objects with `Date` times, built
 * from SDK answers by the mappers, so nothing of the SDK leaks past the service layer.
 */

/** SSM's parameter types; any other string an endpoint sends is treated as secret. */
export type ParameterType = 'String' | 'StringList' | 'SecureString';

/**
 * A parameter's value as listed or fetched without decryption. A SecureString carries no text at
 * all, not even the endpoint's ciphertext (an endpoint may put anything there, moto puts the
 * plaintext), so a caller cannot render it by mistake; `reveal` is the only way to its text.
 */
export type ParameterValue = { readonly kind: 'plain'; readonly text: string } | { readonly kind: 'masked' };

/** One of a parameter's policies (expiration, notifications), as DescribeParameters lists them. */
export interface ParameterPolicy {
  type: string;
  status: string;
  text: string;
  /** When it falls due (an Expiration deletes the parameter then); absent when it never does. */
  dueAt?: Date;
}

/** A parameter's metadata from DescribeParameters: what a tree or list row needs, no value. */
export interface ParameterSummary {
  name: string;
  arn?: string;
  type: ParameterType;
  version: number;
  keyId?: string;
  lastModifiedDate?: Date;
  lastModifiedUser?: string;
  description?: string;
  allowedPattern?: string;
  tier?: string;
  dataType?: string;
  policies: ParameterPolicy[];
}

/** A parameter with its (masked when secret) value, from GetParameter or GetParametersByPath. */
export interface Parameter {
  name: string;
  arn?: string;
  type: ParameterType;
  value: ParameterValue;
  version: number;
  lastModifiedDate?: Date;
  dataType?: string;
  /** The `:version` or `:label` suffix the parameter was asked for with, when it was. */
  selector?: string;
}

/** One entry of GetParameterHistory: the `v` history view. */
export interface ParameterVersion {
  name: string;
  type: ParameterType;
  value: ParameterValue;
  version: number;
  labels: string[];
  keyId?: string;
  lastModifiedDate?: Date;
  lastModifiedUser?: string;
  description?: string;
  allowedPattern?: string;
  tier?: string;
  dataType?: string;
  policies: ParameterPolicy[];
}

/** A KMS key as the keys pane shows it; details are absent when DescribeKey was refused. */
export interface KmsKey {
  keyId: string;
  arn: string;
  description?: string;
  state?: string;
  enabled?: boolean;
  usage?: string;
  spec?: string;
  /** `AWS` for AWS managed keys such as aws/ssm, `CUSTOMER` for the user's own. */
  manager?: string;
  origin?: string;
  accountId?: string;
  creationDate?: Date;
  deletionDate?: Date;
  pendingDeletionWindowInDays?: number;
  multiRegion?: boolean;
  /** Why the key's details are missing (e.g. the key policy denies DescribeKey). */
  detailsError?: string;
}

/** A KMS alias and the key it points at. */
export interface KmsAlias {
  name: string;
  arn?: string;
  targetKeyId?: string;
  creationDate?: Date;
  lastUpdatedDate?: Date;
}

/** One access-trail entry: who did what to which parameter or key, and whether it was refused. */
export interface AuditEvent {
  id: string;
  time: Date;
  eventName: string;
  eventSource: string;
  principalArn?: string;
  username?: string;
  accessKeyId?: string;
  sourceIp?: string;
  userAgent?: string;
  /** The AWS service that called on the principal's behalf (ssm.amazonaws.com for a reveal). */
  invokedBy?: string;
  region?: string;
  readOnly?: boolean;
  /** Parameters the event touched: from the PARAMETER_ARN encryption context or the request. */
  parameterNames: string[];
  keyArn?: string;
  /** Set when the call failed, e.g. `AccessDenied`. */
  errorCode?: string;
  errorMessage?: string;
}

/** Who the credentials belong to (STS GetCallerIdentity). */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}
