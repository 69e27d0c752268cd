// In-process Parameter Store rates at 10,000 and 100,000 parameters, side by side. A single get
// and a one-level path listing must not slow down as the store grows (indexes, no full scans).
import type { Engine } from '../source/engine/engine';
import { adminContext, benchEngine, rate, row } from './support';

const SIZES = [10_000, 100_000];
const FOLDERS = 1_000; // /bench/appNNN/… : 10 or 100 parameters per folder

function nameOf(i: number): string {
  return `/bench/app${String(i % FOLDERS).padStart(3, '0')}/param${i}`;
}

function seed(engine: Engine, count: number): void {
  const ctx = adminContext(engine);
  const insertMany = engine.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      engine.dispatch('ssm', 'PutParameter', { Name: nameOf(i), Value: `value-${i}`, Type: 'String' }, ctx);
    }
  });
  insertMany();
}

interface Rates {
  put: number;
  get: number;
  byPathOneLevel: number;
  describeOneLevel: number;
}

function measure(size: number): Rates {
  const { engine, dispose } = benchEngine();
  try {
    seed(engine, size);
    const ctx = adminContext(engine);
    let next = size;
    const put = rate(() => {
      engine.dispatch('ssm', 'PutParameter', { Name: nameOf(next++), Value: 'fake-value', Type: 'String' }, ctx);
    });
    const get = rate((i) => {
      engine.dispatch('ssm', 'GetParameter', { Name: nameOf((i * 7919) % size) }, ctx);
    });
    const byPathOneLevel = rate((i) => {
      engine.dispatch('ssm', 'GetParametersByPath', { Path: `/bench/app${String(i % FOLDERS).padStart(3, '0')}`, MaxResults: 10 }, ctx);
    });
    const describeOneLevel = rate((i) => {
      engine.dispatch(
        'ssm',
        'DescribeParameters',
        { ParameterFilters: [{ Key: 'Path', Option: 'OneLevel', Values: [`/bench/app${String(i % FOLDERS).padStart(3, '0')}`] }], MaxResults: 10 },
        ctx,
      );
    });
    return { put, get, byPathOneLevel, describeOneLevel };
  } finally {
    dispose();
  }
}

const [small, large] = SIZES.map(measure) as [Rates, Rates];
const widths = [34, 14, 14, 8];
console.log(row(['operation (ops/s, in-process)', '10,000', '100,000', 'ratio'], widths));
for (const key of Object.keys(small) as (keyof Rates)[]) {
  console.log(row([key, small[key], large[key], (large[key] / small[key]).toFixed(2)], widths));
}
const worst = Math.min(large.get / small.get, large.byPathOneLevel / small.byPathOneLevel);
console.log(`\nget and one-level listing at 100k keep ${(worst * 100).toFixed(0)}% of their 10k rate (target: no growth with store size; ≥ 50%)`);
if (worst < 0.5) process.exitCode = 1;
