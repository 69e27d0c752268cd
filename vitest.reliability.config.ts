import { defineConfig } from 'vitest/config';

/**
 * The reliability and security suite (test/reliability, `npm run test:reliability`): crash,
 * concurrency, bad input, fuzz, tamper, secrets at rest and serve. At its CI sizes it runs for
 * several minutes, so it is kept out of `npm test` and run after it by .ci/run. Its files run one
 * at a time: each one loads the machine on its own (child processes, serve, 100,000 requests), and
 * their figures mean more measured alone.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/global-setup.ts'],
  },
});
