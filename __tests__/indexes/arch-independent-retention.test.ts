import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageToIndex } from '../../src/indexes/indexed-package.js';
import { RepositoryUpdater } from '../../src/indexes/repository-updater.js';
import { parseRetention } from '../../src/indexes/retention.js';
import { DirectoryStore } from '../../src/stores/directory-store.js';

let dir: string;
let store: DirectoryStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arch-independent-retention-'));
  store = new DirectoryStore(join(dir, 'host'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Files already on the host, as earlier dev builds left them. */
async function onHost(paths: readonly string[]): Promise<void> {
  for (const path of paths) await store.put(path, Buffer.from(`earlier ${path}\n`));
}

/** Publishes one dev build's tarballs as the execution does (put, then update each repository); returns what retention removed. */
async function publishDevBuild(
  paths: readonly string[],
  retention: string,
): Promise<Record<string, string[]>> {
  const updater = new RepositoryUpdater(() => ({ store, conditional: true }), {
    loadSigning: undefined,
    retention: parseRetention(retention),
    date: new Date(0),
    graceMs: 0,
  });
  const local = join(dir, 'build');
  const packages: PackageToIndex[] = [];
  for (const path of paths) {
    const localFile = `${local}-${packages.length}`;
    await writeFile(localFile, `tarball ${path}\n`);
    await store.put(path, Buffer.from(`tarball ${path}\n`));
    packages.push({ path, localFile, contents: undefined });
  }
  const removed: Record<string, string[]> = {};
  for (const repository of await updater.prepare(packages)) {
    const report = await updater.update(repository, new Set(paths));
    removed[report.root] = [...report.removed];
  }
  return removed;
}

describe('retention of architecture-independent tarballs', () => {
  it('never prunes wasm-dev, as Falco never does, even where bin-dev is pruned', async () => {
    const earlier = [1, 2, 3, 4].map((n) => `wasm-dev/falco-0.41.0-${n}+aaa000${n}-wasm.tar.gz`);
    await onHost(earlier);

    const removed = await publishDevBuild(['wasm-dev/falco-0.41.0-5+aaa0005-wasm.tar.gz'], 'bin=1');

    expect(removed).toEqual({ 'wasm-dev': [] });
    expect((await store.list('wasm-dev/')).sort()).toEqual([
      ...earlier,
      'wasm-dev/falco-0.41.0-5+aaa0005-wasm.tar.gz',
    ]);
  });

  it('prunes bin-dev/noarch by the bin setting, apart from each architecture', async () => {
    await onHost([
      'bin-dev/noarch/falco-0.41.0-1+aaa0001-noarch.tar.gz',
      'bin-dev/noarch/falco-0.41.0-2+aaa0002-noarch.tar.gz',
      'bin-dev/x86_64/falco-0.41.0-1+aaa0001-x86_64.tar.gz',
    ]);

    const removed = await publishDevBuild(['bin-dev/noarch/falco-0.41.0-3+aaa0003-noarch.tar.gz'], 'bin=2');

    // noarch keeps its two newest; the one x86_64 build is a group of its own and stays.
    expect(removed).toEqual({ 'bin-dev': ['bin-dev/noarch/falco-0.41.0-1+aaa0001-noarch.tar.gz'] });
    expect((await store.list('bin-dev/')).sort()).toEqual([
      'bin-dev/noarch/falco-0.41.0-2+aaa0002-noarch.tar.gz',
      'bin-dev/noarch/falco-0.41.0-3+aaa0003-noarch.tar.gz',
      'bin-dev/x86_64/falco-0.41.0-1+aaa0001-x86_64.tar.gz',
    ]);
  });

  it('leaves a wasm tarball someone put in bin-dev alone: it is no file of that tree', async () => {
    await onHost([
      'bin-dev/x86_64/falco-0.41.0-1+aaa0001-wasm.tar.gz',
      'bin-dev/x86_64/falco-0.41.0-1+aaa0001-x86_64.tar.gz',
    ]);

    const removed = await publishDevBuild(['bin-dev/x86_64/falco-0.41.0-2+aaa0002-x86_64.tar.gz'], 'bin=1');

    expect(removed).toEqual({ 'bin-dev': ['bin-dev/x86_64/falco-0.41.0-1+aaa0001-x86_64.tar.gz'] });
    expect(await store.list('bin-dev/')).toContain('bin-dev/x86_64/falco-0.41.0-1+aaa0001-wasm.tar.gz');
  });
});
