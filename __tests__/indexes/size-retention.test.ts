import { describe, expect, it } from 'vitest';
import { compareDebianVersions } from '../../src/formats/apt/debian-version.js';
import { overSize, type WeighedFile } from '../../src/indexes/size-retention.js';

/** Both architectures of a version, `bytes` each. */
function version(v: string, bytes: number): WeighedFile[] {
  return ['x86_64', 'aarch64'].map((arch) => ({ path: `falco-${v}-${arch}.deb`, version: v, bytes }));
}

const doomedVersions = (doomed: Set<string>): string[] =>
  [
    ...new Set([...doomed].map((path) => /^falco-(.*)-(x86_64|aarch64)\.deb$/.exec(path)?.[1] ?? path)),
  ].sort();

describe('overSize', () => {
  // 1, 2, 10, 11: ordered as versions, not text; 100 bytes a version (two files of 50).
  const files = ['0.27.0-11', '0.27.0-2', '0.27.0-10', '0.27.0-1'].flatMap((v) => version(v, 50));

  it('keeps everything that fits', () => {
    expect(overSize(files, 400, new Set(), compareDebianVersions)).toEqual(new Set());
    expect(overSize([], 1, new Set(), compareDebianVersions)).toEqual(new Set());
  });

  it('takes versions out oldest first, every file of a version together, until the rest fit', () => {
    expect(doomedVersions(overSize(files, 399, new Set(), compareDebianVersions))).toEqual(['0.27.0-1']);
    expect(doomedVersions(overSize(files, 200, new Set(), compareDebianVersions))).toEqual([
      '0.27.0-1',
      '0.27.0-2',
    ]);
    // 199 bytes: only one version of 100 fits.
    expect(doomedVersions(overSize(files, 199, new Set(), compareDebianVersions))).toEqual([
      '0.27.0-1',
      '0.27.0-10',
      '0.27.0-2',
    ]);
  });

  it('never takes out a version being published, even when it alone is over the limit', () => {
    // Republishing the oldest: the next oldest leave instead.
    expect(doomedVersions(overSize(files, 200, new Set(['0.27.0-1']), compareDebianVersions))).toEqual([
      '0.27.0-10',
      '0.27.0-2',
    ]);
    expect(doomedVersions(overSize(files, 10, new Set(['0.27.0-11']), compareDebianVersions))).toEqual([
      '0.27.0-1',
      '0.27.0-10',
      '0.27.0-2',
    ]);
  });

  it('weighs versions of unequal size: a small old version may stay only if all newer ones fit', () => {
    const uneven = [...version('1', 10), ...version('2', 300), ...version('3', 20)];
    // 660 bytes in all: 1 leaves (640 left), then 2 (40 left), though 1 alone would have fitted beside 3.
    expect(doomedVersions(overSize(uneven, 400, new Set(), compareDebianVersions))).toEqual(['1', '2']);
    expect(doomedVersions(overSize(uneven, 640, new Set(), compareDebianVersions))).toEqual(['1']);
  });
});
