import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheKind, withStartUpFlags, type CodeCacheKind } from './code-cache-kind';

/**
 * Runs the CommonJS bundle with V8's code cache: the bytecode of every function an earlier run
 * compiled, so this run deserialises it instead of parsing and compiling 2.8 MB of JavaScript,
 * about a quarter of the TUI's start-up. Node 22 has `module.enableCompileCache()`; Node 20, which
 * paramdeck supports, only has this: `vm.Script` with `cachedData`, which V8 checks against its
 * own version, the flags and the source length, and refuses (never misuses) when they differ.
 *
 * The cache is keyed by the bundle's size, modification time and inode besides, so a rebuild of
 * the same length never runs old bytecode. It is best-effort: any failure to read or write it
 * only costs the time it would have saved, so failures are ignored rather than reported.
 */
export function runBundle(bundle: string, cacheDir: string): void {
  // esbuild writes ASCII only (scripts/build.mjs sets `charset: 'ascii'`), so latin1 reads the
  // same text as UTF-8 would, without a UTF-8 decode that costs Node 20 about 30 ms here.
  const source = readFileSync(bundle, 'latin1');
  const cache = new CacheFiles(bundle, cacheDir);
  const loaded = cache.read();
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData: loaded?.data });
  saveWhenUseful(script, cache, script.cachedDataRejected === true ? undefined : loaded?.kind);
  const moduleObject = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(moduleObject.exports, moduleObject.exports, createRequire(bundle), moduleObject, bundle, dirname(bundle));
}

/** This build's cache files: `cli.cjs-<size>-<mtime>-<inode>-<kind>-<node version>-<arch>.v8cache`. */
class CacheFiles {
  readonly #dir: string;
  readonly #prefix: string;
  readonly #build: string;

  constructor(bundle: string, dir: string) {
    const stat = statSync(bundle);
    this.#dir = dir;
    this.#prefix = `${basename(bundle)}-`;
    this.#build = `${stat.size}-${Math.trunc(stat.mtimeMs)}-${stat.ino}`;
  }

  /** The TUI's cache, which also covers what commands compile, else a command's. */
  read(): { kind: CodeCacheKind; data: Buffer } | undefined {
    for (const kind of ['tui', 'cli'] as const) {
      const data = readOwnFile(this.#file(kind));
      if (data) return { kind, data };
    }
    return undefined;
  }

  /** Written whole under a temporary name then renamed, so a reader never sees half a file. */
  write(kind: CodeCacheKind, data: Buffer): void {
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const file = this.#file(kind);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    for (const name of readdirSync(this.#dir)) {
      // This runtime's caches of earlier builds would never be read again.
      const earlierBuild = name.startsWith(this.#prefix) && name.endsWith(RUNTIME_SUFFIX) && !name.startsWith(`${this.#prefix}${this.#build}-`);
      if (earlierBuild) rmSync(join(this.#dir, name), { force: true });
    }
  }

  #file(kind: CodeCacheKind): string {
    return join(this.#dir, `${this.#prefix}${this.#build}-${kind}${RUNTIME_SUFFIX}`);
  }
}

/** Caches differ by Node version and architecture too: each runtime keeps its own. */
const RUNTIME_SUFFIX = `-${process.version}-${process.arch}.v8cache`;

/**
 * The cache file's bytes, if this user owns it and nobody else may write it: bytecode from a file
 * another user could have written would be code they chose.
 */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    const uid = process.getuid?.();
    if ((uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Once the start-up code has run (2.5 s in, when the TUI has drawn its first screens, or at exit
 * for a command that ends sooner), writes a cache if none was usable, or if this was the TUI and
 * only a command's cache existed. V8 includes every function compiled so far.
 */
function saveWhenUseful(script: Script, cache: CacheFiles, loaded: CodeCacheKind | undefined): void {
  let done = false;
  const save = () => {
    if (done) return;
    done = true;
    const kind = codeCacheKind();
    if (loaded === 'tui' || loaded === kind) return;
    try {
      cache.write(kind, withStartUpFlags(() => script.createCachedData()));
    } catch {
      // Best-effort, as above: the next run compiles from source and tries again.
    }
  };
  setTimeout(save, 2500).unref();
  process.once('exit', save);
}
