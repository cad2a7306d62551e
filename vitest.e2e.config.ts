import { defineConfig } from 'vitest/config';

// End-to-end tests: real dockerd, docker-registry and skopeo (see .ci/run for how they are installed).
export default defineConfig({
  test: {
    include: ['__tests__/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The scenarios share one registry and build on each other's releases: run them in order.
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
