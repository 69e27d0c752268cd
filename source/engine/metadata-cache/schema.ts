/**
 * The aws target's metadata cache (metadata-cache/store.ts): the last complete listing of each
 * profile and region, so a large account opens at once. Names, types, versions, key ids, tiers,
 * dates and descriptions only, never a value. `scope` names the profile, region and endpoint.
 */
export const METADATA_CACHE_SCHEMA = `
CREATE TABLE aws_listing_scopes (
  scope TEXT PRIMARY KEY,
  saved_at_ms INTEGER NOT NULL,
  count INTEGER NOT NULL
) STRICT;

CREATE TABLE aws_listing_parameters (
  scope TEXT NOT NULL REFERENCES aws_listing_scopes (scope) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  version INTEGER NOT NULL,
  tier TEXT,
  key_id TEXT,
  last_modified_ms INTEGER,
  description TEXT,
  PRIMARY KEY (scope, name)
) STRICT, WITHOUT ROWID;
`;
