import { ServiceError } from '../../service/errors';
import type { ListingError } from '../state/listing-state';

/** A failure as state holds it: a service error keeps AWS's code and text; anything else is a bug, shown as such. */
export function listingError(error: unknown): ListingError {
  if (error instanceof ServiceError) return { kind: error.kind, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'Unavailable', code: error instanceof Error ? error.name : 'Error', message };
}
