/**
 * Identity tables. Principal names are unique without regard to case, as IAM user names are.
 * An access key's secret is sealed under the root key with the key id as AAD, so the file never
 * holds a usable secret and a sealed secret copied to another key's row never opens. Identity
 * policies are stored as the JSON the user attached (checked when attached), several per
 * principal by name, as IAM's inline user policies are.
 */
export const IDENTITY_SCHEMA = `
CREATE TABLE principals (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  user_id TEXT NOT NULL UNIQUE,
  created_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE access_keys (
  access_key_id TEXT PRIMARY KEY,
  principal_id INTEGER NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
  secret_sealed BLOB NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
  created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX access_keys_by_principal ON access_keys(principal_id, created_ms);

CREATE TABLE principal_policies (
  principal_id INTEGER NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (principal_id, name)
) STRICT;
`;
