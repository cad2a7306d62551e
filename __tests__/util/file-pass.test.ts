import { createHash, randomBytes } from 'node:crypto';
import { truncateSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passOverFile } from '../../src/util/file-pass.js';
import { PartHasher } from '../../src/util/part-digests.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

const MIB = 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-pass-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const hex = (name: string, bytes: Buffer): string => createHash(name).update(bytes).digest('hex');

/** What hashing each `partSize` slice of `bytes` on its own gives. */
function slices(bytes: Buffer, partSize: number): string[] {
  const digests: string[] = [];
  for (let start = 0; start < bytes.length; start += partSize) {
    digests.push(hex('sha256', bytes.subarray(start, start + partSize)));
  }
  return digests;
}

async function fileOf(name: string, bytes: Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('passOverFile', () => {
  // Around the 1 MiB read: nothing, less than one read, exactly one, one and a bit, several.
  it.each([0, 1, MIB - 1, MIB, MIB + 1, 3.5 * MIB + 3])(
    'gives the digests hashing the whole file at once gives (%i bytes)',
    async (size) => {
      const bytes = randomBytes(size);
      const file = await fileOf(`whole-${size}`, bytes);
      const pass = await passOverFile(file, { hashes: ['md5', 'sha1', 'sha256'] });
      expect(pass.size).toBe(size);
      expect(pass.digests).toEqual({
        md5: hex('md5', bytes),
        sha1: hex('sha1', bytes),
        sha256: hex('sha256', bytes),
      });
      expect(pass.parts).toBeUndefined();
      expect(pass.head).toBeUndefined();
    },
  );

  // Part sizes that fall inside reads, on their boundaries, and beyond the file.
  it.each([MIB, 1.5 * MIB + 7, 5 * MIB, 9 * MIB])(
    'hashes each part as hashing that slice alone does (parts of %i bytes of a 4.25 MiB file)',
    async (partSize) => {
      const bytes = randomBytes(4.25 * MIB);
      const file = await fileOf(`parts-${partSize}`, bytes);
      const asked: number[] = [];
      const pass = await passOverFile(file, {
        hashes: ['sha256'],
        partSize: (size) => {
          asked.push(size);
          return partSize;
        },
      });
      expect(asked).toEqual([bytes.length]);
      expect(pass.digests.sha256).toBe(hex('sha256', bytes));
      expect(pass.parts).toEqual({ partSize, sha256: slices(bytes, partSize) });
    },
  );

  it('hashes the parts of a big file on a thread of its own, to the same digests', async () => {
    // Over 64 MiB, with a part size that is no multiple of the 1 MiB reads.
    const bytes = randomBytes(70 * MIB + 5);
    const file = await fileOf('big-parts', bytes);
    const partSize = 8 * MIB + 3;
    const pass = await passOverFile(file, { hashes: ['sha256', 'md5'], partSize: () => partSize });
    expect(pass.digests).toEqual({ sha256: hex('sha256', bytes), md5: hex('md5', bytes) });
    expect(pass.parts).toEqual({ partSize, sha256: slices(bytes, partSize) });
  });

  it('asks for no parts when the host takes the file whole', async () => {
    const file = await fileOf('no-parts', randomBytes(2 * MIB));
    const pass = await passOverFile(file, { hashes: ['sha256'], partSize: () => undefined });
    expect(pass.parts).toBeUndefined();
  });

  it('lets the head reader read within the first MiB and beyond it, and returns what it read', async () => {
    const bytes = randomBytes(3 * MIB);
    const file = await fileOf('head', bytes);
    const pass = await passOverFile(file, {
      hashes: ['sha256'],
      head: async (source, size) => {
        const start = await source.bytesAt(0, 16);
        const across = await source.bytesAt(MIB - 8, 16); // half in the first read, half beyond
        const far = await source.bytesAt(2 * MIB, 32);
        return { size, start, across, far };
      },
    });
    expect(pass.head).toEqual({
      size: 3 * MIB,
      start: bytes.subarray(0, 16),
      across: bytes.subarray(MIB - 8, MIB + 8),
      far: bytes.subarray(2 * MIB, 2 * MIB + 32),
    });
    expect(pass.digests.sha256).toBe(hex('sha256', bytes));
  });

  it("reports the head reader's failure, not the read's", async () => {
    const file = await fileOf('bad-head', randomBytes(2 * MIB));
    await expect(
      passOverFile(file, {
        hashes: ['sha256'],
        head: () => Promise.reject(new Error('not a package')),
      }),
    ).rejects.toThrow('not a package');
  });

  it('refuses a file cut short while it is read, naming it', async () => {
    const file = await fileOf('shrinking', randomBytes(3 * MIB));
    const error = await asyncUserErrorOf(
      passOverFile(file, {
        hashes: ['sha256'],
        // Runs once the first MiB is read, before the pass reads on.
        head: () => {
          truncateSync(file, 2 * MIB);
          return Promise.resolve(undefined);
        },
      }),
    );
    expect(error.message).toBe(
      `${file}: ended at byte ${2 * MIB} of ${3 * MIB}: it changed while it was being read — make sure nothing rewrites the package files while the action runs, then run it again`,
    );
  });
});

describe('PartHasher', () => {
  it('gives the same digests however the bytes are cut into chunks', () => {
    const bytes = randomBytes(100_000);
    const cuts = [1, 7, 4096, 33_333, 100_000];
    for (const cut of cuts) {
      const hasher = new PartHasher(30_000);
      for (let start = 0; start < bytes.length; start += cut)
        hasher.update(bytes.subarray(start, start + cut));
      expect(hasher.finish()).toEqual({ partSize: 30_000, sha256: slices(bytes, 30_000) });
    }
  });

  it('has no part for no bytes, and refuses a part size that is no size', () => {
    expect(new PartHasher(10).finish()).toEqual({ partSize: 10, sha256: [] });
    expect(() => new PartHasher(0)).toThrow('part size 0 is no size');
  });
});
