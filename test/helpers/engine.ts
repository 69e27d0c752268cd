import type { CallContext } from '../../source/engine/context';
import { Engine, type EngineOptions } from '../../source/engine/engine';
import { isAwsError } from '../../source/engine/errors';
import { firstActiveKey } from '../../source/engine/identity/access-keys';
import { putPrincipalPolicy } from '../../source/engine/identity/policies';
import { createPrincipal, principalRow, toPrincipal } from '../../source/engine/identity/principals';
import type { ServiceName } from '../../source/engine/operations';
import { onTestFinished } from 'vitest';
import { tempHome } from './temp-home';

/** An engine on a fresh temp store, closed after the test. */
export function testEngine(options: Partial<EngineOptions> = {}): Engine {
  const engine = Engine.open({ home: tempHome(), ...options });
  onTestFinished(() => engine.close());
  return engine;
}

/** An identity policy that allows everything, like the one `admin` has. */
export const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/**
 * A call context for principal `name` of `engine`'s store (admin by default), with its real
 * unique id and access key; a name the store lacks is created, with no policy (so denied
 * everything) unless `policy` is given. `policy` is attached as the identity policy "test".
 */
export function contextFor(engine: Engine, name = 'admin', policy?: object): CallContext {
  let principal;
  try {
    principal = toPrincipal(engine, principalRow(engine, name));
  } catch (error) {
    if (!isAwsError(error, 'NoSuchEntity')) throw error;
    principal = createPrincipal(engine, name);
  }
  if (policy) putPrincipalPolicy(engine, principal.name, 'test', JSON.stringify(policy));
  return {
    principal: { name: principal.name, arn: principal.arn, userId: principal.userId, accountId: principal.accountId },
    accessKeyId: firstActiveKey(engine, principal.name).accessKeyId,
    sourceIp: '127.0.0.1',
    userAgent: 'paramdeck-tests',
    requestId: '00000000-0000-4000-8000-000000000000',
  };
}

/** Calls one operation as `admin` (or `ctx`) and returns its answer. */
export function call(engine: Engine, service: ServiceName, operation: string, input: object, ctx = contextFor(engine)): unknown {
  return engine.dispatch(service, operation, input, ctx);
}
