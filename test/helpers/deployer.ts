import type { Engine } from '../../source/engine/engine';
import { createAccessKey } from '../../source/engine/identity/access-keys';
import { putPrincipalPolicy } from '../../source/engine/identity/policies';
import { createPrincipal } from '../../source/engine/identity/principals';

/** The three Strings a promotion of /app/staging copies, in the order it writes them. */
export const STAGING_LEAVES = ['a1', 'a2', 'b1'] as const;

/**
 * The `deployer` principal, who may read every parameter but write only /app/prod/a*: promoting
 * /app/staging to /app/prod is refused midway, after a1 and a2, at b1.
 */
export function seedDeployer(engine: Engine): void {
  createPrincipal(engine, 'deployer');
  createAccessKey(engine, 'deployer');
  putPrincipalPolicy(engine, 'deployer', 'p', JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['ssm:Get*', 'ssm:Describe*'], Resource: '*' },
      { Effect: 'Allow', Action: 'ssm:PutParameter', Resource: 'arn:aws:ssm:*:*:parameter/app/prod/a*' },
    ],
  }));
}
