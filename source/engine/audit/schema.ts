/**
 * The audit trail. `audit_events` is a rowid table: `seq` is the rowid and the position in the
 * hash chain. Each row's `hash` is SHA-256 over the previous row's hash and the stored bytes of
 * every other column; `mac` is an HMAC of that hash under a key derived from the root key, so a
 * chain rewritten without the root key is found at its first rewritten row. The one `audit_head`
 * row holds the count and last hash, MACed the same way and updated in the same transaction as
 * each append, so cutting the tail is found too. The lookup columns copy parts of `record` so
 * LookupEvents can filter with SQL; they are covered by the hash like the rest.
 */
export const AUDIT_SCHEMA = `
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  event_time_ms INTEGER NOT NULL,
  event_source TEXT NOT NULL,
  event_name TEXT NOT NULL,
  username TEXT NOT NULL,
  access_key_id TEXT NOT NULL,
  read_only INTEGER NOT NULL,
  resources TEXT NOT NULL,
  record TEXT NOT NULL,
  hash BLOB NOT NULL,
  mac BLOB NOT NULL
) STRICT;

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL,
  last_hash BLOB NOT NULL,
  mac BLOB NOT NULL
) STRICT;
`;
