import { describe, expect, it } from 'vitest';
import {
  parseRelease,
  releaseField,
  renderRelease,
  rfc2822Utc,
} from '../../../src/formats/apt/release-file.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('renderRelease', () => {
  it('writes the fields, then MD5Sum, SHA1 and SHA256 blocks with sizes right-aligned in 16 columns', () => {
    const release = renderRelease({
      origin: 'Falco',
      label: 'Falco',
      suite: 'stable',
      codename: 'stable',
      date: new Date('2021-01-02T10:00:00Z'),
      architectures: ['amd64', 'arm64'],
      components: ['main'],
      files: [
        { path: 'main/binary-arm64/Packages', bytes: bytes('') },
        { path: 'main/binary-amd64/Packages', bytes: bytes('hello') },
      ],
    });
    expect(release).toBe(
      [
        'Origin: Falco',
        'Label: Falco',
        'Suite: stable',
        'Codename: stable',
        'Date: Sat, 02 Jan 2021 10:00:00 UTC',
        'Architectures: amd64 arm64',
        'Components: main',
        'MD5Sum:',
        ' 5d41402abc4b2a76b9719d911017c592                5 main/binary-amd64/Packages',
        ' d41d8cd98f00b204e9800998ecf8427e                0 main/binary-arm64/Packages',
        'SHA1:',
        ' aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d                5 main/binary-amd64/Packages',
        ' da39a3ee5e6b4b0d3255bfef95601890afd80709                0 main/binary-arm64/Packages',
        'SHA256:',
        ' 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824                5 main/binary-amd64/Packages',
        ' e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855                0 main/binary-arm64/Packages',
        '',
      ].join('\n'),
    );
  });

  it('lets a size wider than the column push the path right', () => {
    const release = renderRelease({
      origin: 'o',
      label: 'l',
      suite: 's',
      codename: 'c',
      date: new Date(0),
      architectures: [],
      components: [],
      files: [{ path: 'big', bytes: new Uint8Array(12_345) }],
    });
    expect(release).toContain(`            12345 big\n`);
  });
});

describe('rfc2822Utc', () => {
  it.each([
    ['2021-01-02T10:00:00Z', 'Sat, 02 Jan 2021 10:00:00 UTC'],
    ['2020-12-31T23:59:59.999Z', 'Thu, 31 Dec 2020 23:59:59 UTC'],
    ['2024-02-29T00:00:00+02:00', 'Wed, 28 Feb 2024 22:00:00 UTC'],
    ['1970-01-01T00:00:00Z', 'Thu, 01 Jan 1970 00:00:00 UTC'],
  ])('%s → %s', (iso, expected) => {
    expect(rfc2822Utc(new Date(iso))).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(() => rfc2822Utc(new Date('not a date'))).toThrow('the Release date is not a valid date');
  });
});

describe('parseRelease', () => {
  it('reads our Release back: fields, and one listing per file with all its hashes', () => {
    const text = renderRelease({
      origin: 'Falco',
      label: 'Falco',
      suite: 'stable',
      codename: 'stable',
      date: new Date('2021-01-02T10:00:00Z'),
      architectures: ['amd64'],
      components: ['main'],
      files: [{ path: 'main/binary-amd64/Packages', bytes: bytes('hello') }],
    });
    const release = parseRelease(text);
    expect(releaseField(release, 'date')).toBe('Sat, 02 Jan 2021 10:00:00 UTC');
    expect(release.fields.map(([name]) => name)).toEqual([
      'Origin',
      'Label',
      'Suite',
      'Codename',
      'Date',
      'Architectures',
      'Components',
    ]);
    expect(release.files).toEqual([
      {
        path: 'main/binary-amd64/Packages',
        size: 5,
        md5: '5d41402abc4b2a76b9719d911017c592',
        sha1: 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d',
        sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      },
    ]);
  });

  it('reads a SHA512 block too', () => {
    const release = parseRelease('Suite: stable\nSHA512:\n abc 3 main/x\n');
    expect(release.files).toEqual([{ path: 'main/x', size: 3, sha512: 'abc' }]);
  });

  it.each([
    ['Suite: a\n\nSuite: b\n', 'a Release file is exactly one stanza'],
    ['', 'a Release file is exactly one stanza'],
    ['MD5Sum:\n abc main/x\n', "Release MD5Sum: 'abc main/x' is not '<hash> <size> <path>'"],
    ['MD5Sum:\n abc 1 main/x\nSHA1:\n def 2 main/x\n', 'Release: main/x is listed with two sizes'],
    // Each architecture is read as main/binary-<arch>/Packages and written back: never a path.
    [
      'Architectures: amd64 ../../../../escaped\n',
      "Release: Architectures '../../../../escaped' is not an architecture name",
    ],
    ['Architectures: amd64 x/y\n', "Release: Architectures 'x/y' is not an architecture name"],
  ])('refuses %j', (text, problem) => {
    expect(() => parseRelease(text)).toThrow(problem);
  });
});
