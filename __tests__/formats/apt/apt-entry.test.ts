import { describe, expect, it } from 'vitest';
import { aptEntry, type DebFile } from '../../../src/formats/apt/apt-entry.js';
import type { Field } from '../../../src/formats/apt/control-stanza.js';
import type { DebControl } from '../../../src/formats/deb/deb-package.js';

const FILE: DebFile = {
  filename: 'stable/falco-0.27.0-x86_64.deb',
  size: 876,
  md5: 'm'.repeat(32),
  sha1: 's'.repeat(40),
  sha256: 'h'.repeat(64),
};

const control = (fields: Field[]): DebControl => ({
  fields,
  package: 'falco',
  version: '0.27.0',
  architecture: 'amd64',
});

describe('aptEntry', () => {
  it("writes the control fields verbatim in apt-ftparchive's order, with location and hashes", () => {
    const entry = aptEntry(
      control([
        ['Package', 'falco'],
        ['Version', '0.27.0'],
        ['Architecture', 'amd64'],
        ['Maintainer', 'Falco <cncf-falco-dev@lists.cncf.io>'],
        ['Installed-Size', '4'],
        ['Depends', 'libc6 (>= 2.17), dkms'],
        ['Section', 'utils'],
        ['Priority', 'optional'],
        ['Homepage', 'https://falco.org'],
        ['Description', 'Falco runtime security\n Detects threats.\n .\n More.'],
      ]),
      FILE,
    );
    expect(entry.fields).toEqual([
      ['Package', 'falco'],
      ['Architecture', 'amd64'],
      ['Version', '0.27.0'],
      ['Priority', 'optional'],
      ['Section', 'utils'],
      ['Maintainer', 'Falco <cncf-falco-dev@lists.cncf.io>'],
      ['Installed-Size', '4'],
      ['Depends', 'libc6 (>= 2.17), dkms'],
      ['Filename', 'stable/falco-0.27.0-x86_64.deb'],
      ['Size', '876'],
      ['MD5sum', FILE.md5],
      ['SHA1', FILE.sha1],
      ['SHA256', FILE.sha256],
      ['Homepage', 'https://falco.org'],
      ['Description', 'Falco runtime security\n Detects threats.\n .\n More.'],
    ]);
    expect(entry).toMatchObject({
      package: 'falco',
      version: '0.27.0',
      architecture: 'amd64',
      filename: 'stable/falco-0.27.0-x86_64.deb',
    });
  });

  it('keeps unknown fields after the known ones, in their own order and spelling', () => {
    const entry = aptEntry(
      control([
        ['X-Zeta', 'z'],
        ['Package', 'falco'],
        ['Vendor', 'Falco'],
        ['Description', 'd'],
        ['X-Alpha', 'a'],
      ]),
      FILE,
    );
    expect(entry.fields.map(([name]) => name)).toEqual([
      'Package',
      'Filename',
      'Size',
      'MD5sum',
      'SHA1',
      'SHA256',
      'Description',
      'X-Zeta',
      'Vendor',
      'X-Alpha',
    ]);
  });

  it("writes known fields under apt's spelling, as apt-ftparchive does", () => {
    const entry = aptEntry(
      control([
        ['package', 'falco'],
        ['PRE-DEPENDS', 'dpkg'],
        ['description-MD5', 'abc'],
      ]),
      FILE,
    );
    expect(entry.fields.map(([name]) => name)).toEqual([
      'Package',
      'Pre-Depends',
      'Filename',
      'Size',
      'MD5sum',
      'SHA1',
      'SHA256',
      'Description-md5',
    ]);
  });

  it.each(['Filename', 'Size', 'MD5sum', 'SHA1', 'SHA256', 'SHA512', 'Status', 'Optional', 'md5sum'])(
    'drops a %s field from the control file',
    (name) => {
      const entry = aptEntry(
        control([
          ['Package', 'falco'],
          [name, 'from the control file'],
        ]),
        FILE,
      );
      expect(entry.fields.filter(([, value]) => value === 'from the control file')).toEqual([]);
      expect(entry.fields.filter(([field]) => field === 'Filename')).toHaveLength(1);
    },
  );
});
