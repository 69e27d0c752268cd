import type { Statement } from 'better-sqlite3';
import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { prepared } from '../prepared';
import { storedPolicies } from './policy-rules';
import { policyRan } from './policy-runs';
import { schedulePolicies } from '../../shared/parameter-policy-schedule';
import { openValue } from './secure-value';

/** The tiers a stored version can have (Intelligent-Tiering resolves to one of them at put). */
export type Tier = 'Standard' | 'Advanced';

/** A parameter's identity row: its name and latest version. */
export interface ParameterRow {
  id: number;
  name: string;
  version: number;
}

/** One stored version, as in `parameter_versions`. */
export interface VersionRow {
  parameter_id: number;
  version: number;
  type: string;
  value: Buffer;
  key_id: string | null;
  description: string | null;
  allowed_pattern: string | null;
  tier: Tier;
  data_type: string;
  policies: string | null;
  last_modified_ms: number;
  last_modified_user: string;
}

/** A prepared statement cached per connection (prepared.ts): listings and gets run the same SQL many times. */
export function sql(engine: Engine, text: string): Statement {
  return prepared(engine.db, text);
}

/** The parameter named `name` (stored form), if any. */
export function findParameter(engine: Engine, name: string): ParameterRow | undefined {
  return sql(engine, 'SELECT id, name, version FROM parameters WHERE name = ?').get(name) as ParameterRow | undefined;
}

/** AWS's ParameterNotFound for a name. */
export function parameterNotFound(name: string): AwsError {
  return new AwsError('ParameterNotFound', `Parameter ${name} not found.`);
}

/** The parameter named `name`, or AWS's ParameterNotFound. */
export function requireParameter(engine: Engine, name: string): ParameterRow {
  const row = findParameter(engine, name);
  if (!row) throw parameterNotFound(name);
  return row;
}

/** One version of a parameter, if it is still kept. */
export function findVersion(engine: Engine, parameterId: number, version: number): VersionRow | undefined {
  return sql(engine, 'SELECT * FROM parameter_versions WHERE parameter_id = ? AND version = ?').get(parameterId, version) as
    | VersionRow
    | undefined;
}

/** The latest version of the parameter named `name`, in one lookup (the common read: a name with no selector). */
export function findLatestVersion(engine: Engine, name: string): VersionRow | undefined {
  return sql(
    engine,
    'SELECT v.* FROM parameters p JOIN parameter_versions v ON v.parameter_id = p.id AND v.version = p.version WHERE p.name = ?',
  ).get(name) as VersionRow | undefined;
}

/** AWS's ParameterVersionNotFound for a version number that is not kept. */
export function versionNotFound(name: string, version: number | string): AwsError {
  return new AwsError('ParameterVersionNotFound', `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`);
}

/** The labels on one version, in name order. */
export function labelsOf(engine: Engine, parameterId: number, version: number): string[] {
  const rows = sql(engine, 'SELECT label FROM parameter_labels WHERE parameter_id = ? AND version = ? ORDER BY label').all(parameterId, version);
  return (rows as { label: string }[]).map((r) => r.label);
}

/**
 * The Value member of an answer. A SecureString without WithDecryption is its stored ciphertext
 * in base64, as AWS returns it; with WithDecryption it is opened through the KMS boundary.
 */
export function valueOf(engine: Engine, ctx: CallContext, name: string, row: VersionRow, withDecryption: boolean): string {
  if (row.type !== 'SecureString') return row.value.toString('utf8');
  if (!withDecryption) return row.value.toString('base64');
  return openValue(engine, ctx, { parameterArn: engine.parameterArn(name), keyId: row.key_id ?? 'alias/aws/ssm', blob: row.value });
}

/**
 * The Policies member: each stored policy as AWS lists it. A notification that was sent for its
 * current due instant is Finished; everything else is Pending (an Expiration that ran took the
 * parameter with it).
 */
export function policiesOf(engine: Engine, row: VersionRow): { PolicyText: string; PolicyType: string; PolicyStatus: string }[] {
  if (!row.policies) return [];
  return schedulePolicies(storedPolicies(row.policies), row.last_modified_ms).map((policy) => ({
    PolicyText: policy.text,
    PolicyType: policy.type,
    PolicyStatus: policy.dueMs !== undefined && policyRan(engine, row.parameter_id, policy.type, policy.dueMs) ? 'Finished' : 'Pending',
  }));
}

/** A `Parameter` as GetParameter(s)/GetParametersByPath return it. */
export function toParameter(engine: Engine, ctx: CallContext, name: string, row: VersionRow, withDecryption: boolean, selector?: string) {
  return {
    Name: name,
    Type: row.type,
    Value: valueOf(engine, ctx, name, row, withDecryption),
    Version: row.version,
    ...(selector === undefined ? {} : { Selector: selector }),
    LastModifiedDate: new Date(row.last_modified_ms),
    ARN: engine.parameterArn(name),
    DataType: row.data_type,
  };
}

/** The members ParameterMetadata and ParameterHistory share, in AWS's order. */
function described(name: string, row: VersionRow) {
  return {
    Name: name,
    Type: row.type,
    ...(row.key_id === null ? {} : { KeyId: row.key_id }),
    LastModifiedDate: new Date(row.last_modified_ms),
    LastModifiedUser: row.last_modified_user,
    ...(row.description === null ? {} : { Description: row.description }),
  };
}

/** A `ParameterMetadata` as DescribeParameters returns it (never a value). */
export function toMetadata(engine: Engine, name: string, row: VersionRow) {
  const { Name, ...rest } = described(name, row);
  return {
    Name,
    ARN: engine.parameterArn(name),
    ...rest,
    ...(row.allowed_pattern === null ? {} : { AllowedPattern: row.allowed_pattern }),
    Version: row.version,
    Tier: row.tier,
    Policies: policiesOf(engine, row),
    DataType: row.data_type,
  };
}

/** A `ParameterHistory` entry as GetParameterHistory returns it. */
export function toHistory(engine: Engine, ctx: CallContext, name: string, row: VersionRow, labels: string[], withDecryption: boolean) {
  return {
    ...described(name, row),
    Value: valueOf(engine, ctx, name, row, withDecryption),
    ...(row.allowed_pattern === null ? {} : { AllowedPattern: row.allowed_pattern }),
    Version: row.version,
    Labels: labels,
    Tier: row.tier,
    Policies: policiesOf(engine, row),
    DataType: row.data_type,
  };
}
