import { defineConfig } from 'vitest/config';

// Unit tests: pure logic and adapters with in-process fakes; no services needed.
export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: ['__tests__/e2e/**', 'node_modules/**'],
    // Some of these run the real packaging tools (rpmbuild, gpg key generation): seconds each on a busy machine.
    testTimeout: 60_000,
  },
});
