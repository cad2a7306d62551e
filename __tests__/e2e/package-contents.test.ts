import { copyFile, mkdir, mkdtemp, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { madeFalcoDeb, madeFalcoRpm } from '../indexes/made-packages.js';
import { errorLine, runAction, type ActionRun } from './run-action.js';

// What the bundled action refuses about the package files themselves, before it writes anything: a package
// whose contents are not what its name says, patterns that match nothing, a file that is no package.

const FORM =
  '<name>-<version>[-<variant>]-<arch>.<deb|rpm|tar.gz>, <arch> x86_64 or aarch64 (or wasm, noarch for a .tar.gz), ' +
  'e.g. falco-0.26.0-x86_64.deb';

let workspace = '';
beforeEach(async () => {
  workspace = await realpath(await mkdtemp(join(tmpdir(), 'package-contents-')));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** A 0.40.0 build in build/release: deb and rpm for x86_64, and what `extra` adds. */
async function release(extra: (dir: string) => Promise<void> = async () => undefined): Promise<void> {
  const dir = join(workspace, 'build/release');
  madeFalcoDeb(dir, '0.40.0', 'x86_64');
  madeFalcoRpm(dir, '0.40.0', 'x86_64');
  await extra(dir);
}

function publish(inputs: Record<string, string>, dryRun: boolean): Promise<ActionRun> {
  return runAction(
    {
      ref: 'refs/tags/0.40.0',
      packages: 'build/release/falco-*',
      'package-host': './host',
      'dry-run': String(dryRun),
      ...inputs,
    },
    {},
    workspace,
  );
}

async function hostFiles(): Promise<string[]> {
  const host = join(workspace, 'host');
  const entries = await readdir(host, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** The run failed with exactly this one error and wrote nothing to the host. */
async function refused(run: ActionRun, message: string): Promise<void> {
  expect(run.exitCode).toBe(1);
  expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toHaveLength(1);
  expect(errorLine(run)).toBe(message);
  expect(run.outputs).toEqual({});
  expect(await hostFiles()).toEqual([]);
}

describe.each([true, false])('package files checked before any write (dry run: %s)', (dryRun) => {
  it('publishes packages whose contents say what their names say', async () => {
    await release();
    const run = await publish({}, dryRun);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(await hostFiles()).toEqual(dryRun ? [] : expect.arrayContaining(['falco-0.40.0-x86_64.deb']));
  });

  it('refuses a 0.39.0 .deb renamed to 0.40.0', async () => {
    await release(async (dir) => {
      await rename(
        madeFalcoDeb(join(workspace, 'old'), '0.39.0', 'x86_64'),
        join(dir, 'falco-0.40.0-x86_64.deb'),
      );
    });
    await refused(
      await publish({}, dryRun),
      'packages: falco-0.40.0-x86_64.deb: its control file says Version 0.39.0, its name says 0.40.0 — ' +
        'rebuild the package for 0.40.0, or publish the file under its own version',
    );
  });

  it('refuses an aarch64 .rpm renamed to x86_64', async () => {
    await release(async (dir) => {
      await rename(
        madeFalcoRpm(join(workspace, 'arm'), '0.40.0', 'aarch64'),
        join(dir, 'falco-0.40.0-x86_64.rpm'),
      );
    });
    await refused(
      await publish({}, dryRun),
      'packages: falco-0.40.0-x86_64.rpm: its rpm header says arch aarch64, its name says x86_64 — ' +
        'rebuild the package for x86_64, or publish the file under its own architecture',
    );
  });

  it('names every pattern that matches nothing, and the folder they are matched from', async () => {
    await release();
    await refused(
      await publish(
        { packages: 'build/release/*.deb\nbuild/release/falco-*.rpm.asc\nbuild/out/*.deb' },
        dryRun,
      ),
      `packages: build/release/falco-*.rpm.asc, build/out/*.deb match no file (patterns are matched from ${workspace})` +
        ' — check the patterns and that the build produced its packages',
    );
  });

  it('suggests leaving out a checksum that a pattern matched beside the packages', async () => {
    await release(async (dir) => {
      await writeFile(join(dir, 'falco-0.40.0-x86_64.tar.gz.sha256'), 'checksum\n');
      await copyFile(join(dir, 'falco-0.40.0-x86_64.deb'), join(dir, 'falco-0.40.0-x86_64.tar.gz'));
    });
    await mkdir(join(workspace, 'host'), { recursive: true });
    await refused(
      await publish({}, dryRun),
      'packages: falco-0.40.0-x86_64.tar.gz.sha256: the file name does not parse — ' +
        `name it ${FORM}, or leave it out with !build/release/*.sha256`,
    );
  });
});
