import type { OperationTable } from '../engine';

/** AmazonSSM operations. */
export const SSM_OPERATIONS: OperationTable = {};
