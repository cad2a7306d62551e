import { describe, expect, it } from 'vitest';
import type { AptEntry } from '../../../src/formats/apt/apt-entry.js';
import { mergePackages, pruneVersions, sortPackages } from '../../../src/formats/apt/merge-packages.js';

function entry(
  name: string,
  version: string,
  architecture = 'amd64',
  filename?: string,
  size = '1',
): AptEntry {
  const file = filename ?? `stable/${name}-${version}-${architecture}.deb`;
  return {
    fields: [
      ['Package', name],
      ['Architecture', architecture],
      ['Version', version],
      ['Filename', file],
      ['Size', size],
    ],
    package: name,
    version,
    architecture,
    filename: file,
  };
}

const ids = (entries: readonly AptEntry[]) =>
  entries.map((e) => `${e.package} ${e.version} ${e.architecture}`);

describe('mergePackages', () => {
  it('adds new packages and sorts the index', () => {
    const merged = mergePackages(
      [entry('falco', '0.27.0'), entry('falco', '0.26.0')],
      [entry('falco', '0.26.1')],
    );
    expect(ids(merged)).toEqual(['falco 0.26.0 amd64', 'falco 0.26.1 amd64', 'falco 0.27.0 amd64']);
  });

  it('replaces the stanza of the same package, version and architecture', () => {
    const merged = mergePackages(
      [entry('falco', '0.27.0', 'amd64', undefined, 'old'), entry('falco', '0.27.0', 'arm64')],
      [entry('falco', '0.27.0', 'amd64', undefined, 'new')],
    );
    expect(merged.map((e) => `${e.architecture} ${e.fields.find(([n]) => n === 'Size')?.[1]}`)).toEqual([
      'amd64 new',
      'arm64 1',
    ]);
  });

  it('replaces a stanza that points at the same file under another identity', () => {
    const merged = mergePackages(
      [entry('falco', '0.27.0', 'amd64', 'stable/falco.deb')],
      [entry('falco', '0.27.1', 'amd64', 'stable/falco.deb')],
    );
    expect(ids(merged)).toEqual(['falco 0.27.1 amd64']);
  });

  it('refuses two added packages with the same identity', () => {
    expect(() =>
      mergePackages([], [entry('falco', '1.0'), entry('falco', '1.0', 'amd64', 'other.deb')]),
    ).toThrow('two added packages are falco 1.0 amd64');
  });

  it('returns the same bytes whatever the input order', () => {
    const all = [entry('b', '1'), entry('a', '2'), entry('a', '1:0'), entry('a', '2', 'arm64')];
    expect(mergePackages([], all)).toEqual(mergePackages(all.slice(2), all.slice(0, 2).reverse()));
  });
});

describe('sortPackages', () => {
  it('orders by name, then Debian version, then architecture and file', () => {
    const sorted = sortPackages([
      entry('falco', '0.10.0'),
      entry('falco', '1:0.1.0'),
      entry('falco', '0.9.0'),
      entry('falco', '0.10.0~rc1'),
      entry('falco-rules', '1.0', 'all'),
      entry('falco', '0.10.0', 'arm64'),
      entry('Zeta', '1'),
    ]);
    expect(ids(sorted)).toEqual([
      'Zeta 1 amd64',
      'falco 0.9.0 amd64',
      'falco 0.10.0~rc1 amd64',
      'falco 0.10.0 amd64',
      'falco 0.10.0 arm64',
      'falco 1:0.1.0 amd64',
      'falco-rules 1.0 all',
    ]);
  });
});

describe('pruneVersions', () => {
  const dev = [
    '0.27.0-9+aaaaaaa',
    '0.27.0-10+bbbbbbb',
    '0.27.0-11+ccccccc',
    '0.26.2-3+ddddddd',
    '0.27.0~rc1',
  ].flatMap((version) => [entry('falco', version), entry('falco', version, 'arm64')]);

  it('keeps the newest versions by Debian order, every architecture of each', () => {
    const { kept, removed } = pruneVersions(dev, 2);
    expect([...new Set(kept.map((e) => e.version))].sort()).toEqual([
      '0.27.0-10+bbbbbbb',
      '0.27.0-11+ccccccc',
    ]);
    expect([...new Set(removed.map((e) => e.version))].sort()).toEqual([
      '0.26.2-3+ddddddd',
      '0.27.0-9+aaaaaaa',
      '0.27.0~rc1',
    ]);
    expect(removed).toHaveLength(6);
  });

  it('counts versions per package', () => {
    const { kept } = pruneVersions([entry('a', '1'), entry('a', '2'), entry('b', '1')], 1);
    expect(ids(kept)).toEqual(['a 2 amd64', 'b 1 amd64']);
  });

  it('keeps everything under the limit', () => {
    expect(pruneVersions(dev, 50)).toEqual({ kept: dev, removed: [] });
  });

  it.each([0, -1, 1.5])('refuses to keep %s versions', (keep) => {
    expect(() => pruneVersions(dev, keep)).toThrow(`cannot keep ${keep} versions`);
  });
});
