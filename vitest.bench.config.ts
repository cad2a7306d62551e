import { defineConfig } from 'vitest/config';

// Benchmarks: real dockerd and registry (root), figures printed as ratios against the peer tool.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
