import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPackageFiles, patternMatching } from '../../../src/action/validate/find-packages.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';

let workspace = '';
let cwd = '';
beforeEach(() => {
  cwd = process.cwd();
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'find-packages-')));
  for (const file of ['build/release/falco-0.40.0-x86_64.deb', 'build/release/falco-0.40.0-x86_64.rpm']) {
    mkdirSync(join(workspace, file, '..'), { recursive: true });
    writeFileSync(join(workspace, file), file);
  }
  process.chdir(workspace);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(workspace, { recursive: true, force: true });
});

describe('findPackageFiles', () => {
  it('finds the files of every pattern, less the excludes, from the working directory', async () => {
    expect(await findPackageFiles(['build/release/*.deb', 'build/**/*', '!**/*.rpm'])).toEqual([
      join(workspace, 'build/release/falco-0.40.0-x86_64.deb'),
    ]);
  });

  // The glob itself refuses them with an assertion (a stack trace on the runner): said here as a UserError.
  it.each(['../outside/*.deb', 'build/../../*.deb', './build/*.deb', '!../*.rpm'])(
    'refuses the pattern %j, which climbs or marks where it is',
    async (pattern) => {
      const error = await asyncUserErrorOf(findPackageFiles(['build/release/*.deb', pattern]));
      expect(error.message).toBe(
        `packages: ${pattern} has a . or .. part (patterns are matched from ${workspace}, and never climb out of it)` +
          ' — write the pattern from the workspace down, e.g. build/release/falco-*',
      );
    },
  );

  it('names every pattern that matches nothing in one error, with the folder they are matched from', async () => {
    const error = await asyncUserErrorOf(
      findPackageFiles(['build/release/falco-*.deb', 'build/release/falco-*.tar.gz', 'build/out/*.deb']),
    );
    expect(error.message).toBe(
      `packages: build/release/falco-*.tar.gz, build/out/*.deb match no file (patterns are matched from ${workspace})` +
        ' — check the patterns and that the build produced its packages',
    );
  });

  it('says "matches" of one pattern', async () => {
    const error = await asyncUserErrorOf(findPackageFiles(['build/out/*.deb']));
    expect(error.message).toBe(
      `packages: build/out/*.deb matches no file (patterns are matched from ${workspace})` +
        ' — check the pattern and that the build produced its packages',
    );
  });

  it('counts a pattern whose files are all excluded as matching nothing', async () => {
    const error = await asyncUserErrorOf(findPackageFiles(['build/release/*.rpm', '!**/*.rpm']));
    expect(error.problem).toMatch(/^build\/release\/\*\.rpm matches no file /);
  });
});

describe('patternMatching', () => {
  it('is the first pattern that matches the file', async () => {
    const file = join(workspace, 'build/release/falco-0.40.0-x86_64.rpm');
    expect(await patternMatching(file, ['build/*/*.deb', '!x', 'build/release/falco-*', 'build/**'])).toBe(
      'build/release/falco-*',
    );
  });

  it('is undefined when no pattern matches the file', async () => {
    expect(await patternMatching(join(workspace, 'elsewhere.deb'), ['build/**'])).toBeUndefined();
  });
});
