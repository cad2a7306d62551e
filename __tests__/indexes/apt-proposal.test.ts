import { describe, expect, it } from 'vitest';
import { aptEntry, type AptEntry } from '../../src/formats/apt/apt-entry.js';
import { parsePackages } from '../../src/formats/apt/packages-file.js';
import { parseRelease, releaseField } from '../../src/formats/apt/release-file.js';
import { proposeApt } from '../../src/indexes/apt-proposal.js';
import { EMPTY_APT_STATE, type AptState } from '../../src/indexes/apt-state.js';

const DATE = new Date('2026-01-02T03:04:05Z');

function entry(version: string, architecture: string, size = 1): AptEntry {
  const arch = architecture === 'amd64' ? 'x86_64' : 'aarch64';
  return aptEntry(
    {
      fields: [
        ['Package', 'falco'],
        ['Version', version],
        ['Architecture', architecture],
        ['Description', 'Falco'],
      ],
      package: 'falco',
      version,
      architecture,
    },
    { filename: `stable/falco-${version}-${arch}.deb`, size, md5: 'm', sha1: 's', sha256: 'h' },
  );
}

/** The state a Release and its indexes describe, as readAptState would read it back. */
function stateOf(change: NonNullable<ReturnType<typeof proposeApt>>): AptState {
  const release = parseRelease(change.next.toString('utf8'));
  const architectures = (releaseField(release, 'Architectures') ?? '').split(' ');
  const text = (arch: string): string =>
    Buffer.from(change.indexes.find((f) => f.path.endsWith(`binary-${arch}/Packages`))?.bytes ?? []).toString(
      'utf8',
    );
  return {
    architectures,
    entries: new Map(architectures.map((arch) => [arch, parsePackages(text(arch))])),
    listed: new Map(
      release.files.flatMap((file) => (file.sha256 ? [[file.path, file.sha256] as const] : [])),
    ),
  };
}

describe('proposeApt', () => {
  it('starts a repository with both of Falco’s architectures, by hash', () => {
    const change = proposeApt(EMPTY_APT_STATE, [entry('0.26.0', 'amd64')], undefined, DATE);
    if (!change) throw new Error('expected a change');
    const release = change.next.toString('utf8');
    expect(release).toContain('Architectures: amd64 arm64\n');
    expect(release).toContain('Acquire-By-Hash: yes\n');
    expect(change.files.map((file) => file.path)).toHaveLength(4);
    expect(change.files.every((file) => /\/by-hash\/SHA256\/[0-9a-f]{64}$/.test(file.path))).toBe(true);
  });

  it('proposes nothing when the packages are already listed as they are', () => {
    const change = proposeApt(EMPTY_APT_STATE, [entry('0.26.0', 'amd64')], undefined, DATE);
    if (!change) throw new Error('expected a change');
    expect(proposeApt(stateOf(change), [entry('0.26.0', 'amd64')], undefined, new Date())).toBeUndefined();
  });

  it('keeps the newest versions over all architectures, reporting each removed file once', () => {
    const first = proposeApt(
      EMPTY_APT_STATE,
      ['1.0.0-1', '1.0.0-2'].flatMap((v) => [entry(v, 'amd64'), entry(v, 'arm64')]),
      undefined,
      DATE,
    );
    if (!first) throw new Error('expected a change');
    const next = proposeApt(
      stateOf(first),
      [entry('1.0.0-10', 'amd64')],
      { limit: { versions: 2 }, besideBytes: new Map() },
      DATE,
    );
    if (!next) throw new Error('expected a change');
    expect(next.removed.map((e) => e.filename).sort()).toEqual([
      'stable/falco-1.0.0-1-aarch64.deb',
      'stable/falco-1.0.0-1-x86_64.deb',
    ]);
    const after = stateOf(next);
    expect(after.entries.get('amd64')?.map((e) => e.version)).toEqual(['1.0.0-2', '1.0.0-10']);
    expect(after.entries.get('arm64')?.map((e) => e.version)).toEqual(['1.0.0-2']);
  });

  describe('by size', () => {
    const both = (v: string, size: number): AptEntry[] => [entry(v, 'amd64', size), entry(v, 'arm64', size)];
    /** 1.0.0-1, -2 and -3 listed, both architectures, 100 bytes a .deb: 600 bytes. */
    function listed(): AptState {
      const first = proposeApt(
        EMPTY_APT_STATE,
        ['1.0.0-1', '1.0.0-2', '1.0.0-3'].flatMap((v) => both(v, 100)),
        undefined,
        DATE,
      );
      if (!first) throw new Error('expected a change');
      return stateOf(first);
    }
    const pruned = (change: ReturnType<typeof proposeApt>): string[] =>
      [...new Set(change?.removed.map((e) => e.version))].sort();

    it('takes the oldest versions out, all architectures together, until the rest fit', () => {
      const bySize = (bytes: number) => ({ limit: { bytes }, besideBytes: new Map<string, number>() });
      // 1.0.0-4 adds 200 bytes: 800 in all.
      expect(pruned(proposeApt(listed(), both('1.0.0-4', 100), bySize(800), DATE))).toEqual([]);
      expect(pruned(proposeApt(listed(), both('1.0.0-4', 100), bySize(799), DATE))).toEqual(['1.0.0-1']);
      const change = proposeApt(listed(), both('1.0.0-4', 100), bySize(400), DATE);
      expect(pruned(change)).toEqual(['1.0.0-1', '1.0.0-2']);
      const after = change && stateOf(change);
      expect(after?.entries.get('arm64')?.map((e) => e.version)).toEqual(['1.0.0-3', '1.0.0-4']);
    });

    it('weighs what lies beside each package too (signatures, provenance bundles)', () => {
      const besideBytes = new Map([['stable/falco-1.0.0-3-x86_64.deb', 1]]);
      // 601 bytes: one byte too many for 600, and the oldest version leaves.
      expect(pruned(proposeApt(listed(), [], { limit: { bytes: 600 }, besideBytes }, DATE))).toEqual([
        '1.0.0-1',
      ]);
    });

    it('never takes out the version it adds, even over the limit alone', () => {
      const change = proposeApt(
        listed(),
        both('1.0.0-0', 1000),
        { limit: { bytes: 100 }, besideBytes: new Map() },
        DATE,
      );
      expect(pruned(change)).toEqual(['1.0.0-1', '1.0.0-2', '1.0.0-3']);
      expect(
        change &&
          stateOf(change)
            .entries.get('amd64')
            ?.map((e) => e.version),
      ).toEqual(['1.0.0-0']);
    });
  });
});
