import { auditorPolicy } from '../../source/commands/demo';
import { AUDITOR, localDemoAuditor } from '../../source/commands/demo-auditor';
import type { Engine } from '../../source/engine/engine';
import { createAccessKey } from '../../source/engine/identity/access-keys';
import { call } from '../helpers/engine';
import { seedSample } from './fixtures';

/** The sample tree plus the demo's `auditor`, who may browse but never decrypt under alias/payments. */
export function withAuditor(engine: Engine, advance: (ms: number) => void): void {
  seedSample(engine, advance);
  const key = call(engine, 'kms', 'DescribeKey', { KeyId: 'alias/payments' }) as { KeyMetadata: { Arn: string } };
  void localDemoAuditor(engine)(auditorPolicy(key.KeyMetadata.Arn));
  createAccessKey(engine, AUDITOR);
}
