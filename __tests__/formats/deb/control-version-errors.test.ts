import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDebControl } from '../../../src/formats/deb/read-deb.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import { debOf } from './deb-builder.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deb-version-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const control = (version: string): string =>
  `Package: falco\nVersion: ${version}\nArchitecture: amd64\nDescription: runtime security\n`;

const REMEDY = 'fix DEBIAN/control and build the package again with dpkg-deb --build';

describe('readDebControl', () => {
  it('reads a package assembled here, so the failures below are the version alone', async () => {
    const file = join(dir, 'falco-0.27.0-x86_64.deb');
    await writeFile(file, await debOf(control('1:0.27.0-1')));
    expect(await readDebControl(file)).toMatchObject({ package: 'falco', version: '1:0.27.0-1' });
  });

  it.each([
    ['x:0.27.0', 'the epoch is not a number'],
    ['1:-1', 'the upstream version is empty'],
  ])('refuses Version %s, which APT cannot order, naming the file', async (version, problem) => {
    const file = join(dir, 'falco-0.27.0-x86_64.deb');
    await writeFile(file, await debOf(control(version)));
    const error = await asyncUserErrorOf(readDebControl(file));
    expect(error.subject).toBe('packages: falco-0.27.0-x86_64.deb');
    expect(error.problem).toBe(`control file Version '${version}' is not a Debian version: ${problem}`);
    expect(error.remedy).toBe(REMEDY);
    expect(error.message).toBe(
      `packages: falco-0.27.0-x86_64.deb: control file Version '${version}' is not a Debian version: ${problem} — ${REMEDY}`,
    );
  });
});
