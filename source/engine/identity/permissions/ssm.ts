import type { Engine } from '../../engine';
import { optionalList, optionalStringList, requiredString, type Input } from '../../input';
import { existingName, parseSelectedName, validateNewName, validatePath } from '../../parameters/names';
import type { Permission } from '../authorize';
import { resolved, type PermissionTable } from './resolved';

/** A permission on one parameter (or, for GetParametersByPath, on the path). */
function onParameter(engine: Engine, action: string, name: string): Permission {
  return { action: `ssm:${action}`, resource: engine.parameterArn(name), resourceName: name, resourceType: 'AWS::SSM::Parameter' };
}

function named(action: string, resolve: (engine: Engine, raw: string) => string) {
  return (engine: Engine, input: Input): Permission[] => {
    const name = resolved(() => resolve(engine, requiredString(input, 'Name')));
    return name === undefined ? [] : [onParameter(engine, action, name)];
  };
}

/** Several names, each its own resource; a name that does not resolve is answered by the operation itself. */
function eachNamed(action: string, resolve: (engine: Engine, raw: string) => string) {
  return (engine: Engine, input: Input): Permission[] => {
    const names = resolved(() => optionalStringList(input, 'Names')) ?? [];
    return names.flatMap((raw) => {
      const name = resolved(() => resolve(engine, raw));
      return name === undefined ? [] : [onParameter(engine, action, name)];
    });
  };
}

function tagging(action: string) {
  return (engine: Engine, input: Input): Permission[] => {
    if (input.ResourceType !== 'Parameter') return [];
    const name = resolved(() => existingName(requiredString(input, 'ResourceId')));
    return name === undefined ? [] : [onParameter(engine, action, name)];
  };
}

const selected = (engine: Engine, raw: string) => parseSelectedName(engine, raw).name;
const existing = (_engine: Engine, raw: string) => existingName(raw);

/**
 * The IAM actions each AmazonSSM operation needs, on the parameter ARNs AWS authorizes
 * (the Service Authorization Reference for Systems Manager). GetParametersByPath is authorized
 * on the path itself; DescribeParameters has no resource. Tags on a new parameter also need
 * ssm:AddTagsToResource. WithDecryption's kms:Decrypt is checked per value, where the key is known.
 */
export const SSM_PERMISSIONS: PermissionTable = {
  PutParameter: (engine, input) => {
    const name = resolved(() => validateNewName(engine, requiredString(input, 'Name')));
    if (name === undefined) return [];
    const tagged = (resolved(() => optionalList(input, 'Tags')) ?? []).length > 0;
    return [onParameter(engine, 'PutParameter', name), ...(tagged ? [onParameter(engine, 'AddTagsToResource', name)] : [])];
  },
  GetParameter: named('GetParameter', selected),
  GetParameters: eachNamed('GetParameters', selected),
  GetParametersByPath: (engine, input) => {
    const path = resolved(() => validatePath(requiredString(input, 'Path')));
    return path === undefined ? [] : [onParameter(engine, 'GetParametersByPath', path)];
  },
  DescribeParameters: (engine) => [{ action: 'ssm:DescribeParameters', resource: `arn:aws:ssm:${engine.region}:${engine.accountId}:*` }],
  GetParameterHistory: named('GetParameterHistory', existing),
  LabelParameterVersion: named('LabelParameterVersion', existing),
  UnlabelParameterVersion: named('UnlabelParameterVersion', existing),
  DeleteParameter: named('DeleteParameter', existing),
  DeleteParameters: eachNamed('DeleteParameters', existing),
  AddTagsToResource: tagging('AddTagsToResource'),
  RemoveTagsFromResource: tagging('RemoveTagsFromResource'),
  ListTagsForResource: tagging('ListTagsForResource'),
};
