import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOciLayout } from '../../src/oci/layout-source.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { UserError } from '../../src/util/errors.js';
import { addBlob, addImage, addIndex, blobFile, readAll, writeLayout } from './layout-fixture.js';

const amd64 = { architecture: 'amd64', os: 'linux' };
const arm64 = { architecture: 'arm64', os: 'linux', variant: 'v8' };

describe('readOciLayout', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'layout-source-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the only image, keeping the manifest bytes exactly as stored', async () => {
    const manifest = await addImage(dir, amd64, ['layer one', 'layer two']);
    await writeLayout(dir, [{ ref: 'v1', descriptor: manifest }]);

    const image = await readOciLayout(dir);

    expect(image.name).toBe(`oci-layout:${dir}`);
    expect(image.root.digest).toBe(manifest.digest);
    expect(image.root.mediaType).toBe(MediaTypes.ociManifest);
    expect(image.root.bytes.equals(await readFile(blobFile(dir, manifest.digest)))).toBe(true);
    expect(image.root.children).toEqual([]);
    expect(image.root.blobs.map((blob) => blob.mediaType)).toEqual([
      MediaTypes.ociConfig,
      MediaTypes.ociLayer,
      MediaTypes.ociLayer,
    ]);
    const layer = image.root.blobs[1];
    if (layer === undefined) throw new Error('no layer');
    expect((await readAll(await image.openBlob(layer))).toString()).toBe('layer one');
    const chunks: Buffer[] = [];
    for await (const chunk of await image.readBlob(layer)) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString()).toBe('layer one');
    await image.close();
  });

  it('picks the entry named by ref among several', async () => {
    const one = await addImage(dir, amd64, ['one']);
    const two = await addImage(dir, amd64, ['two']);
    await writeLayout(dir, [
      { ref: 'one', descriptor: one },
      { ref: 'two', descriptor: two },
    ]);

    const image = await readOciLayout(dir, 'two');

    expect(image.name).toBe(`oci-layout:${dir}:two`);
    expect(image.root.digest).toBe(two.digest);
  });

  it('without ref, refuses a layout of several images and lists their refs', async () => {
    const one = await addImage(dir, amd64, ['one']);
    const two = await addImage(dir, amd64, ['two']);
    await writeLayout(dir, [
      { ref: 'one', descriptor: one },
      { ref: undefined, descriptor: two },
    ]);

    const failure = readOciLayout(dir);

    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(
      `index.json lists 2 images — add :<ref> to choose one; it lists one, (no ref name: ${two.digest})`,
    );
  });

  it('names the refs there are when ref matches none', async () => {
    const one = await addImage(dir, amd64, ['one']);
    await writeLayout(dir, [{ ref: 'one', descriptor: one }]);

    await expect(readOciLayout(dir, 'three')).rejects.toThrow(
      "index.json names no image 'three' — it lists one",
    );
  });

  it('reads an index and, recursively, the manifests below it', async () => {
    const x86 = await addImage(dir, amd64, ['x86 layer']);
    const arm = await addImage(dir, arm64, ['arm layer']);
    const inner = await addIndex(dir, [{ ...arm, platform: arm64 }]);
    const outer = await addIndex(dir, [{ ...x86, platform: amd64 }, inner]);
    await writeLayout(dir, [{ ref: 'multi', descriptor: outer }]);

    const image = await readOciLayout(dir, 'multi');

    expect(image.root.digest).toBe(outer.digest);
    expect(image.root.blobs).toEqual([]);
    expect(image.root.children.map((child) => child.digest)).toEqual([x86.digest, inner.digest]);
    const nested = image.root.children[1];
    expect(nested?.mediaType).toBe(MediaTypes.ociIndex);
    expect(nested?.children.map((child) => child.digest)).toEqual([arm.digest]);
    expect(nested?.children[0]?.blobs).toHaveLength(2);
  });

  it('refuses a manifest whose bytes no longer match its digest', async () => {
    const manifest = await addImage(dir, amd64, ['one']);
    await writeLayout(dir, [{ ref: 'v1', descriptor: manifest }]);
    const file = blobFile(dir, manifest.digest);
    // Same size, different bytes: only the digest check can catch it.
    const bytes = await readFile(file);
    await writeFile(file, Buffer.from(bytes.toString().replace('"schemaVersion"', '"schemaVersioN"')));

    await expect(readOciLayout(dir, 'v1')).rejects.toThrow(
      `manifest ${manifest.digest} does not match its digest or size`,
    );
  });

  it('refuses a missing manifest when reading, and a missing blob when opening it', async () => {
    const manifest = await addImage(dir, amd64, ['one']);
    const absent = await addImage(join(dir, 'elsewhere'), amd64, ['absent']);
    await writeLayout(dir, [
      { ref: 'v1', descriptor: manifest },
      { ref: 'v2', descriptor: absent },
    ]);
    await expect(readOciLayout(dir, 'v2')).rejects.toThrow(
      `manifest ${absent.digest} is missing from ${dir}`,
    );

    const image = await readOciLayout(dir, 'v1');
    const layer = image.root.blobs[1];
    if (layer === undefined) throw new Error('no layer');
    await rm(blobFile(dir, layer.digest));
    const opening = image.openBlob(layer);
    await expect(opening).rejects.toThrow(UserError);
    await expect(opening).rejects.toThrow(`blob ${layer.digest} is missing`);
  });

  it('refuses a blob whose size differs from its descriptor before streaming it', async () => {
    const manifest = await addImage(dir, amd64, ['one']);
    await writeLayout(dir, [{ ref: 'v1', descriptor: manifest }]);
    const image = await readOciLayout(dir, 'v1');
    const layer = image.root.blobs[1];
    if (layer === undefined) throw new Error('no layer');
    await writeFile(blobFile(dir, layer.digest), 'truncated');

    await expect(image.openBlob(layer)).rejects.toThrow(`blob ${layer.digest} is 9 bytes, not 3`);
    await expect(image.readBlob(layer)).rejects.toThrow(`blob ${layer.digest} is 9 bytes, not 3`);
  });

  it('refuses a digest that would lead out of blobs/', async () => {
    const manifest = await addImage(dir, amd64, ['one']);
    await writeLayout(dir, [
      { ref: 'v1', descriptor: { ...manifest, digest: 'sha256:../../../etc/passwd' } },
    ]);

    await expect(readOciLayout(dir, 'v1')).rejects.toThrow('index.json manifests[0] has a malformed digest');
  });

  it('says so when the directory is not a layout', async () => {
    await expect(readOciLayout(dir)).rejects.toThrow(
      `${dir} is not an OCI image layout (it has no oci-layout file)`,
    );
  });

  it('refuses a manifest listed with a media type other than its own', async () => {
    const manifest = await addImage(dir, amd64, ['one']);
    await writeLayout(dir, [{ ref: 'v1', descriptor: { ...manifest, mediaType: MediaTypes.ociIndex } }]);

    await expect(readOciLayout(dir, 'v1')).rejects.toThrow(
      `says it is ${MediaTypes.ociManifest}, but is listed as ${MediaTypes.ociIndex}`,
    );
  });

  it('refuses an entry that is not a manifest at all', async () => {
    const blob = await addBlob(dir, 'just bytes', 'application/octet-stream');
    await writeLayout(dir, [{ ref: 'v1', descriptor: blob }]);

    await expect(readOciLayout(dir, 'v1')).rejects.toThrow(
      'has media type application/octet-stream, which is neither an image manifest nor an index',
    );
  });
});
