import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaTypes } from '../../../src/oci/media-types.js';
import type { Credentials } from '../services/registry.js';
import { sha256 } from '../services/tiny-image.js';

/**
 * Where a test reads what the action wrote beside an image, independently of the action's own code:
 * a repository of a registry over plain HTTP, or one name inside an OCI image layout.
 */
export interface ArtifactSource {
  /** For messages: the repository or layout name. */
  readonly name: string;
  /** The manifest a tag or digest names, exactly as stored; undefined when there is none (404). */
  manifest(reference: string): Promise<Buffer | undefined>;
  /** A blob's bytes, checked against its digest. */
  blob(digest: string): Promise<Buffer>;
}

const ACCEPT = [
  MediaTypes.ociManifest,
  MediaTypes.ociIndex,
  MediaTypes.dockerManifest,
  MediaTypes.dockerManifestList,
].join(', ');

/** GET /v2/<repository>/manifests/<ref> and /blobs/<digest>, as any client of the distribution API reads them. */
export function registrySource(
  address: string,
  repository: string,
  credentials?: Credentials,
): ArtifactSource {
  const headers: Record<string, string> = credentials
    ? {
        authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
      }
    : {};
  const get = async (path: string, accept?: string): Promise<Response> =>
    fetch(`http://${address}/v2/${repository}/${path}`, {
      headers: { ...headers, ...(accept ? { accept } : {}) },
    });
  return {
    name: `${address}/${repository}`,
    async manifest(reference) {
      const response = await get(`manifests/${reference}`, ACCEPT);
      if (response.status === 404) return undefined;
      if (!response.ok)
        throw new Error(`GET manifest ${reference} of ${address}/${repository}: ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const served = response.headers.get('docker-content-digest');
      if (served !== sha256(bytes))
        throw new Error(`manifest ${reference} served as ${served}, hashes to ${sha256(bytes)}`);
      return bytes;
    },
    async blob(digest) {
      const response = await get(`blobs/${digest}`);
      if (!response.ok) throw new Error(`GET blob ${digest} of ${address}/${repository}: ${response.status}`);
      return checked(digest, Buffer.from(await response.arrayBuffer()));
    },
  };
}

interface LayoutIndex {
  manifests?: { digest: string; annotations?: Record<string, string> }[];
}

/** The name `<repository>:<tag>` in index.json (`org.opencontainers.image.ref.name`), blobs under blobs/sha256. */
export function layoutSource(dir: string, repository: string): ArtifactSource {
  const blobPath = (digest: string): string => join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
  const readBlob = async (digest: string): Promise<Buffer | undefined> => {
    try {
      return checked(digest, await readFile(blobPath(digest)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  return {
    name: `${dir} ${repository}`,
    async manifest(reference) {
      if (reference.startsWith('sha256:')) return readBlob(reference);
      const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as LayoutIndex;
      const entry = index.manifests?.find(
        (m) => m.annotations?.['org.opencontainers.image.ref.name'] === `${repository}:${reference}`,
      );
      return entry ? readBlob(entry.digest) : undefined;
    },
    async blob(digest) {
      const bytes = await readBlob(digest);
      if (bytes === undefined) throw new Error(`${dir} has no blob ${digest}`);
      return bytes;
    },
  };
}

function checked(digest: string, bytes: Buffer): Buffer {
  if (sha256(bytes) !== digest) throw new Error(`blob ${digest} hashes to ${sha256(bytes)}`);
  return bytes;
}
