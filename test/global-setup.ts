import { execFileSync } from 'node:child_process';

/** Builds dist/ once per test run: binary-level tests run the real bundle, never stale code. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
