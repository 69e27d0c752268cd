import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../source/engine/context';
import { Engine } from '../../../source/engine/engine';
import { isAwsError } from '../../../source/engine/errors';
import { deleteAccessKey, lookupAccessKey, setAccessKeyStatus } from '../../../source/engine/identity/access-keys';
import { deletePrincipalPolicy, putPrincipalPolicy } from '../../../source/engine/identity/policies';
import { deletePrincipal } from '../../../source/engine/identity/principals';
import { inTransaction } from '../../../source/engine/transaction';
import { shareTokenPerTurn } from '../../../source/engine/cache/remembered';
import { ALLOW_ALL, contextFor } from '../../helpers/engine';
import { tempHome } from '../../helpers/temp-home';
import { onTestFinished } from 'vitest';

/**
 * A long-running engine (as `paramdeck serve` holds one) beside a second connection to the same
 * store, standing for another process: every change the second one makes must reach the first
 * one's next call, whatever the first one remembered.
 */
function twoConnections() {
  const home = tempHome();
  const serving = Engine.open({ home });
  const other = Engine.open({ home });
  onTestFinished(() => {
    serving.close();
    other.close();
  });
  return { home, serving, other };
}

/** The AWS error shape a call fails with, or 'ok'. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (isAwsError(error)) return error.code;
    throw error;
  }
}

/** A SecureString under a customer key, read and decrypted once so every cache is warm. */
function warmSecret(engine: Engine, ctx: CallContext) {
  const { KeyMetadata } = engine.dispatch('kms', 'CreateKey', {}, ctx) as { KeyMetadata: { KeyId: string } };
  engine.dispatch('ssm', 'PutParameter', { Name: '/app/secret', Value: 'fake-secret', Type: 'SecureString', KeyId: KeyMetadata.KeyId }, ctx);
  const context = { PARAMETER_ARN: engine.parameterArn('/kms/direct') };
  const { CiphertextBlob } = engine.dispatch('kms', 'Encrypt', { KeyId: KeyMetadata.KeyId, Plaintext: Buffer.from('fake'), EncryptionContext: context }, ctx) as {
    CiphertextBlob: Buffer;
  };
  const getSecret = () => engine.dispatch('ssm', 'GetParameter', { Name: '/app/secret', WithDecryption: true }, ctx);
  const decrypt = () => engine.dispatch('kms', 'Decrypt', { CiphertextBlob, EncryptionContext: context }, ctx);
  expect(outcome(getSecret)).toBe('ok');
  expect(outcome(decrypt)).toBe('ok');
  return { keyId: KeyMetadata.KeyId, getSecret, decrypt };
}

/** Runs SQL in a separate node process, as a script or another tool would edit the store. */
function sqlInAnotherProcess(home: string, sql: string, ...params: (string | number)[]): void {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `const Database = require(${JSON.stringify(driver)}); const db = new Database(process.argv[1]); db.pragma('busy_timeout = 10000'); db.prepare(process.argv[2]).run(...JSON.parse(process.argv[3])); db.close();`;
  execFileSync(process.execPath, ['-e', code, join(home, 'paramdeck.db'), sql, JSON.stringify(params)]);
}

describe('signing keys the engine remembers', () => {
  const CHANGES: { change: string; apply: (other: Engine, accessKeyId: string) => void; status: 'Inactive' | undefined }[] = [
    { change: 'deactivated', apply: (other, id) => setAccessKeyStatus(other, id, 'Inactive'), status: 'Inactive' },
    { change: 'deleted', apply: (other, id) => deleteAccessKey(other, 'alice', id), status: undefined },
    { change: 'deleted with its principal', apply: (other) => deletePrincipal(other, 'alice'), status: undefined },
  ];

  it.each(CHANGES)('refuse a key $change by another connection at its next lookup', ({ apply, status }) => {
    const { serving, other } = twoConnections();
    const { accessKeyId } = contextFor(serving, 'alice', ALLOW_ALL);
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Active');
    apply(other, accessKeyId);
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe(status);
  });

  it('take a key back once it is active again', () => {
    const { serving, other } = twoConnections();
    const { accessKeyId } = contextFor(serving, 'alice', ALLOW_ALL);
    setAccessKeyStatus(other, accessKeyId, 'Inactive');
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Inactive');
    setAccessKeyStatus(other, accessKeyId, 'Active');
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Active');
  });

  it('follow a key deactivated by another process writing the file directly', () => {
    const { home, serving } = twoConnections();
    const { accessKeyId } = contextFor(serving, 'alice', ALLOW_ALL);
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Active');
    sqlInAnotherProcess(home, "UPDATE access_keys SET status = 'Inactive' WHERE access_key_id = ?", accessKeyId);
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Inactive');
  });
});

describe('identity policies the engine remembers', () => {
  it('deny at once when another connection attaches a Deny, and allow again when it is detached', () => {
    const { serving, other } = twoConnections();
    const ctx = contextFor(serving, 'alice', ALLOW_ALL);
    const list = () => serving.dispatch('ssm', 'DescribeParameters', {}, ctx);
    expect(outcome(list)).toBe('ok');
    putPrincipalPolicy(other, 'alice', 'deny', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ssm:*', Resource: '*' }] }));
    expect(outcome(list)).toBe('AccessDeniedException');
    deletePrincipalPolicy(other, 'alice', 'deny');
    expect(outcome(list)).toBe('ok');
  });
});

describe('KMS keys and material the engine remembers', () => {
  const CHANGES: { change: string; apply: (other: Engine, ctx: CallContext, keyId: string) => void; decrypt: string; secret: string }[] = [
    {
      change: 'disabled',
      apply: (other, ctx, keyId) => other.dispatch('kms', 'DisableKey', { KeyId: keyId }, ctx),
      decrypt: 'DisabledException',
      secret: 'InvalidKeyId',
    },
    {
      change: 'scheduled for deletion',
      apply: (other, ctx, keyId) => other.dispatch('kms', 'ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 7 }, ctx),
      decrypt: 'KMSInvalidStateException',
      secret: 'InvalidKeyId',
    },
    {
      change: 'given a policy that denies decryption',
      apply: (other, ctx, keyId) => {
        const policy = { Version: '2012-10-17', Statement: [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${other.accountId}:root` }, Action: 'kms:*', Resource: '*' },
          { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*' },
        ] };
        other.dispatch('kms', 'PutKeyPolicy', { KeyId: keyId, Policy: JSON.stringify(policy), PolicyName: 'default' }, ctx);
      },
      decrypt: 'AccessDeniedException',
      secret: 'AccessDeniedException',
    },
    {
      change: 'stripped of its material',
      apply: (other, _ctx, keyId) => other.db.prepare('DELETE FROM kms_key_material WHERE key_id = ?').run(keyId),
      decrypt: 'InvalidCiphertextException',
      secret: 'InvalidCiphertextException',
    },
  ];

  it.each(CHANGES)('refuse decryption at once when another connection has the key $change', ({ apply, decrypt, secret }) => {
    const { serving, other } = twoConnections();
    const { keyId, getSecret, decrypt: decryptDirect } = warmSecret(serving, contextFor(serving));
    apply(other, contextFor(other), keyId);
    expect(outcome(decryptDirect)).toBe(decrypt);
    expect(outcome(getSecret)).toBe(secret);
  });

  it('follow a key disabled by another process writing the file directly', () => {
    const { home, serving } = twoConnections();
    const { keyId, getSecret } = warmSecret(serving, contextFor(serving));
    sqlInAnotherProcess(home, 'UPDATE kms_keys SET enabled = 0 WHERE key_id = ?', keyId);
    expect(outcome(getSecret)).toBe('InvalidKeyId');
  });

  it('follow the engine’s own changes, and forget what a rolled-back change showed', () => {
    const { serving, other } = twoConnections();
    const ctx = contextFor(serving);
    const { keyId, decrypt } = warmSecret(serving, ctx);
    // Seen inside a transaction that is then rolled back: the disabled key must not stick.
    expect(() =>
      inTransaction(serving.db, 'immediate', () => {
        serving.dispatch('kms', 'DisableKey', { KeyId: keyId }, ctx);
        expect(outcome(decrypt)).toBe('DisabledException');
        throw new Error('undo');
      }),
    ).toThrow('undo');
    expect(outcome(decrypt)).toBe('ok');
    // After the rollback the store is back where it was; a later change elsewhere still shows.
    other.dispatch('kms', 'DisableKey', { KeyId: keyId }, contextFor(other));
    expect(outcome(decrypt)).toBe('DisabledException');
    serving.dispatch('kms', 'EnableKey', { KeyId: keyId }, ctx);
    expect(outcome(decrypt)).toBe('ok');
  });

  it('never takes a rolled-back state for the store after an unrelated change elsewhere', () => {
    const { serving, other } = twoConnections();
    const ctx = contextFor(serving);
    const { keyId, decrypt } = warmSecret(serving, ctx);
    serving.dispatch('kms', 'DisableKey', { KeyId: keyId }, ctx);
    expect(() =>
      inTransaction(serving.db, 'immediate', () => {
        serving.dispatch('kms', 'EnableKey', { KeyId: keyId }, ctx);
        expect(outcome(decrypt)).toBe('ok');
        throw new Error('undo');
      }),
    ).toThrow('undo');
    // One row changed elsewhere: a counter would now read as it did inside the rolled-back transaction.
    setAccessKeyStatus(other, ctx.accessKeyId, 'Active');
    expect(outcome(decrypt)).toBe('DisabledException');
  });
});

describe('one token read per turn (serve’s signature thread)', () => {
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('sees another connection’s change from the next turn on, not within the turn it raced', async () => {
    const { serving, other } = twoConnections();
    shareTokenPerTurn(serving);
    const { accessKeyId } = contextFor(serving, 'alice', ALLOW_ALL);
    await nextTurn();
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Active');
    setAccessKeyStatus(other, accessKeyId, 'Inactive');
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Active');
    await nextTurn();
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Inactive');
  });

  it('sees its own connection’s commits at once', async () => {
    const { serving } = twoConnections();
    shareTokenPerTurn(serving);
    const { accessKeyId } = contextFor(serving, 'alice', ALLOW_ALL);
    await nextTurn();
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Active');
    inTransaction(serving.db, 'immediate', () => setAccessKeyStatus(serving, accessKeyId, 'Inactive'));
    expect(lookupAccessKey(serving, accessKeyId)?.status).toBe('Inactive');
  });
});
