import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { onTestFinished } from 'vitest';

/**
 * A size of the suite from the environment, or its CI default (the acceptance figure):
 * a developer can run `FUZZ_REQUESTS=2000 npx vitest run test/reliability/fuzz.test.ts`.
 */
export function knob(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, not ${raw}`);
  return Number(raw);
}

/** The seed of a run's random choices: printed, and `RELIABILITY_SEED` replays a failing run. */
export function seedFor(file: string): number {
  const seed = knob('RELIABILITY_SEED', Math.floor(Math.random() * 2 ** 31));
  console.log(`${file}: seed ${seed} (RELIABILITY_SEED=${seed} replays it)`);
  return seed;
}

/** A seeded PRNG (mulberry32): the same seed gives the same kills, mutations and orders. */
export function prng(seed: number): { next(): number; int(below: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/**
 * Bundles a helper script (a child process or worker of a test) with esbuild into dist/reliability,
 * where `better-sqlite3` resolves from the worktree's node_modules; one file per test process so
 * files running in parallel never write the same bundle. Removed after the test.
 */
export async function bundleHelper(entry: string): Promise<string> {
  const dir = resolve('dist/reliability');
  mkdirSync(dir, { recursive: true });
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
  const outfile = `${dir}/${name}-${process.pid}.mjs`;
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __pdCreateRequire } from 'node:module'; const require = __pdCreateRequire(import.meta.url);" },
  });
  onTestFinished(() => rmSync(outfile, { force: true }));
  return outfile;
}
