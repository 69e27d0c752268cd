import { randomUUID } from 'node:crypto';
import type { CallContext } from '../../../source/engine/context';
import type { Engine } from '../../../source/engine/engine';
import { firstActiveKey } from '../../../source/engine/identity/access-keys';
import { principalRow, toPrincipal } from '../../../source/engine/identity/principals';

/**
 * A call context for the store's `admin`, for helper processes that use the engine directly
 * (test/helpers/engine.ts's contextFor imports vitest, which a bundled child cannot load). Each
 * call gets a request id of its own, so its audit record can be found by it.
 */
export function adminContext(engine: Engine, userAgent: string): () => CallContext {
  const principal = toPrincipal(engine, principalRow(engine, 'admin'));
  const accessKeyId = firstActiveKey(engine, 'admin').accessKeyId;
  return () => ({ principal, accessKeyId, sourceIp: '127.0.0.1', userAgent, requestId: randomUUID() });
}
