import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readAnchor, writeAnchor } from './audit/anchor';
import { appendRecords, AUDIT_KEY_PURPOSE, headMacUnder, readHead, rowMacUnder } from './audit/chain';
import { storeEventRecord } from './audit/record';
import { verifyAuditTrail } from './audit/verify';
import type { Engine } from './engine';
import { materialFingerprint } from './kms/import';
import { keyArn } from './kms/key-row';
import { materialAad } from './kms/material';
import { Keyring } from './keyring';
import { installPendingKey, keyCheck, PENDING_ROOT_KEY_FILE, setKeyCheck, storedKeyCheck, writePendingKey } from './root-key-check';

/** What a rekey did, for the command to report. */
export interface RekeySummary {
  keyMaterials: number;
  accessKeys: number;
  auditRecords: number;
  importTokensDropped: number;
}

/**
 * Replaces the store's root key: every sealed secret (KMS key material, access-key secrets) is
 * opened under the current key and sealed under `rootKey`, the audit trail's MACs are computed
 * again under the new audit key, and a RotateRootKey record is appended, all in one
 * transaction. `keyFile` is the new `root.key` (raw or passphrase-wrapped): it is written durably
 * as `root.key.new` before the commit and renamed over `root.key` after it, and the database's
 * key check tells an open which of the two files is current should we stop in between
 * (root-key-check.ts). The engine still holds the old key afterwards: close it.
 */
export function rekeyStore(engine: Engine, rootKey: Buffer, keyFile: Buffer, reason: 'new-root-key' | 'passphrase'): RekeySummary {
  const next = new Keyring(rootKey);
  const summary = withPendingKeyFile(engine.home, () => engine.transaction(() => rewrap(engine, next, keyFile, reason)));
  installPendingKey(engine.home);
  return summary;
}

/** The rekey's one transaction; `root.key.new` is written inside it, under the write lock. */
function rewrap(engine: Engine, next: Keyring, keyFile: Buffer, reason: string): RekeySummary {
  // Under the write lock: another process that rekeyed since we opened made our key stale.
  if (storedKeyCheck(engine.db) !== keyCheck(engine.keyring)) throw new Error('the store was rekeyed by another process meanwhile; nothing was changed, run the command again');
  // MACing a damaged trail again under the new key would launder the damage.
  const trail = verifyAuditTrail(engine);
  if (!trail.ok) throw new Error(`the audit trail does not verify (${trail.broken?.reason ?? 'broken'}); nothing was changed: see \`paramdeck audit verify\``);
  appendRecords(engine, [storeEventRecord(engine, 'RotateRootKey', { reason })]);
  writePendingKey(engine.home, keyFile);
  const done: RekeySummary = {
    keyMaterials: resealMaterial(engine, next),
    accessKeys: resealAccessKeys(engine, next),
    importTokensDropped: engine.db.prepare('DELETE FROM kms_import_tokens').run().changes,
    auditRecords: remacTrail(engine, next),
  };
  setKeyCheck(engine.db, next);
  return done;
}

/** Runs `commit`; if it throws, nothing was committed, so a `root.key.new` it wrote is stale and goes. */
function withPendingKeyFile<T>(home: string, commit: () => T): T {
  try {
    return commit();
  } catch (error) {
    rmSync(join(home, PENDING_ROOT_KEY_FILE), { force: true });
    throw error;
  }
}

function resealMaterial(engine: Engine, next: Keyring): number {
  const rows = engine.db.prepare('SELECT key_id, version, sealed FROM kms_key_material').all() as { key_id: string; version: number; sealed: Buffer }[];
  const update = engine.db.prepare('UPDATE kms_key_material SET sealed = ? WHERE key_id = ? AND version = ?');
  const fingerprint = engine.db.prepare('UPDATE kms_keys SET material_fingerprint = ? WHERE key_id = ? AND material_fingerprint IS NOT NULL');
  for (const row of rows) {
    const aad = materialAad(keyArn(engine, row.key_id), row.version);
    const material = engine.keyring.open(row.sealed, aad);
    try {
      update.run(next.seal(material, aad), row.key_id, row.version);
      // Imported material's fingerprint is keyed by the root key too (one material per imported key).
      fingerprint.run(materialFingerprint(next, keyArn(engine, row.key_id), material), row.key_id);
    } finally {
      material.fill(0);
    }
  }
  // A fingerprint whose material was deleted cannot be recomputed: the next import sets it anew.
  engine.db.prepare('UPDATE kms_keys SET material_fingerprint = NULL WHERE key_id NOT IN (SELECT key_id FROM kms_key_material)').run();
  return rows.length;
}

function resealAccessKeys(engine: Engine, next: Keyring): number {
  const rows = engine.db.prepare('SELECT access_key_id, secret_sealed FROM access_keys').all() as { access_key_id: string; secret_sealed: Buffer }[];
  const update = engine.db.prepare('UPDATE access_keys SET secret_sealed = ? WHERE access_key_id = ?');
  for (const row of rows) {
    const secret = engine.keyring.open(row.secret_sealed, row.access_key_id);
    try {
      update.run(next.seal(secret, row.access_key_id), row.access_key_id);
    } finally {
      secret.fill(0);
    }
  }
  return rows.length;
}

/** Every row's MAC, the head's and a pruning anchor's under the next audit key; the hashes, and so the chain, stay. */
function remacTrail(engine: Engine, next: Keyring): number {
  const key = next.deriveKey(AUDIT_KEY_PURPOSE);
  try {
    const rows = engine.db.prepare('SELECT seq, hash FROM audit_events').safeIntegers(true).all() as { seq: bigint; hash: Buffer }[];
    const update = engine.db.prepare('UPDATE audit_events SET mac = ? WHERE seq = ?');
    for (const row of rows) update.run(rowMacUnder(key, row.hash), row.seq);
    const head = readHead(engine);
    if (!head) throw new Error('the audit trail has no head row: the store was tampered with (run `paramdeck audit verify`)');
    engine.db.prepare('UPDATE audit_head SET mac = ? WHERE id = 1').run(headMacUnder(key, head.count, head.last_hash));
    const anchor = readAnchor(engine);
    if (anchor) writeAnchor(engine, key, anchor.seq, anchor.hash);
    return rows.length;
  } finally {
    key.fill(0);
  }
}
