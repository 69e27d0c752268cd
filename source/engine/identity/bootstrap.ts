import type { Engine } from '../engine';
import { createAccessKey } from './access-keys';
import { ADMIN_POLICY_DOCUMENT, ADMIN_POLICY_NAME, putPrincipalPolicy } from './policies';
import { createPrincipal } from './principals';

/** The principal every new store starts with; the CLI acts as it unless told otherwise. */
export const ADMIN_PRINCIPAL = 'admin';

/**
 * Creates the `admin` principal, with full access and its first access key, when the store has
 * no principal yet. True when it did (the store is new).
 */
export function bootstrapIdentity(engine: Engine): boolean {
  const any = engine.db.prepare('SELECT 1 FROM principals LIMIT 1').get();
  if (any) return false;
  createPrincipal(engine, ADMIN_PRINCIPAL);
  putPrincipalPolicy(engine, ADMIN_PRINCIPAL, ADMIN_POLICY_NAME, ADMIN_POLICY_DOCUMENT);
  createAccessKey(engine, ADMIN_PRINCIPAL);
  return true;
}
