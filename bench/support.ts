import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallContext } from '../source/engine/context';
import { Engine } from '../source/engine/engine';
import { firstActiveKey } from '../source/engine/identity/access-keys';
import { ADMIN_PRINCIPAL } from '../source/engine/identity/bootstrap';
import { principalRow, toPrincipal } from '../source/engine/identity/principals';

/** A throwaway store for one benchmark. */
export function benchEngine(): { engine: Engine; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'paramdeck-bench-'));
  const engine = Engine.open({ home: join(dir, 'home') });
  return {
    engine,
    dispose() {
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The store's own admin, with its real unique id and access key, as a signed request reaches the
 * engine: permissions are enforced, so a made-up principal would be denied everything.
 */
export function adminContext(engine: Engine): CallContext {
  return {
    principal: toPrincipal(engine, principalRow(engine, ADMIN_PRINCIPAL)),
    accessKeyId: firstActiveKey(engine, ADMIN_PRINCIPAL).accessKeyId,
    sourceIp: '127.0.0.1',
    userAgent: 'paramdeck-bench',
    requestId: '00000000-0000-4000-8000-000000000000',
  };
}

/** Runs `fn` repeatedly for about `ms` milliseconds and returns operations per second. */
export function rate(fn: (i: number) => void, ms = 1000): number {
  for (let i = 0; i < 200; i++) fn(i); // warm-up
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn(count++);
    now = performance.now();
  }
  return (count / (now - start)) * 1000;
}

/** A fixed-width table row. */
export function row(cells: (string | number)[], widths: number[]): string {
  return cells
    .map((c, i) => {
      const text = typeof c === 'number' ? Math.round(c).toLocaleString('en-US') : c;
      return i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!);
    })
    .join('  ');
}
