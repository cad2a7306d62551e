import type { Readable } from 'node:stream';
import type { Got } from 'got';
import type { Descriptor } from '../oci/descriptor.js';
import type { BlobReader } from '../oci/image.js';
import type { Logger } from '../util/logger.js';
import { realSleep } from '../util/retry.js';
import { Authenticator, type RegistryCredentials } from './auth.js';
import { hasBlob, mountBlob, openBlob } from './blobs.js';
import { registryEndpoint } from './endpoint.js';
import { Limiter } from './limiter.js';
import {
  getManifest,
  manifestDigest,
  putManifest,
  type Manifest,
  type ManifestContent,
} from './manifests.js';
import { repositoryAt, type Repository } from './repository.js';
import { Requester } from './requester.js';
import { untilAnswered } from './retrying.js';
import { listTags } from './tags.js';
import { exchange, http, type Reply } from './transport.js';
import { uploadBlob } from './upload.js';

export type { RegistryCredentials } from './auth.js';
export type { Manifest, ManifestContent } from './manifests.js';

export interface RegistryClientOptions {
  /**
   * The remedy shown when the registry refuses, for credentials that do not come from the inputs
   * (e.g. `log in to public.ecr.aws with docker login before this step`).
   */
  loginHint?: string;
  /** The HTTP client (tests pass one that records its exchanges). */
  readonly http?: Got;
  /** Tags asked for per page; registries may answer with fewer and a `Link` to the next page. Default 1000. */
  readonly pageSize?: number;
  /** Plain http to a registry that is not on loopback (`registry-insecure: true`). */
  readonly insecure?: boolean;
  /** Where the registry's `Warning`s and retries are told. Default: nowhere. */
  readonly logger?: Logger;
  /** Waits between retries; tests pass one that records and returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock of token expiry (ms since the epoch); tests move it forward. */
  readonly now?: () => number;
  /** Retries of a request (or of a whole blob upload) after the first attempt. Default 4. */
  readonly retries?: number;
  /** Blob uploads of this client at once. Default 4. */
  readonly uploadConcurrency?: number;
  /** Bytes per PATCH of a chunked upload, unless the registry asks for more. Default 8 MiB. */
  readonly chunkSize?: number;
}

const silent: Logger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: (_title, fn) => fn(),
};

const DEFAULT_RETRIES = 4;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 15_000;
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
  /** Per repository, the last tag list read in full: what `listedTags` answers from. */
  private readonly tagLists = new Map<string, Promise<readonly string[]>>();

  constructor(
    private readonly registry: string,
    credentials?: RegistryCredentials,
    options: RegistryClientOptions = {},
  ) {
    this.base = registryEndpoint(registry, options.insecure);
    this.pageSize = options.pageSize ?? 1000;
    this.chunkSize = options.chunkSize ?? 8 * MIB;
    this.uploads = new Limiter(options.uploadConcurrency ?? 4);
    const client = options.http ?? http;
    const retry = {
      retries: options.retries ?? DEFAULT_RETRIES,
      baseMs: BACKOFF_BASE_MS,
      maxMs: BACKOFF_MAX_MS,
      sleep: options.sleep ?? realSleep,
    };
    // Token requests get the same retries (and need no authentication of their own), logged as redacted.
    const tokenRequest = async (url: string, authorization: string | undefined): Promise<Reply> => {
      const once = async () => ({ reply: await exchange(client, { method: 'GET', url }, authorization) });
      return (await untilAnswered('asking for a token', once, retry, this.requester.logger)).reply;
    };
    const auth = new Authenticator(
      registry,
      credentials,
      tokenRequest,
      options.now ?? Date.now,
      options.insecure ?? false,
      options.loginHint,
    );
    this.requester = new Requester({ registry, http: client, auth, logger: options.logger ?? silent, retry });
  }

  /** Proves the credentials work (GET /v2/ and, for token registries, a token) without changing anything. */
  async checkAccess(): Promise<void> {
    const reply = await this.requester.request({ method: 'GET', url: `${this.base}/v2/` }, []);
    if (reply.statusCode !== 200) throw this.requester.refusal(reply, this.registry, 'logging in');
  }

  /** Every tag of a repository (following pagination); [] when the repository does not exist. */
  listTags(repository: string): Promise<string[]> {
    const listed = listTags(this.requester, this.at(repository), this.pageSize);
    this.tagLists.set(repository, listed);
    // A failed listing is the caller's error; `listedTags` must not answer from it.
    listed.catch(() => {
      if (this.tagLists.get(repository) === listed) this.tagLists.delete(repository);
    });
    return listed;
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
   * the next is read (see BlobReader); at most `uploadConcurrency` at once.
   */
  uploadBlob(repository: string, descriptor: Descriptor, open: () => Promise<BlobReader>): Promise<void> {
    return this.uploads.run(() =>
      uploadBlob(this.requester, this.at(repository), descriptor, open, this.chunkSize),
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
