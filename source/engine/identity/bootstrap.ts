import type { Engine } from '../engine';
import { createAccessKey } from './access-keys';
import { createPrincipal } from './principals';

/** The principal every new store starts with; the CLI acts as it unless told otherwise. */
export const ADMIN_PRINCIPAL = 'admin';

/** Creates the `admin` principal and its first access key when the store has none. */
export function bootstrapIdentity(engine: Engine): void {
  const any = engine.db.prepare('SELECT 1 FROM principals LIMIT 1').get();
  if (any) return;
  createPrincipal(engine, ADMIN_PRINCIPAL);
  createAccessKey(engine, ADMIN_PRINCIPAL);
}
