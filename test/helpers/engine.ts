import type { CallContext } from '../../source/engine/context';
import { Engine, type EngineOptions } from '../../source/engine/engine';
import type { ServiceName } from '../../source/engine/operations';
import { onTestFinished } from 'vitest';
import { tempHome } from './temp-home';

/** An engine on a fresh temp store, closed after the test. */
export function testEngine(options: Partial<EngineOptions> = {}): Engine {
  const engine = Engine.open({ home: tempHome(), ...options });
  onTestFinished(() => engine.close());
  return engine;
}

/** A call context for a principal of `engine`'s account (admin by default). */
export function contextFor(engine: Engine, name = 'admin'): CallContext {
  return {
    principal: {
      name,
      arn: `arn:aws:iam::${engine.accountId}:user/${name}`,
      userId: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
      accountId: engine.accountId,
    },
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    sourceIp: '127.0.0.1',
    userAgent: 'paramdeck-tests',
    requestId: '00000000-0000-4000-8000-000000000000',
  };
}

/** Calls one operation as `admin` (or `ctx`) and returns its answer. */
export function call(engine: Engine, service: ServiceName, operation: string, input: object, ctx = contextFor(engine)): unknown {
  return engine.dispatch(service, operation, input, ctx);
}
