/**
 * The tables whose rows the engine remembers between calls (cache/remembered.ts): who may sign
 * requests, what they are allowed, and the KMS keys and material that open SecureStrings.
 */
const WATCHED_TABLES = ['principals', 'access_keys', 'principal_policies', 'kms_keys', 'kms_key_material', 'kms_aliases'] as const;

const trigger = (table: string, event: 'INSERT' | 'UPDATE' | 'DELETE') => `
CREATE TRIGGER ${table}_${event.toLowerCase()}_new_generation AFTER ${event} ON ${table}
BEGIN UPDATE store_generation SET token = hex(randomblob(16)) WHERE id = 1; END;`;

/**
 * One random token that every change to a watched table replaces, through triggers, so it changes
 * whoever writes: this engine, another process, or a hand-edited file. A cache entry is valid only
 * while the token it was filled under is current. A random token rather than a counter: a change
 * rolled back restores the old token, and a counter could then reach the same value again for
 * different rows.
 */
export const CACHE_SCHEMA = `
CREATE TABLE store_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token TEXT NOT NULL
) STRICT;
INSERT INTO store_generation (id, token) VALUES (1, hex(randomblob(16)));
${WATCHED_TABLES.flatMap((table) => (['INSERT', 'UPDATE', 'DELETE'] as const).map((event) => trigger(table, event))).join('\n')}
`;
