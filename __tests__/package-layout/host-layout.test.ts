import { describe, it, expect } from 'vitest';
import { packagePath, placeOfPath, repositoryPlace } from '../../src/package-layout/host-layout.js';
import { parsePackageName } from '../../src/package-layout/package-name.js';
import { treeOf, type Channel } from '../../src/action/release/release.js';

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
    ['stable', 'falco-0.40.0-wasm.tar.gz', 'wasm/falco-0.40.0-wasm.tar.gz'],
    ['prerelease', 'falco-0.41.0-rc1-wasm.tar.gz', 'wasm-dev/falco-0.41.0-rc1-wasm.tar.gz'],
    ['dev', 'falco-0.41.0-7+abc1234-wasm.tar.gz', 'wasm-dev/falco-0.41.0-7+abc1234-wasm.tar.gz'],
    ['stable', 'falco-0.40.0-noarch.tar.gz', 'bin/noarch/falco-0.40.0-noarch.tar.gz'],
    ['dev', 'falco-0.41.0-7+abc1234-noarch.tar.gz', 'bin-dev/noarch/falco-0.41.0-7+abc1234-noarch.tar.gz'],
  ])('%s %s → %s', (channel, fileName, path) => {
    expect(packagePath(treeOf(channel), parsePackageName(fileName))).toBe(path);
    // Read back, the path gives the same package in the same tree.
    const place = placeOfPath(path);
    expect(place?.path).toBe(path);
    expect(place?.tree).toBe(treeOf(channel));
    expect(place?.package).toEqual(parsePackageName(fileName));
  });
});

describe('placeOfPath', () => {
  it.each([
    [
      'deb/stable/falco-0.26.0-x86_64.deb',
      {
        root: 'deb',
        kind: 'deb',
        tree: 'stable',
        format: 'apt',
        retention: undefined,
        relative: 'stable/falco-0.26.0-x86_64.deb',
      },
    ],
    [
      'rpm-dev/falco-0.27.0-1+a-x86_64.rpm',
      {
        root: 'rpm-dev',
        kind: 'rpm',
        tree: 'dev',
        format: 'yum',
        retention: 'rpm',
        relative: 'falco-0.27.0-1+a-x86_64.rpm',
      },
    ],
    [
      'bin-dev/aarch64/falco-0.27.0-rc1-static-aarch64.tar.gz',
      {
        root: 'bin-dev',
        kind: 'tar.gz',
        tree: 'dev',
        format: 'bin',
        retention: 'bin',
        relative: 'aarch64/falco-0.27.0-rc1-static-aarch64.tar.gz',
      },
    ],
    [
      'wasm-dev/falco-0.41.0-7+abc1234-wasm.tar.gz',
      {
        root: 'wasm-dev',
        kind: 'tar.gz',
        tree: 'dev',
        format: 'bin',
        retention: undefined,
        relative: 'falco-0.41.0-7+abc1234-wasm.tar.gz',
      },
    ],
    [
      'wasm/falco-0.40.0-wasm.tar.gz',
      {
        root: 'wasm',
        kind: 'tar.gz',
        tree: 'stable',
        format: 'bin',
        retention: undefined,
        relative: 'falco-0.40.0-wasm.tar.gz',
      },
    ],
    [
      'bin-dev/noarch/falco-0.41.0-rc1-noarch.tar.gz',
      {
        root: 'bin-dev',
        kind: 'tar.gz',
        tree: 'dev',
        format: 'bin',
        retention: 'bin',
        relative: 'noarch/falco-0.41.0-rc1-noarch.tar.gz',
      },
    ],
  ])('%s', (path, expected) => {
    expect(placeOfPath(path)).toMatchObject({ path, ...expected });
  });

  it.each([
    ['a file name of no package', 'deb/stable/Packages'],
    ['a package in the wrong tree', 'rpm/stable/falco-0.26.0-x86_64.deb'],
    ['a tarball under the other architecture', 'bin/x86_64/falco-0.26.0-aarch64.tar.gz'],
    ['a root of no repository', 'src/falco-0.26.0-x86_64.deb'],
    ['a -dev root of another kind', 'deb-dev/falco-0.26.0-x86_64.rpm'],
    ['no folder', 'falco-0.26.0-x86_64.rpm'],
    ['a wasm tarball under bin', 'bin/x86_64/falco-0.40.0-wasm.tar.gz'],
    ['a wasm tarball in an architecture folder of wasm', 'wasm/wasm/falco-0.40.0-wasm.tar.gz'],
    ['a noarch tarball in the wasm tree', 'wasm-dev/falco-0.40.0-noarch.tar.gz'],
    ['a noarch tarball outside its folder', 'bin/falco-0.40.0-noarch.tar.gz'],
    ['an architecture tarball in the wasm tree', 'wasm/falco-0.40.0-x86_64.tar.gz'],
  ])('%s is not a place of the layout (%s)', (_label, path) => {
    expect(placeOfPath(path)).toBeUndefined();
  });
});

describe('repositoryPlace', () => {
  it('prunes the dev trees only, each by its own retention setting', () => {
    const roots = (['deb', 'rpm', 'tar.gz'] as const).flatMap((kind) =>
      (['stable', 'dev'] as const).map((tree) => repositoryPlace(kind, tree)),
    );
    expect(roots.map(({ root, retention }) => [root, retention])).toEqual([
      ['deb', undefined],
      ['deb-dev', 'deb'],
      ['rpm', undefined],
      ['rpm-dev', 'rpm'],
      ['bin', undefined],
      ['bin-dev', 'bin'],
    ]);
  });

  it('gives wasm tarballs their own repository, never pruned, and noarch ones the bin trees', () => {
    const places = (['wasm', 'noarch', 'aarch64'] as const).flatMap((arch) =>
      (['stable', 'dev'] as const).map((tree) => repositoryPlace('tar.gz', tree, arch)),
    );
    expect(places.map(({ root, format, retention }) => [root, format, retention])).toEqual([
      ['wasm', 'bin', undefined],
      // Falco's scripts/publish-wasm only ever adds to wasm-dev.
      ['wasm-dev', 'bin', undefined],
      ['bin', 'bin', undefined],
      ['bin-dev', 'bin', 'bin'],
      ['bin', 'bin', undefined],
      ['bin-dev', 'bin', 'bin'],
    ]);
  });
});
