import { describe, expect, it } from 'vitest';
import type { RpmDependency, RpmPackage } from '../../../src/formats/rpm/rpm-package.js';
import { isPrimaryFile } from '../../../src/formats/rpm/primary-files.js';
import { repodataChangelogs, repodataRequires } from '../../../src/formats/yum/createrepo-rules.js';
import { BARE } from './rpm-package-fixture.js';

describe('isPrimaryFile', () => {
  it.each([
    ['/etc/falco/falco.yaml', true],
    ['/etc/falco', true],
    ['/etc', false],
    ['/usr/bin/falco', true],
    ['/usr/sbin/falcod', true],
    ['/opt/falco/bin/tool', true],
    ['/opt/falco/bin', false],
    ['/usr/lib/sendmail', true],
    ['/usr/lib/sendmail.cf', false],
    ['/usr/share/falco/cabin/x', true],
    ['/usr/share/falco/data.txt', false],
  ])('%s → %s', (path, primary) => {
    expect(isPrimaryFile(path)).toBe(primary);
  });
});

describe('repodataRequires', () => {
  const requires = (pkg: Partial<RpmPackage>): RpmDependency[] => repodataRequires({ ...BARE, ...pkg });

  it("drops rpmlib() features, the package's own primary files, and what it provides itself", () => {
    expect(
      requires({
        files: [
          { path: '/usr/bin/falco', type: 'file' },
          { path: '/usr/share/falco/data.txt', type: 'file' },
        ],
        provides: [{ name: 'config(falco)', flags: 'EQ', epoch: '1', version: '1.0', release: '1' }],
        requires: [
          { name: 'rpmlib(PayloadFilesHavePrefix)', flags: 'LE', version: '4.0', release: '1' },
          { name: '/usr/bin/falco' },
          { name: '/usr/share/falco/data.txt' },
          { name: '/usr/bin/other' },
          { name: 'config(falco)', flags: 'EQ', epoch: '1', version: '1.0', release: '1' },
          { name: 'config(falco)', flags: 'GE', epoch: '1', version: '1.0', release: '1' },
        ],
      }),
    ).toEqual([
      { name: '/usr/share/falco/data.txt' },
      { name: '/usr/bin/other' },
      { name: 'config(falco)', flags: 'GE', epoch: '1', version: '1.0', release: '1' },
    ]);
  });

  it('drops a repeat of the last kept entry of the same name only', () => {
    expect(
      requires({
        requires: [
          { name: '/bin/sh', pre: true },
          { name: '/bin/sh', pre: true },
          { name: '/bin/sh' },
          { name: 'foo', flags: 'EQ', version: '2' },
          { name: 'foo', flags: 'GE', version: '2' },
          { name: 'foo', flags: 'EQ', version: '2' },
        ],
      }),
    ).toEqual([
      { name: '/bin/sh', pre: true },
      { name: '/bin/sh' },
      { name: 'foo', flags: 'EQ', version: '2' },
      { name: 'foo', flags: 'GE', version: '2' },
      { name: 'foo', flags: 'EQ', version: '2' },
    ]);
  });

  it.each([
    [
      ['libc.so.6()(64bit)', 'libc.so.6(GLIBC_2.17)(64bit)', 'libc.so.6(GLIBC_2.34)(64bit)'],
      'libc.so.6(GLIBC_2.34)(64bit)',
    ],
    [['libc.so.6(GLIBC_2.34)(64bit)', 'libc.so.6(GLIBC_2.4)(64bit)'], 'libc.so.6(GLIBC_2.34)(64bit)'],
    [['libc.so.6(GLIBC_2.4)', 'libc.so.6(GLIBC_2.3.4)'], 'libc.so.6(GLIBC_2.4)'],
    [['libc.so.6', 'libc.so.6()(64bit)'], 'libc.so.6()(64bit)'],
    [['libc.so.6(GLIBC_PRIVATE)', 'libc.so.6(GLIBC_2.2.5)'], 'libc.so.6(GLIBC_2.2.5)'],
    [['libc.so.6(GLIBC_2.2.5)', 'libc.so.6(GLIBC_PRIVATE)'], 'libc.so.6(GLIBC_2.2.5)'],
  ])('keeps only the highest of %j, last', (names, kept) => {
    const result = requires({ requires: [...names.map((name) => ({ name })), { name: 'zlib' }] });
    expect(result.map((r) => r.name)).toEqual(['zlib', kept]);
  });

  it('keeps nothing for a package that requires nothing', () => {
    expect(requires({})).toEqual([]);
  });
});

describe('repodataChangelogs', () => {
  const entry = (date: number, author = 'Dev', text = `- ${date}`) => ({ author, date, text });

  it('lists the newest ten, oldest first', () => {
    const newestFirst = Array.from({ length: 12 }, (_, i) => entry(1000 - i * 10));
    expect(repodataChangelogs(newestFirst).map((e) => e.date)).toEqual([
      910, 920, 930, 940, 950, 960, 970, 980, 990, 1000,
    ]);
  });

  it('spreads entries that share a date one second apart, the newer later', () => {
    const newestFirst = [entry(100, 'c'), entry(100, 'b'), entry(100, 'a'), entry(50, 'z'), entry(50, 'y')];
    expect(repodataChangelogs(newestFirst).map((e) => `${e.author}@${e.date}`)).toEqual([
      'y@50',
      'z@51',
      'a@100',
      'b@101',
      'c@102',
    ]);
  });

  it('bumps only the run of entries that collide', () => {
    const newestFirst = [entry(101, 'c'), entry(100, 'b'), entry(100, 'a')];
    expect(repodataChangelogs(newestFirst).map((e) => `${e.author}@${e.date}`)).toEqual([
      'a@100',
      'b@101',
      'c@102',
    ]);
  });

  it('trims trailing spaces from authors, never the first character', () => {
    expect(repodataChangelogs([entry(1, 'Dev <d@x>   '), entry(0, ' ')]).map((e) => e.author)).toEqual([
      ' ',
      'Dev <d@x>',
    ]);
  });
});
