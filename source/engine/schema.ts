import { PARAMETERS_SCHEMA } from './parameters/schema';
import { KMS_SCHEMA } from './kms/schema';
import { IDENTITY_SCHEMA } from './identity/schema';
import { AUDIT_SCHEMA } from './audit/schema';
import { CACHE_SCHEMA } from './cache/schema';
import { METADATA_CACHE_SCHEMA } from './metadata-cache/schema';
import { POLICY_SCHEMA } from './parameters/policy-schema';

const CORE_SCHEMA = `
CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

/**
 * Schema migrations, index i takes user_version i to i+1. Released migrations are never edited:
 * a change is a new entry at the end.
 */
export const MIGRATIONS: readonly string[] = [CORE_SCHEMA + PARAMETERS_SCHEMA + KMS_SCHEMA + IDENTITY_SCHEMA + AUDIT_SCHEMA, CACHE_SCHEMA, METADATA_CACHE_SCHEMA, POLICY_SCHEMA];
