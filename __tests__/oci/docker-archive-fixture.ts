import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { readAll } from './layout-fixture.js';

/** Hand-made `docker save` archives, in both of docker's layouts, built entry by entry with tar-stream. */

export interface ArchiveEntry {
  readonly name: string;
  readonly content?: Buffer | string;
  readonly type?: 'file' | 'directory' | 'symlink' | 'link';
  readonly linkname?: string;
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Packs entries into a tar, in memory: fixtures are a few KiB. */
export async function tarBytes(entries: readonly ArchiveEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const packed = readAll(pack);
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    const header = {
      name: entry.name,
      type,
      mtime: new Date(0),
      ...(entry.linkname ? { linkname: entry.linkname } : {}),
    };
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null): void => (error ? reject(error) : resolve());
      if (type === 'file') pack.entry(header, Buffer.from(entry.content ?? ''), done);
      else pack.entry(header, done);
    });
  }
  pack.finalize();
  return packed;
}

/** A layer: a tar of the given files. */
export function layerTar(files: Record<string, string>): Promise<Buffer> {
  return tarBytes(Object.entries(files).map(([name, content]) => ({ name, content })));
}

export interface SavedImage {
  readonly layers: readonly Buffer[];
  readonly repoTags?: readonly string[];
  readonly architecture?: string;
  /** Overrides the config's diff_ids (to damage them). */
  readonly diffIds?: readonly string[];
}

export function configBytes(image: SavedImage, diffIds: readonly string[]): Buffer {
  // Docker's field order and spacing, roughly: the config's bytes must survive as they are.
  return Buffer.from(
    JSON.stringify({
      architecture: image.architecture ?? 'amd64',
      config: { Labels: { saved: 'by a test' } },
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: image.diffIds ?? diffIds },
    }),
  );
}

function diffIdsOf(image: SavedImage): string[] {
  return image.layers.map((layer) => `sha256:${sha256(layer)}`);
}

/**
 * docker ≤ 24: `<id>/layer.tar` per layer, `<config hex>.json`, manifest.json, repositories. With
 * `linkRepeats`, a layer that occurs again is a symlink to the first, as docker writes it.
 */
export function classicEntries(images: readonly SavedImage[], linkRepeats = false): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  const manifest = images.map((image) => {
    const config = configBytes(image, diffIdsOf(image));
    const seen = new Map<string, string>();
    const layers = image.layers.map((layer, i) => {
      const id = sha256(`${sha256(config)}-${i}`);
      const first = seen.get(sha256(layer));
      entries.push({ name: `${id}/`, type: 'directory' }, { name: `${id}/VERSION`, content: '1.0' });
      if (linkRepeats && first !== undefined) {
        entries.push({ name: `${id}/layer.tar`, type: 'symlink', linkname: `../${first}/layer.tar` });
      } else {
        entries.push({ name: `${id}/layer.tar`, content: layer });
        seen.set(sha256(layer), id);
      }
      return `${id}/layer.tar`;
    });
    entries.push({ name: `${sha256(config)}.json`, content: config });
    return { Config: `${sha256(config)}.json`, RepoTags: image.repoTags ?? null, Layers: layers };
  });
  entries.push({ name: 'manifest.json', content: JSON.stringify(manifest) });
  return entries;
}

/** docker 25: every file a blob under blobs/sha256/ (layers plain or, from containerd's store, gzip). */
export function ociStyleEntries(image: SavedImage, gzipLayers = false): ArchiveEntry[] {
  const config = configBytes(image, diffIdsOf(image));
  const layers = image.layers.map((layer) => (gzipLayers ? gzipSync(layer) : layer));
  const blob = (bytes: Buffer): ArchiveEntry => ({ name: `blobs/sha256/${sha256(bytes)}`, content: bytes });
  const manifest = [
    {
      Config: `blobs/sha256/${sha256(config)}`,
      RepoTags: image.repoTags ?? [],
      Layers: layers.map((layer) => `blobs/sha256/${sha256(layer)}`),
    },
  ];
  return [
    { name: 'blobs/', type: 'directory' },
    { name: 'blobs/sha256/', type: 'directory' },
    blob(config),
    ...layers.map(blob),
    { name: 'index.json', content: '{"schemaVersion":2,"manifests":[]}' },
    { name: 'manifest.json', content: JSON.stringify(manifest) },
    { name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' },
  ];
}

export async function writeArchive(path: string, entries: readonly ArchiveEntry[]): Promise<void> {
  await writeFile(path, await tarBytes(entries));
}
