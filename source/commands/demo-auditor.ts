import type { Engine } from '../engine/engine';
import { isAwsError } from '../engine/errors';
import { putPrincipalPolicy } from '../engine/identity/policies';
import { createPrincipal } from '../engine/identity/principals';

/** The demo's principal who may look but not decrypt what the demo key protects. */
export const AUDITOR = 'auditor';
/** The name of the auditor's identity policy; rerunning the demo replaces it. */
export const AUDITOR_POLICY_NAME = 'paramdeck-demo-auditor';

/** Creates or refreshes the auditor with an identity policy; says which it did. */
export type DemoAuditor = (policyDocument: string) => Promise<'created' | 'updated'>;

/**
 * The auditor on a local store. Principals are local administration (AWS has IAM for that), so
 * this reaches the engine directly, as the `principal` commands do. The policy is put again on
 * every run so it always names the demo key that exists now.
 */
export function localDemoAuditor(engine: Engine): DemoAuditor {
  return async (policyDocument) => {
    let outcome: 'created' | 'updated' = 'created';
    try {
      createPrincipal(engine, AUDITOR);
    } catch (error) {
      if (!isAwsError(error, 'EntityAlreadyExists')) throw error;
      outcome = 'updated';
    }
    putPrincipalPolicy(engine, AUDITOR, AUDITOR_POLICY_NAME, policyDocument);
    return outcome;
  };
}
