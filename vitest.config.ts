import { defineConfig } from 'vitest/config';

// Unit tests: pure logic and adapters with in-process fakes; no services needed.
export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: ['__tests__/e2e/**', 'node_modules/**'],
  },
});
