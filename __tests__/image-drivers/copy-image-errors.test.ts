import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyImage } from '../../src/image-drivers/copy-image.js';
import { LayoutCopyTarget } from '../../src/image-drivers/layout-copy-target.js';
import { readOciLayout } from '../../src/oci/layout-source.js';
import { OciLayoutTarget } from '../../src/oci/layout-target.js';
import { MediaTypes } from '../../src/oci/media-types.js';
import { addBlob, writeLayout } from '../oci/layout-fixture.js';
import { asyncUserErrorOf } from '../fixtures/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'copy-errors-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('copyImage', () => {
  it('refuses an image whose manifest is addressed by sha512 before writing anything', async () => {
    const source = join(dir, 'source');
    const config = await addBlob(
      source,
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
      MediaTypes.ociConfig,
    );
    const manifest = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: MediaTypes.ociManifest, config, layers: [] }),
    );
    const hex = createHash('sha512').update(manifest).digest('hex');
    await mkdir(join(source, 'blobs', 'sha512'), { recursive: true });
    await writeFile(join(source, 'blobs', 'sha512', hex), manifest);
    const digest = `sha512:${hex}`;
    await writeLayout(source, [
      { ref: 'falco', descriptor: { mediaType: MediaTypes.ociManifest, digest, size: manifest.length } },
    ]);

    const image = await readOciLayout(source, 'falco');
    const out = join(dir, 'out');
    const target = new LayoutCopyTarget(new OciLayoutTarget(out), 'falcosecurity/falco');
    const error = await asyncUserErrorOf(copyImage(image, target, '0.26.0'));
    expect(error.subject).toBe(`oci-layout:${source}:falco`);
    expect(error.problem).toBe(
      `its manifest ${digest} is addressed by sha512, but tags are published by sha256 digest`,
    );
    expect(error.remedy).toBe(
      'write the image again with sha256 digests (the default of docker, buildah and skopeo)',
    );
    expect(error.message).toBe(`${error.subject}: ${error.problem} — ${error.remedy}`);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
