import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildRepodata } from '../../../src/formats/yum/repodata.js';
import { repodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { parseFilelists, parseOther, parsePrimary } from '../../../src/formats/yum/repodata-parse.js';
import { scanPackages } from '../../../src/formats/yum/repodata-scan.js';
import { BARE, FALCO, yumFile } from './rpm-package-fixture.js';

const identity = (record: { pkgid: string; name: string; arch: string; evr: unknown; xml: string }) => ({
  pkgid: record.pkgid,
  name: record.name,
  arch: record.arch,
  evr: record.evr,
  xml: record.xml,
});

describe('scanPackages', () => {
  const built = buildRepodata([repodataEntry(yumFile(FALCO)), repodataEntry(yumFile(BARE))], {
    revision: '1',
    timestamp: 1,
  });
  const text = (kind: string): string =>
    gunzipSync(
      built.documents.find((d) => d.path.endsWith(`-${kind}.xml.gz`))?.bytes ?? Buffer.alloc(0),
    ).toString('utf8');

  it('reads the same identities, locations and verbatim elements as the full parser', () => {
    const primary = text('primary');
    expect(scanPackages(primary, 'primary')).toEqual(
      parsePrimary(primary).map((record) => ({ ...identity(record), location: record.location })),
    );
    for (const [kind, parse] of [
      ['filelists', parseFilelists],
      ['other', parseOther],
    ] as const) {
      const xml = text(kind);
      expect(scanPackages(xml, kind)).toEqual(
        parse(xml).map((record) => ({ ...identity(record), location: '' })),
      );
    }
  });

  it('decodes entities and takes attributes in any order and quoting', () => {
    const xml = `<?xml version="1.0"?>\n<filelists packages="1"><package arch='x86_64' name="a&amp;b" pkgid="abc"><version rel="1" ver="2" epoch="3"/></package></filelists>`;
    expect(scanPackages(xml, 'filelists')).toEqual([
      {
        pkgid: 'abc',
        name: 'a&b',
        arch: 'x86_64',
        evr: { epoch: '3', version: '2', release: '1' },
        location: '',
        xml: xml.slice(xml.indexOf('<package '), xml.lastIndexOf('</filelists>')),
      },
    ]);
  });

  it('leaves documents it cannot scan safely to the full parser', () => {
    expect(scanPackages('<filelists><!-- </package> --></filelists>', 'filelists')).toBeUndefined();
    expect(
      scanPackages('<filelists><package><![CDATA[x]]></package></filelists>', 'filelists'),
    ).toBeUndefined();
    expect(scanPackages('<otherdata></otherdata>', 'filelists')).toBeUndefined();
  });

  it('refuses a document whose package count is wrong', () => {
    expect(() => scanPackages('<otherdata packages="2"></otherdata>', 'other')).toThrow(
      'packages="2" but holds 0',
    );
  });
});
