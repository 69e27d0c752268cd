import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DATABASE_FILE } from '../../source/engine/database';
import { WalCheckpointer } from '../../source/engine/wal-checkpointer';
import { call, testEngine } from '../helpers/engine';

/** The worker as `serve` runs it: test/global-setup.ts builds dist/ before any test. */
const WORKER = new URL('../../dist/wal-checkpointer-worker.js', import.meta.url);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the WAL checkpointer', () => {
  it('copies committed pages into the database file in the background, and stops when closed', async () => {
    const engine = testEngine();
    const file = join(engine.home, DATABASE_FILE);
    const put = (from: number) => {
      for (let i = from; i < from + 200; i++) call(engine, 'ssm', 'PutParameter', { Name: `/ckpt/p${i}`, Value: 'fake-value', Type: 'String' });
    };
    put(0);
    const before = statSync(file).size;
    // Control: the writer's own checkpoint waits for 10,000 pages, so nothing copies these yet.
    await pause(100);
    expect(statSync(file).size).toBe(before);

    const checkpointer = await WalCheckpointer.start(engine.home, { workerFile: WORKER, intervalMs: 20 });
    let closed = false;
    onTestFinished(() => (closed ? undefined : checkpointer.close()));
    for (let i = 0; i < 50 && statSync(file).size === before; i++) await pause(20);
    expect(statSync(file).size).toBeGreaterThan(before);

    await checkpointer.close();
    closed = true;
    const stopped = statSync(file).size;
    put(200);
    await pause(200);
    expect(statSync(file).size).toBe(stopped);
    // The writer's data is all there, whoever copied it.
    expect(call(engine, 'ssm', 'GetParametersByPath', { Path: '/ckpt', MaxResults: 10 })).toMatchObject({ Parameters: expect.any(Array) });
  });
});
