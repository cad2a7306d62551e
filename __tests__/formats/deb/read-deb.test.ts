import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDebControl } from '../../../src/formats/deb/read-deb.js';
import { committedDeb, membersOf, RICH_CONTROL_AS_DPKG_READS, SUFFIX, writeAr } from './deb-fixture.js';
import { describeReadDeb } from './read-deb-suite.js';

// Packages dpkg-deb built once (committed); read-deb.tools.test.ts runs the same tests on packages it
// builds now and compares every reading with dpkg-deb's own.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-deb-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('readDebControl reads what dpkg-deb reads (as recorded from dpkg-deb --field)', () => {
  it.each(['gzip', 'xz', 'zstd', 'none'] as const)(
    'with a control.tar compressed by -Z%s',
    async (compression) => {
      const file = committedDeb(compression);
      const suffix = SUFFIX[compression];
      // dpkg compresses control.tar as data.tar (uniform compression): each variant is really covered.
      expect((await membersOf(file)).map((member) => member.name)).toEqual([
        'debian-binary',
        `control.tar${suffix}`,
        `data.tar${suffix}`,
      ]);
      const control = await readDebControl(file);
      expect(control.fields).toEqual(RICH_CONTROL_AS_DPKG_READS);
      expect([control.package, control.version, control.architecture]).toEqual([
        'falco-test',
        '0.27.0-12+abc1234',
        'amd64',
      ]);
    },
  );

  it.each(['bsd', 'gnu-long'] as const)('reads %s member names', async (style) => {
    const file = join(dir, `${style}.deb`);
    await writeAr(file, await membersOf(committedDeb('xz')), style);
    expect((await readDebControl(file)).fields).toEqual(RICH_CONTROL_AS_DPKG_READS);
  });
});

describeReadDeb({
  deb: async (compression) => committedDeb(compression),
  noVersion: async () => committedDeb('no-version'),
  dir: () => dir,
});
