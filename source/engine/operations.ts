import type { OperationTable } from './engine';
import { SSM_OPERATIONS } from './parameters/operations';
import { KMS_OPERATIONS } from './kms/operations';
import { CLOUDTRAIL_OPERATIONS } from './audit/lookup-events';

/** The AWS services the local engine answers. */
export type ServiceName = 'ssm' | 'kms' | 'cloudtrail';

/** Every operation the engine runs, by service: the protocol routes to this table only. */
export const OPERATION_TABLES: Readonly<Record<ServiceName, OperationTable>> = {
  ssm: SSM_OPERATIONS,
  kms: KMS_OPERATIONS,
  cloudtrail: CLOUDTRAIL_OPERATIONS,
};
