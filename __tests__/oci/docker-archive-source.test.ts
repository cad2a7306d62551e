import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Descriptor } from '../../src/oci/descriptor.js';
import { readDockerArchive } from '../../src/oci/docker-archive-source.js';
import type { SourceImage } from '../../src/oci/image.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { UserError } from '../../src/util/errors.js';
import {
  classicEntries,
  configBytes,
  layerTar,
  ociStyleEntries,
  tarBytes,
  writeArchive,
  type SavedImage,
} from './docker-archive-fixture.js';
import { digestOf, readAll } from './layout-fixture.js';

function diffId(layer: Buffer): string {
  return `sha256:${createHash('sha256').update(layer).digest('hex')}`;
}

async function blobBytes(image: SourceImage, descriptor: Descriptor | undefined): Promise<Buffer> {
  if (descriptor === undefined) throw new Error('no such blob');
  const streamed = await readAll(await image.openBlob(descriptor));
  // The chunk-by-chunk reader an upload uses gives the same bytes.
  const chunks: Buffer[] = [];
  for await (const chunk of await image.readBlob(descriptor)) chunks.push(Buffer.from(chunk));
  expect(Buffer.concat(chunks).equals(streamed)).toBe(true);
  return streamed;
}

describe('readDockerArchive', () => {
  let dir: string;
  let temp: string;
  let savedTmpdir: string | undefined;
  let image: SavedImage;

  beforeEach(async () => {
    dir = await mkdtemp(join(process.env['TMPDIR'] ?? '/tmp', 'docker-archive-test-'));
    // Our own TMPDIR (os.tmpdir() reads it on each call): the reader's temp dirs can be counted.
    temp = join(dir, 'tmp');
    await mkdir(temp);
    savedTmpdir = process.env['TMPDIR'];
    process.env['TMPDIR'] = temp;
    image = {
      layers: [
        await layerTar({ 'etc/falco.yaml': 'rules: []\n' }),
        await layerTar({ 'usr/bin/falco': 'binary' }),
      ],
      repoTags: ['falcosecurity/falco:test'],
    };
  });
  afterEach(async () => {
    if (savedTmpdir === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = savedTmpdir;
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a classic archive as an OCI image: gzip layers, the config as saved', async () => {
    const file = join(dir, 'image.tar');
    await writeArchive(file, classicEntries([image]));

    const source = await readDockerArchive(file);

    expect(source.name).toBe(`docker-archive:${file}`);
    expect(source.root.mediaType).toBe(MediaTypes.ociManifest);
    expect(source.root.digest).toBe(digestOf(source.root.bytes));
    const [config, ...layers] = source.root.blobs;
    const savedConfig = configBytes(image, image.layers.map(diffId));
    expect(config).toEqual({
      mediaType: MediaTypes.ociConfig,
      digest: digestOf(savedConfig),
      size: savedConfig.length,
    });
    expect((await blobBytes(source, config)).equals(savedConfig)).toBe(true);
    expect(layers.map((layer) => layer.mediaType)).toEqual([
      MediaTypes.ociLayerGzip,
      MediaTypes.ociLayerGzip,
    ]);
    for (const [i, layer] of layers.entries()) {
      const compressed = await blobBytes(source, layer);
      expect(digestOf(compressed)).toBe(layer.digest);
      expect(compressed.length).toBe(layer.size);
      expect(gunzipSync(compressed).equals(image.layers[i] ?? Buffer.alloc(0))).toBe(true);
    }
    expect(JSON.parse(source.root.bytes.toString())).toEqual({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config,
      layers,
    });
    await source.close();
  });

  it('gives the same manifest bytes for the same image, from either archive layout', async () => {
    const classic = join(dir, 'classic.tar');
    const ociStyle = join(dir, 'oci-style.tar');
    await writeArchive(classic, classicEntries([image]));
    await writeArchive(ociStyle, ociStyleEntries(image));

    const first = await readDockerArchive(classic);
    const again = await readDockerArchive(classic);
    const fromOciStyle = await readDockerArchive(ociStyle);

    expect(again.root.bytes.equals(first.root.bytes)).toBe(true);
    expect(fromOciStyle.root.digest).toBe(first.root.digest);
    await Promise.all([first.close(), again.close(), fromOciStyle.close()]);
  });

  it('keeps a layer that is gzip already as it is', async () => {
    const file = join(dir, 'image.tar');
    const entries = ociStyleEntries(image, true);
    await writeArchive(file, entries);

    const source = await readDockerArchive(file);

    const layers = source.root.blobs.slice(1);
    const savedLayers = entries.filter(
      (entry) => Buffer.isBuffer(entry.content) && entry.content[0] === 0x1f,
    );
    expect(layers.map((layer) => layer.digest)).toEqual(
      savedLayers.map((entry) => digestOf(Buffer.from(entry.content ?? ''))),
    );
    expect(gunzipSync(await blobBytes(source, layers[1])).equals(image.layers[1] ?? Buffer.alloc(0))).toBe(
      true,
    );
    await source.close();
  });

  it('follows the symlink docker writes for a layer that occurs twice', async () => {
    const file = join(dir, 'image.tar');
    const layer = await layerTar({ same: 'twice' });
    await writeArchive(file, classicEntries([{ layers: [layer, layer] }], true));

    const source = await readDockerArchive(file);

    const [first, second] = source.root.blobs.slice(1);
    expect(first?.digest).toBe(second?.digest);
    expect(gunzipSync(await blobBytes(source, second)).equals(layer)).toBe(true);
    await source.close();
  });

  it('refuses layers that do not match the config, naming the layer, and cleans up', async () => {
    const file = join(dir, 'image.tar');
    const other = diffId(Buffer.from('something else'));
    await writeArchive(
      file,
      classicEntries([{ ...image, diffIds: [diffId(image.layers[0] ?? Buffer.alloc(0)), other] }]),
    );

    const failure = readDockerArchive(file);

    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(
      /layer 2 \(\w+\/layer\.tar\) holds sha256:\w+, but the config's diff_ids says/,
    );
    expect(await readdir(temp)).toEqual([]);
  });

  it('refuses an archive of several images, naming their tags', async () => {
    const file = join(dir, 'images.tar');
    const second: SavedImage = {
      layers: [await layerTar({ other: 'image' })],
      repoTags: ['falcosecurity/falco:other', 'x:y'],
    };
    await writeArchive(file, classicEntries([image, second, { layers: [await layerTar({ third: '3' })] }]));

    await expect(readDockerArchive(file)).rejects.toThrow(
      /the archive holds 3 images: falcosecurity\/falco:test, falcosecurity\/falco:other x:y, \(untagged \w+\.json\)/,
    );
  });

  it('says what is wrong with a truncated archive, a missing file, or a tar that docker did not write', async () => {
    const whole = await tarBytes(classicEntries([image]));
    const truncated = join(dir, 'truncated.tar');
    await writeFile(truncated, whole.subarray(0, 3000));
    const notDocker = join(dir, 'plain.tar');
    await writeArchive(notDocker, [{ name: 'hello.txt', content: 'hi' }]);

    await expect(readDockerArchive(truncated)).rejects.toThrow(
      `${truncated} cannot be read as a tar archive`,
    );
    await expect(readDockerArchive(join(dir, 'absent.tar'))).rejects.toThrow('absent.tar does not exist');
    await expect(readDockerArchive(notDocker)).rejects.toThrow('the archive has no manifest.json');
    expect(await readdir(temp)).toEqual([]);
  });

  it('never writes outside its temp dir, whatever the entry names', async () => {
    const file = join(dir, 'evil.tar');
    const entries = classicEntries([image]);
    await writeArchive(file, [
      { name: '../../../escaped', content: 'x' },
      { name: '/abs-escaped', content: 'y' },
      ...entries,
    ]);

    const source = await readDockerArchive(file);

    // Its entries dir is TMPDIR/docker-archive-*/entries: ../../../ would reach `dir`, ../../ TMPDIR.
    expect((await readdir(dir)).sort()).toEqual(['evil.tar', 'tmp']);
    expect(await readdir(temp)).toHaveLength(1);
    await source.close();
  });

  it('close() removes everything it extracted', async () => {
    const file = join(dir, 'image.tar');
    await writeArchive(file, classicEntries([image]));
    const source = await readDockerArchive(file);
    expect(await readdir(temp)).toHaveLength(1);

    await source.close();

    expect(await readdir(temp)).toEqual([]);
    const layer = source.root.blobs[1];
    if (layer === undefined) throw new Error('no layer');
    await expect(source.openBlob(layer)).rejects.toThrow('the source was closed');
  });
});
