import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Descriptor } from '../../src/oci/descriptor.js';
import { readOciLayout } from '../../src/oci/layout-source.js';
import { OciLayoutTarget } from '../../src/oci/layout-target.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { UserError } from '../../src/util/errors.js';
import { copyIntoLayout } from './copy-into-layout.js';
import { addImage, digestOf, readAll, writeLayout } from './layout-fixture.js';

const REF = 'org.opencontainers.image.ref.name';

function blob(content: string): { descriptor: Descriptor; open: () => Promise<Readable> } {
  const bytes = Buffer.from(content);
  return {
    descriptor: { mediaType: MediaTypes.ociLayer, digest: digestOf(bytes), size: bytes.length },
    open: async () => Readable.from([bytes]),
  };
}

/** A manifest the target holds, to tag. */
async function manifest(target: OciLayoutTarget, label: string): Promise<Descriptor> {
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaTypes.ociManifest, label }));
  const digest = await target.putManifest(bytes, MediaTypes.ociManifest);
  return { mediaType: MediaTypes.ociManifest, digest, size: bytes.length };
}

async function indexJson(
  dir: string,
): Promise<{ manifests: { digest: string; annotations: Record<string, string> }[] }> {
  return JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
    manifests: { digest: string; annotations: Record<string, string> }[];
  };
}

/** Every file name under blobs/, recursively: a leftover temporary file would show here. */
async function blobFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'blobs'), { recursive: true })).map(String).sort();
}

describe('OciLayoutTarget', () => {
  let dir: string;
  let target: OciLayoutTarget;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'layout-target-'));
    target = new OciLayoutTarget(join(dir, 'out'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates oci-layout and stores a blob under its digest', async () => {
    const { descriptor, open } = blob('layer bytes');
    expect(await target.hasBlob(descriptor.digest)).toBe(false);

    await target.writeBlob(descriptor, open);

    expect(JSON.parse(await readFile(join(target.dir, 'oci-layout'), 'utf8'))).toEqual({
      imageLayoutVersion: '1.0.0',
    });
    expect(await target.hasBlob(descriptor.digest)).toBe(true);
    const hex = descriptor.digest.slice('sha256:'.length);
    expect(await readFile(join(target.dir, 'blobs', 'sha256', hex), 'utf8')).toBe('layer bytes');
    expect(await blobFiles(target.dir)).toEqual(['sha256', `sha256/${hex}`]);
  });

  it('does not open a blob it already holds', async () => {
    const { descriptor, open } = blob('layer bytes');
    await target.writeBlob(descriptor, open);
    const again = vi.fn(open);

    await target.writeBlob(descriptor, again);

    expect(again).not.toHaveBeenCalled();
  });

  it('refuses a blob whose bytes do not match the digest, leaving nothing behind', async () => {
    const { descriptor } = blob('expected');
    const failure = target.writeBlob(descriptor, async () => Readable.from([Buffer.from('imposter')]));

    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(
      `blob ${descriptor.digest} is not what its descriptor says: the content has digest`,
    );
    expect(await target.hasBlob(descriptor.digest)).toBe(false);
    expect(await blobFiles(target.dir)).toEqual(['sha256']);
  });

  it('cuts off a blob as soon as it runs past its size', async () => {
    const { descriptor } = blob('four');
    let produced = 0;
    // An endless source: only the size check can end this write.
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024));
      },
    });

    await expect(target.writeBlob(descriptor, async () => endless)).rejects.toThrow(
      `blob ${descriptor.digest} is not what its descriptor says: the content is longer than its 4 bytes`,
    );
    expect(produced).toBeLessThan(1024 * 1024);
    expect(endless.destroyed).toBe(true);
    expect(await blobFiles(target.dir)).toEqual(['sha256']);
  });

  it('leaves nothing behind when the source fails to open or breaks midway', async () => {
    const { descriptor } = blob('never arrives');
    const broken = new Readable({
      read() {
        this.push(Buffer.from('never'));
        this.destroy(new Error('connection reset'));
      },
    });

    await expect(
      target.writeBlob(descriptor, async () => Promise.reject(new Error('cannot open'))),
    ).rejects.toThrow('cannot open');
    await expect(target.writeBlob(descriptor, async () => broken)).rejects.toThrow('connection reset');
    expect(await blobFiles(target.dir)).toEqual(['sha256']);
  });

  it('writes each chunk out before it asks for the next: a reader may reuse one buffer for all', async () => {
    const bytes = Buffer.from('0123456789abcdefghij'.repeat(5000));
    const { descriptor } = blob(bytes.toString());
    // Every chunk lands in the same small buffer, as FileChunks reads a file.
    async function* reused(): AsyncGenerator<Buffer> {
      const buffer = Buffer.alloc(777);
      for (let at = 0; at < bytes.length; at += buffer.length) {
        const n = bytes.copy(buffer, 0, at, at + buffer.length);
        yield buffer.subarray(0, n);
      }
    }
    await target.writeBlob(descriptor, async () => Object.assign(reused(), { destroy: () => undefined }));
    const hex = descriptor.digest.slice('sha256:'.length);
    expect((await readFile(join(target.dir, 'blobs', 'sha256', hex))).equals(bytes)).toBe(true);
  });

  it('writes many different blobs concurrently', async () => {
    const blobs = Array.from({ length: 40 }, (_, i) => blob(`blob number ${i} `.repeat(1000)));

    await Promise.all(blobs.map(({ descriptor, open }) => target.writeBlob(descriptor, open)));

    for (const { descriptor, open } of blobs) {
      const hex = descriptor.digest.slice('sha256:'.length);
      const stored = await readFile(join(target.dir, 'blobs', 'sha256', hex));
      expect(stored.equals(await readAll(await open()))).toBe(true);
    }
    expect(await blobFiles(target.dir)).toHaveLength(41);
  });

  it('stores a manifest as a blob and returns its digest', async () => {
    const bytes = Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}');

    const digest = await target.putManifest(bytes, MediaTypes.ociManifest);

    expect(digest).toBe(digestOf(bytes));
    expect(await target.hasManifest(digest)).toBe(true);
    await expect(target.putManifest(bytes, MediaTypes.ociIndex)).rejects.toThrow(
      `a manifest that says it is ${MediaTypes.ociManifest} was given as ${MediaTypes.ociIndex}`,
    );
  });

  it('tags: replaces the entry of that name in place and keeps the others', async () => {
    const [one, two, three] = [
      await manifest(target, '1'),
      await manifest(target, '2'),
      await manifest(target, '3'),
    ];
    if (one === undefined || two === undefined || three === undefined) throw new Error('no manifests');
    await target.tag('a', one);
    await target.tag('b', two);
    await target.tag('c', one);

    await target.tag('b', { ...three, annotations: { 'org.example': 'kept' } });

    const index = await indexJson(target.dir);
    expect(index.manifests.map((entry) => [entry.annotations[REF], entry.digest])).toEqual([
      ['a', one.digest],
      ['b', three.digest],
      ['c', one.digest],
    ]);
    expect(index.manifests[1]?.annotations).toEqual({ 'org.example': 'kept', [REF]: 'b' });
    expect(await target.tagDigest('b')).toBe(three.digest);
    expect(await target.tagDigest('d')).toBeUndefined();
  });

  it('keeps the other fields and entries of an index.json written by someone else', async () => {
    const existing = await addImage(target.dir, { architecture: 'amd64', os: 'linux' }, ['theirs']);
    await writeLayout(target.dir, [{ ref: 'theirs', descriptor: existing }]);
    const index = JSON.parse(await readFile(join(target.dir, 'index.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(
      join(target.dir, 'index.json'),
      JSON.stringify({ ...index, annotations: { owner: 'them' } }),
    );

    await target.tag('ours', await manifest(target, 'ours'));

    const updated = JSON.parse(await readFile(join(target.dir, 'index.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(updated['annotations']).toEqual({ owner: 'them' });
    expect(await target.tagDigest('theirs')).toBe(existing.digest);
    expect((await readOciLayout(target.dir, 'theirs')).root.digest).toBe(existing.digest);
  });

  it('loses no tag when many are set at once, and index.json is never seen half-written', async () => {
    const manifests = await Promise.all(Array.from({ length: 30 }, (_, i) => manifest(target, String(i))));
    // A second target over the same directory shares the queue of index.json rewrites.
    const other = new OciLayoutTarget(join(dir, 'out'));
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        try {
          JSON.parse(await readFile(join(target.dir, 'index.json'), 'utf8'));
          reads++;
        } catch (error) {
          if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
        }
      }
    })();

    await Promise.all(manifests.map((m, i) => (i % 2 === 0 ? target : other).tag(`tag-${i}`, m)));
    writing = false;
    await reader;

    const index = await indexJson(target.dir);
    expect(index.manifests.map((entry) => entry.annotations[REF]).sort()).toEqual(
      manifests.map((_, i) => `tag-${i}`).sort(),
    );
    expect(reads).toBeGreaterThan(0);
    expect((await readdir(target.dir)).sort()).toEqual(['blobs', 'index.json', 'oci-layout']);
  });

  it('refuses to tag a manifest it does not hold, or a name skopeo could not read back', async () => {
    const held = await manifest(target, 'held');
    const missing = { ...held, digest: digestOf(Buffer.from('other')) };

    await expect(target.tag('v1', missing)).rejects.toThrow(
      `cannot tag v1: the layout does not hold ${missing.digest}`,
    );
    await expect(target.tag('bad name', held)).rejects.toThrow(
      "'bad name' is not a valid image-layout ref name",
    );
    await expect(target.tag('-leading', held)).rejects.toThrow(UserError);
    await target.tag('falcosecurity/falco:0.26.0', held);
    expect(await target.tagDigest('falcosecurity/falco:0.26.0')).toBe(held.digest);
  });

  it('refuses a directory whose oci-layout names another version', async () => {
    await readOciLayoutLess(target.dir, '{"imageLayoutVersion":"2.0.0"}');

    const { descriptor, open } = blob('x');
    await expect(target.writeBlob(descriptor, open)).rejects.toThrow(
      'oci-layout gives no supported imageLayoutVersion',
    );
  });

  it('round trip: what it writes, readOciLayout reads back with the same digests', async () => {
    const source = join(dir, 'source');
    const image = await addImage(source, { architecture: 'amd64', os: 'linux' }, ['one', 'two']);
    await writeLayout(source, [{ ref: 'v1', descriptor: image }]);

    const digest = await copyIntoLayout(await readOciLayout(source, 'v1'), target, 'copied');

    expect(digest).toBe(image.digest);
    const back = await readOciLayout(target.dir, 'copied');
    expect(back.root.digest).toBe(image.digest);
    const layer = back.root.blobs[2];
    if (layer === undefined) throw new Error('no layer');
    expect((await readAll(await back.openBlob(layer))).toString()).toBe('two');
  });
});

async function readOciLayoutLess(dir: string, layoutFile: string): Promise<void> {
  await writeLayout(dir, []);
  await writeFile(join(dir, 'oci-layout'), layoutFile);
}
