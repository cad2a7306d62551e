import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRepomd, renderRepomd, repodataLocation } from '../../../src/formats/yum/repomd-xml.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('repodataLocation', () => {
  it('names a document after the sha256 of its compressed bytes', () => {
    expect(repodataLocation('primary', bytes('gz'))).toBe(`repodata/${sha256('gz')}-primary.xml.gz`);
  });
});

describe('renderRepomd', () => {
  it('writes one <data> per document as createrepo_c does', () => {
    const xml = renderRepomd({
      revision: '1609581600',
      files: [{ type: 'primary', gz: bytes('gz'), open: bytes('open!'), timestamp: 1609581600 }],
    });
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
  <revision>1609581600</revision>
  <data type="primary">
    <checksum type="sha256">${sha256('gz')}</checksum>
    <open-checksum type="sha256">${sha256('open!')}</open-checksum>
    <location href="repodata/${sha256('gz')}-primary.xml.gz"/>
    <timestamp>1609581600</timestamp>
    <size>2</size>
    <open-size>5</open-size>
  </data>
</repomd>
`);
  });

  it('escapes the revision', () => {
    expect(renderRepomd({ revision: 'a&b', files: [] })).toContain('<revision>a&amp;b</revision>');
  });
});

describe('parseRepomd', () => {
  it('reads our repomd.xml back', () => {
    const xml = renderRepomd({
      revision: '7',
      files: [
        { type: 'primary', gz: bytes('p'), open: bytes('pp'), timestamp: 1 },
        { type: 'other', gz: bytes('o'), open: bytes('oo'), timestamp: 2 },
      ],
    });
    expect(parseRepomd(xml)).toEqual({
      revision: '7',
      records: [
        {
          type: 'primary',
          location: `repodata/${sha256('p')}-primary.xml.gz`,
          checksumType: 'sha256',
          checksum: sha256('p'),
          openChecksum: sha256('pp'),
          timestamp: 1,
          size: 1,
          openSize: 2,
        },
        {
          type: 'other',
          location: `repodata/${sha256('o')}-other.xml.gz`,
          checksumType: 'sha256',
          checksum: sha256('o'),
          openChecksum: sha256('oo'),
          timestamp: 2,
          size: 1,
          openSize: 2,
        },
      ],
    });
  });

  it('reads records with only the required fields, and databases', () => {
    const xml = `<repomd xmlns="http://linux.duke.edu/metadata/repo"><data type="primary_db"><checksum type="sha1">abc</checksum><location href="repodata/primary.sqlite.bz2"/><database_version>10</database_version></data></repomd>`;
    expect(parseRepomd(xml)).toEqual({
      revision: '',
      records: [
        {
          type: 'primary_db',
          location: 'repodata/primary.sqlite.bz2',
          checksumType: 'sha1',
          checksum: 'abc',
        },
      ],
    });
  });

  it('refuses another document', () => {
    expect(() => parseRepomd('<metadata/>')).toThrow('repomd.xml: the root element is <metadata>');
  });
});
