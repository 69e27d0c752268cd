import { randomInt } from 'node:crypto';
import type { Principal } from '../context';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { constraintError } from '../input';

/** A principal as listed: its identity plus when it was created. */
export interface PrincipalInfo extends Principal {
  readonly created: Date;
}

/** A `principals` row as SQLite returns it. */
export interface PrincipalRow {
  id: number;
  name: string;
  user_id: string;
  created_ms: number;
}

/** IAM's user-name pattern and length (the IAM API reference, CreateUser.UserName). */
const USER_NAME = /^[\w+=,.@-]+$/;
const USER_NAME_MAX = 64;

/** AWS ids use upper-case letters and the digits 2-7 (base32's alphabet). */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `prefix` followed by random base32 characters up to `length`, like AWS's `AIDA…`/`AKIA…` ids. */
export function randomAwsId(prefix: string, length: number): string {
  let id = prefix;
  while (id.length < length) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** Refuses a name IAM would refuse, with IAM's wording. */
function checkUserName(name: string): void {
  if (name.length < 1) throw constraintError('UserName', name, 'Member must have length greater than or equal to 1');
  if (name.length > USER_NAME_MAX) {
    throw constraintError('UserName', name, `Member must have length less than or equal to ${USER_NAME_MAX}`);
  }
  if (!USER_NAME.test(name)) {
    throw constraintError('UserName', name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  }
}

/** The principal an identity row stands for, with the ARN AWS would give an IAM user. */
export function toPrincipal(engine: Engine, row: PrincipalRow): Principal {
  return {
    name: row.name,
    arn: `arn:aws:iam::${engine.accountId}:user/${row.name}`,
    userId: row.user_id,
    accountId: engine.accountId,
  };
}

/** The row of principal `name` (matched without regard to case, as IAM does), or NoSuchEntity. */
export function principalRow(engine: Engine, name: string): PrincipalRow {
  const row = engine.db.prepare('SELECT id, name, user_id, created_ms FROM principals WHERE name = ?').get(name) as
    | PrincipalRow
    | undefined;
  if (!row) throw new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404);
  return row;
}

/** Adds a principal; names are unique whatever their case, as IAM user names are. */
export function createPrincipal(engine: Engine, name: string): PrincipalInfo {
  checkUserName(name);
  return engine.transaction(() => {
    const taken = engine.db.prepare('SELECT 1 FROM principals WHERE name = ?').get(name);
    if (taken) throw new AwsError('EntityAlreadyExists', `User with name ${name} already exists.`, 409);
    const row: PrincipalRow = { id: 0, name, user_id: randomAwsId('AIDA', 21), created_ms: engine.clock().getTime() };
    const result = engine.db
      .prepare('INSERT INTO principals (name, user_id, created_ms) VALUES (?, ?, ?)')
      .run(row.name, row.user_id, row.created_ms);
    return { ...toPrincipal(engine, { ...row, id: Number(result.lastInsertRowid) }), created: new Date(row.created_ms) };
  });
}

/** Every principal, by name. */
export function listPrincipals(engine: Engine): PrincipalInfo[] {
  const rows = engine.db.prepare('SELECT id, name, user_id, created_ms FROM principals ORDER BY name').all() as PrincipalRow[];
  return rows.map((row) => ({ ...toPrincipal(engine, row), created: new Date(row.created_ms) }));
}

/** Removes a principal and, with it, every access key it had: those keys stop working at once. */
export function deletePrincipal(engine: Engine, name: string): void {
  engine.transaction(() => {
    const row = principalRow(engine, name);
    engine.db.prepare('DELETE FROM principals WHERE id = ?').run(row.id);
  });
}

