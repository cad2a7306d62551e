import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneTarballs, tarballsPastLimit, type PublishedTarball } from '../../src/indexes/bin-retention.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';

let dir: string;
let store: DirectoryStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bin-retention-'));
  store = new DirectoryStore(dir);
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const VERSIONS = ['0.27.0-1+a', '0.27.0-2+b', '0.27.0-10+c'] as const;

/** Every version: x86_64 and aarch64 tarballs of `bytes` each and their signatures of 10; x86_64 also static. */
async function tree(bytes = 100): Promise<void> {
  for (const version of VERSIONS) {
    for (const file of [
      `x86_64/falco-${version}-x86_64.tar.gz`,
      `x86_64/falco-${version}-static-x86_64.tar.gz`,
      `aarch64/falco-${version}-aarch64.tar.gz`,
    ]) {
      await store.put(`bin-dev/${file}`, Buffer.alloc(bytes, 1));
      await store.put(`bin-dev/${file}.asc`, Buffer.alloc(10, 2));
    }
  }
  // Not a tarball of the layout: never weighed, never deleted.
  await store.put('bin-dev/README.txt', Buffer.alloc(100_000, 3));
}

const versionsOf = (tarballs: readonly string[]): string[] =>
  [...new Set(tarballs.map((path) => /falco-(0\.27\.0-\d+\+[a-z])-/.exec(path)?.[1] ?? path))].sort();

/** The tarballs of a version as the run that publishes it names them, 100 bytes each. */
const published = (version: string): PublishedTarball[] =>
  [
    `bin-dev/x86_64/falco-${version}-x86_64.tar.gz`,
    `bin-dev/x86_64/falco-${version}-static-x86_64.tar.gz`,
    `bin-dev/aarch64/falco-${version}-aarch64.tar.gz`,
  ].map((path) => ({ path, bytes: 100 }));

describe('tarball retention', () => {
  it('by count: the newest versions of each package, variant and architecture', async () => {
    await tree();
    const { tarballs } = await tarballsPastLimit(store, 'bin-dev', { versions: 1 }, []);
    expect(tarballs).toEqual(
      ['0.27.0-1+a', '0.27.0-2+b']
        .flatMap((v) => [
          `bin-dev/aarch64/falco-${v}-aarch64.tar.gz`,
          `bin-dev/x86_64/falco-${v}-static-x86_64.tar.gz`,
          `bin-dev/x86_64/falco-${v}-x86_64.tar.gz`,
        ])
        .sort(),
    );
  });

  it('by size: versions leave oldest first, each weighing its tarballs and their signatures', async () => {
    await tree();
    // A version: 3 tarballs of 100 and 3 signatures of 10, 330 bytes; 990 in all.
    const past = async (bytes: number, publishing: PublishedTarball[] = []) =>
      versionsOf((await tarballsPastLimit(store, 'bin-dev', { bytes }, publishing)).tarballs);
    expect(await past(990)).toEqual([]);
    expect(await past(989)).toEqual(['0.27.0-1+a']);
    expect(await past(660)).toEqual(['0.27.0-1+a']);
    expect(await past(659)).toEqual(['0.27.0-1+a', '0.27.0-2+b']);
    // The version a run publishes stays, whatever its age.
    expect(await past(659, published('0.27.0-1+a'))).toEqual(['0.27.0-10+c', '0.27.0-2+b']);
    expect(await past(1, published('0.27.0-10+c'))).toEqual(['0.27.0-1+a', '0.27.0-2+b']);
  });

  it('counts the tarballs of the run before they are uploaded, as the plan must', async () => {
    await tree();
    // 0.27.0-11+d weighs 300 (no signatures yet): with it, 1290 bytes.
    const next = published('0.27.0-11+d');
    const past = async (limit: { bytes: number } | { versions: number }) =>
      versionsOf((await tarballsPastLimit(store, 'bin-dev', limit, next)).tarballs);
    expect(await past({ bytes: 1290 })).toEqual([]);
    expect(await past({ bytes: 1289 })).toEqual(['0.27.0-1+a']);
    expect(await past({ versions: 3 })).toEqual(['0.27.0-1+a']);
  });

  it('names every file that goes with a tarball, as listed', async () => {
    await tree();
    await store.put('bin-dev/x86_64/falco-0.27.0-1+a-x86_64.tar.gz.sigstore.json', Buffer.from('{}'));
    const { tarballs, files } = await tarballsPastLimit(store, 'bin-dev', { versions: 2 }, []);
    expect(tarballs.flatMap((tarball) => files.filesOf(tarball))).toEqual([
      'bin-dev/aarch64/falco-0.27.0-1+a-aarch64.tar.gz',
      'bin-dev/aarch64/falco-0.27.0-1+a-aarch64.tar.gz.asc',
      'bin-dev/x86_64/falco-0.27.0-1+a-static-x86_64.tar.gz',
      'bin-dev/x86_64/falco-0.27.0-1+a-static-x86_64.tar.gz.asc',
      'bin-dev/x86_64/falco-0.27.0-1+a-x86_64.tar.gz',
      'bin-dev/x86_64/falco-0.27.0-1+a-x86_64.tar.gz.asc',
      'bin-dev/x86_64/falco-0.27.0-1+a-x86_64.tar.gz.sigstore.json',
    ]);
  });

  it('deletes what it takes out, with its signatures, and leaves other files alone', async () => {
    await tree();
    const removed = await pruneTarballs(store, 'bin-dev', { bytes: 330 }, published('0.27.0-10+c'));
    expect(versionsOf(removed)).toEqual(['0.27.0-1+a', '0.27.0-2+b']);
    expect(await store.list('bin-dev/')).toEqual(
      [
        'bin-dev/README.txt',
        ...[
          'bin-dev/aarch64/falco-0.27.0-10+c-aarch64.tar.gz',
          'bin-dev/x86_64/falco-0.27.0-10+c-static-x86_64.tar.gz',
          'bin-dev/x86_64/falco-0.27.0-10+c-x86_64.tar.gz',
        ].flatMap((path) => [path, `${path}.asc`]),
      ].sort(),
    );
  });
});
