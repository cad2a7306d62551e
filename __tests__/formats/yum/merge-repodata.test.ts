import { describe, expect, it } from 'vitest';
import type { RpmPackage } from '../../../src/formats/rpm/rpm-package.js';
import { mergeRepodata, pruneVersions } from '../../../src/formats/yum/merge-repodata.js';
import { repodataEntry, type RepodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { BARE, yumFile } from './rpm-package-fixture.js';

function entry(
  version: string,
  release = '1',
  options: { arch?: string; epoch?: number; location?: string; name?: string } = {},
): RepodataEntry {
  const pkg: RpmPackage = {
    ...BARE,
    name: options.name ?? 'falco',
    version,
    release,
    arch: options.arch ?? 'x86_64',
    ...(options.epoch === undefined ? {} : { epoch: options.epoch }),
  };
  return repodataEntry(yumFile(pkg, options.location === undefined ? {} : { location: options.location }));
}

const names = (entries: readonly RepodataEntry[]) =>
  entries.map((e) => `${e.name}-${e.evr.epoch}:${e.evr.version}-${e.evr.release}.${e.arch}`);

describe('mergeRepodata', () => {
  it('adds packages and sorts by name, RPM version order, arch and location', () => {
    const merged = mergeRepodata(
      [entry('0.10.0'), entry('0.9.0'), entry('0.10.0', '1', { arch: 'aarch64' })],
      [entry('0.10.0~rc1'), entry('0.1', '1', { epoch: 1 }), entry('1', '1', { name: 'bare' })],
    );
    expect(names(merged)).toEqual([
      'bare-0:1-1.x86_64',
      'falco-0:0.9.0-1.x86_64',
      'falco-0:0.10.0~rc1-1.x86_64',
      'falco-0:0.10.0-1.aarch64',
      'falco-0:0.10.0-1.x86_64',
      'falco-1:0.1-1.x86_64',
    ]);
  });

  it('replaces the same name, epoch, version, release and arch', () => {
    const old = entry('1.0');
    const replacement = { ...entry('1.0'), pkgid: 'new' };
    expect(
      mergeRepodata([old, entry('1.0', '1', { arch: 'aarch64' })], [replacement]).map((e) => e.pkgid),
    ).toEqual([entry('1.0', '1', { arch: 'aarch64' }).pkgid, 'new']);
  });

  it('replaces an entry for the same location', () => {
    const merged = mergeRepodata(
      [entry('1.0', '1', { location: 'falco.rpm' })],
      [entry('1.1', '1', { location: 'falco.rpm' })],
    );
    expect(names(merged)).toEqual(['falco-0:1.1-1.x86_64']);
  });

  it('refuses two added packages that are the same package', () => {
    expect(() => mergeRepodata([], [entry('1.0'), entry('1.0', '1', { location: 'other.rpm' })])).toThrow(
      'two added packages are falco-1.0-1.x86_64',
    );
  });
});

describe('pruneVersions', () => {
  const dev = ['9+aaa', '10+bbb', '11+ccc', '8+ddd'].flatMap((release) => [
    entry('0.27.0', release),
    entry('0.27.0', release, { arch: 'aarch64' }),
  ]);

  it('keeps the newest versions by RPM order, every arch of each', () => {
    const { kept, removed } = pruneVersions(dev, 2);
    expect([...new Set(kept.map((e) => e.evr.release))].sort()).toEqual(['10+bbb', '11+ccc']);
    expect(removed).toHaveLength(4);
  });

  it('counts versions per package name, and refuses to keep none', () => {
    expect(names(pruneVersions([entry('1'), entry('2'), entry('1', '1', { name: 'bare' })], 1).kept)).toEqual(
      ['falco-0:2-1.x86_64', 'bare-0:1-1.x86_64'],
    );
    expect(() => pruneVersions(dev, 0)).toThrow('cannot keep 0 versions');
  });
});
