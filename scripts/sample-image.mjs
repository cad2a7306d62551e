// Writes a tiny single-architecture image as an OCI image layout, with no container tooling: one layer
// (a tar of one file, gzipped) and a config that says which platform it is for. Deterministic bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

const sha256 = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function tarOf(name, content) {
  const pack = tar.pack();
  const chunks = [];
  pack.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise((resolve) => pack.on('end', resolve));
  pack.entry({ name, mtime: new Date(0), mode: 0o644 }, content);
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Makes `<dir>` an OCI layout holding one image for `arch`, named `ref` in index.json. */
export async function writeSampleImage(dir, { name, arch, ref }) {
  const layerTar = await tarOf(`etc/${name}.txt`, `${name} for linux/${arch}: a sample image\n`);
  const layer = gzipSync(layerTar, { level: 9 });
  const config = Buffer.from(
    JSON.stringify({
      architecture: arch,
      os: 'linux',
      config: { Labels: { 'org.opencontainers.image.title': name } },
      rootfs: { type: 'layers', diff_ids: [sha256(layerTar)] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: sha256(layer),
          size: layer.length,
        },
      ],
    }),
  );
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  for (const blob of [layer, config, manifest]) writeFileSync(join(blobs, sha256(blob).slice(7)), blob);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha256(manifest),
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': ref },
        },
      ],
    }),
  );
}
