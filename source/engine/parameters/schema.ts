/**
 * Parameter Store tables. `parameters` holds each name's latest state and `parameter_versions`
 * every kept version (at most 100). Names are stored in AWS's canonical form (a one-level name
 * without its leading slash, see names.ts). `parent` is the name's hierarchy level ("/a/b" for
 * "/a/b/c", "/" for a one-level name), indexed so a one-level path listing is a range scan and
 * never a full scan. Values of SecureStrings are KMS ciphertext blobs; no plaintext secret ever
 * reaches these tables.
 */
export const PARAMETERS_SCHEMA = `
CREATE TABLE parameters (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  parent TEXT NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX parameters_by_parent ON parameters(parent, name);

CREATE TABLE parameter_versions (
  parameter_id INTEGER NOT NULL REFERENCES parameters(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  type TEXT NOT NULL,
  value BLOB NOT NULL,
  key_id TEXT,
  description TEXT,
  allowed_pattern TEXT,
  tier TEXT NOT NULL,
  data_type TEXT NOT NULL,
  policies TEXT,
  last_modified_ms INTEGER NOT NULL,
  last_modified_user TEXT NOT NULL,
  PRIMARY KEY (parameter_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE parameter_labels (
  parameter_id INTEGER NOT NULL REFERENCES parameters(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (parameter_id, label)
) STRICT, WITHOUT ROWID;
CREATE INDEX parameter_labels_by_version ON parameter_labels(parameter_id, version);

CREATE TABLE parameter_tags (
  parameter_id INTEGER NOT NULL REFERENCES parameters(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (parameter_id, key)
) STRICT, WITHOUT ROWID;
`;
