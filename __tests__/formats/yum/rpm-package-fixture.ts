import { createHash } from 'node:crypto';
import type { RpmPackage } from '../../../src/formats/rpm/rpm-package.js';
import type { YumPackageFile } from '../../../src/formats/yum/yum-package.js';

/** A package as the .rpm reader hands it over: header lists raw, in header order. */
export const FALCO: RpmPackage = {
  name: 'falco',
  epoch: 1,
  version: '0.27.0',
  release: '12+abc1234',
  arch: 'x86_64',
  summary: 'Falco & <runtime> "security"',
  description: 'Falco runtime security.\nDetects threats & <things>.',
  license: 'Apache-2.0',
  vendor: 'Falco Project',
  group: 'Applications/System',
  url: 'https://falco.org/?a=1&b=2',
  buildhost: 'builder',
  sourcerpm: 'falco-0.27.0-12+abc1234.src.rpm',
  packager: 'Falco <cncf-falco-dev@lists.cncf.io>',
  buildTime: 1609581600,
  installedSize: 29,
  archiveSize: 944,
  headerStart: 4504,
  headerEnd: 7465,
  provides: [
    { name: 'falco', flags: 'EQ', epoch: '1', version: '0.27.0', release: '12+abc1234' },
    { name: 'falco-engine', flags: 'EQ', version: '0.27.0' },
    { name: 'libfalco.so()(64bit)' },
  ],
  requires: [
    { name: '/bin/sh', pre: true },
    { name: 'dkms', flags: 'GE', version: '2.0' },
    { name: 'rpmlib(CompressedFileNames)', flags: 'LE', version: '3.0.4', release: '1' },
  ],
  conflicts: [{ name: 'sysdig', flags: 'LT', version: '0.1' }],
  obsoletes: [{ name: 'falco-old', flags: 'LE', epoch: '1', version: '0.26', release: '1' }],
  files: [
    { path: '/etc/falco', type: 'dir' },
    { path: '/etc/falco/falco.yaml', type: 'file' },
    { path: '/usr/bin/falco', type: 'file' },
    { path: '/usr/share/falco/data.txt', type: 'file' },
    { path: '/var/log/falco/falco.log', type: 'ghost' },
  ],
  changelogs: [
    { author: 'Dev <dev@falco.org> - 0.27.0', date: 1609588800, text: '- Second & <more>' },
    { author: 'Dev <dev@falco.org> - 0.26.0', date: 1609502400, text: '- First' },
  ],
};

/** A package with nothing optional: no epoch, vendor, group, url, buildhost, sourcerpm, packager, sizes. */
export const BARE: RpmPackage = {
  name: 'bare',
  version: '1',
  release: '1',
  arch: 'noarch',
  summary: 's',
  description: 'd',
  license: 'MIT',
  buildTime: 1,
  installedSize: 0,
  headerStart: 0,
  headerEnd: 0,
  provides: [],
  requires: [],
  conflicts: [],
  obsoletes: [],
  files: [],
  changelogs: [],
};

export const yumFile = (pkg: RpmPackage, overrides: Partial<YumPackageFile> = {}): YumPackageFile => ({
  pkg,
  location: `${pkg.name}-${pkg.version}-${pkg.release}.${pkg.arch}.rpm`,
  sha256: createHash('sha256').update(`${pkg.name}-${pkg.version}-${pkg.release}.${pkg.arch}`).digest('hex'),
  size: 7683,
  time: 1609581600,
  ...overrides,
});
