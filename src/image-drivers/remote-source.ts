import { allInOrder } from '../util/all-in-order.js';
import type { Readable } from 'node:stream';
import type { Descriptor } from '../oci/descriptor.js';
import type { ManifestNode, SourceImage } from '../oci/image.js';
import { manifestReferences } from '../oci/manifest-references.js';
import type { RegistryClient } from '../registry/client.js';
import { UserError } from '../util/errors.js';

/** An image in a registry (`docker://registry/name:tag` or `@sha256:…`), read manifest by manifest; blobs streamed on demand. */
export async function openRemoteSource(
  client: RegistryClient,
  registry: string,
  repository: string,
  reference: string,
  name: string,
): Promise<SourceImage> {
  const root = await readNode(client, repository, reference, undefined, name);
  const openBlob = (descriptor: Descriptor): Promise<Readable> =>
    client.openBlob(repository, descriptor.digest);
  return {
    name,
    root,
    origin: { registry, repository },
    openBlob,
    // Each chunk of an answer is a buffer of its own: the stream is as cheap as it gets.
    readBlob: openBlob,
    close: async () => undefined,
  };
}

async function readNode(
  client: RegistryClient,
  repository: string,
  reference: string,
  expected: Descriptor | undefined,
  name: string,
): Promise<ManifestNode> {
  const manifest = await client.getManifest(repository, reference);
  if (!manifest) {
    throw new UserError(
      `images: ${name}`,
      `${reference} is not in ${repository}`,
      'push it first, or fix the source',
    );
  }
  // The registry's Content-Type says what the manifest is (a child's descriptor must agree).
  const mediaType = expected?.mediaType ?? manifest.mediaType;
  const references = manifestReferences(
    manifest.bytes,
    mediaType,
    `images: ${name}`,
    `manifest ${manifest.digest}`,
  );
  // An index's images (one per platform) are read together.
  const children: ManifestNode[] = await allInOrder(
    references.children.map((child) => () => readNode(client, repository, child.digest, child, name)),
  );
  return {
    digest: manifest.digest,
    mediaType,
    bytes: manifest.bytes,
    children,
    blobs: references.blobs,
  };
}
