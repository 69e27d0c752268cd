// The TUI on a pseudo-terminal of 120×40 with CI unset, timed from the byte written to its stdin
// (or the process start) to the stdout write that finishes the frame, each beside its reference:
// start-up at 10,000 parameters against a bare `node -e 0`, filter keystrokes at 100,000, memory
// at 100,000, and the bytes one navigation keystroke costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { CallContext } from '../source/engine/context';
import type { Engine } from '../source/engine/engine';
import { firstActiveKey } from '../source/engine/identity/access-keys';
import { principalRow, toPrincipal } from '../source/engine/identity/principals';
import { benchEngine, row } from './support';
import { median, PtyProgram } from './tui-terminal';

const SIZE = { columns: 120, rows: 40 };
const APP = 'node dist/paramdeck.js';
const RUNS = 9;
const APPS = 50;
const ENVS = ['dev', 'staging', 'prod', 'qa'];

/** The store's own admin, as a signed request would reach the engine. */
function admin(engine: Engine): CallContext {
  const principal = toPrincipal(engine, principalRow(engine, 'admin'));
  return { principal, accessKeyId: firstActiveKey(engine, 'admin').accessKeyId, sourceIp: '127.0.0.1', userAgent: 'paramdeck-bench', requestId: 'bench' };
}

function seed(engine: Engine, count: number): void {
  const ctx = admin(engine);
  engine.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const name = `/app${String(i % APPS).padStart(2, '0')}/${ENVS[i % 4]}/service${i % 97}/setting-${i}`;
      const input = { Name: name, Value: `value-${i}`, Type: 'String', ...(i % 3 === 0 ? { Description: `tunes service ${i % 97}` } : {}) };
      engine.dispatch('ssm', 'PutParameter', input, ctx);
    }
  })();
}

/** A store of `count` parameters, seeded through the engine, kept for the whole run. */
function store(count: number): { home: string; dispose(): void } {
  const { engine, dispose } = benchEngine();
  const begun = performance.now();
  seed(engine, count);
  console.error(`seeded ${count.toLocaleString('en-US')} parameters in ${((performance.now() - begun) / 1000).toFixed(1)} s`);
  const home = engine.home;
  engine.close();
  return { home, dispose };
}

/** Output as text: colours and cursor moves dropped. */
function plain(output: string): string {
  return stripVTControlCharacters(output);
}

async function bareNode(): Promise<number> {
  const program = new PtyProgram(`node -e 0`, SIZE);
  await program.exited;
  return performance.now() - program.started;
}

/** Process start to the first frame with a parameter row on it, with V8's code cache kept in `cacheHome`. */
async function startUp(home: string, cacheHome: string): Promise<number> {
  const program = new PtyProgram(`${APP} --home ${home}`, SIZE, { XDG_CACHE_HOME: cacheHome });
  const shown = await program.until(0, (out) => out.includes('app00/'));
  program.write('q');
  await program.exited;
  return shown - program.started;
}

/**
 * Start-up as a user sees it every day (the code cache the first run wrote, source/boot/code-cache.ts)
 * and on the first run after an install or upgrade (an empty cache folder each time).
 */
async function startUpRatio(): Promise<{ app: number; firstRun: number; bare: number }> {
  const small = store(10_000);
  const caches = mkdtempSync(join(tmpdir(), 'paramdeck-bench-cache-'));
  try {
    const app: number[] = [];
    const firstRun: number[] = [];
    const bare: number[] = [];
    const warm = join(caches, 'warm');
    await startUp(small.home, warm); // warms the file cache for all, and writes the code cache
    for (let i = 0; i < RUNS; i++) {
      bare.push(await bareNode());
      app.push(await startUp(small.home, warm));
      firstRun.push(await startUp(small.home, join(caches, `empty-${i}`)));
    }
    return { app: median(app), firstRun: median(firstRun), bare: median(bare) };
  } finally {
    small.dispose();
    rmSync(caches, { recursive: true, force: true });
  }
}

interface LargeStore {
  loadSeconds: number;
  filterMs: number[];
  rssMb: number;
  navBytes: number[];
  navMs: number[];
}

async function largeStore(): Promise<LargeStore> {
  const large = store(100_000);
  const program = new PtyProgram(`${APP} --home ${large.home}`, SIZE);
  try {
    await program.until(0, (out) => /100,000 loaded/.test(out) && !out.slice(out.lastIndexOf('100,000 loaded')).includes('loading'));
    const loadSeconds = (performance.now() - program.started) / 1000;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 40)); // a fast typist: 25 keys/s
    await program.press('/', (out) => plain(out).includes('100,000 matches'));
    const filterMs: number[] = [];
    let query = '';
    for (const char of 'app17prodsvc4') {
      await pause();
      query += char;
      const prompt = new RegExp(`/${query}\\s+[\\d,]+ match`);
      const { ms } = await program.press(char, (out) => prompt.test(plain(out)));
      filterMs.push(ms);
    }
    await program.press('\u001b', (out) => plain(out).includes('tree ·'));
    const rssMb = program.rssMb();
    const navBytes: number[] = [];
    const navMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      await pause();
      const { ms, bytes } = await program.press(i < 10 ? 'j' : 'k', (out) => plain(out).includes('/50'));
      navBytes.push(bytes);
      navMs.push(ms);
    }
    program.write('q');
    await program.exited;
    return { loadSeconds, filterMs, rssMb, navBytes, navMs };
  } finally {
    program.kill();
    large.dispose();
  }
}

const start = await startUpRatio();
const large = await largeStore();
const filterMedian = median(large.filterMs);
const navWorst = Math.max(...large.navBytes);
const widths = [58, 14, 14, 8];
const results: [string, string, string, boolean][] = [
  ['start-up to first frame, 10,000 params (ms, vs node -e 0)', start.app.toFixed(0), `${start.bare.toFixed(0)} ×2.5`, start.app <= 2.5 * start.bare],
  ['filter keystroke to frame, 100,000 params (median ms)', filterMedian.toFixed(1), '16', filterMedian <= 16],
  ['RSS at 100,000 params (MB)', large.rssMb.toFixed(0), '250', large.rssMb <= 250],
  ['bytes per navigation keystroke at 120×40 (worst)', String(navWorst), '4096', navWorst <= 4096],
];
console.log(row(['TUI (pty 120×40, CI unset)', 'measured', 'target', 'ok'], widths));
for (const [what, measured, target, ok] of results) console.log(row([what, measured, target, ok ? 'yes' : 'NO'], widths));
console.log(`\nstart-up ratio ${(start.app / start.bare).toFixed(2)}× (first run after an install, no code cache yet: ${start.firstRun.toFixed(0)} ms, ${(start.firstRun / start.bare).toFixed(2)}×) · full load of 100,000 in ${large.loadSeconds.toFixed(1)} s`);
console.log(`filter keystrokes (ms): ${large.filterMs.map((ms) => ms.toFixed(1)).join(' ')}`);
console.log(`navigation: median ${median(large.navMs).toFixed(1)} ms, ${median(large.navBytes)} bytes a keystroke`);
if (results.some(([, , , ok]) => !ok)) process.exitCode = 1;
