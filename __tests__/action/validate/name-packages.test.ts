import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exclusionFor, namePackages } from '../../../src/action/validate/name-packages.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';

const FORM =
  '<name>-<version>[-<variant>]-<arch>.<deb|rpm|tar.gz>, <arch> x86_64 or aarch64 (or wasm, noarch for a .tar.gz), ' +
  'e.g. falco-0.26.0-x86_64.deb';

let workspace = '';
let cwd = '';
beforeEach(() => {
  cwd = process.cwd();
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'name-packages-')));
  mkdirSync(join(workspace, 'build/release'), { recursive: true });
  process.chdir(workspace);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(workspace, { recursive: true, force: true });
});

function file(name: string): string {
  const path = join(workspace, 'build/release', name);
  writeFileSync(path, name);
  return path;
}

describe('namePackages', () => {
  it('names each file', async () => {
    const deb = file('falco-0.40.0-x86_64.deb');
    const [named] = await namePackages([deb], '0.40.0', ['build/release/*']);
    expect(named?.name).toMatchObject({ kind: 'deb', name: 'falco', version: '0.40.0', arch: 'x86_64' });
  });

  it('suggests excluding a file beside the packages by its extension, in the folder of the pattern that matched it', async () => {
    const files = [file('falco-0.40.0-x86_64.tar.gz'), file('falco-0.40.0-x86_64.tar.gz.sha256')];
    const error = await asyncUserErrorOf(
      namePackages(files, '0.40.0', ['build/release/*.deb', 'build/release/falco-*', '!**/*.asc']),
    );
    expect(error.message).toBe(
      'packages: falco-0.40.0-x86_64.tar.gz.sha256: the file name does not parse — ' +
        `name it ${FORM}, or leave it out with !build/release/*.sha256`,
    );
  });

  it('keeps the library message when no pattern matched the file', async () => {
    const error = await asyncUserErrorOf(namePackages([join(workspace, 'falco.deb')], undefined, []));
    expect(error.message).toBe(`packages: falco.deb: the file name does not parse — name it ${FORM}`);
  });
});

describe('exclusionFor', () => {
  it.each([
    ['build/release/falco-*', 'falco-0.40.0-x86_64.tar.gz.sha256', '!build/release/*.sha256'],
    ['build/**/falco-*', 'falco-0.40.0-x86_64.deb.asc', '!build/**/*.asc'],
    ['falco-*', 'falco-0.40.0-x86_64.rpm.sig', '!*.sig'],
    ['/tmp/out/*', 'falco-README', '!/tmp/out/falco-README'],
  ])('%s matched %s → %s', (pattern, fileName, exclusion) => {
    expect(exclusionFor(pattern, fileName)).toBe(exclusion);
  });
});
