import type { OperationTable } from '../engine';

/** TrentService (KMS) operations. */
export const KMS_OPERATIONS: OperationTable = {};
