import { describe, it, expect } from 'vitest';
import { parsePackageName, type PackageName } from '../../../src/package-layout/package-name.js';
import { packageVersion } from '../../../src/action/release/package-version.js';
import type { Release } from '../../../src/action/release/release.js';
import { userErrorOf } from '../../fixtures/errors.js';

const names = (...files: string[]): PackageName[] => files.map((file) => parsePackageName(file));
const stable: Release = { version: '0.26.0', channel: 'stable' };
const rc: Release = { version: '0.27.0-rc1', channel: 'prerelease' };
const dev: Release = { version: 'master', channel: 'dev' };

describe('packageVersion', () => {
  it.each<[label: string, release: Release, files: string[], expected: string | undefined]>([
    [
      'stable',
      stable,
      ['falco-0.26.0-x86_64.deb', 'falco-0.26.0-x86_64.rpm', 'falco-0.26.0-static-x86_64.tar.gz'],
      '0.26.0',
    ],
    ['prerelease', rc, ['falco-0.27.0-rc1-x86_64.deb', 'falco-0.27.0-rc1-aarch64.rpm'], '0.27.0-rc1'],
    ['stable without packages', stable, [], undefined],
    [
      'dev: the common version',
      dev,
      ['falco-0.27.0-12+abc1234-x86_64.deb', 'falco-0.27.0-12+abc1234-static-x86_64.tar.gz'],
      '0.27.0-12+abc1234',
    ],
    ['dev without packages', dev, [], undefined],
  ])('%s', (_label, release, files, expected) => {
    expect(packageVersion(release, names(...files))).toBe(expected);
  });

  it.each<[label: string, release: Release, files: string[], subject: string, problem: string]>([
    [
      'stable release with an older package',
      stable,
      ['falco-0.26.0-x86_64.deb', 'falco-0.25.1-x86_64.rpm'],
      'packages: falco-0.25.1-x86_64.rpm',
      'carries version 0.25.1, but the release is 0.26.0',
    ],
    [
      'stable release with a prerelease package',
      stable,
      ['falco-0.26.0-rc1-x86_64.deb'],
      'packages: falco-0.26.0-rc1-x86_64.deb',
      'carries version 0.26.0-rc1, but the release is 0.26.0',
    ],
    [
      'prerelease with the final version',
      rc,
      ['falco-0.27.0-x86_64.deb'],
      'packages: falco-0.27.0-x86_64.deb',
      'carries version 0.27.0, but the release is 0.27.0-rc1',
    ],
    [
      'stable release with a dev package',
      stable,
      ['falco-0.26.0-3+abc1234-x86_64.deb'],
      'packages: falco-0.26.0-3+abc1234-x86_64.deb',
      'but the release is 0.26.0',
    ],
    [
      'dev with mixed versions',
      dev,
      ['falco-0.27.0-12+abc1234-x86_64.deb', 'falco-0.27.0-11+0fedcba-x86_64.rpm'],
      'packages',
      'a dev build must carry one version, found 0.27.0-12+abc1234, 0.27.0-11+0fedcba',
    ],
  ])('refuses %s', (_label, release, files, subject, problem) => {
    const error = userErrorOf(() => packageVersion(release, names(...files)));
    expect(error.subject).toBe(subject);
    expect(error.message).toContain(problem);
  });
});
