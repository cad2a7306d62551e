import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { AptEntry } from '../../../src/formats/apt/apt-entry.js';
import { buildAptIndexes } from '../../../src/formats/apt/apt-indexes.js';
import { parsePackages } from '../../../src/formats/apt/packages-file.js';
import { parseRelease } from '../../../src/formats/apt/release-file.js';

const entry = (architecture: string, filename = `stable/falco-${architecture}.deb`): AptEntry => ({
  fields: [
    ['Package', 'falco'],
    ['Architecture', architecture],
    ['Version', '1.0'],
    ['Filename', filename],
  ],
  package: 'falco',
  version: '1.0',
  architecture,
  filename,
});

const DATE = new Date('2021-01-02T10:00:00Z');

describe('buildAptIndexes', () => {
  const built = buildAptIndexes({
    packages: new Map([['amd64', [entry('amd64'), entry('all', 'stable/rules.deb')]]]),
    architectures: ['arm64', 'amd64'],
    date: DATE,
  });

  it("lays the files out as Falco's repository does", () => {
    expect(built.indexes.map((file) => file.path)).toEqual([
      'dists/stable/main/binary-amd64/Packages',
      'dists/stable/main/binary-amd64/Packages.gz',
      'dists/stable/main/binary-arm64/Packages',
      'dists/stable/main/binary-arm64/Packages.gz',
    ]);
    expect(built.release.path).toBe('dists/stable/Release');
  });

  it('writes each Packages.gz as the gzip of its Packages, and an empty index for an architecture with none', () => {
    const [amd64, amd64gz, arm64, arm64gz] = built.indexes;
    expect(parsePackages(Buffer.from(amd64?.bytes ?? []).toString('utf8')).map((e) => e.filename)).toEqual([
      'stable/falco-amd64.deb',
      'stable/rules.deb',
    ]);
    expect(gunzipSync(amd64gz?.bytes ?? new Uint8Array()).equals(Buffer.from(amd64?.bytes ?? []))).toBe(true);
    expect(arm64?.bytes.byteLength).toBe(0);
    expect(gunzipSync(arm64gz?.bytes ?? new Uint8Array()).byteLength).toBe(0);
  });

  it("lists every index file in Falco's Release, with their sizes", () => {
    const release = parseRelease(Buffer.from(built.release.bytes).toString('utf8'));
    expect(Object.fromEntries(release.fields)).toEqual({
      Origin: 'Falco',
      Label: 'Falco',
      Suite: 'stable',
      Codename: 'stable',
      Date: 'Sat, 02 Jan 2021 10:00:00 UTC',
      Architectures: 'amd64 arm64',
      Components: 'main',
    });
    expect(release.files.map((file) => [file.path, file.size])).toEqual(
      built.indexes.map((file) => [file.path.replace('dists/stable/', ''), file.bytes.byteLength]),
    );
  });

  it('builds the same bytes from the same input', () => {
    const again = buildAptIndexes({
      packages: new Map([['amd64', [entry('amd64'), entry('all', 'stable/rules.deb')]]]),
      architectures: ['amd64', 'arm64'],
      date: DATE,
    });
    expect(again).toEqual(built);
  });

  it('refuses packages for an architecture the suite does not list', () => {
    expect(() =>
      buildAptIndexes({ packages: new Map([['s390x', []]]), architectures: ['amd64'], date: DATE }),
    ).toThrow('packages for s390x, which the suite does not list');
  });

  it("refuses a package in another architecture's index", () => {
    expect(() =>
      buildAptIndexes({
        packages: new Map([['arm64', [entry('amd64')]]]),
        architectures: ['arm64'],
        date: DATE,
      }),
    ).toThrow('stable/falco-amd64.deb is amd64, not arm64');
  });
});
