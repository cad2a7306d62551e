import { describe, expect, it } from 'vitest';
import type { RpmPackage } from '../../src/formats/rpm/rpm-package.js';
import { repodataEntry, type RepodataEntry } from '../../src/formats/yum/repodata-entry.js';
import type { Pruning } from '../../src/indexes/retention.js';
import { proposeYum } from '../../src/indexes/yum-proposal.js';
import type { YumState } from '../../src/indexes/yum-state.js';
import { BARE, yumFile } from '../formats/yum/rpm-package-fixture.js';

const DATE = new Date('2026-01-02T03:04:05Z');

/** Falco's rpm of a dev build `0.27.0-<release>`, `size` bytes. */
function entry(release: string, arch: string, size: number): RepodataEntry {
  const pkg: RpmPackage = { ...BARE, name: 'falco', version: '0.27.0', release, arch };
  return repodataEntry(yumFile(pkg, { location: `falco-0.27.0-${release}-${arch}.rpm`, size }));
}
const both = (release: string, size: number): RepodataEntry[] => [
  entry(release, 'x86_64', size),
  entry(release, 'aarch64', size),
];

/** What a repository holds after a first publish of these entries (its documents are not read back here). */
const holding = (entries: RepodataEntry[]): YumState => ({ entries, checksums: new Map() });

const removedReleases = (change: ReturnType<typeof proposeYum>): string[] =>
  [...new Set(change?.removed.map((e) => e.evr.release))].sort();

const bySize = (bytes: number, besideBytes = new Map<string, number>()): Pruning => ({
  limit: { bytes },
  besideBytes,
});

describe('proposeYum retention', () => {
  // 2 before 10 in RPM version order; 1000 bytes a package.
  const state = holding(['1', '2', '10'].flatMap((release) => both(release, 1000)));

  it('by count: the newest versions of each name, all arches of one together', () => {
    const change = proposeYum(
      state,
      both('11', 1000),
      { limit: { versions: 2 }, besideBytes: new Map() },
      DATE,
    );
    expect(removedReleases(change)).toEqual(['1', '2']);
  });

  it('by size: the oldest versions leave until the rest fit, weighing the size primary.xml gives', () => {
    // 8000 bytes with release 11.
    expect(removedReleases(proposeYum(state, both('11', 1000), bySize(8000), DATE))).toEqual([]);
    expect(removedReleases(proposeYum(state, both('11', 1000), bySize(7999), DATE))).toEqual(['1']);
    expect(removedReleases(proposeYum(state, both('11', 1000), bySize(4000), DATE))).toEqual(['1', '2']);
  });

  it('by size: what lies beside a package counts, and the version published never leaves', () => {
    const beside = new Map([['falco-0.27.0-10-x86_64.rpm', 1]]);
    expect(removedReleases(proposeYum(state, [], bySize(6000, beside), DATE))).toEqual(['1']);
    // Publishing an old release again: newer ones leave first, never it.
    const change = proposeYum(state, both('1', 1000), bySize(2000), DATE);
    expect(removedReleases(change)).toEqual(['10', '2']);
    expect(proposeYum(holding([]), both('1', 5000), bySize(10), DATE)?.removed).toEqual([]);
  });

  it('proposes nothing to prune in a repository already within its limit', () => {
    expect(proposeYum(state, [], bySize(6000), DATE)?.removed ?? []).toEqual([]);
  });
});
