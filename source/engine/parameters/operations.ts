import type { OperationTable } from '../engine';
import { deleteParameter, deleteParameters } from './delete';
import { getParameter, getParameters } from './get';
import { getParameterHistory } from './history';
import { labelParameterVersion, unlabelParameterVersion } from './labels';
import { describeParameters, getParametersByPath } from './list';
import { putParameter } from './put';
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from './tags';

/** AmazonSSM operations. */
export const SSM_OPERATIONS: OperationTable = {
  PutParameter: putParameter,
  GetParameter: getParameter,
  GetParameters: getParameters,
  GetParametersByPath: getParametersByPath,
  DescribeParameters: describeParameters,
  GetParameterHistory: getParameterHistory,
  LabelParameterVersion: labelParameterVersion,
  UnlabelParameterVersion: unlabelParameterVersion,
  DeleteParameter: deleteParameter,
  DeleteParameters: deleteParameters,
  AddTagsToResource: addTagsToResource,
  RemoveTagsFromResource: removeTagsFromResource,
  ListTagsForResource: listTagsForResource,
};
