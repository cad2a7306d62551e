import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackageContents } from '../../src/formats/package-contents.js';
import type { PackageToIndex } from '../../src/indexes/indexed-package.js';
import { RepositoryUpdater, type RepositoryReport } from '../../src/indexes/repository-updater.js';
import { DEFAULT_RETENTION } from '../../src/indexes/retention.js';
import { loadSigning } from '../../src/indexes/signing.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { generateTestKey, type TestKey } from '../formats/openpgp/test-keys.js';
import { madeFalcoDeb, madeFalcoRpm } from './made-packages.js';

// What a repository update says it wrote over: the files a cache in front of the host may still serve.

let dir: string;
let key: TestKey;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rewritten-'));
  key = await generateTestKey('ed25519');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function toIndex(path: string, localFile: string): Promise<PackageToIndex> {
  return {
    path,
    localFile,
    contents: await readPackageContents(localFile, path.endsWith('.deb') ? 'deb' : 'rpm'),
  };
}

/** One run: prepares and updates every repository its packages go to, as the execution does. */
async function run(host: string, packages: PackageToIndex[]): Promise<RepositoryReport[]> {
  const store = new DirectoryStore(host);
  const updater = new RepositoryUpdater(() => ({ store, conditional: true }), {
    loadSigning: () => loadSigning(key.privateKey, undefined),
    retention: DEFAULT_RETENTION,
    date: new Date('2026-01-01T00:00:00Z'),
    graceMs: 0,
  });
  const planned = await updater.prepare(packages);
  const written = new Set(packages.map((pkg) => pkg.path));
  const reports: RepositoryReport[] = [];
  for (const repository of planned) reports.push(await updater.update(repository, written));
  return reports;
}

describe('RepositoryReport.rewritten', () => {
  it('is empty for a repository created by the run, and lists the state, plain-name indexes and signatures replaced later', async () => {
    const host = join(dir, 'apt');
    const build = join(dir, 'build-apt');
    const first = await run(host, [
      await toIndex('deb/stable/falco-0.26.0-x86_64.deb', madeFalcoDeb(build, '0.26.0', 'x86_64')),
    ]);
    expect(first.map((report) => report.rewritten)).toEqual([[]]);
    expect(first[0]?.packageSignatures).toEqual(['deb/stable/falco-0.26.0-x86_64.deb.asc']);

    const second = await run(host, [
      await toIndex('deb/stable/falco-0.26.1-x86_64.deb', madeFalcoDeb(build, '0.26.1', 'x86_64')),
    ]);
    // Only amd64 changed: the arm64 index does not exist, and no content-addressed (by-hash) file is listed.
    expect([...(second[0]?.rewritten ?? [])].sort()).toEqual([
      'deb/dists/stable/InRelease',
      'deb/dists/stable/Release',
      'deb/dists/stable/Release.gpg',
      'deb/dists/stable/main/binary-amd64/Packages',
      'deb/dists/stable/main/binary-amd64/Packages.gz',
    ]);
    expect(second[0]?.packageSignatures).toEqual(['deb/stable/falco-0.26.1-x86_64.deb.asc']);

    const again = await run(host, [
      await toIndex('deb/stable/falco-0.26.1-x86_64.deb', madeFalcoDeb(build, '0.26.1', 'x86_64')),
    ]);
    expect(again[0]).toMatchObject({ changed: false, rewritten: [] });
  });

  it('lists repomd.xml and its signature for a YUM repository, never the hash-named repodata', async () => {
    const host = join(dir, 'yum');
    const build = join(dir, 'build-yum');
    await run(host, [await toIndex('rpm/falco-0.26.0-x86_64.rpm', madeFalcoRpm(build, '0.26.0', 'x86_64'))]);
    const second = await run(host, [
      await toIndex('rpm/falco-0.26.1-x86_64.rpm', madeFalcoRpm(build, '0.26.1', 'x86_64')),
    ]);
    expect([...(second[0]?.rewritten ?? [])].sort()).toEqual([
      'rpm/repodata/repomd.xml',
      'rpm/repodata/repomd.xml.asc',
    ]);
  });
});
