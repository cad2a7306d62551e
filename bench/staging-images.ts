import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layeredImage, skopeoRun, writeImageLayout } from '../__tests__/e2e/layered-image.js';
import { sha256 } from '../__tests__/e2e/services/tiny-image.js';
import { MediaTypes } from '../src/oci/media-types.js';

/** Falco's images: each built for two architectures and published as one multi-arch index. */
export const FALCO_IMAGES = ['falco', 'falco-no-driver', 'falco-driver-loader', 'falco-driver-loader-legacy'];

const PLATFORMS = [
  ['amd64', { architecture: 'amd64', os: 'linux' }],
  ['arm64', { architecture: 'arm64', os: 'linux', variant: 'v8' }],
] as const;

/** One build's images in the staging registry: `<repo>:amd64`, `<repo>:arm64` and their index `<repo>:index`. */
export interface StagedImage {
  readonly name: string;
  /** `<staging>/<build>/<name>` without the registry host. */
  readonly path: string;
  /** The digest of the multi-arch index Falco's way copies. */
  readonly indexDigest: string;
}

/**
 * Builds Falco's 4 images × 2 architectures for `build` (content distinct per build, so no run finds another's
 * blobs) and pushes them straight to the staging registry (not through a delaying proxy: CI pushed them earlier).
 * Each image's two platforms are also joined into an index, which is what Falco's way copies tag by tag.
 */
export async function stageRelease(
  stagingAddress: string,
  build: string,
  workspace: string,
  layerBytes: number,
): Promise<StagedImage[]> {
  const staged: StagedImage[] = [];
  for (const name of FALCO_IMAGES) {
    const dir = join(workspace, 'staging', build, name);
    const images = PLATFORMS.map(([tag, platform]) => ({
      tag,
      image: layeredImage(`${name} ${build}`, { platform, layers: 3, layerBytes }),
    }));
    await writeImageLayout(dir, images);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaTypes.ociIndex,
        manifests: images.map(({ image }) => image.manifest.descriptor),
      }),
    );
    const indexDigest = sha256(index);
    await writeFile(join(dir, 'blobs', 'sha256', indexDigest.slice('sha256:'.length)), index);
    const layout = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: unknown[] };
    layout.manifests.push({
      mediaType: MediaTypes.ociIndex,
      digest: indexDigest,
      size: index.length,
      annotations: { 'org.opencontainers.image.ref.name': 'index' },
    });
    await writeFile(join(dir, 'index.json'), JSON.stringify(layout));
    const path = `${build}/${name}`;
    for (const [tag] of PLATFORMS) {
      await skopeoRun([
        'copy',
        '--dest-tls-verify=false',
        `oci:${dir}:${tag}`,
        `docker://${stagingAddress}/${path}:${tag}`,
      ]);
    }
    await skopeoRun([
      'copy',
      '--all',
      '--preserve-digests',
      '--dest-tls-verify=false',
      `oci:${dir}:index`,
      `docker://${stagingAddress}/${path}:index`,
    ]);
    staged.push({ name, path, indexDigest });
  }
  return staged;
}

/** The action's `images` input for a staged release: each line the two platforms joined by `+`. */
export function imagesInput(
  stagingAddress: string,
  staged: readonly StagedImage[],
  namespace: string,
): string {
  return staged
    .map(
      (image) =>
        `${PLATFORMS.map(([tag]) => `docker://${stagingAddress}/${image.path}:${tag}`).join('+')} ${namespace}/${image.name}`,
    )
    .join('\n');
}
