import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../source/engine/engine';
import { rootKeyNeedsPassphrase } from '../../../source/engine/keyring';
import { kmsDecrypt, kmsEncrypt } from '../../../source/engine/kms/api';
import { tempHome } from '../../helpers/temp-home';
import { createKey } from './kms-helpers';

/** Each unlock runs scrypt at N=2^17 (about half a second), so these tests share one store. */
describe('passphrase mode of the root key', () => {
  it('creates a wrapped root key, reopens with the right passphrase only, and leaves the file intact', () => {
    const home = tempHome();
    const created = Engine.open({ home, passphrase: 'correct horse battery staple' });
    const { KeyId } = createKey(created);
    const blob = created.transaction(() => kmsEncrypt(created, KeyId, Buffer.from('behind a passphrase'), { c: 'd' })).blob;
    created.close();

    const file = join(home, 'root.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const contents = readFileSync(file);
    const document = JSON.parse(contents.toString('utf8'));
    expect(document).toMatchObject({ format: 'paramdeck-root-key', version: 1, kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(Buffer.from(document.salt, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(rootKeyNeedsPassphrase(home)).toBe(true);

    expect(() => Engine.open({ home })).toThrow(`${file} is protected by a passphrase: one is needed to open the store`);
    expect(() => Engine.open({ home, passphrase: 'wrong horse' })).toThrow(`wrong passphrase for ${file}`);
    expect(readFileSync(file)).toEqual(contents);

    const reopened = Engine.open({ home, passphrase: 'correct horse battery staple' });
    expect(kmsDecrypt(reopened, blob, { c: 'd' }).plaintext.toString()).toBe('behind a passphrase');
    reopened.close();
  });

  it('reports a plain store as needing no passphrase and ignores one given to it', () => {
    const home = tempHome();
    expect(rootKeyNeedsPassphrase(home)).toBe(false);
    Engine.open({ home }).close();
    expect(rootKeyNeedsPassphrase(home)).toBe(false);
    Engine.open({ home, passphrase: 'unused' }).close();
  });

  it.each([
    ['N above 2^20', { N: 2 ** 21 }, /beyond the allowed ceiling/],
    ['r above 16', { r: 32 }, /beyond the allowed ceiling/],
    ['p above 4', { p: 8 }, /beyond the allowed ceiling/],
    ['N not a power of two', { N: 100_000 }, /power of two/],
    ['N below 2^14', { N: 1024 }, /power of two of at least 2\^14/],
    ['an unknown version', { version: 2 }, /format version 2/],
    ['no salt', { salt: undefined }, /neither a raw root key nor a passphrase-wrapped one/],
  ])('refuses a root key file asking for %s, before any key derivation', (_name, change, message) => {
    const home = tempHome();
    Engine.open({ home }).close();
    const file = join(home, 'root.key');
    const hostile = {
      format: 'paramdeck-root-key',
      version: 1,
      kdf: 'scrypt',
      N: 2 ** 17,
      r: 8,
      p: 1,
      salt: Buffer.alloc(32, 1).toString('base64'),
      nonce: Buffer.alloc(12).toString('base64'),
      wrapped: Buffer.alloc(48).toString('base64'),
      ...change,
    };
    writeFileSync(file, JSON.stringify(hostile), { mode: 0o600 });
    // The parameter refusal, not "wrong passphrase": the file is judged before scrypt runs.
    expect(() => Engine.open({ home, passphrase: 'anything' })).toThrow(message);
  });

  it('refuses to read a root key file far larger than any root key', () => {
    const home = tempHome();
    Engine.open({ home }).close();
    writeFileSync(join(home, 'root.key'), Buffer.alloc(1024 * 1024, 0x20), { mode: 0o600 });
    expect(() => rootKeyNeedsPassphrase(home)).toThrow(/far more than a root key/);
    expect(() => Engine.open({ home, passphrase: 'x' })).toThrow(/far more than a root key/);
  });

  it('refuses an empty passphrase at creation', () => {
    expect(() => Engine.open({ home: tempHome(), passphrase: '' })).toThrow('the passphrase must not be empty');
  });
});
