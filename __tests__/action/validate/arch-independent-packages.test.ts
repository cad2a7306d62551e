import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRef } from '../../../src/action/release/ref.js';
import { preparePackages } from '../../../src/action/validate/prepare-packages.js';
import type { PackageHost } from '../../../src/hosts/host.js';
import { sha256File } from '../../../src/util/sha256-file.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import { madeFalcoDeb } from '../../indexes/made-packages.js';

let workspace = '';
beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'arch-independent-'));
  await mkdir(join(workspace, 'build'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

async function tarballs(...names: string[]): Promise<string[]> {
  const files = names.map((name) => join(workspace, 'build', name));
  for (const file of files) await writeFile(file, `tarball ${file}\n`);
  return files;
}

/** A host that holds `published` (path → sha256) and records every path it was asked about. */
function hostHolding(published: Record<string, string> = {}): PackageHost & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    description: 'test host',
    existing: async (path) => {
      asked.push(path);
      return published[path];
    },
    put: async () => {
      throw new Error('validation never writes');
    },
  };
}

describe('preparePackages, wasm and noarch tarballs', () => {
  it('places a stable release under wasm/ and bin/noarch/, beside the other packages', async () => {
    const deb = join(workspace, 'build', 'falco-0.40.0-x86_64.deb');
    await rename(madeFalcoDeb(join(workspace, 'made'), '0.40.0', 'x86_64'), deb);
    const files = [deb, ...(await tarballs('falco-0.40.0-wasm.tar.gz', 'falco-0.40.0-noarch.tar.gz'))];
    const host = hostHolding();

    const prepared = await preparePackages(parseRef('refs/tags/0.40.0', 'master'), files, host, workspace);

    expect(prepared.version).toBe('0.40.0');
    expect(prepared.packages.map((p) => [p.file, p.path, p.existing])).toEqual([
      ['build/falco-0.40.0-noarch.tar.gz', 'bin/noarch/falco-0.40.0-noarch.tar.gz', 'absent'],
      ['build/falco-0.40.0-x86_64.deb', 'deb/stable/falco-0.40.0-x86_64.deb', 'absent'],
      ['build/falco-0.40.0-wasm.tar.gz', 'wasm/falco-0.40.0-wasm.tar.gz', 'absent'],
    ]);
    // A tarball has nothing inside to read: hashed as a file, indexed by no repository.
    const wasm = prepared.packages.find((p) => p.path.startsWith('wasm/'));
    expect(wasm?.contents).toBeUndefined();
    expect(wasm?.sha256).toBe(await sha256File(files[1] ?? ''));
  });

  it('places prereleases and dev builds under wasm-dev/ and bin-dev/noarch/', async () => {
    const rc = await preparePackages(
      parseRef('refs/tags/0.41.0-rc1', 'master'),
      await tarballs('falco-0.41.0-rc1-wasm.tar.gz'),
      hostHolding(),
      workspace,
    );
    expect(rc.packages.map((p) => p.path)).toEqual(['wasm-dev/falco-0.41.0-rc1-wasm.tar.gz']);

    const files = await tarballs(
      'falco-0.41.0-7+abc1234-wasm.tar.gz',
      'falco-0.41.0-7+abc1234-noarch.tar.gz',
    );
    const dev = await preparePackages(
      parseRef('refs/heads/master', 'master'),
      files,
      hostHolding(),
      workspace,
    );
    expect(dev.version).toBe('0.41.0-7+abc1234');
    expect(dev.packages.map((p) => p.path)).toEqual([
      'bin-dev/noarch/falco-0.41.0-7+abc1234-noarch.tar.gz',
      'wasm-dev/falco-0.41.0-7+abc1234-wasm.tar.gz',
    ]);
  });

  it('skips a wasm tarball the host already holds with the same content', async () => {
    const [file = ''] = await tarballs('falco-0.40.0-wasm.tar.gz');
    const host = hostHolding({ 'wasm/falco-0.40.0-wasm.tar.gz': await sha256File(file) });
    const prepared = await preparePackages(parseRef('refs/tags/0.40.0', 'master'), [file], host, workspace);
    expect(prepared.packages.map((p) => p.existing)).toEqual(['same']);
  });

  it('refuses a wasm tarball of another version before asking the host anything', async () => {
    const host = hostHolding();
    const files = await tarballs('falco-0.40.0-x86_64.tar.gz', 'falco-0.39.0-wasm.tar.gz');
    const error = await asyncUserErrorOf(
      preparePackages(parseRef('refs/tags/0.40.0', 'master'), files, host, workspace),
    );
    expect(error.message).toBe(
      'packages: falco-0.39.0-wasm.tar.gz: carries version 0.39.0, but the release is 0.40.0 — ' +
        'publish only the packages built for this release',
    );
    expect(host.asked).toEqual([]);
  });

  it('refuses a dev build whose noarch tarball carries another version than its wasm one', async () => {
    const host = hostHolding();
    const files = await tarballs(
      'falco-0.41.0-7+abc1234-wasm.tar.gz',
      'falco-0.41.0-8+def5678-noarch.tar.gz',
    );
    const error = await asyncUserErrorOf(
      preparePackages(parseRef('refs/heads/master', 'master'), files, host, workspace),
    );
    expect(error.message).toContain(
      'a dev build must carry one version, found 0.41.0-7+abc1234, 0.41.0-8+def5678',
    );
    expect(host.asked).toEqual([]);
  });
});
