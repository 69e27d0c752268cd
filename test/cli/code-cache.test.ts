import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, seed, type Sandbox } from './cli';

/** `paramdeck ls` with its code cache under the sandbox (source/boot/code-cache.ts). */
function listWithCache(box: Sandbox) {
  return box.run(['ls'], { env: { XDG_CACHE_HOME: join(box.dir, 'cache') } });
}

function cacheFolder(box: Sandbox): string {
  return join(box.dir, 'cache', 'paramdeck');
}

function cacheFiles(box: Sandbox): string[] {
  return readdirSync(cacheFolder(box)).filter((name) => name.endsWith('.v8cache'));
}

describe('the code cache', () => {
  it('is written by the first run, private to the user, and reused as it is by the next', async () => {
    const box = sandbox();
    seed(box.home, [{ name: '/app/one', value: 'fake-one' }]);
    const first = await listWithCache(box);
    expect(first).toMatchObject({ code: 0, stdout: '/app/one\n' });
    const [file] = cacheFiles(box);
    expect(file).toMatch(new RegExp(`^cli\\.cjs-\\d+-\\d+-\\d+-cli-${process.version}-${process.arch}\\.v8cache$`));
    expect(statSync(cacheFolder(box)).mode & 0o777).toBe(0o700);
    const path = join(cacheFolder(box), file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = statSync(path).mtimeMs;

    const second = await listWithCache(box);
    expect(second).toMatchObject({ code: 0, stdout: '/app/one\n' });
    expect(cacheFiles(box)).toEqual([file]);
    expect(statSync(path).mtimeMs).toBe(written);
  });

  it('replaces a cache V8 refuses, or one others may write, and never runs it', async () => {
    const box = sandbox();
    seed(box.home, [{ name: '/app/one', value: 'fake-one' }]);
    await listWithCache(box);
    const path = join(cacheFolder(box), cacheFiles(box)[0]!);

    writeFileSync(path, 'not bytecode at all', { mode: 0o600 });
    expect(await listWithCache(box)).toMatchObject({ code: 0, stdout: '/app/one\n' });
    expect(statSync(path).size).toBeGreaterThan(100_000);

    chmodSync(path, 0o666);
    expect(await listWithCache(box)).toMatchObject({ code: 0, stdout: '/app/one\n' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('removes the caches of earlier builds for this runtime', async () => {
    const box = sandbox();
    await listWithCache(box);
    const earlier = `cli.cjs-1-2-3-tui-${process.version}-${process.arch}.v8cache`;
    const otherRuntime = 'cli.cjs-1-2-3-tui-v0.0.0-x64.v8cache';
    for (const name of [earlier, otherRuntime]) writeFileSync(join(cacheFolder(box), name), 'old', { mode: 0o600 });
    const current = cacheFiles(box).find((name) => !name.startsWith('cli.cjs-1-2-3-'))!;
    writeFileSync(join(cacheFolder(box), current), 'refused', { mode: 0o600 });
    await listWithCache(box);
    expect(cacheFiles(box).sort()).toEqual([current, otherRuntime].sort());
  });
});
