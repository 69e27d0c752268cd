import type { Engine } from '../engine';
import type { Input } from '../input';
import type { ServiceName } from '../operations';
import type { Permission } from './authorize';
import { KMS_PERMISSIONS } from './permissions/kms';
import type { PermissionTable } from './permissions/resolved';
import { SSM_PERMISSIONS } from './permissions/ssm';

/** CloudTrail's one operation here; LookupEvents has no resource-level permissions. */
const CLOUDTRAIL_PERMISSIONS: PermissionTable = {
  LookupEvents: () => [{ action: 'cloudtrail:LookupEvents', resource: '*' }],
};

/** The permissions of every operation the engine runs, by service: a test checks none is missing. */
export const PERMISSION_TABLES: Readonly<Record<ServiceName, PermissionTable>> = {
  ssm: SSM_PERMISSIONS,
  kms: KMS_PERMISSIONS,
  cloudtrail: CLOUDTRAIL_PERMISSIONS,
};

/** The permissions one call needs. An operation without an entry is a bug and never runs unchecked. */
export function permissionsFor(engine: Engine, service: ServiceName, operation: string, input: Input): Permission[] {
  const table = PERMISSION_TABLES[service];
  const needs = Object.hasOwn(table, operation) ? table[operation] : undefined;
  if (!needs) throw new Error(`no permissions are defined for ${service}:${operation}`);
  return needs(engine, input);
}
