import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRpm } from '../../../src/formats/rpm/read-rpm.js';
import { SignatureTag, Tag, TagType } from '../../../src/formats/rpm/rpm-tags.js';
import { UserError } from '../../../src/util/errors.js';
import { asyncUserErrorOf } from '../../fixtures/errors.js';

// A file that is not a valid .rpm is a UserError naming the file, whatever is wrong with it.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rpm-errors-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const NAME = 'falco-0.27.0-x86_64.rpm';

type Value = { readonly strings: readonly string[] } | { readonly int32: readonly number[] };

/** A header structure: intro, index, data store (int32 values 4-aligned, as rpm writes them). */
function header(entries: ReadonlyMap<number, Value>): Buffer {
  const index: Buffer[] = [];
  const data: Buffer[] = [];
  let size = 0;
  for (const [tag, value] of entries) {
    let type: number;
    let bytes: Buffer;
    let count: number;
    if ('int32' in value) {
      const pad = (4 - (size % 4)) % 4;
      data.push(Buffer.alloc(pad));
      size += pad;
      type = TagType.int32;
      bytes = Buffer.alloc(4 * value.int32.length);
      value.int32.forEach((n, i) => bytes.writeUInt32BE(n, i * 4));
      count = value.int32.length;
    } else {
      type = value.strings.length === 1 ? TagType.string : TagType.stringArray;
      bytes = Buffer.from(value.strings.map((text) => `${text}\0`).join(''));
      count = value.strings.length;
    }
    const entry = Buffer.alloc(16);
    entry.writeUInt32BE(tag, 0);
    entry.writeUInt32BE(type, 4);
    entry.writeUInt32BE(size, 8);
    entry.writeUInt32BE(count, 12);
    index.push(entry);
    data.push(bytes);
    size += bytes.length;
  }
  const intro = Buffer.alloc(16);
  Buffer.from([0x8e, 0xad, 0xe8, 0x01]).copy(intro);
  intro.writeUInt32BE(entries.size, 8);
  intro.writeUInt32BE(size, 12);
  return Buffer.concat([intro, ...index, ...data]);
}

/** Lead, signature header (padded to 8 bytes), main header and a payload, as rpmbuild lays them out. */
function rpmOf(baseNames: readonly string[] = ['falco'], arch = 'x86_64'): Buffer {
  const lead = Buffer.alloc(96);
  Buffer.from([0xed, 0xab, 0xee, 0xdb, 3, 0]).copy(lead);
  const main = header(
    new Map<number, Value>([
      [Tag.name, { strings: ['falco'] }],
      [Tag.version, { strings: ['0.27.0'] }],
      [Tag.release, { strings: ['1'] }],
      [Tag.summary, { strings: ['Falco'] }],
      [Tag.buildTime, { int32: [1_600_000_000] }],
      [Tag.arch, { strings: [arch] }],
      [Tag.fileModes, { int32: [0o100755] }],
      [Tag.fileFlags, { int32: [0] }],
      [Tag.dirIndexes, { int32: [0] }],
      [Tag.baseNames, { strings: baseNames }],
      [Tag.dirNames, { strings: ['/usr/bin/'] }],
    ]),
  );
  const payload = Buffer.alloc(64, 0x42);
  const signature = header(
    new Map<number, Value>([[SignatureTag.size, { int32: [main.length + payload.length] }]]),
  );
  const padding = Buffer.alloc((8 - (signature.length % 8)) % 8);
  return Buffer.concat([lead, signature, padding, main, payload]);
}

async function read(bytes: Buffer): Promise<unknown> {
  const file = join(dir, NAME);
  await writeFile(file, bytes);
  return readRpm(file).catch((error: unknown) => error);
}

describe('readRpm on files that are not packages', () => {
  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a .deb', Buffer.from('!<arch>\ndebian-binary   ')],
  ])('refuses %s', async (_what, bytes) => {
    const file = join(dir, NAME);
    await writeFile(file, bytes);
    const error = await asyncUserErrorOf(readRpm(file));
    expect(error.message).toBe(
      `packages: ${NAME}: is not an RPM package: it does not start with the rpm lead magic — give the complete .rpm as rpmbuild wrote it`,
    );
  });

  it('refuses a package whose file tags disagree, naming the file', async () => {
    const file = join(dir, NAME);
    // Two base names, but one mode, one flag and one dir index.
    await writeFile(file, rpmOf(['falco', 'falcoctl']));
    const error = await asyncUserErrorOf(readRpm(file));
    expect(error.message).toBe(
      `packages: ${NAME}: has a damaged main header: its file tags list different numbers of files — build the package again with rpmbuild`,
    );
  });

  // The arch becomes part of repodata and of dnf's paths: a path or a list there must never be indexed.
  it.each(['../..', 'x86_64 aarch64', 'x86_64/../../etc', 'x86_64\n'])(
    'refuses the arch %j, naming the file and the field',
    async (arch) => {
      const file = join(dir, NAME);
      await writeFile(file, rpmOf(['falco'], arch));
      const error = await asyncUserErrorOf(readRpm(file));
      expect(error.subject).toBe(`packages: ${NAME}`);
      expect(error.problem).toBe(
        `rpm header arch '${arch}' is not an architecture (letters, digits and _ only, e.g. x86_64)`,
      );
    },
  );

  it('gives a UserError naming the file for every truncation and damage of a package', async () => {
    const whole = rpmOf();
    expect(await read(whole)).toMatchObject({
      name: 'falco',
      files: [{ path: '/usr/bin/falco', type: 'file' }],
    });
    const outcomes: unknown[] = [];
    for (let length = 0; length < whole.length; length += 5)
      outcomes.push(await read(whole.subarray(0, length)));
    for (let at = 0; at < whole.length - 64; at += 3) {
      const damaged = Buffer.from(whole);
      damaged[at] = (damaged[at] ?? 0) ^ 0xa5;
      outcomes.push(await read(damaged));
    }
    for (const outcome of outcomes) {
      // Damage in a byte nothing reads (the lead's name, a padding byte) leaves a package that reads.
      if (!(outcome instanceof Error)) continue;
      expect(outcome, String(outcome)).toBeInstanceOf(UserError);
      expect((outcome as UserError).subject).toBe(`packages: ${NAME}`);
    }
  });
});
