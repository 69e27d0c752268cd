/**
 * KMS tables. A key's state is derived, not stored: `deletion_ms` set means PendingDeletion (gone
 * once the clock passes it), no `current_version` or a passed `valid_to_ms` means PendingImport,
 * else `enabled` decides. Key material is only ever stored sealed under the root key (AAD = key
 * ARN and material version); an import token's RSA private key likewise. `material_fingerprint`
 * is a keyed HMAC of imported material, so a re-import can be checked without keeping the bytes.
 */
export const KMS_SCHEMA = `
CREATE TABLE kms_keys (
  key_id TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('AWS_KMS', 'EXTERNAL')),
  key_manager TEXT NOT NULL CHECK (key_manager IN ('AWS', 'CUSTOMER')),
  aws_service TEXT UNIQUE,
  created_ms INTEGER NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  deletion_ms INTEGER,
  policy TEXT NOT NULL,
  rotation_enabled INTEGER NOT NULL CHECK (rotation_enabled IN (0, 1)),
  rotation_period_days INTEGER,
  rotation_anchor_ms INTEGER,
  current_version INTEGER,
  expiration_model TEXT,
  valid_to_ms INTEGER,
  material_fingerprint TEXT
) STRICT;
CREATE INDEX kms_keys_by_deletion ON kms_keys(deletion_ms) WHERE deletion_ms IS NOT NULL;
CREATE INDEX kms_keys_by_valid_to ON kms_keys(valid_to_ms) WHERE valid_to_ms IS NOT NULL;

CREATE TABLE kms_key_material (
  key_id TEXT NOT NULL REFERENCES kms_keys(key_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  sealed BLOB NOT NULL,
  created_ms INTEGER NOT NULL,
  PRIMARY KEY (key_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE kms_aliases (
  name TEXT PRIMARY KEY,
  key_id TEXT NOT NULL REFERENCES kms_keys(key_id) ON DELETE CASCADE,
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX kms_aliases_by_key ON kms_aliases(key_id);

CREATE TABLE kms_key_tags (
  key_id TEXT NOT NULL REFERENCES kms_keys(key_id) ON DELETE CASCADE,
  tag_key TEXT NOT NULL,
  tag_value TEXT NOT NULL,
  PRIMARY KEY (key_id, tag_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE kms_import_tokens (
  token_id BLOB PRIMARY KEY,
  key_id TEXT NOT NULL REFERENCES kms_keys(key_id) ON DELETE CASCADE,
  wrapping_algorithm TEXT NOT NULL,
  sealed_private_key BLOB NOT NULL,
  valid_to_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX kms_import_tokens_by_key ON kms_import_tokens(key_id);
CREATE INDEX kms_import_tokens_by_expiry ON kms_import_tokens(valid_to_ms);
`;
