import { describe, expect, it } from 'vitest';
import { parseMultistatus } from '../../src/stores/webdav-multistatus.js';
import { parseAutoindex } from '../../src/stores/autoindex-listing.js';

describe('parseMultistatus', () => {
  it("reads nginx dav-ext's answer (D: prefix, folders with a trailing slash)", () => {
    const xml = [
      '<?xml version="1.0" encoding="utf-8" ?>',
      '<D:multistatus xmlns:D="DAV:">',
      '<D:response><D:href>/packages/deb/</D:href><D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype>',
      '<D:getlastmodified>Tue, 02 Jun 2026 10:00:00 GMT</D:getlastmodified></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      '<D:response><D:href>/packages/deb/falco-0.27.0-12%2babc1234-x86_64.deb</D:href><D:propstat><D:prop><D:resourcetype></D:resourcetype>',
      '<D:getlastmodified>Wed, 03 Jun 2026 11:30:00 GMT</D:getlastmodified></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      '</D:multistatus>',
    ].join('\n');
    expect(parseMultistatus(xml)).toEqual([
      { href: '/packages/deb/', collection: true, lastModified: new Date('2026-06-02T10:00:00Z') },
      {
        href: '/packages/deb/falco-0.27.0-12%2babc1234-x86_64.deb',
        collection: false,
        lastModified: new Date('2026-06-03T11:30:00Z'),
      },
    ]);
  });

  it("reads Apache's and Artifactory's forms: other prefixes, a default namespace, full URLs, entities", () => {
    const apache =
      '<D:multistatus xmlns:D="DAV:" xmlns:lp1="DAV:"><D:response><D:href>/dav/a%20b/</D:href><D:propstat><D:prop>' +
      '<lp1:resourcetype><D:collection /></lp1:resourcetype><lp1:getlastmodified>Mon, 01 Jun 2026 00:00:00 GMT</lp1:getlastmodified>' +
      '</D:prop></D:propstat></D:response></D:multistatus>';
    expect(parseMultistatus(apache)).toEqual([
      { href: '/dav/a%20b/', collection: true, lastModified: new Date('2026-06-01T00:00:00Z') },
    ]);
    const plain =
      '<multistatus xmlns="DAV:"><response><href>https://repo.example.com/artifactory/falco/rpm/a.rpm?x=1&amp;y=2</href>' +
      '<propstat><prop><resourcetype/></prop></propstat></response></multistatus>';
    expect(parseMultistatus(plain)).toEqual([
      {
        href: 'https://repo.example.com/artifactory/falco/rpm/a.rpm?x=1&y=2',
        collection: false,
        lastModified: undefined,
      },
    ]);
  });

  it('finds nothing in what is no multistatus', () => {
    expect(parseMultistatus('<html><body>403 Forbidden</body></html>')).toEqual([]);
  });
});

describe('parseAutoindex', () => {
  it("reads nginx's autoindex_format json", () => {
    const text = JSON.stringify([
      { name: 'dists', type: 'directory', mtime: 'Tue, 02 Jun 2026 10:00:00 GMT' },
      { name: 'falco.deb', type: 'file', mtime: 'Tue, 02 Jun 2026 10:00:01 GMT', size: 12 },
    ]);
    expect(parseAutoindex(text)).toEqual([
      { name: 'dists', directory: true, lastModified: new Date('2026-06-02T10:00:00Z') },
      { name: 'falco.deb', directory: false, lastModified: new Date('2026-06-02T10:00:01Z') },
    ]);
  });

  it.each(['<html>Index of /</html>', '{"name":"x"}', '[{"type":"file"}]', '[1]'])(
    'is undefined for %s',
    (text) => {
      expect(parseAutoindex(text)).toBeUndefined();
    },
  );
});
