import { basename } from 'node:path';
import type * as Fs from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { tempHome } from '../helpers/temp-home';

/** The file operations the engine makes, in order, by the base name of the file they touch. */
const operations = vi.hoisted(() => ({ log: [] as string[], names: new Map<number, string>() }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const name = (path: unknown) => String(path).replace(/^.*\//, '');
  return {
    ...fs,
    openSync: (path: string, ...rest: [never]) => {
      const fd = fs.openSync(path, ...rest);
      operations.names.set(fd, name(path));
      if (name(path) === 'paramdeck.db') operations.log.push('create paramdeck.db');
      return fd;
    },
    writeSync: (fd: number, ...rest: [never]) => {
      operations.log.push(`write ${operations.names.get(fd)}`);
      return fs.writeSync(fd, ...rest);
    },
    fsyncSync: (fd: number) => {
      operations.log.push(`fsync ${operations.names.get(fd)}`);
      return fs.fsyncSync(fd);
    },
    linkSync: (from: string, to: string) => {
      operations.log.push(`link ${name(from)} -> ${name(to)}`);
      return fs.linkSync(from, to);
    },
  };
});

/**
 * A store's first run, killed or cut off by a power loss at any moment, must never leave a
 * root.key that is empty or partial beside data sealed under it: every secret would be lost. The
 * key goes to a temporary file, is synced, linked into place, and the folder synced, before the
 * database exists.
 */
describe('crash: the root key of a new store', () => {
  it('is written to a temporary file, synced, linked into place and its folder synced before anything is sealed under it', () => {
    const home = tempHome();
    operations.log.length = 0;
    Engine.open({ home }).close();
    const keyOps = operations.log.filter((op) => /root\.key|^fsync home$|paramdeck\.db/.test(op));
    const temp = /^write (\.root\.key\.\S+)$/.exec(keyOps[0] ?? '')?.[1];
    expect(temp, keyOps.join(' · ')).toBeDefined();
    expect(keyOps).toEqual([`write ${temp}`, `fsync ${temp}`, `link ${temp} -> root.key`, `fsync ${basename(home)}`, 'create paramdeck.db']);
    expect(readFileSync(`${home}/root.key`)).toHaveLength(32);
    // The temporary file is gone: one copy of the key, root.key, is left.
    expect(readdirSync(home).filter((entry) => entry.includes('root.key'))).toEqual(['root.key']);
  });
});
