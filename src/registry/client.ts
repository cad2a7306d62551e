import type { Readable } from 'node:stream';
import type { Descriptor } from '../oci/descriptor.js';
import type { BlobReader } from '../oci/image.js';
import type { RegistryCredentials } from './auth.js';
import { hasBlob, mountBlob, openBlob } from './blobs.js';
import type { RegistryClientOptions } from './client-options.js';
import { clientRequester } from './client-requester.js';
import { registryEndpoint } from './endpoint.js';
import { Limiter } from '../util/limiter.js';
import {
  getManifest,
  manifestDigest,
  putManifest,
  storeManifest,
  type Manifest,
  type ManifestContent,
  type StoredManifest,
} from './manifests.js';
import { checkPush } from './push-check.js';
import { repositoryAt, type Repository } from './repository.js';
import type { Requester } from './requester.js';
import { listTags } from './tags.js';
import { uploadBlob } from './upload.js';

export type { RegistryCredentials } from './auth.js';
export type { Manifest, ManifestContent, StoredManifest } from './manifests.js';
export type { RegistryClientOptions } from './client-options.js';

const MIB = 1024 * 1024;

/**
 * A client of one registry's OCI distribution API: tags, manifests and blobs, with the authentication
 * the registry asks for (anonymous, Basic, Bearer tokens), our retry policy, and digests checked on
 * everything that moves.
 */
export class RegistryClient {
  private readonly base: string;
  private readonly requester: Requester;
  private readonly uploads: Limiter;
  private readonly pageSize: number;
  private readonly chunkSize: number;
  private readonly now: (() => number) | undefined;
  /** Per repository, the last tag list read in full: what `listedTags` answers from. */
  private readonly tagLists = new Map<string, Promise<readonly string[]>>();
  /** Per repository, the listing on its way now, if any. */
  private readonly listings = new Map<string, Promise<readonly string[]>>();

  constructor(
    private readonly registry: string,
    credentials?: RegistryCredentials,
    options: RegistryClientOptions = {},
  ) {
    this.base = registryEndpoint(registry, options.insecure);
    this.pageSize = options.pageSize ?? 1000;
    this.chunkSize = options.chunkSize ?? 8 * MIB;
    this.now = options.now;
    this.uploads = new Limiter(options.uploadConcurrency ?? 16);
    this.requester = clientRequester(registry, this.base, credentials, options);
  }

  /** Proves the credentials work (GET /v2/ and, for token registries, a token) without changing anything. */
  async checkAccess(): Promise<void> {
    const reply = await this.requester.request({ method: 'GET', url: `${this.base}/v2/` }, []);
    if (reply.statusCode !== 200) throw this.requester.refusal(reply, this.registry, 'logging in');
  }

  /** Proves the credentials may push to `repository` (see push-check.ts); publishes nothing. */
  checkPush(repository: string): Promise<void> {
    return checkPush(this.requester, this.at(repository));
  }

  /** Every tag of a repository (following pagination); [] when the repository does not exist. */
  listTags(repository: string): Promise<string[]> {
    // A listing already on its way answers as well as a new one would: parts of a run that read the
    // same repository at once (the latest decision, the copy's before-read) share one request.
    const pending = this.listings.get(repository);
    if (pending !== undefined) return pending.then((tags) => [...tags]);
    const listed = listTags(this.requester, this.at(repository), this.pageSize);
    this.tagLists.set(repository, listed);
    this.listings.set(repository, listed);
    const settled = (): void => {
      if (this.listings.get(repository) === listed) this.listings.delete(repository);
    };
    listed.then(settled, () => {
      settled();
      // A failed listing is the caller's error; `listedTags` must not answer from it.
      if (this.tagLists.get(repository) === listed) this.tagLists.delete(repository);
    });
    return listed.then((tags) => [...tags]);
  }

  /**
   * The tags of a repository as this client last listed them (e.g. for `latest: auto`), listed now if
   * it never did: one request for any number of tags. A snapshot, so tags written since may be missing.
   * Undefined when the registry will not list them (some grant push but not listing).
   */
  async listedTags(repository: string): Promise<ReadonlySet<string> | undefined> {
    try {
      return new Set(await (this.tagLists.get(repository) ?? this.listTags(repository)));
    } catch {
      return undefined;
    }
  }

  /** Lists the repository's tags now, for `listedTags` to answer from later (see RegistryReader). */
  async readTagsAhead(repository: string): Promise<void> {
    await this.listedTags(repository);
  }

  /** The digest a tag (or digest) points at, by HEAD; undefined when it does not exist. */
  manifestDigest(repository: string, reference: string): Promise<string | undefined> {
    return manifestDigest(this.requester, this.at(repository), reference);
  }

  /** A manifest of any of the four types, its digest checked; undefined when it does not exist. */
  getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    return getManifest(this.requester, this.at(repository), reference);
  }

  /** Stores a manifest's exact bytes under a tag or digest; returns its digest, as the registry confirmed it. */
  putManifest(repository: string, reference: string, content: ManifestContent): Promise<string> {
    return putManifest(this.requester, this.at(repository), reference, content);
  }

  /** putManifest, telling also whether the registry indexed the manifest's `subject` (see StoredManifest). */
  storeManifest(repository: string, reference: string, content: ManifestContent): Promise<StoredManifest> {
    return storeManifest(this.requester, this.at(repository), reference, content);
  }

  /** True when the repository holds the blob (HEAD). */
  hasBlob(repository: string, digest: string): Promise<boolean> {
    return hasBlob(this.requester, this.at(repository), digest);
  }

  /** Links a blob from another repository of this registry, no bytes sent; false when the registry would not. */
  mountBlob(repository: string, digest: string, fromRepository: string): Promise<boolean> {
    return mountBlob(this.requester, this.at(repository), digest, this.at(fromRepository));
  }

  /**
   * Uploads a blob from `open()` (called again when an attempt starts over), each chunk sent before
   * the next is read (see BlobReader); at most `uploadConcurrency` at once. A blob over 64 MiB logs its
   * progress through the client's logger.
   */
  uploadBlob(repository: string, descriptor: Descriptor, open: () => Promise<BlobReader>): Promise<void> {
    return this.uploads.run(() =>
      uploadBlob(this.requester, this.at(repository), descriptor, open, this.chunkSize, this.now),
    );
  }

  /** Streams a blob; the stream fails at its end if the content does not have the digest. */
  openBlob(repository: string, digest: string): Promise<Readable> {
    return openBlob(this.requester, this.at(repository), digest);
  }

  private at(repository: string): Repository {
    return repositoryAt(this.registry, this.base, repository);
  }
}
