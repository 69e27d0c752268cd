import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The binary-level tests need dist/: global setup builds it once per run.
    globalSetup: ['test/global-setup.ts'],
  },
});
