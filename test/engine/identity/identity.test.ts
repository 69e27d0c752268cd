import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../source/engine/clock';
import { Engine } from '../../../source/engine/engine';
import { isAwsError } from '../../../source/engine/errors';
import {
  createAccessKey,
  firstActiveKey,
  listAccessKeys,
  lookupAccessKey,
  setAccessKeyStatus,
} from '../../../source/engine/identity/access-keys';
import { createPrincipal, deletePrincipal, listPrincipals } from '../../../source/engine/identity/principals';
import { testEngine } from '../../helpers/engine';
import { tempHome } from '../../helpers/temp-home';

function errorOf(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (isAwsError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe('identity bootstrap', () => {
  it('gives a new store an admin with one active key, and keeps them on reopen', () => {
    const home = tempHome();
    const first = Engine.open({ home });
    const [admin] = listPrincipals(first);
    expect(listPrincipals(first)).toHaveLength(1);
    expect(admin).toMatchObject({ name: 'admin', arn: `arn:aws:iam::${first.accountId}:user/admin`, accountId: first.accountId });
    expect(admin!.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    const [key] = listAccessKeys(first, 'admin');
    expect(key).toMatchObject({ userName: 'admin', status: 'Active' });
    expect(key!.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    first.close();

    const second = Engine.open({ home });
    expect(listPrincipals(second).map((p) => p.userId)).toEqual([admin!.userId]);
    expect(listAccessKeys(second, 'admin').map((k) => k.accessKeyId)).toEqual([key!.accessKeyId]);
    second.close();
  });

  it('never writes a secret access key to the database file in clear', () => {
    const home = tempHome();
    const engine = Engine.open({ home });
    const { secretAccessKey } = firstActiveKey(engine, 'admin');
    expect(secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    engine.db.pragma('wal_checkpoint(TRUNCATE)');
    engine.close();
    expect(readFileSync(join(home, 'paramdeck.db')).includes(Buffer.from(secretAccessKey))).toBe(false);
  });
});

describe('principals', () => {
  const NAMES: { name: string; accepted: boolean }[] = [
    { name: 'alice', accepted: true },
    { name: 'ci.deploy+prod=1,x@example-team_2', accepted: true },
    { name: 'a'.repeat(64), accepted: true },
    { name: '', accepted: false },
    { name: 'a'.repeat(65), accepted: false },
    { name: 'with space', accepted: false },
    { name: 'path/name', accepted: false },
    { name: 'émile', accepted: false },
    { name: 'semi;colon', accepted: false },
  ];

  it.each(NAMES)('follows IAM user-name rules: "$name" accepted=$accepted', ({ name, accepted }) => {
    const engine = testEngine();
    const error = errorOf(() => createPrincipal(engine, name));
    if (accepted) expect(error).toBeUndefined();
    else expect(error).toMatchObject({ code: 'ValidationException', message: expect.stringContaining("at 'userName' failed to satisfy constraint") });
  });

  it('refuses a name already taken in any case, as IAM does', () => {
    const engine = testEngine();
    createPrincipal(engine, 'Deploy');
    expect(errorOf(() => createPrincipal(engine, 'deploy'))).toEqual({ code: 'EntityAlreadyExists', message: 'User with name deploy already exists.' });
    expect(errorOf(() => createPrincipal(engine, 'ADMIN'))?.code).toBe('EntityAlreadyExists');
  });

  it('lists by name with creation times from the engine clock', () => {
    const clock = manualClock(Date.UTC(2026, 2, 1));
    const engine = testEngine({ clock });
    clock.advance(1000);
    createPrincipal(engine, 'zed');
    createPrincipal(engine, 'bob');
    expect(listPrincipals(engine).map((p) => [p.name, p.created.toISOString()])).toEqual([
      ['admin', '2026-03-01T00:00:00.000Z'],
      ['bob', '2026-03-01T00:00:01.000Z'],
      ['zed', '2026-03-01T00:00:01.000Z'],
    ]);
  });

  it('deletes a principal with all its keys, which stop authenticating at once', () => {
    const engine = testEngine();
    createPrincipal(engine, 'bob');
    const key = createAccessKey(engine, 'bob');
    deletePrincipal(engine, 'bob');
    expect(lookupAccessKey(engine, key.accessKeyId)).toBeUndefined();
    expect(engine.db.prepare('SELECT count(*) AS n FROM access_keys WHERE access_key_id = ?').get(key.accessKeyId)).toEqual({ n: 0 });
    expect(errorOf(() => deletePrincipal(engine, 'bob'))).toEqual({ code: 'NoSuchEntity', message: 'The user with name bob cannot be found.' });
  });
});

describe('access keys', () => {
  it('looks a key up with its owner and secret; an unknown id is undefined', () => {
    const engine = testEngine();
    createPrincipal(engine, 'bob');
    const key = createAccessKey(engine, 'bob');
    const found = lookupAccessKey(engine, key.accessKeyId);
    expect(found).toMatchObject({ secret: key.secretAccessKey, status: 'Active', principal: { name: 'bob', arn: `arn:aws:iam::${engine.accountId}:user/bob` } });
    expect(lookupAccessKey(engine, 'AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
  });

  it('gives several keys to one principal and picks the oldest active one for env', () => {
    const clock = manualClock();
    const engine = testEngine({ clock });
    createPrincipal(engine, 'bob');
    const first = createAccessKey(engine, 'bob');
    clock.advance(1000);
    const second = createAccessKey(engine, 'bob');
    expect(firstActiveKey(engine, 'bob').accessKeyId).toBe(first.accessKeyId);
    setAccessKeyStatus(engine, first.accessKeyId, 'Inactive');
    expect(lookupAccessKey(engine, first.accessKeyId)?.status).toBe('Inactive');
    expect(firstActiveKey(engine, 'bob')).toMatchObject({ accessKeyId: second.accessKeyId, secretAccessKey: second.secretAccessKey });
    expect(listAccessKeys(engine, 'bob').map((k) => [k.accessKeyId, k.status])).toEqual([
      [first.accessKeyId, 'Inactive'],
      [second.accessKeyId, 'Active'],
    ]);
  });

  it('creates a key for env when a principal has no active one', () => {
    const engine = testEngine();
    createPrincipal(engine, 'carol');
    const made = firstActiveKey(engine, 'carol');
    expect(firstActiveKey(engine, 'carol').accessKeyId).toBe(made.accessKeyId);
    expect(listAccessKeys(engine, 'carol')).toHaveLength(1);
    expect(errorOf(() => firstActiveKey(engine, 'nobody'))?.code).toBe('NoSuchEntity');
    expect(errorOf(() => setAccessKeyStatus(engine, 'AKIAIOSFODNN7EXAMPLE', 'Inactive'))?.code).toBe('NoSuchEntity');
  });

  it('binds each sealed secret to its key id: moved to another row it no longer opens', () => {
    const engine = testEngine();
    createPrincipal(engine, 'bob');
    const a = createAccessKey(engine, 'bob');
    const b = createAccessKey(engine, 'bob');
    engine.db
      .prepare('UPDATE access_keys SET secret_sealed = (SELECT secret_sealed FROM access_keys WHERE access_key_id = ?) WHERE access_key_id = ?')
      .run(a.accessKeyId, b.accessKeyId);
    expect(() => lookupAccessKey(engine, b.accessKeyId)).toThrow(/corrupt or was sealed under another root key/);
  });
});
