import { link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readPackageContents } from '../src/formats/package-contents.js';
import type { PackageToIndex } from '../src/indexes/indexed-package.js';
import { RepositoryUpdater } from '../src/indexes/repository-updater.js';
import { DEFAULT_RETENTION } from '../src/indexes/retention.js';
import { DirectoryStore } from '../src/stores/directory-store.js';
import { exec } from './measure.js';

// The repositories of 1,000 versions the repository benchmarks start from, each made once into
// `.bench/` and reused: one indexed by the action's own updater, one as Falco's scripts build it.

/** Falco's scripts: index every package in the pool again (createrepo_c reuses entries of unchanged files). */
export const REBUILD = `set -e
cd "$REPO/deb"
mkdir -p dists/stable/main/binary-amd64
apt-ftparchive packages stable > dists/stable/main/binary-amd64/Packages
gzip -9nkf dists/stable/main/binary-amd64/Packages
apt-ftparchive -o APT::FTPArchive::Release::Origin=Falco -o APT::FTPArchive::Release::Suite=stable \\
  -o APT::FTPArchive::Release::Components=main release dists/stable > "$REPO/Release.new"
mv "$REPO/Release.new" dists/stable/Release
createrepo_c --quiet --update "$REPO/rpm"
`;

/** Where a package of the pool sits on the host: deb/stable/<name> or rpm/<name>. */
export const hostPath = (file: string): string => {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name.endsWith('.deb') ? `deb/stable/${name}` : `rpm/${name}`;
};

/** A package as the action's validation hands it to the repositories: read once, with its hashes. */
export async function toIndex(file: string): Promise<PackageToIndex> {
  const kind = file.endsWith('.deb') ? 'deb' : 'rpm';
  return { path: hostPath(file), localFile: file, contents: await readPackageContents(file, kind) };
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Hard links of the pool at their host paths: a repository's packages at no cost in disk. */
async function placePool(repository: string, pool: readonly string[]): Promise<void> {
  for (const file of pool) {
    const target = join(repository, hostPath(file));
    await mkdir(join(target, '..'), { recursive: true });
    await link(file, target);
  }
}

/** The pool in a repository indexed by the action's own updater (unsigned), at `repository`, once. */
export async function seedOurs(repository: string, pool: readonly string[]): Promise<void> {
  await once(repository, async (dir) => {
    await placePool(dir, pool);
    const updater = new RepositoryUpdater(() => ({ store: new DirectoryStore(dir), conditional: true }), {
      loadSigning: undefined,
      retention: DEFAULT_RETENTION,
      date: new Date(),
      graceMs: 0,
    });
    const planned = await updater.prepare(await Promise.all(pool.map(toIndex)));
    for (const update of planned) await updater.update(update, new Set());
  });
}

/** The same pool as apt-ftparchive and createrepo_c index it (unsigned), at `repository`, once. */
export async function seedTheirs(repository: string, pool: readonly string[]): Promise<void> {
  await once(repository, async (dir) => {
    await placePool(dir, pool);
    await exec('bash', ['-c', REBUILD], { ...process.env, REPO: dir });
  });
}

/**
 * Builds a seed repository in a directory beside it, renamed into place only once whole: a run cut
 * short while seeding (minutes for 1,000 versions) leaves nothing that a later run takes for a seed.
 */
async function once(repository: string, build: (dir: string) => Promise<void>): Promise<void> {
  if (await exists(join(repository, 'rpm/repodata/repomd.xml'))) return;
  const partial = `${repository}.partial`;
  await rm(partial, { recursive: true, force: true });
  await rm(repository, { recursive: true, force: true });
  await build(partial);
  await rename(partial, repository);
}
