import { open, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDebControl } from '../../../src/formats/deb/read-deb.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import { tarBytes } from '../../oci/docker-archive-fixture.js';
import { membersOf, SUFFIX, writeAr, type Compression, type Member } from './deb-fixture.js';

/** Where the shared tests get their packages: committed ones (npm test) or built by dpkg-deb now (tools). */
export interface DebSource {
  /** A package of RICH_CONTROL whose control.tar and data.tar are compressed so. */
  deb(compression: Compression): Promise<string>;
  /** A package whose control file has no Version (dpkg-deb --nocheck). */
  noVersion(): Promise<string>;
  /** A scratch directory for the files the tests write. */
  dir(): string;
}

/** What readDebControl must do with any package dpkg-deb wrote: read it verbatim, refuse it damaged. */
export function describeReadDeb(source: DebSource): void {
  describe('readDebControl reads a dpkg-built package', () => {
    it('keeps values verbatim: continuation lines, a first line left empty, trailing blanks dropped at the end only', async () => {
      const control = await readDebControl(await source.deb('xz'));
      expect(Object.fromEntries(control.fields)).toMatchObject({
        Maintainer: 'Jörg Falcó <cncf-falco-dev@lists.cncf.io>',
        'XB-Multi': '\n line one  \n\tline two',
        'X-Trailing': 'value with trailing blanks',
        Description: 'runtime security \n Falco is a runtime security tool.\n .\n   indented',
      });
      expect(control).toMatchObject({
        package: 'falco-test',
        version: '0.27.0-12+abc1234',
        architecture: 'amd64',
      });
    });

    it('never reads data.tar: a 9 GB member (sparse) is skipped by its size', async () => {
      // The same package, its data.tar member claiming 9e9 bytes, the file extended (sparsely) to hold them.
      const members = await membersOf(await source.deb('gzip'));
      const file = join(source.dir(), 'huge.deb');
      await writeAr(file, members.slice(0, 2), 'dpkg');
      const header =
        `data.tar.gz`.padEnd(16) + '0'.padEnd(12) + '0'.padEnd(6) + '0'.padEnd(6) + '100644'.padEnd(8);
      const size = 9_000_000_000;
      await writeFile(file, Buffer.from(`${header}${String(size).padEnd(10)}\`\n`, 'latin1'), { flag: 'a' });
      await truncate(file, (await stat(file)).size + size);

      // Count every byte the reader reads through a file handle: the 9 GB member must be skipped, not read.
      const probe = await open(file, 'r');
      const prototype = Object.getPrototypeOf(probe) as {
        read: (...args: unknown[]) => Promise<{ bytesRead: number }>;
      };
      await probe.close();
      const original = prototype.read;
      let bytesRead = 0;
      prototype.read = async function (this: unknown, ...args: unknown[]) {
        const result = await original.apply(this, args);
        bytesRead += result.bytesRead;
        return result;
      };
      let control;
      try {
        control = await readDebControl(file);
      } finally {
        prototype.read = original;
      }
      expect(control.package).toBe('falco-test');
      expect(bytesRead).toBeLessThan(1024 * 1024);
      expect((await stat(file)).blocks * 512).toBeLessThan(1024 * 1024); // still sparse: nothing was written
    });
  });

  describe('readDebControl refuses what is not a whole .deb', () => {
    async function refused(name: string, bytes: Buffer | string): Promise<string> {
      const file = join(source.dir(), name);
      await writeFile(file, bytes);
      const error = await asyncUserErrorOf(readDebControl(file));
      expect(error.subject).toBe(`packages: ${name}`);
      expect(error.remedy).toBeTruthy();
      return error.problem;
    }

    async function members(compression: Compression): Promise<Member[]> {
      return membersOf(await source.deb(compression));
    }

    async function arBytes(list: readonly Member[]): Promise<Buffer> {
      const file = join(source.dir(), 'scratch.ar');
      await writeAr(file, list, 'dpkg');
      return readFile(file);
    }

    it('a file that is not an ar archive', async () => {
      expect(await refused('text.deb', 'Package: falco\n')).toMatch(/not a Debian package.*!<arch>/);
      expect(await refused('empty.deb', '')).toMatch(/not a Debian package/);
    });

    it('a file cut short: in a member header, in control.tar, in data.tar', async () => {
      const whole = await readFile(await source.deb('xz'));
      const [binary, control] = await members('xz');
      if (binary === undefined || control === undefined) throw new Error('dpkg-deb wrote fewer members');
      const controlStart = 8 + 60 + binary.data.length + (binary.data.length % 2) + 60;
      for (const [label, length] of [
        ['header', 8 + 30],
        ['control', controlStart + 10],
        ['data', whole.length - 5],
      ] as const) {
        expect(await refused(`cut-in-${label}.deb`, whole.subarray(0, length))).toMatch(/is truncated/);
      }
    });

    it('an archive without debian-binary, control.tar or data.tar', async () => {
      const [binary, control, data] = await members('xz');
      if (binary === undefined || control === undefined || data === undefined)
        throw new Error('too few members');
      expect(await refused('no-binary.deb', await arBytes([control, data]))).toMatch(/no debian-binary/);
      expect(await refused('no-control.deb', await arBytes([binary, data]))).toMatch(
        /no control\.tar member \(members: debian-binary, data\.tar\.xz\)/,
      );
      expect(await refused('no-data.deb', await arBytes([binary, control]))).toMatch(/no data\.tar member/);
      const future = { name: 'debian-binary', data: Buffer.from('3.0\n') };
      expect(await refused('format-3.deb', await arBytes([future, control, data]))).toMatch(/format "3\.0"/);
    });

    it('a control.tar compressed in a way dpkg does not write', async () => {
      const [binary, control, data] = await members('xz');
      if (binary === undefined || control === undefined || data === undefined)
        throw new Error('too few members');
      const bzip2 = { name: 'control.tar.bz2', data: control.data };
      const problem = await refused('bzip2.deb', await arBytes([binary, bzip2, data]));
      expect(problem).toMatch(
        /control\.tar\.bz2.*known: control\.tar, control\.tar\.gz, control\.tar\.xz, control\.tar\.zst/,
      );
    });

    it.each(['gzip', 'xz', 'zstd'] as const)('a damaged control.tar (-Z%s)', async (compression) => {
      const [binary, control, data] = await members(compression);
      if (binary === undefined || control === undefined || data === undefined)
        throw new Error('too few members');
      const damaged = Buffer.from(control.data);
      for (let i = 12; i < damaged.length - 8; i += 7) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
      const problem = await refused(
        `damaged-${compression}.deb`,
        await arBytes([binary, { ...control, data: damaged }, data]),
      );
      expect(problem).toMatch(
        new RegExp(
          `control\\.tar${SUFFIX[compression].replace('.', '\\.')} (cannot be decompressed|is not a readable tar)`,
        ),
      );
    });

    it('a control.tar without ./control', async () => {
      const [binary, , data] = await members('gzip');
      if (binary === undefined || data === undefined) throw new Error('too few members');
      const tar = gzipSync(await tarBytes([{ name: './md5sums', content: 'abc  usr/bin/falco-test\n' }]));
      const problem = await refused(
        'no-control-file.deb',
        await arBytes([binary, { name: 'control.tar.gz', data: tar }, data]),
      );
      expect(problem).toBe('control.tar.gz has no ./control file');
    });

    it('a control file without Version (built with dpkg-deb --nocheck)', async () => {
      const file = await source.noVersion();
      const error = await asyncUserErrorOf(readDebControl(file));
      expect(error.message).toBe(
        'packages: no-version.deb: control file has no Version field — fix DEBIAN/control and build the package again with dpkg-deb --build',
      );
    });

    it('a file that does not exist is a system error, not a package error', async () => {
      await expect(readDebControl(join(source.dir(), 'missing.deb'))).rejects.toMatchObject({
        code: 'ENOENT',
      });
    });

    it('closes the file whatever happens', async () => {
      const file = join(source.dir(), 'closing.deb');
      await writeFile(file, 'not a deb');
      const before = await openDescriptors();
      for (let i = 0; i < 20; i++) await readDebControl(file).catch(() => undefined);
      await readDebControl(await source.deb('zstd'));
      expect(await openDescriptors()).toBeLessThanOrEqual(before);
    });
  });
}

async function openDescriptors(): Promise<number> {
  return (await readdir('/proc/self/fd')).length;
}
