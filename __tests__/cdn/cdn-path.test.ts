import { describe, expect, it } from 'vitest';
import { cdnPaths } from '../../src/cdn/cdn-path.js';

describe('cdnPaths', () => {
  it('puts the host path under the host root, with a leading slash', () => {
    expect(cdnPaths('/packages', 'deb/dists/stable/InRelease')).toEqual([
      '/packages/deb/dists/stable/InRelease',
    ]);
    expect(cdnPaths('', 'rpm/repodata/repomd.xml')).toEqual(['/rpm/repodata/repomd.xml']);
  });

  it("names a dev version's + in both spellings a client may send", () => {
    expect(cdnPaths('/packages', 'deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb')).toEqual([
      '/packages/deb-dev/stable/falco-0.27.0-12+abc1234-x86_64.deb',
      '/packages/deb-dev/stable/falco-0.27.0-12%2Babc1234-x86_64.deb',
    ]);
  });

  it.each([
    ['a space', 'bin/x86_64/falco 1.tar.gz', '/p/bin/x86_64/falco%201.tar.gz'],
    ['a tilde (RFC 1738 unsafe)', 'deb/stable/falco-1.0~rc1.deb', '/p/deb/stable/falco-1.0%7Erc1.deb'],
    ['brackets and braces', 'bin/[x]{y}.tar.gz', '/p/bin/%5Bx%5D%7By%7D.tar.gz'],
    ['a percent sign', 'bin/100%.tar.gz', '/p/bin/100%25.tar.gz'],
    ['a star, which would be a wildcard', 'bin/a*.tar.gz', '/p/bin/a%2A.tar.gz'],
    ['a question mark, which would start a query', 'bin/a?.tar.gz', '/p/bin/a%3F.tar.gz'],
    ['non-ASCII, as UTF-8 bytes', 'bin/é.tar.gz', '/p/bin/%C3%A9.tar.gz'],
  ])('URL-encodes %s', (_label, path, expected) => {
    expect(cdnPaths('/p', path)).toEqual([expected]);
  });

  it("leaves every other character as it is (an encoded one would not match the cache's key)", () => {
    const path = "bin/aarch64/falco-0.26.0_x.y-static=(1);'@!$&,.tar.gz";
    expect(cdnPaths('/p', path)).toEqual([`/p/${path}`]);
  });
});
