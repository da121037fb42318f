import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real servers: a cold Kafka start includes a Maven run and a JVM boot.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
