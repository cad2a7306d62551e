import { defineConfig } from 'vitest/config';

// The suites that need system packages (see .ci/run and the README for what to install):
// - tools: our formats compared with Debian's and RPM's own tools (dpkg-deb, apt-ftparchive, rpmbuild,
//   createrepo_c, gpgv, apt-get, dnf), files named `*.tools.test.ts` beside the unit tests of the module
//   they test; independent of each other, so they run in parallel.
// - services: real dockerd, docker-registry, skopeo, Swift and radosgw (__tests__/e2e/), run in order.
// - faults: whole releases through fault-injecting proxies, killed and re-run (__tests__/e2e/faults/), at once.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'tools',
          include: ['__tests__/**/*.tools.test.ts'],
          exclude: ['__tests__/e2e/**', 'node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Before the services: the heavy daemons do not compete with rpmbuild and apt-get for the machine.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'services',
          include: ['__tests__/e2e/**/*.test.ts'],
          exclude: ['__tests__/e2e/faults/**', 'node_modules/**'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // The scenarios share one registry and build on each other's releases: run them in order.
          fileParallelism: false,
          sequence: { concurrent: false, groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'faults',
          include: ['__tests__/e2e/faults/**/*.test.ts'],
          // A scenario waits out stalls (a registry timeout is 60 s) and retries with backoff.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Each file starts its own services, and its scenarios keep to their own registry namespaces
          // and buckets: files and scenarios run at once. Most of a scenario's time is waiting, not CPU.
          fileParallelism: true,
          maxConcurrency: 6,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
