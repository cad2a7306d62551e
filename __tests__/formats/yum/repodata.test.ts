import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildRepodata, readRepodata } from '../../../src/formats/yum/repodata.js';
import { repodataEntry } from '../../../src/formats/yum/repodata-entry.js';
import { parseRepomd } from '../../../src/formats/yum/repomd-xml.js';
import { BARE, FALCO, yumFile } from './rpm-package-fixture.js';

const entries = [yumFile(BARE), yumFile(FALCO)].map(repodataEntry);
const OPTIONS = { revision: '1609581600', timestamp: 1609581600 };

describe('buildRepodata', () => {
  const built = buildRepodata(entries, OPTIONS);

  it('writes three hash-named documents and a repomd.xml that lists them', () => {
    expect(built.documents.map((d) => d.path.replace(/[0-9a-f]{64}/, '<sha256>'))).toEqual([
      'repodata/<sha256>-primary.xml.gz',
      'repodata/<sha256>-filelists.xml.gz',
      'repodata/<sha256>-other.xml.gz',
    ]);
    expect(built.repomd.path).toBe('repodata/repomd.xml');
    const repomd = parseRepomd(Buffer.from(built.repomd.bytes).toString('utf8'));
    expect(repomd.records.map((r) => [r.type, r.location])).toEqual(
      built.documents.map((d) => [/-(\w+)\.xml\.gz$/.exec(d.path)?.[1], d.path]),
    );
    for (const [index, record] of repomd.records.entries()) {
      const document = built.documents[index]?.bytes ?? new Uint8Array();
      const open = gunzipSync(document);
      expect(record.checksum).toBe(createHash('sha256').update(document).digest('hex'));
      expect(record.openChecksum).toBe(createHash('sha256').update(open).digest('hex'));
      expect([record.size, record.openSize, record.timestamp]).toEqual([
        document.byteLength,
        open.byteLength,
        1609581600,
      ]);
    }
  });

  it('builds the same bytes from the same entries', () => {
    expect(buildRepodata(entries, OPTIONS)).toEqual(built);
  });

  it('builds an empty repository', () => {
    const empty = buildRepodata([], OPTIONS);
    expect(gunzipSync(empty.documents[0]?.bytes ?? new Uint8Array()).toString()).toContain('packages="0"');
  });
});

describe('readRepodata', () => {
  it('reads back the entries it was built from, gzip or plain', () => {
    const [primary, filelists, other] = buildRepodata(entries, OPTIONS).documents.map((d) => d.bytes);
    if (!primary || !filelists || !other) throw new Error('three documents');
    expect(readRepodata({ primary, filelists, other })).toEqual(entries);
    expect(readRepodata({ primary: gunzipSync(primary), filelists, other: gunzipSync(other) })).toEqual(
      entries,
    );
  });

  it('refuses a compression it does not read', () => {
    const [primary, filelists, other] = buildRepodata(entries, OPTIONS).documents.map((d) => d.bytes);
    if (!primary || !filelists || !other) throw new Error('three documents');
    const zstd = Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0]);
    expect(() => readRepodata({ primary, filelists: zstd, other })).toThrow(
      'filelists metadata is neither gzip nor XML (zstd, xz and bzip2 repodata are not supported)',
    );
  });
});
