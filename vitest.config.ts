import { defineConfig } from 'vitest/config';

// Unit tests: pure logic and adapters with in-process fakes and committed fixtures; they need only
// Node and npm. The comparisons with Debian's tools (`*.tools.test.ts`) run in `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: ['__tests__/e2e/**', '**/*.tools.test.ts', 'node_modules/**'],
    // Some of these make keys or sign megabytes: seconds each on a busy machine.
    testTimeout: 60_000,
  },
});
