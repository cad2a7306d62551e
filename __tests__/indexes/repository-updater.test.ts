import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
        { path: `${folder}/falco-0.26.0-x86_64.${ext}`, localFile: built },
        { path: `${folder}/falco-0.26.0-static-x86_64.${ext}`, localFile: variant },
      ]),
    );
    expect(error.message).toBe(message);
    expect(await readdir(dir)).toEqual(['build']);
  });
});
