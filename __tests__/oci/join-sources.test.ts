import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../src/oci/descriptor.js';
import type { SourceImage } from '../../src/oci/image.js';
import { joinSources } from '../../src/oci/join-sources.js';
import { readOciLayout } from '../../src/oci/layout-source.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { UserError } from '../../src/util/errors.js';
import { addBlob, addImage, addIndex, digestOf, readAll, writeLayout } from './layout-fixture.js';

const amd64 = { architecture: 'amd64', os: 'linux' };
const arm64 = { architecture: 'arm64', os: 'linux', variant: 'v8' };

describe('joinSources', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'join-sources-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A one-image layout of its own for `platform`, read back as a source. */
  async function single(name: string, platform: Platform, layers: readonly string[]): Promise<SourceImage> {
    const layout = join(dir, name);
    await writeLayout(layout, [{ ref: 'v1', descriptor: await addImage(layout, platform, layers) }]);
    return readOciLayout(layout, 'v1');
  }

  it('lists each part under the platform its config names, in the order given', async () => {
    const x86 = await single('x86', amd64, ['x86 layer', 'shared layer']);
    const arm = await single('arm', arm64, ['arm layer', 'shared layer']);

    const joined = await joinSources([x86, arm]);

    expect(joined.name).toBe(`${x86.name}+${arm.name}`);
    expect(joined.root.mediaType).toBe(MediaTypes.ociIndex);
    expect(joined.root.digest).toBe(digestOf(joined.root.bytes));
    expect(joined.root.children).toEqual([x86.root, arm.root]);
    expect(joined.root.blobs).toEqual([]);
    expect(JSON.parse(joined.root.bytes.toString())).toEqual({
      schemaVersion: 2,
      mediaType: MediaTypes.ociIndex,
      manifests: [
        {
          mediaType: MediaTypes.ociManifest,
          digest: x86.root.digest,
          size: x86.root.bytes.length,
          platform: amd64,
        },
        {
          mediaType: MediaTypes.ociManifest,
          digest: arm.root.digest,
          size: arm.root.bytes.length,
          platform: arm64,
        },
      ],
    });
  });

  it('gives the same bytes, so the same digest, when the same images are joined again', async () => {
    const first = await joinSources([await single('x86', amd64, ['a']), await single('arm', arm64, ['b'])]);
    const again = await joinSources([await single('x86', amd64, ['a']), await single('arm', arm64, ['b'])]);

    expect(again.root.bytes.equals(first.root.bytes)).toBe(true);
    expect(again.root.digest).toBe(first.root.digest);
  });

  it('reads each blob from the part that has it', async () => {
    const x86 = await single('x86', amd64, ['x86 layer']);
    const arm = await single('arm', arm64, ['arm layer']);
    const joined = await joinSources([x86, arm]);

    const armLayer = arm.root.blobs[1];
    if (armLayer === undefined) throw new Error('no layer');
    expect((await readAll(await joined.openBlob(armLayer))).toString()).toBe('arm layer');
    await expect(
      joined.openBlob({ mediaType: MediaTypes.ociLayer, digest: digestOf(Buffer.from('nowhere')), size: 7 }),
    ).rejects.toThrow('no joined image has blob');
  });

  it.each<[label: string, first: Platform, second: Platform]>([
    ['the same platform twice', amd64, amd64],
    ['arm64 with and without its v8 variant', arm64, { architecture: 'arm64', os: 'linux' }],
  ])('refuses %s', async (_label, first, second) => {
    const one = await single('one', first, ['one']);
    const two = await single('two', second, ['two']);

    const failure = joinSources([one, two]);

    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(`${one.name} and ${two.name} are both linux/`);
  });

  it('refuses a part that is itself an index', async () => {
    const layout = join(dir, 'multi');
    const image = await addImage(layout, amd64, ['x']);
    await writeLayout(layout, [
      { ref: 'v1', descriptor: await addIndex(layout, [{ ...image, platform: amd64 }]) },
    ]);
    const multi = await readOciLayout(layout, 'v1');

    await expect(joinSources([multi, await single('arm', arm64, ['y'])])).rejects.toThrow(
      `${multi.name}: is a multi-arch index (${MediaTypes.ociIndex}); only single-image sources can be joined with +`,
    );
  });

  it('refuses a part whose config names no architecture', async () => {
    const layout = join(dir, 'bare');
    const config = await addBlob(layout, '{"os":"linux"}', MediaTypes.ociConfig);
    const manifest = { schemaVersion: 2, mediaType: MediaTypes.ociManifest, config, layers: [] };
    const descriptor = await addBlob(layout, JSON.stringify(manifest), MediaTypes.ociManifest);
    await writeLayout(layout, [{ ref: 'v1', descriptor }]);
    const part = await readOciLayout(layout, 'v1');

    await expect(joinSources([part])).rejects.toThrow(
      `${part.name}: the image config names no architecture and os`,
    );
  });

  it('checks the config it reads against its digest', async () => {
    const part = await single('x86', amd64, ['x']);
    const config = part.root.blobs[0];
    if (config === undefined) throw new Error('no config');
    const lying: SourceImage = {
      ...part,
      openBlob: async () => Readable.from([Buffer.from(JSON.stringify(arm64).padEnd(config.size))]),
    };

    await expect(joinSources([lying])).rejects.toThrow(
      `its config does not match its digest ${config.digest}`,
    );
  });

  it('closes every part', async () => {
    const x86 = await single('x86', amd64, ['a']);
    const arm = await single('arm', arm64, ['b']);
    const closes = [vi.fn(async () => undefined), vi.fn(async () => undefined)];
    const joined = await joinSources([
      { ...x86, close: closes[0] ?? x86.close },
      { ...arm, close: closes[1] ?? arm.close },
    ]);

    await joined.close();

    for (const close of closes) expect(close).toHaveBeenCalledOnce();
  });
});
