import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackageContents } from '../../../src/action/validate/package-contents.js';
import { parsePackageName } from '../../../src/package-layout/package-name.js';
import type { FalcoArch } from '../../indexes/falco-packages.js';
import { madeFalcoDeb, madeFalcoRpm } from '../../indexes/made-packages.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'package-contents-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A package made for `version` and `arch`, published under `fileName`. */
function renamed(kind: 'deb' | 'rpm', version: string, arch: FalcoArch, fileName: string): string {
  const made = (kind === 'deb' ? madeFalcoDeb : madeFalcoRpm)(join(dir, 'made'), version, arch);
  const target = join(dir, fileName);
  renameSync(made, target);
  return target;
}

/** Reads and checks the files; resolves to the kind each was read as, by file name. */
const check = async (...files: string[]): Promise<Record<string, string>> => {
  const read = await readPackageContents(
    files.map((file) => ({ file, name: parsePackageName(basename(file)) })),
  );
  return Object.fromEntries([...read].map(([file, { contents }]) => [basename(file), contents.kind]));
};

describe('readPackageContents', () => {
  it('accepts packages whose contents say what their names say', async () => {
    await expect(
      check(
        madeFalcoDeb(dir, '0.40.0', 'x86_64'),
        madeFalcoDeb(dir, '0.40.0', 'aarch64'),
        madeFalcoRpm(dir, '0.40.0', 'x86_64'),
        madeFalcoRpm(dir, '0.40.0', 'aarch64'),
      ),
    ).resolves.toEqual({
      'falco-0.40.0-x86_64.deb': 'deb',
      'falco-0.40.0-aarch64.deb': 'deb',
      'falco-0.40.0-x86_64.rpm': 'rpm',
      'falco-0.40.0-aarch64.rpm': 'rpm',
    });
  });

  it('accepts the packages of a dev build and of a prerelease (rpm Version-Release)', async () => {
    await expect(
      check(
        madeFalcoDeb(dir, '0.27.0-12+abc1234', 'x86_64'),
        madeFalcoRpm(dir, '0.27.0-12+abc1234', 'aarch64'),
        madeFalcoDeb(dir, '0.27.0-rc1', 'aarch64'),
        madeFalcoRpm(dir, '0.27.0-rc1', 'x86_64'),
      ),
    ).resolves.toEqual({
      'falco-0.27.0-12+abc1234-x86_64.deb': 'deb',
      'falco-0.27.0-12+abc1234-aarch64.rpm': 'rpm',
      'falco-0.27.0-rc1-aarch64.deb': 'deb',
      'falco-0.27.0-rc1-x86_64.rpm': 'rpm',
    });
  });

  it("accepts Falco's own packages, built by its CPack", async () => {
    const demo = 'scripts/demo-packages';
    const files = ['deb', 'rpm'].flatMap((kind) =>
      ['x86_64', 'aarch64'].map((arch) => join(demo, `falco-0.26.0-${arch}.${kind}`)),
    );
    expect(Object.keys(await check(...files))).toHaveLength(4);
  });

  it('refuses a .deb of another version renamed to this one', async () => {
    const file = renamed('deb', '0.39.0', 'x86_64', 'falco-0.40.0-x86_64.deb');
    expect((await asyncUserErrorOf(check(file))).message).toBe(
      'packages: falco-0.40.0-x86_64.deb: its control file says Version 0.39.0, its name says 0.40.0 — ' +
        'rebuild the package for 0.40.0, or publish the file under its own version',
    );
  });

  it('refuses a .deb of another architecture', async () => {
    const file = renamed('deb', '0.40.0', 'aarch64', 'falco-0.40.0-x86_64.deb');
    expect((await asyncUserErrorOf(check(file))).message).toBe(
      'packages: falco-0.40.0-x86_64.deb: its control file says Architecture arm64, its name says x86_64 (amd64) — ' +
        'rebuild the package for x86_64, or publish the file under its own architecture',
    );
  });

  it('refuses a .deb whose Package is not the name in the file name', async () => {
    const file = renamed('deb', '0.40.0', 'x86_64', 'falco-driver-0.40.0-x86_64.deb');
    expect((await asyncUserErrorOf(check(file))).message).toBe(
      'packages: falco-driver-0.40.0-x86_64.deb: its control file says Package falco, its name says falco-driver — ' +
        'rebuild the package as falco-driver, or publish the file under its own name',
    );
  });

  it('refuses an .rpm of another version', async () => {
    const file = renamed('rpm', '0.39.0', 'x86_64', 'falco-0.40.0-x86_64.rpm');
    expect((await asyncUserErrorOf(check(file))).message).toBe(
      'packages: falco-0.40.0-x86_64.rpm: its rpm header says version-release 0.39.0-1, ' +
        'its name says 0.40.0 (0.40.0-1) — rebuild the package for 0.40.0, or publish the file under its own version',
    );
  });

  it('refuses an .rpm of another release (a dev build of another commit)', async () => {
    const file = renamed('rpm', '0.27.0-12+abc1234', 'x86_64', 'falco-0.27.0-13+0fedcba-x86_64.rpm');
    expect((await asyncUserErrorOf(check(file))).message).toBe(
      'packages: falco-0.27.0-13+0fedcba-x86_64.rpm: its rpm header says version-release 0.27.0-12+abc1234, ' +
        'its name says 0.27.0-13+0fedcba — rebuild the package for 0.27.0-13+0fedcba, ' +
        'or publish the file under its own version',
    );
  });

  it('refuses an .rpm whose Release is not 1 under a name without one', async () => {
    const file = renamed('rpm', '0.40.0-2', 'x86_64', 'falco-0.40.0-x86_64.rpm');
    expect((await asyncUserErrorOf(check(file))).problem).toBe(
      'its rpm header says version-release 0.40.0-2, its name says 0.40.0 (0.40.0-1)',
    );
  });

  it('refuses an .rpm of another architecture', async () => {
    const file = renamed('rpm', '0.40.0', 'aarch64', 'falco-0.40.0-x86_64.rpm');
    expect((await asyncUserErrorOf(check(file))).message).toBe(
      'packages: falco-0.40.0-x86_64.rpm: its rpm header says arch aarch64, its name says x86_64 — ' +
        'rebuild the package for x86_64, or publish the file under its own architecture',
    );
  });

  it('refuses an .rpm whose name is not the name in the file name', async () => {
    const file = renamed('rpm', '0.40.0', 'x86_64', 'falcoctl-0.40.0-x86_64.rpm');
    expect((await asyncUserErrorOf(check(file))).problem).toBe(
      'its rpm header says name falco, its name says falcoctl',
    );
  });

  it('refuses an .rpm with an epoch, which a file name cannot say', async () => {
    const file = join(dir, 'falco-test-0.27.0-12+abc1234-x86_64.rpm');
    copyFileSync('__tests__/fixtures/rpm/falco-test-0.27.0-12+abc1234.x86_64.rpm', file);
    expect((await asyncUserErrorOf(check(file))).problem).toBe(
      'its rpm header says version-release 2:0.27.0-12+abc1234, its name says 0.27.0-12+abc1234',
    );
  });

  it('refuses a file that is not the package its name says, with the reader’s message', async () => {
    const file = join(dir, 'falco-0.40.0-x86_64.deb');
    copyFileSync(madeFalcoRpm(dir, '0.40.0', 'x86_64'), file);
    expect((await asyncUserErrorOf(check(file))).message).toMatch(
      /^packages: falco-0\.40\.0-x86_64\.deb: is not a Debian package/,
    );
  });

  it('reads nothing of a tarball', async () => {
    // Not even opened: the tarball does not exist.
    await expect(check(join(dir, 'falco-0.40.0-x86_64.tar.gz'))).resolves.toEqual({});
  });
});
