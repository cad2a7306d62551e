import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RpmDependency, RpmPackage } from '../../../src/formats/rpm/rpm-package.js';
import { readRpm } from '../../../src/formats/rpm/read-rpm.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import type { Repodata, RepodataEntry } from './rpm-fixture.js';

/** The two packages of the tests: FULL_SPEC's and MINIMAL_SPEC's. */
export type RpmName = 'full' | 'minimal';

/**
 * Where the shared tests get their packages and what the real tools say about them: rpmbuild, rpm and
 * createrepo_c now (tools suite), or committed packages and the answers those tools gave about them (npm test).
 */
export interface RpmSource {
  file(name: RpmName): Promise<string>;
  /** `rpm -qp --queryformat <format>` of the package. */
  query(name: RpmName, format: string): Promise<string>;
  /** What createrepo_c writes for the package alone. */
  createrepo(name: RpmName): Promise<Repodata>;
  /** A scratch directory for the files the tests write. */
  dir(): string;
}

const SCALARS = [
  'NAME',
  'EPOCH',
  'VERSION',
  'RELEASE',
  'ARCH',
  'SUMMARY',
  'LICENSE',
  'VENDOR',
  'GROUP',
  'URL',
  'BUILDHOST',
  'SOURCERPM',
  'PACKAGER',
  'BUILDTIME',
  'LONGSIZE',
  'LONGARCHIVESIZE',
] as const;

/** rpm's own reading of the scalar tags; `(none)` (rpm's word for an absent tag) becomes undefined. */
async function rpmScalars(
  source: RpmSource,
  name: RpmName,
): Promise<Record<(typeof SCALARS)[number] | 'DESCRIPTION', string | undefined>> {
  const text = await source.query(name, `${SCALARS.map((tag) => `%{${tag}}`).join('\\n')}\\n%{DESCRIPTION}`);
  const lines = text.split('\n');
  const values = [...SCALARS.map((_, i) => lines[i]), lines.slice(SCALARS.length).join('\n')];
  const keys = [...SCALARS, 'DESCRIPTION'] as const;
  return Object.fromEntries(
    keys.map((key, i) => [key, values[i] === '(none)' ? undefined : values[i]]),
  ) as Record<(typeof keys)[number], string | undefined>;
}

function ourScalars(pkg: RpmPackage): Record<(typeof SCALARS)[number] | 'DESCRIPTION', string | undefined> {
  const text = (value: string | number | undefined): string | undefined =>
    value === undefined ? undefined : String(value);
  return {
    NAME: pkg.name,
    EPOCH: text(pkg.epoch),
    VERSION: pkg.version,
    RELEASE: pkg.release,
    ARCH: pkg.arch,
    SUMMARY: pkg.summary,
    LICENSE: pkg.license,
    VENDOR: pkg.vendor,
    GROUP: pkg.group,
    URL: pkg.url,
    BUILDHOST: pkg.buildhost,
    SOURCERPM: pkg.sourcerpm,
    PACKAGER: pkg.packager,
    BUILDTIME: text(pkg.buildTime),
    LONGSIZE: text(pkg.installedSize),
    LONGARCHIVESIZE: text(pkg.archiveSize),
    DESCRIPTION: pkg.description,
  };
}

/** A dependency as createrepo_c writes it: the version only with a comparison, `pre` on requires only. */
function asRepodata(dependency: RpmDependency): RepodataEntry {
  const { name, flags, epoch, version, release, pre } = dependency;
  return {
    name,
    ...(flags ? { flags, epoch, version, release } : {}),
    ...(pre ? { pre } : {}),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** readRpm against what rpm and createrepo_c read in the source's packages, and on damaged copies of them. */
export function describeRpmReading(source: RpmSource): void {
  const full = (): Promise<string> => source.file('full');
  const minimal = (): Promise<string> => source.file('minimal');

  describe('readRpm reads what rpm and createrepo_c read', () => {
    it.each([
      ['a full package', 'full'],
      ['a minimal package', 'minimal'],
    ] as const)('%s: every scalar field as rpm -qp --queryformat prints it', async (_, name) => {
      const file = await source.file(name);
      expect(ourScalars(await readRpm(file))).toEqual(await rpmScalars(source, name));
    });

    it('files with their type: rpm lists them, createrepo_c types them', async () => {
      const pkg = await readRpm(await full());
      const listed = (await source.query('full', '[%{FILENAMES}\\n]')).split('\n').filter(Boolean);
      expect(pkg.files.map((file) => file.path)).toEqual(listed);
      expect(pkg.files).toEqual((await source.createrepo('full')).files);
      expect(pkg.files).toEqual([
        { path: '/etc/falco/falco.yaml', type: 'file' },
        { path: '/usr/bin/falco-test', type: 'file' },
        { path: '/usr/share/falco-test', type: 'dir' },
        { path: '/usr/share/falco-test/ghost.log', type: 'ghost' },
      ]);
      expect((await readRpm(await minimal())).files).toEqual([]);
    });

    it.each([
      ['a full package', 'full'],
      ['a minimal package', 'minimal'],
    ] as const)('%s: dependencies, header range and sizes as createrepo_c writes them', async (_, name) => {
      const pkg = await readRpm(await source.file(name));
      const repodata = await source.createrepo(name);
      for (const kind of ['provides', 'requires', 'conflicts', 'obsoletes'] as const) {
        expect({ kind, entries: withoutUndefined(pkg[kind].map(asRepodata)) }).toEqual({
          kind,
          entries: repodata.dependencies[kind],
        });
      }
      expect({ start: pkg.headerStart, end: pkg.headerEnd }).toEqual(repodata.headerRange);
      expect({ installed: pkg.installedSize, archive: pkg.archiveSize }).toEqual({
        installed: repodata.installed,
        archive: repodata.archive,
      });
    });

    it('keeps what rpm lists but the requires createrepo_c drops, and splits epoch:version-release', async () => {
      const pkg = await readRpm(await full());
      const names = async (tag: string): Promise<string[]> =>
        (await source.query('full', `[%{${tag}}\\n]`)).split('\n').filter(Boolean);
      expect(pkg.provides.map((d) => d.name)).toEqual(await names('PROVIDENAME'));
      expect(pkg.conflicts.map((d) => d.name)).toEqual(await names('CONFLICTNAME'));
      expect(pkg.obsoletes.map((d) => d.name)).toEqual(await names('OBSOLETENAME'));

      const dropped = [
        '/etc/falco/falco.yaml', // its own file, and one primary.xml lists
        '/usr/bin/falco-test',
        'falco-virtual', // it provides it itself, same flags and version
        'libc.so.6()(64bit)', // lower than GLIBC_2.34
        'libc.so.6(GLIBC_2.4)(64bit)',
      ];
      const raw = await names('REQUIRENAME');
      expect(raw).toEqual(expect.arrayContaining([...dropped, 'rpmlib(CompressedFileNames)']));
      const kept = raw.filter((name) => !dropped.includes(name) && !name.startsWith('rpmlib('));
      // Header order, but the one libc require kept goes last.
      expect(pkg.requires.map((d) => d.name)).toEqual([
        ...kept.filter((name) => !name.startsWith('libc.so.6')),
        'libc.so.6(GLIBC_2.34)(64bit)',
      ]);
      expect(pkg.requires.find((d) => d.name === '/usr/share/falco-test/ghost.log')).toBeDefined(); // not a primary file

      const byName = (list: readonly RpmDependency[], name: string): RpmDependency | undefined =>
        list.find((d) => d.name === name);
      expect(byName(pkg.requires, 'libfoo')).toEqual({
        name: 'libfoo',
        flags: 'EQ',
        epoch: '1',
        version: '2.3',
        release: '4',
      });
      expect(byName(pkg.requires, 'bash')).toEqual({ name: 'bash', flags: 'GE', epoch: '0', version: '4.0' });
      expect(byName(pkg.requires, 'shadow-utils')).toEqual({ name: 'shadow-utils', pre: true });
      expect(byName(pkg.requires, 'coreutils')).toEqual({ name: 'coreutils', pre: true });
      expect(byName(pkg.requires, 'procps')).toEqual({ name: 'procps' }); // preun is not pre
      expect(byName(pkg.obsoletes, 'falco-old')).toEqual({
        name: 'falco-old',
        flags: 'LE',
        epoch: '1',
        version: '0.26.9',
        release: '1',
      });
      expect(byName(pkg.conflicts, 'sysdig')).toEqual({
        name: 'sysdig',
        flags: 'LT',
        epoch: '0',
        version: '0.20',
      });
      expect(byName(pkg.provides, 'falco-api(1)')).toEqual({ name: 'falco-api(1)' });
    });

    it('changelogs as rpm lists them: newest first, author and text as written', async () => {
      const end = '<<end>>';
      const text = await source.query(
        'full',
        `[%{CHANGELOGTIME}\\t%{CHANGELOGNAME}\\t%{CHANGELOGTEXT}${end}]`,
      );
      const expected = text
        .split(end)
        .filter(Boolean)
        .map((entry) => {
          const [date = '', author = '', ...rest] = entry.split('\t');
          return { date: Number(date), author, text: rest.join('\t') };
        });
      const pkg = await readRpm(await full());
      expect(pkg.changelogs).toEqual(expected);
      expect(pkg.changelogs.map((entry) => entry.author)).toEqual([
        'Jane Doe <jane@example.com> - 2:0.27.0-12',
        'John Roe <john@example.com> - 2:0.27.0-11',
      ]);
      expect((await readRpm(await minimal())).changelogs).toEqual([]);
    });
  });

  describe('readRpm refuses what is not a whole .rpm', () => {
    async function refused(name: string, bytes: Buffer | string): Promise<string> {
      const file = join(source.dir(), name);
      await writeFile(file, bytes);
      const error = await asyncUserErrorOf(readRpm(file));
      expect(error.subject).toBe(`packages: ${name}`);
      expect(error.remedy).toBeTruthy();
      return error.problem;
    }

    it('a file without the rpm lead magic', async () => {
      expect(await refused('text.rpm', 'Name: falco\n')).toBe(
        'is not an RPM package: it does not start with the rpm lead magic',
      );
      expect(await refused('empty.rpm', '')).toMatch(/not an RPM package/);
      const bytes = await readFile(await full());
      bytes[0] = 0x00;
      expect(await refused('bad-magic.rpm', bytes)).toMatch(/not an RPM package/);
    });

    it('a file cut short: in the lead, the signature, the main header, the payload', async () => {
      const bytes = await readFile(await full());
      const { headerStart } = await readRpm(await full());
      for (const [label, length] of [
        ['lead', 50],
        ['signature', 96 + 40],
        ['main-header', headerStart + 100],
        ['payload', bytes.length - 10],
      ] as const) {
        expect(await refused(`cut-in-${label}.rpm`, bytes.subarray(0, length))).toMatch(/^is truncated/);
      }
    });

    it('a damaged header: bad magic, an entry pointing outside the data', async () => {
      const bytes = await readFile(await full());
      const sigDamaged = Buffer.from(bytes);
      sigDamaged[96] = 0;
      expect(await refused('bad-signature.rpm', sigDamaged)).toBe(
        'has no valid signature header (bad header magic)',
      );

      // Point the main header's NAME entry (tag 1000) past its data store.
      const { headerStart } = await readRpm(await full());
      const entries = bytes.readUInt32BE(headerStart + 8);
      const mainDamaged = Buffer.from(bytes);
      for (let i = 0; i < entries; i++) {
        const at = headerStart + 16 + i * 16;
        if (mainDamaged.readUInt32BE(at) === 1000) mainDamaged.writeUInt32BE(0x7ffffff0, at + 8);
      }
      expect(await refused('bad-entry.rpm', mainDamaged)).toBe(
        'has a damaged main header: tag 1000 has a string that runs past the data',
      );
    });

    it('a .deb given as an .rpm', async () => {
      expect(await refused('debian.rpm', '!<arch>\ndebian-binary   ')).toMatch(/not an RPM package/);
    });

    it('reads only the headers: no temp files, the file closed', async () => {
      const before = (await readdir('/proc/self/fd')).length;
      for (let i = 0; i < 20; i++) await readRpm(await full());
      expect((await readdir('/proc/self/fd')).length).toBeLessThanOrEqual(before);
    });
  });
}
