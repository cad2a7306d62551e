import { describe, expect, it } from 'vitest';
import type { AptEntry } from '../../../src/formats/apt/apt-entry.js';
import { parsePackages, renderPackages } from '../../../src/formats/apt/packages-file.js';

const entry = (version: string, architecture: string): AptEntry => ({
  fields: [
    ['Package', 'falco'],
    ['Architecture', architecture],
    ['Version', version],
    ['Filename', `stable/falco-${version}-${architecture}.deb`],
    ['Size', '10'],
    ['Description', 'Falco\n second line\n .\n third'],
  ],
  package: 'falco',
  version,
  architecture,
  filename: `stable/falco-${version}-${architecture}.deb`,
});

describe('renderPackages', () => {
  it('writes each stanza followed by one blank line', () => {
    expect(renderPackages([entry('1.0', 'amd64'), entry('1.1', 'amd64')])).toBe(
      [
        'Package: falco',
        'Architecture: amd64',
        'Version: 1.0',
        'Filename: stable/falco-1.0-amd64.deb',
        'Size: 10',
        'Description: Falco',
        ' second line',
        ' .',
        ' third',
        '',
        'Package: falco',
        'Architecture: amd64',
        'Version: 1.1',
        'Filename: stable/falco-1.1-amd64.deb',
        'Size: 10',
        'Description: Falco',
        ' second line',
        ' .',
        ' third',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for an empty index', () => {
    expect(renderPackages([])).toBe('');
  });
});

describe('parsePackages', () => {
  it('reads back what it rendered', () => {
    const entries = [entry('1.0', 'amd64'), entry('1.0', 'arm64')];
    expect(parsePackages(renderPackages(entries))).toEqual(entries);
  });

  it('finds the identity fields whatever their case and place', () => {
    const [parsed] = parsePackages('filename: x.deb\nversion: 2\nPACKAGE: p\narchitecture: all\n');
    expect(parsed).toMatchObject({ package: 'p', version: '2', architecture: 'all', filename: 'x.deb' });
  });

  it.each(['Package', 'Version', 'Architecture', 'Filename'])('refuses a stanza without %s', (missing) => {
    const text = ['Package: p', 'Version: 1', 'Architecture: all', 'Filename: p.deb']
      .filter((line) => !line.startsWith(missing))
      .join('\n');
    expect(() =>
      parsePackages(`Package: ok\nVersion: 1\nArchitecture: all\nFilename: ok.deb\n\n${text}\n`),
    ).toThrow(`Packages stanza 2: no ${missing} field`);
  });
});
