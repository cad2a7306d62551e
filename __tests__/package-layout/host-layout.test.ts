import { describe, it, expect } from 'vitest';
import { packagePath } from '../../src/package-layout/host-layout.js';
import { parsePackageName } from '../../src/package-layout/package-name.js';
import type { Channel } from '../../src/action/release/release.js';

describe('packagePath', () => {
  it.each<[channel: Channel, fileName: string, path: string]>([
    ['stable', 'falco-0.26.0-x86_64.deb', 'deb/stable/falco-0.26.0-x86_64.deb'],
    ['stable', 'falco-0.26.0-aarch64.deb', 'deb/stable/falco-0.26.0-aarch64.deb'],
    ['stable', 'falco-0.26.0-x86_64.rpm', 'rpm/falco-0.26.0-x86_64.rpm'],
    ['stable', 'falco-0.26.0-aarch64.rpm', 'rpm/falco-0.26.0-aarch64.rpm'],
    ['stable', 'falco-0.26.0-x86_64.tar.gz', 'bin/x86_64/falco-0.26.0-x86_64.tar.gz'],
    ['stable', 'falco-0.26.0-static-x86_64.tar.gz', 'bin/x86_64/falco-0.26.0-static-x86_64.tar.gz'],
    ['stable', 'falco-0.26.0-aarch64.tar.gz', 'bin/aarch64/falco-0.26.0-aarch64.tar.gz'],
    ['prerelease', 'falco-0.27.0-rc1-x86_64.deb', 'deb-dev/stable/falco-0.27.0-rc1-x86_64.deb'],
    ['prerelease', 'falco-0.27.0-rc1-x86_64.rpm', 'rpm-dev/falco-0.27.0-rc1-x86_64.rpm'],
    ['prerelease', 'falco-0.27.0-rc1-aarch64.tar.gz', 'bin-dev/aarch64/falco-0.27.0-rc1-aarch64.tar.gz'],
    ['dev', 'falco-0.27.0-12+abc1234-x86_64.deb', 'deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb'],
    ['dev', 'falco-0.27.0-12+abc1234-aarch64.rpm', 'rpm-dev/falco-0.27.0-12+abc1234-aarch64.rpm'],
    [
      'dev',
      'falco-0.27.0-12+abc1234-static-x86_64.tar.gz',
      'bin-dev/x86_64/falco-0.27.0-12+abc1234-static-x86_64.tar.gz',
    ],
  ])('%s %s → %s', (channel, fileName, path) => {
    expect(packagePath(channel, parsePackageName(fileName))).toBe(path);
  });
});
