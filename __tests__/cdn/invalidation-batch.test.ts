import { describe, expect, it } from 'vitest';
import { CLOUDFRONT_LIMITS, fitInvalidation } from '../../src/cdn/invalidation-batch.js';

const files = (folder: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${folder}/f${String(i).padStart(4, '0')}`);

describe('fitInvalidation', () => {
  it('names each file when they fit, once each, sorted', () => {
    const fitted = fitInvalidation(
      [
        { folder: '/packages/rpm', paths: ['/packages/rpm/repodata/repomd.xml'] },
        {
          folder: '/packages/deb',
          paths: ['/packages/deb/dists/stable/Release', '/packages/deb/dists/stable/InRelease'],
        },
        { folder: '/packages/deb', paths: ['/packages/deb/dists/stable/Release'] },
      ],
      '/packages',
    );
    expect(fitted).toEqual({
      items: [
        '/packages/deb/dists/stable/InRelease',
        '/packages/deb/dists/stable/Release',
        '/packages/rpm/repodata/repomd.xml',
      ],
      wildcarded: [],
    });
  });

  it('has the published limits: 3000 files and 15 wildcards in progress, 4000 characters a path', () => {
    expect(CLOUDFRONT_LIMITS).toEqual({ files: 3000, wildcards: 15, pathLength: 4000 });
  });

  it('exactly at the file limit still names every file', () => {
    const fitted = fitInvalidation([{ folder: '/p/deb-dev', paths: files('/p/deb-dev', 3000) }], '/p');
    expect(fitted.items).toHaveLength(3000);
    expect(fitted.wildcarded).toEqual([]);
  });

  it('over it, takes the folder with the most files as a wildcard, and names the rest', () => {
    const fitted = fitInvalidation(
      [
        { folder: '/p/deb-dev', paths: files('/p/deb-dev', 2990) },
        { folder: '/p/rpm-dev', paths: files('/p/rpm-dev', 20) },
      ],
      '/p',
    );
    expect(fitted.wildcarded).toEqual(['/p/deb-dev']);
    expect(fitted.items).toEqual(['/p/deb-dev/*', ...files('/p/rpm-dev', 20)]);
  });

  it('takes as many folders as needed, largest first', () => {
    const limits = { files: 5, wildcards: 15, pathLength: 4000 };
    const fitted = fitInvalidation(
      [
        { folder: '/p/a', paths: files('/p/a', 6) },
        { folder: '/p/b', paths: files('/p/b', 5) },
        { folder: '/p/c', paths: files('/p/c', 4) },
      ],
      '/p',
      limits,
    );
    expect(fitted.wildcarded).toEqual(['/p/a', '/p/b']);
    expect(fitted.items).toEqual(['/p/a/*', '/p/b/*', ...files('/p/c', 4)]);
  });

  it('a path longer than CloudFront takes goes under its folder wildcard', () => {
    const long = `/p/bin/${'x'.repeat(4000)}`;
    const fitted = fitInvalidation(
      [
        { folder: '/p/bin', paths: [long, '/p/bin/short'] },
        { folder: '/p/deb', paths: ['/p/deb/dists/stable/Release'] },
      ],
      '/p',
    );
    expect(fitted.items).toEqual(['/p/bin/*', '/p/deb/dists/stable/Release']);
  });

  it('invalidates the whole host when the folders would need more wildcards than allowed', () => {
    const limits = { files: 1, wildcards: 1, pathLength: 4000 };
    const fitted = fitInvalidation(
      [
        { folder: '/p/a', paths: files('/p/a', 2) },
        { folder: '/p/b', paths: files('/p/b', 2) },
      ],
      '/p',
      limits,
    );
    expect(fitted).toEqual({ items: ['/p/*'], wildcarded: ['/p'] });
    // A host at the bucket's root: the distribution's whole root.
    expect(
      fitInvalidation([{ folder: '/a', paths: files('/a', 3) }], '', { ...limits, wildcards: 0 }).items,
    ).toEqual(['/*']);
  });

  it('empty groups give an empty request', () => {
    expect(fitInvalidation([{ folder: '/p/deb', paths: [] }], '/p')).toEqual({ items: [], wildcarded: [] });
  });
});
