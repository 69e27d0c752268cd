import type { CallContext } from '../context';
import type { Engine } from '../engine';
import { optionalInteger, optionalStringList, type Input } from '../input';
import { resolveKeyCreatingManaged } from './aws-managed';
import { keyArn, listVisibleKeyIds } from './key-row';
import { keyMetadata } from './key-metadata';
import { decodeMarker, pageAfter, readMarker } from './paging';
import { requiredKeyId } from './resolve';

/**
 * DescribeKey: any key state. Naming alias/aws/ssm before it exists creates the AWS managed key,
 * as AWS services do through DescribeKey (the operation then runs as a write).
 */
export function describeKey(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const keyId = requiredKeyId(input);
  optionalStringList(input, 'GrantTokens', { min: 0, max: 10 });
  return { KeyMetadata: keyMetadata(engine, resolveKeyCreatingManaged(engine, keyId)) };
}

/** ListKeys: every key, AWS managed ones included, in key id order; Limit 1–1000 (default 100). */
export function listKeys(engine: Engine, _ctx: CallContext, input: Input): unknown {
  const limit = optionalInteger(input, 'Limit', { min: 1, max: 1000 }) ?? 100;
  const after = decodeMarker('keys', readMarker(input));
  const page = pageAfter('keys', listVisibleKeyIds(engine, after, limit + 1), limit, (id) => id);
  return { Keys: page.items.map((id) => ({ KeyId: id, KeyArn: keyArn(engine, id) })), ...page.more };
}
