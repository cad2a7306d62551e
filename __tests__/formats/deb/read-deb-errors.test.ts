import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDebControl } from '../../../src/formats/deb/read-deb.js';
import { UserError } from '../../../src/util/errors.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';
import { arOf, debOf, tarOf } from './deb-builder.js';

// A file that is not a valid .deb is a UserError naming the file, whatever is wrong with it.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deb-errors-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const NAME = 'falco-0.27.0-x86_64.deb';
const CONTROL = 'Package: falco\nVersion: 0.27.0\nArchitecture: amd64\nDescription: runtime security\n';

/** What reading `bytes` as a package gives: its control, or the error. */
async function read(bytes: Buffer): Promise<unknown> {
  const file = join(dir, NAME);
  await writeFile(file, bytes);
  return readDebControl(file).catch((error: unknown) => error);
}

const REPACK = 'give the complete .deb as dpkg-deb --build wrote it';
const REBUILD = 'build the package again with dpkg-deb --build';

async function userError(bytes: Buffer): Promise<UserError> {
  const file = join(dir, NAME);
  await writeFile(file, bytes);
  return asyncUserErrorOf(readDebControl(file));
}

describe('readDebControl on files that are not packages', () => {
  it.each([
    [
      'an empty file',
      Buffer.alloc(0),
      'is not a Debian package: it does not start as an ar archive (!<arch>)',
      REPACK,
    ],
    [
      'an rpm',
      Buffer.from([0xed, 0xab, 0xee, 0xdb, 3, 0]),
      'is not a Debian package: it does not start as an ar archive (!<arch>)',
      REPACK,
    ],
    [
      'an ar archive of other files',
      arOf([{ name: 'a.o', data: Buffer.from('x') }]),
      'is not a Debian package: its ar archive has no debian-binary (members: a.o)',
      REBUILD,
    ],
  ])('refuses %s', async (_what, bytes, problem, remedy) => {
    const error = await userError(bytes);
    expect(error.subject).toBe(`packages: ${NAME}`);
    expect(error.problem).toBe(problem);
    expect(error.remedy).toBe(remedy);
    expect(error.message).toBe(`packages: ${NAME}: ${problem} — ${remedy}`);
  });

  it('refuses a control.tar.gz that is not gzip', async () => {
    const error = await userError(
      arOf([
        { name: 'debian-binary', data: Buffer.from('2.0\n') },
        { name: 'control.tar.gz', data: Buffer.from('not gzip at all') },
        { name: 'data.tar', data: await tarOf({}) },
      ]),
    );
    expect(error.subject).toBe(`packages: ${NAME}`);
    expect(error.problem).toMatch(/^control\.tar\.gz cannot be decompressed \(.+\)$/);
    expect(error.remedy).toBe(REBUILD);
  });

  it('refuses a control.tar.gz that holds something other than a tar archive', async () => {
    const error = await userError(
      arOf([
        { name: 'debian-binary', data: Buffer.from('2.0\n') },
        { name: 'control.tar.gz', data: gzipSync(Buffer.alloc(1024, 'x')) },
        { name: 'data.tar', data: await tarOf({}) },
      ]),
    );
    expect(error.subject).toBe(`packages: ${NAME}`);
    expect(error.problem).toMatch(/^control\.tar\.gz is not a readable tar archive \(.+\)$/);
    expect(error.remedy).toBe(REBUILD);
  });

  it('gives a UserError naming the file for every truncation of a package', async () => {
    const whole = await debOf(CONTROL);
    expect(await read(whole)).toMatchObject({ package: 'falco' });
    for (let length = 0; length < whole.length; length += 7) {
      const outcome = await read(whole.subarray(0, length));
      // A cut in the end-of-archive padding of data.tar leaves a package that still reads.
      if (!(outcome instanceof Error)) continue;
      expect(outcome, `cut at ${length}: ${String(outcome)}`).toBeInstanceOf(UserError);
      expect((outcome as UserError).subject).toBe(`packages: ${NAME}`);
    }
  });

  it('gives a UserError naming the file for damage anywhere in the headers and control member', async () => {
    const whole = await debOf(CONTROL);
    // Everything before data.tar: the ar headers, debian-binary and control.tar.
    const end = whole.indexOf('data.tar');
    for (let at = 0; at < end; at += 3) {
      const damaged = Buffer.from(whole);
      damaged[at] = (damaged[at] ?? 0) ^ 0xa5;
      const outcome = await read(damaged);
      if (!(outcome instanceof Error)) continue;
      expect(outcome, `byte ${at}: ${String(outcome)}`).toBeInstanceOf(UserError);
      expect((outcome as UserError).subject).toBe(`packages: ${NAME}`);
    }
  });
});
