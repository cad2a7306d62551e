import { IMAGE_TYPES, INDEX_TYPES, MANIFEST_ACCEPT } from '../oci/media-types.js';
import { UserError } from '../util/errors.js';
import { algorithmOf, digestBytes, isDigest } from '../oci/digest.js';
import { referenceName, type Repository } from './repository.js';
import type { Requester } from './requester.js';
import { pullScope, pushScope } from './scopes.js';
import { headerOf, type Reply } from './transport.js';

/** A manifest as the registry stores it: its exact bytes are what a copy pushes, so its digest never changes. */
export interface Manifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

export type ManifestContent = Pick<Manifest, 'bytes' | 'mediaType'>;

/** OCI index and manifest, Docker manifest list and schema 2: what we read and write. */
const SUPPORTED = new Set([...INDEX_TYPES, ...IMAGE_TYPES]);

/** The media type from Content-Type, else from the manifest's own `mediaType` field. */
function mediaTypeOf(reply: Reply): string | undefined {
  const declared = headerOf(reply, 'content-type')?.split(';')[0]?.trim();
  if (declared && SUPPORTED.has(declared)) return declared;
  try {
    const field = (JSON.parse(reply.body.toString('utf8')) as { mediaType?: unknown }).mediaType;
    return typeof field === 'string' && SUPPORTED.has(field) ? field : declared;
  } catch {
    return declared;
  }
}

/** The digest `bytes` must have: the reference's own when it is a digest. */
function expectedDigest(subject: string, reference: string, bytes: Buffer): string {
  if (!isDigest(reference)) return digestBytes(bytes);
  const algorithm = algorithmOf(reference);
  if (!algorithm)
    throw new UserError(subject, 'cannot check a digest of that algorithm (sha256 and sha512 only)');
  return digestBytes(bytes, algorithm);
}

/** distribution refuses a manifest over 4 MiB; one that large is no image we publish. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** The manifest a tag or digest names (any of the four types); undefined when there is none. */
export async function getManifest(
  requester: Requester,
  repository: Repository,
  reference: string,
): Promise<Manifest | undefined> {
  const subject = referenceName(repository, reference);
  const reply = await requester.request(
    {
      method: 'GET',
      url: `${repository.url}/manifests/${reference}`,
      headers: { accept: MANIFEST_ACCEPT },
      bodyLimit: {
        bytes: MAX_MANIFEST_BYTES,
        refusal: () =>
          new UserError(
            subject,
            `the registry serves a manifest longer than ${MAX_MANIFEST_BYTES} bytes, the most registries accept`,
            'check the image and the registry',
          ),
      },
    },
    [pullScope(repository.name)],
  );
  if (reply.statusCode === 404) return undefined;
  if (reply.statusCode !== 200) throw requester.refusal(reply, subject, 'reading the manifest');
  const mediaType = mediaTypeOf(reply);
  if (!mediaType || !SUPPORTED.has(mediaType)) {
    throw new UserError(subject, `the manifest is of type ${mediaType ?? '(none)'}, which cannot be copied`);
  }
  const digest = expectedDigest(subject, reference, reply.body);
  // Content addressing: what we got must be what was asked for (a digest) or what the registry says it is.
  const claimed = isDigest(reference) ? reference : headerOf(reply, 'docker-content-digest');
  if (claimed && algorithmOf(claimed) === algorithmOf(digest) && claimed !== digest) {
    throw new UserError(
      subject,
      `the registry served a manifest whose digest is ${digest}, not ${claimed}`,
      'the registry or a proxy in between alters content; check it',
    );
  }
  return { digest, mediaType, bytes: reply.body };
}

/** Stores a manifest under a tag or its digest: its exact bytes with its own media type. Returns its digest. */
export async function putManifest(
  requester: Requester,
  repository: Repository,
  reference: string,
  content: ManifestContent,
): Promise<string> {
  return (await storeManifest(requester, repository, reference, content)).digest;
}

/** What a registry said of a manifest it stored. */
export interface StoredManifest {
  readonly digest: string;
  /**
   * The registry answered `OCI-Subject`: it keeps the referrers API and lists this manifest among its
   * subject's referrers itself (OCI distribution 1.1); otherwise the referrers tag schema is the writer's job.
   */
  readonly indexesReferrers: boolean;
}

/** putManifest, telling also whether the registry indexed the manifest's `subject`. */
export async function storeManifest(
  requester: Requester,
  repository: Repository,
  reference: string,
  content: ManifestContent,
): Promise<StoredManifest> {
  const subject = referenceName(repository, reference);
  const digest = expectedDigest(subject, reference, content.bytes);
  if (isDigest(reference) && digest !== reference) {
    throw new UserError(
      subject,
      `the manifest's bytes have digest ${digest}`,
      'this is a bug: please report it',
    );
  }
  const reply = await requester.request(
    {
      method: 'PUT',
      url: `${repository.url}/manifests/${reference}`,
      headers: { 'content-type': content.mediaType },
      body: content.bytes,
    },
    [pushScope(repository.name)],
  );
  if (reply.statusCode !== 201 && reply.statusCode !== 200) {
    throw requester.refusal(reply, subject, 'storing the manifest');
  }
  const stored = headerOf(reply, 'docker-content-digest');
  if (stored && stored !== digest) {
    throw new UserError(
      subject,
      `the registry stored the manifest as ${stored}, but its bytes have digest ${digest}`,
      'the registry or a proxy in between alters content; check it',
    );
  }
  return { digest, indexesReferrers: headerOf(reply, 'oci-subject') !== undefined };
}

/** The digest a tag (or digest) resolves to, by HEAD; undefined when it does not exist. */
export async function manifestDigest(
  requester: Requester,
  repository: Repository,
  reference: string,
): Promise<string | undefined> {
  const subject = referenceName(repository, reference);
  const reply = await requester.request(
    { method: 'HEAD', url: `${repository.url}/manifests/${reference}`, headers: { accept: MANIFEST_ACCEPT } },
    [pullScope(repository.name)],
  );
  if (reply.statusCode === 404) return undefined;
  if (reply.statusCode !== 200) throw requester.refusal(reply, subject, 'reading the manifest');
  const digest = headerOf(reply, 'docker-content-digest');
  // A registry that leaves the header out of HEAD answers: the digest of the manifest itself.
  return digest ?? (await getManifest(requester, repository, reference))?.digest;
}
