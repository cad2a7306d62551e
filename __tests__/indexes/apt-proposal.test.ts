import { describe, expect, it } from 'vitest';
import { aptEntry, type AptEntry } from '../../src/formats/apt/apt-entry.js';
import { parsePackages } from '../../src/formats/apt/packages-file.js';
import { parseRelease, releaseField } from '../../src/formats/apt/release-file.js';
import { proposeApt } from '../../src/indexes/apt-proposal.js';
import { EMPTY_APT_STATE, type AptState } from '../../src/indexes/apt-state.js';

const DATE = new Date('2026-01-02T03:04:05Z');

function entry(version: string, architecture: string): AptEntry {
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
    { filename: `stable/falco-${version}-${arch}.deb`, size: 1, md5: 'm', sha1: 's', sha256: 'h' },
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
    const next = proposeApt(stateOf(first), [entry('1.0.0-10', 'amd64')], 2, DATE);
    if (!next) throw new Error('expected a change');
    expect(next.removed.map((e) => e.filename).sort()).toEqual([
      'stable/falco-1.0.0-1-aarch64.deb',
      'stable/falco-1.0.0-1-x86_64.deb',
    ]);
    const after = stateOf(next);
    expect(after.entries.get('amd64')?.map((e) => e.version)).toEqual(['1.0.0-2', '1.0.0-10']);
    expect(after.entries.get('arm64')?.map((e) => e.version)).toEqual(['1.0.0-2']);
  });
});
