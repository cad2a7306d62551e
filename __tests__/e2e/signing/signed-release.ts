import { createHash, createPublicKey } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../../../src/oci/descriptor.js';
import { layeredImage, writeImageLayout, type LayeredImage } from '../layered-image.js';

const AMD64: Platform = { architecture: 'amd64', os: 'linux' };
const ARM64: Platform = { architecture: 'arm64', os: 'linux', variant: 'v8' };

/** Two single-architecture images written as OCI layouts in a workspace, joined by the action into one index. */
export interface TwoArchSource {
  /** The `<source>` of an `images` line: both layouts joined with `+`. */
  readonly source: string;
  readonly images: readonly LayeredImage[];
}

/** Small images (one 4 KiB layer each): what is tested is what is written beside them. */
export async function writeTwoArchSource(workspace: string, name: string): Promise<TwoArchSource> {
  const images = [AMD64, ARM64].map((platform) =>
    layeredImage(name, { platform, layers: 1, layerBytes: 4096 }),
  );
  const paths: string[] = [];
  for (const image of images) {
    const path = `out/${name.replace(/\W+/g, '-')}-${image.platform.architecture}`;
    await mkdir(join(workspace, path), { recursive: true });
    await writeImageLayout(join(workspace, path), [{ image, tag: 'build' }]);
    paths.push(`oci-layout:${path}:build`);
  }
  return { source: paths.join('+'), images };
}

/** How `cosign` names a key: the sha256 of the public key's PKIX DER. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
