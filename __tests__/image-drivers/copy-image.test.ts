import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CopyTarget } from '../../src/image-drivers/copy-target.js';
import { copyImage } from '../../src/image-drivers/copy-image.js';
import type { Descriptor } from '../../src/oci/descriptor.js';
import type { BlobReader, ManifestNode, RegistryOrigin, SourceImage } from '../../src/oci/image.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { digestBytes as sha256Digest } from '../../src/oci/digest.js';

/** A blob store as a copy target, recording every call so tests can count what moved. */
class MemoryTarget implements CopyTarget {
  readonly name = 'memory';
  readonly blobs = new Map<string, Buffer>();
  readonly manifests = new Map<string, Buffer>();
  readonly tags = new Map<string, string>();
  readonly calls: string[] = [];

  constructor(private readonly mountable: ReadonlySet<string> = new Set()) {}

  async tagDigest(tag: string): Promise<string | undefined> {
    this.calls.push(`tagDigest ${tag}`);
    return this.tags.get(tag);
  }
  async hasManifest(digest: string): Promise<boolean> {
    this.calls.push(`hasManifest ${digest}`);
    return this.manifests.has(digest);
  }
  async hasBlob(digest: string): Promise<boolean> {
    this.calls.push(`hasBlob ${digest}`);
    return this.blobs.has(digest);
  }
  async mountBlob(digest: string, from: RegistryOrigin): Promise<boolean> {
    this.calls.push(`mountBlob ${digest} ${from.repository}`);
    if (!this.mountable.has(digest)) return false;
    this.blobs.set(digest, Buffer.alloc(0));
    return true;
  }
  async putBlob(descriptor: Descriptor, open: () => Promise<BlobReader>): Promise<void> {
    this.calls.push(`putBlob ${descriptor.digest}`);
    const chunks: Buffer[] = [];
    // Copies: a reader's chunks may share one buffer.
    for await (const chunk of await open()) chunks.push(Buffer.from(chunk));
    this.blobs.set(descriptor.digest, Buffer.concat(chunks));
  }
  async putManifest(reference: string, node: ManifestNode): Promise<string> {
    this.calls.push(`putManifest ${reference}`);
    // A registry refuses a manifest whose content it does not hold.
    for (const blob of node.blobs)
      if (!this.blobs.has(blob.digest)) throw new Error(`blob unknown ${blob.digest}`);
    for (const child of node.children)
      if (!this.manifests.has(child.digest)) throw new Error('manifest unknown');
    this.manifests.set(node.digest, node.bytes);
    if (!reference.startsWith('sha256:')) this.tags.set(reference, node.digest);
    return node.digest;
  }
}

function blob(
  content: string,
  mediaType: string = MediaTypes.ociLayerGzip,
): { descriptor: Descriptor; bytes: Buffer } {
  const bytes = Buffer.from(content);
  return { descriptor: { mediaType, digest: sha256Digest(bytes), size: bytes.length }, bytes };
}

function imageNode(config: string, layers: string[]): { node: ManifestNode; blobs: Map<string, Buffer> } {
  const parts = [blob(config, MediaTypes.ociConfig), ...layers.map((layer) => blob(layer))];
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: parts[0]?.descriptor,
      layers: parts.slice(1).map((part) => part.descriptor),
    }),
  );
  return {
    node: {
      digest: sha256Digest(bytes),
      mediaType: MediaTypes.ociManifest,
      bytes,
      children: [],
      blobs: parts.map((p) => p.descriptor),
    },
    blobs: new Map(parts.map((part) => [part.descriptor.digest, part.bytes])),
  };
}

function source(
  root: ManifestNode,
  blobs: Map<string, Buffer>,
  origin?: RegistryOrigin,
): SourceImage & { opened: string[] } {
  const opened: string[] = [];
  return {
    name: 'test',
    root,
    opened,
    ...(origin ? { origin } : {}),
    openBlob: async () => {
      throw new Error('a copy reads blobs with readBlob');
    },
    readBlob: async (descriptor) => {
      opened.push(descriptor.digest);
      const bytes = blobs.get(descriptor.digest);
      if (!bytes) throw new Error('no such blob');
      return Readable.from([bytes]);
    },
    close: async () => undefined,
  };
}

describe('copyImage', () => {
  it('copies blobs, then the manifest under the tag', async () => {
    const { node, blobs } = imageNode('{"architecture":"amd64"}', ['layer one', 'layer two']);
    const target = new MemoryTarget();
    const result = await copyImage(source(node, blobs), target, '0.26.0');
    expect(result).toEqual({ digest: node.digest, outcome: 'copied', blobsUploaded: 3, blobsMounted: 0 });
    expect(target.tags.get('0.26.0')).toBe(node.digest);
    expect(target.calls.at(-1)).toBe('putManifest 0.26.0');
    for (const [digest, bytes] of blobs) expect(target.blobs.get(digest)).toEqual(bytes);
  });

  it('leaves a tag that already has the digest alone: one question, no write', async () => {
    const { node, blobs } = imageNode('{}', ['layer']);
    const target = new MemoryTarget();
    await copyImage(source(node, blobs), target, '0.26.0');
    target.calls.length = 0;
    const result = await copyImage(source(node, blobs), target, '0.26.0');
    expect(result.outcome).toBe('unchanged');
    expect(target.calls).toEqual(['tagDigest 0.26.0']);
  });

  it('promotes an image the target holds with manifest requests only, reading no blob', async () => {
    const { node, blobs } = imageNode('{}', ['a', 'b', 'c', 'd', 'e']);
    const target = new MemoryTarget();
    await copyImage(source(node, blobs), target, '0.26.0');
    target.calls.length = 0;
    const reading = source(node, blobs);
    for (const tag of ['latest', 'x', 'y'])
      expect((await copyImage(reading, target, tag)).outcome).toBe('promoted');
    expect(reading.opened).toEqual([]);
    expect(target.calls.filter((call) => call.includes('Blob'))).toEqual([]);
    expect(target.calls.filter((call) => call.startsWith('putManifest'))).toEqual([
      'putManifest latest',
      'putManifest x',
      'putManifest y',
    ]);
  });

  it('sends only the blobs the target lacks, and mounts what the same registry holds elsewhere', async () => {
    const { node, blobs } = imageNode('{"v":2}', ['shared base', 'new layer']);
    const [, base, fresh] = node.blobs;
    const target = new MemoryTarget(new Set([fresh?.digest ?? '']));
    target.blobs.set(base?.digest ?? '', blobs.get(base?.digest ?? '') ?? Buffer.alloc(0));
    const reading = source(node, blobs, { registry: 'r', repository: 'falcosecurity/staging' });
    const result = await copyImage(reading, target, '0.26.1');
    expect(result).toMatchObject({ outcome: 'copied', blobsUploaded: 1, blobsMounted: 1 });
    expect(reading.opened).toEqual([node.blobs[0]?.digest]);
  });

  it('copies an index child by child, by digest, before the index itself', async () => {
    const amd = imageNode('{"architecture":"amd64"}', ['amd layer']);
    const arm = imageNode('{"architecture":"arm64"}', ['arm layer']);
    const bytes = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaTypes.ociIndex,
        manifests: [amd.node, arm.node].map((n) => ({
          mediaType: n.mediaType,
          digest: n.digest,
          size: n.bytes.length,
        })),
      }),
    );
    const index: ManifestNode = {
      digest: sha256Digest(bytes),
      mediaType: MediaTypes.ociIndex,
      bytes,
      children: [amd.node, arm.node],
      blobs: [],
    };
    const target = new MemoryTarget();
    const result = await copyImage(source(index, new Map([...amd.blobs, ...arm.blobs])), target, 'multi');
    expect(result.digest).toBe(index.digest);
    const puts = target.calls.filter((call) => call.startsWith('putManifest'));
    expect(puts).toEqual([
      `putManifest ${amd.node.digest}`,
      `putManifest ${arm.node.digest}`,
      'putManifest multi',
    ]);
  });

  it('mounts from a repository the run already filled instead of uploading again', async () => {
    const { node, blobs } = imageNode('{"slim":true}', ['base', 'no-driver']);
    const homes = new Map<string, string>();
    const ledger = {
      whereIs: (digest: string) =>
        homes.has(digest) ? { registry: 'r', repository: homes.get(digest) ?? '' } : undefined,
      stored: (digest: string) => void homes.set(digest, 'falcosecurity/falco'),
      alone: <T>(_digest: string, store: () => Promise<T>) => store(),
    };
    const first = new MemoryTarget();
    expect((await copyImage(source(node, blobs), first, '0.26.0-slim', ledger)).blobsUploaded).toBe(3);
    // The second repository of the same registry: every blob is mountable from the first one.
    const second = new MemoryTarget(new Set(node.blobs.map((b) => b.digest)));
    const reading = source(node, blobs);
    const result = await copyImage(reading, second, '0.26.0', ledger);
    expect(result).toMatchObject({ outcome: 'copied', blobsUploaded: 0, blobsMounted: 3 });
    expect(reading.opened).toEqual([]);
    expect(second.calls.filter((call) => call.startsWith('mountBlob'))).toHaveLength(3);
  });

  it('uploads a blob listed twice in one manifest once', async () => {
    const { node, blobs } = imageNode('{}', ['same', 'same']);
    const target = new MemoryTarget();
    const result = await copyImage(source(node, blobs), target, 't');
    expect(result.blobsUploaded).toBe(2);
  });
});

describe('copyImage with many layers', () => {
  it('asks the target about at most 8 blobs at once', async () => {
    const { node, blobs } = imageNode(
      '{}',
      Array.from({ length: 40 }, (_, i) => `layer ${i}`),
    );
    const target = new MemoryTarget();
    let inFlight = 0;
    let most = 0;
    const hasBlob = target.hasBlob.bind(target);
    target.hasBlob = async (digest) => {
      most = Math.max(most, ++inFlight);
      // Let every other copy that may start, start, before this answer.
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return hasBlob(digest);
    };
    const result = await copyImage(source(node, blobs), target, '0.26.0');
    expect(result.blobsUploaded).toBe(41);
    expect(most).toBe(8);
  });
});
