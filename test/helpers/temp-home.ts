import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh store folder per test, removed afterwards. */
export function tempHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paramdeck-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'home');
}
