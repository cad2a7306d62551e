import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDebControl } from '../../../src/formats/deb/read-deb.js';
import { runTool, toolText, useTools } from '../fixtures/tools.js';
import {
  arMember,
  arNames,
  buildDeb,
  committedDeb,
  dpkgField,
  dpkgFieldNames,
  membersOf,
  RICH_CONTROL_AS_DPKG_READS,
  SUFFIX,
  writeAr,
  type Compression,
} from './deb-fixture.js';
import { describeReadDeb } from './read-deb-suite.js';

useTools('dpkg-deb', 'ar', 'xz', 'zstd');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-deb-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** One dpkg-built package per compression, built when a test first needs it and shared after. */
const built = new Map<Compression, Promise<string>>();
function deb(compression: Compression): Promise<string> {
  let file = built.get(compression);
  if (file === undefined) {
    file = buildDeb(dir, compression);
    built.set(compression, file);
  }
  return file;
}

/** Our reading equals dpkg's: same field names in the same order, each value as `dpkg-deb --field` prints it. */
async function expectAsDpkgReads(file: string, oracle: string = file): Promise<void> {
  const control = await readDebControl(file);
  expect(control.fields.map(([name]) => name)).toEqual(await dpkgFieldNames(oracle));
  const expected = await Promise.all(
    control.fields.map(async ([name]) => [name, await dpkgField(oracle, name)]),
  );
  expect(control.fields).toEqual(expected);
  const shown = await toolText('dpkg-deb', [
    '--show',
    '--showformat=${Package}\\t${Version}\\t${Architecture}',
    oracle,
  ]);
  expect([control.package, control.version, control.architecture].join('\t')).toBe(shown);
}

describe('readDebControl reads what dpkg-deb reads', () => {
  it.each(['gzip', 'xz', 'zstd', 'none'] as const)(
    'with a control.tar compressed by -Z%s',
    async (compression) => {
      const suffix = SUFFIX[compression];
      // dpkg compresses control.tar as data.tar (uniform compression): each variant is really covered.
      expect(await arNames(await deb(compression))).toEqual([
        'debian-binary',
        `control.tar${suffix}`,
        `data.tar${suffix}`,
      ]);
      await expectAsDpkgReads(await deb(compression));
    },
  );

  it('reads an archive written by GNU ar (member names end in /)', async () => {
    const members = await membersOf(await deb('zstd'));
    const work = join(dir, 'gnu');
    await mkdir(work, { recursive: true });
    for (const member of members) await writeFile(join(work, member.name), member.data);
    const file = join(dir, 'gnu-ar.deb');
    await runTool('ar', ['rc', file, ...members.map((member) => member.name)], { cwd: work });
    expect((await readFile(file)).toString('latin1', 8, 24)).toBe('debian-binary/  ');
    await expectAsDpkgReads(file, await deb('zstd'));
  });

  it.each(['bsd', 'gnu-long'] as const)('reads %s member names', async (style) => {
    const file = join(dir, `${style}.deb`);
    await writeAr(file, await membersOf(await deb('xz')), style);
    await expectAsDpkgReads(file, await deb('xz'));
  });
});

describe('the committed packages the unit tests read are what dpkg-deb reads', () => {
  it.each(['gzip', 'xz', 'zstd', 'none'] as const)('-Z%s', async (compression) => {
    const file = committedDeb(compression);
    await expectAsDpkgReads(file);
    const names = await dpkgFieldNames(file);
    const values = await Promise.all(names.map(async (name) => [name, await dpkgField(file, name)]));
    expect(values).toEqual(RICH_CONTROL_AS_DPKG_READS);
    // The unit tests split members with membersOf: it agrees with binutils' ar.
    const members = await membersOf(file);
    expect(members.map((member) => member.name)).toEqual(await arNames(file));
    for (const member of members) expect(member.data.equals(await arMember(file, member.name))).toBe(true);
  });

  it('no-version.deb: dpkg-deb sees no Version in it', async () => {
    expect(await dpkgFieldNames(committedDeb('no-version'))).toEqual([
      'Package',
      'Architecture',
      'Description',
    ]);
  });
});

describeReadDeb({
  deb,
  noVersion: () =>
    buildDeb(dir, 'xz', 'Package: falco\nArchitecture: amd64\nDescription: x\n', {
      nocheck: true,
      name: 'no-version',
    }),
  dir: () => dir,
});
