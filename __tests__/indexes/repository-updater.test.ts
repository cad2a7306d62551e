import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aptEntry } from '../../src/formats/apt/apt-entry.js';
import { renderPackages } from '../../src/formats/apt/packages-file.js';
import { renderRelease } from '../../src/formats/apt/release-file.js';
import { readPackageContents } from '../../src/formats/package-contents.js';
import type { PackageToIndex } from '../../src/indexes/indexed-package.js';
import { RepositoryUpdater } from '../../src/indexes/repository-updater.js';
import { DEFAULT_RETENTION } from '../../src/indexes/retention.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';
import { madeFalcoDeb, madeFalcoRpm } from './made-packages.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'repository-updater-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A package at a host path, read as validation reads it. */
async function toIndex(path: string, localFile: string): Promise<PackageToIndex> {
  return {
    path,
    localFile,
    contents: await readPackageContents(localFile, path.endsWith('.deb') ? 'deb' : 'rpm'),
  };
}

function updater(): RepositoryUpdater {
  const store = new DirectoryStore(join(dir, 'host'));
  return new RepositoryUpdater(() => ({ store, conditional: true }), {
    loadSigning: undefined,
    retention: DEFAULT_RETENTION,
    date: new Date(0),
    graceMs: 0,
  });
}

describe('RepositoryUpdater.prepare', () => {
  it.each([
    [
      'two .deb files that are one package (same Package, Version, Architecture)',
      madeFalcoDeb,
      'deb/stable',
      'deb',
      'packages: falco-0.26.0-static-x86_64.deb: two added packages are falco 0.26.0 amd64 (falco-0.26.0-x86_64.deb too) — publish only one of them, or give each its own Version',
    ],
    [
      'two .rpm files that are one package (same NEVRA)',
      madeFalcoRpm,
      'rpm',
      'rpm',
      'packages: falco-0.26.0-static-x86_64.rpm: two added packages are falco-0.26.0-1.x86_64 (falco-0.26.0-x86_64.rpm too) — publish only one of them, or give each its own version or release',
    ],
  ])('refuses %s before anything is written', async (_label, make, folder, ext, message) => {
    const built = make(join(dir, 'build'), '0.26.0', 'x86_64');
    const variant = join(dir, 'build', `falco-0.26.0-static-x86_64.${ext}`);
    await copyFile(built, variant);
    const error = await asyncUserErrorOf(
      updater().prepare([
        await toIndex(`${folder}/falco-0.26.0-x86_64.${ext}`, built),
        await toIndex(`${folder}/falco-0.26.0-static-x86_64.${ext}`, variant),
      ]),
    );
    expect(error.message).toBe(message);
    expect(await readdir(dir)).toEqual(['build']);
  });
});

describe('RepositoryUpdater.prepare, a current APT index', () => {
  it('that lists a package of another architecture is refused as indexes to repair', async () => {
    // A consistent repository (Release and indexes agree) whose amd64 index holds an arm64 stanza.
    const store = new DirectoryStore(join(dir, 'host'));
    const arm64 = aptEntry(
      {
        fields: [
          ['Package', 'falco'],
          ['Version', '0.25.0'],
          ['Architecture', 'arm64'],
          ['Description', 'Falco'],
        ],
        package: 'falco',
        version: '0.25.0',
        architecture: 'arm64',
      },
      { filename: 'stable/falco-0.25.0-aarch64.deb', size: 1, md5: 'm', sha1: 's', sha256: 'h' },
    );
    const text = Buffer.from(renderPackages([arm64]));
    const release = renderRelease({
      origin: 'falco',
      label: 'falco',
      suite: 'stable',
      codename: 'stable',
      date: new Date(0),
      architectures: ['amd64'],
      components: ['main'],
      files: [{ path: 'main/binary-amd64/Packages', bytes: text }],
      acquireByHash: true,
    });
    await store.put('deb/dists/stable/main/binary-amd64/Packages', text);
    await store.put('deb/dists/stable/Release', Buffer.from(release));

    const built = madeFalcoDeb(join(dir, 'build'), '0.26.0', 'x86_64');
    const error = await asyncUserErrorOf(
      updater().prepare([await toIndex('deb/stable/falco-0.26.0-x86_64.deb', built)]),
    );
    expect(error.message).toBe(
      'package-host: deb: the current APT indexes cannot be read (main/binary-amd64/Packages lists stable/falco-0.25.0-aarch64.deb, which is arm64) — repair them (or move them away to start the repository afresh), then run again',
    );
  });
});
