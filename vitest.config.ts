import { defineConfig } from 'vitest/config';

/**
 * One vitest run for the whole repository: PostgreSQL and Kafka are provided
 * once (global setup), and test files run in parallel, each in its own
 * database and topic prefix. End-to-end files start real processes, so the
 * worker count stays modest on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['apps/*/test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./packages/testkit/dist/global-setup.js'],
    pool: 'forks',
    poolOptions: { forks: { minForks: 1, maxForks: 3 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/plain-summary-reporter.mjs'],
  },
});
