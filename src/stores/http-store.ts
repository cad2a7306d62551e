import type { Readable } from 'node:stream';
import { UserError } from '../util/errors.js';
import type { ProgressReporting } from '../util/progress.js';
import { DEFAULT_HTTP_RETRY, HttpClient, type HttpRetry } from './http-client.js';
import { FolderLister } from './http-listing.js';
import { getFile, headFile, openFile } from './http-reads.js';
import { deleteFile, probeChecksumDeploy, putFile } from './http-writes.js';
import type { ListedObject, ObjectInfo, ObjectStore, PutBody, PutOptions } from './object-store.js';

/** Where the listing check writes: a name no publisher uses, in the folder of the other probes. */
const LISTING_PROBE_KEY = '.falco-publisher/listing-probe';

export interface HttpStoreOptions {
  /** The base URL, ending with `/`; keys are paths under it. */
  readonly baseUrl: string;
  /** The `Authorization` header value (Basic or Bearer), sent to the base URL's server only. */
  readonly authorization?: string;
  /** The inputs the credentials come from, named by the errors that are theirs to fix. */
  readonly credentialInputs: string;
  /** Where the progress of files over 64 MiB is told; nowhere when absent. */
  readonly progress?: ProgressReporting;
  readonly retry?: HttpRetry;
}

/**
 * Any HTTP server that takes PUT (Artifactory, Nexus raw repositories, a WebDAV server such as nginx)
 * as an object store: a key is a path under the base URL (`deb/stable/x.deb`), read with HEAD and GET,
 * written with PUT, removed with DELETE, listed folder by folder. Conditional writes are sent as
 * `If-Match` / `If-None-Match: *`, for the host to find out whether the server keeps them (most take
 * and ignore them: nginx does).
 */
export class HttpStore implements ObjectStore {
  readonly description: string;
  private readonly client: HttpClient;
  private readonly lister: FolderLister;
  private deploysByChecksum: Promise<boolean> | undefined;

  constructor(private readonly options: HttpStoreOptions) {
    this.description = options.baseUrl;
    this.client = new HttpClient(
      {
        baseUrl: options.baseUrl,
        credentialInputs: options.credentialInputs,
        hasCredentials: options.authorization !== undefined,
      },
      options.authorization,
      options.retry ?? DEFAULT_HTTP_RETRY,
    );
    this.lister = new FolderLister(this.client, options.baseUrl, (key) => this.urlOf(key));
  }

  /**
   * Whether the server deploys by checksum, asked once per run and remembered: the first write that
   * could use it asks (or the host's check, before anything is published).
   */
  checksumDeploy(): Promise<boolean> {
    this.deploysByChecksum ??= probeChecksumDeploy(this.client, (key) => this.urlOf(key));
    return this.deploysByChecksum;
  }

  /**
   * Writes a probe file, lists its folder and deletes it again: a server whose listing the action cannot
   * read (or that leaves out what it holds) is found out before anything is published. A folder that
   * already exists is needed for this: a missing one answers 404 on any server.
   */
  async checkListing(): Promise<void> {
    const [folder = '', name = ''] = LISTING_PROBE_KEY.split('/');
    await this.put(LISTING_PROBE_KEY, Buffer.alloc(0));
    try {
      const listed = await this.lister.children(folder);
      if (!listed.some((child) => child.name === name && !child.folder)) {
        throw new UserError(
          'package-host',
          `${this.description} lists folders without the files in them (${LISTING_PROBE_KEY} was written but not listed), and keeping APT/YUM indexes needs to list them`,
          'check that the server lists folders with WebDAV PROPFIND or nginx `autoindex_format json`',
        );
      }
    } finally {
      await this.delete(LISTING_PROBE_KEY);
    }
  }

  head(key: string): Promise<ObjectInfo | undefined> {
    return headFile(this.client, this.urlOf(key));
  }

  get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
    return getFile(this.client, this.urlOf(key));
  }

  open(key: string): Promise<Readable | undefined> {
    return openFile(this.client, this.urlOf(key));
  }

  put(key: string, body: PutBody, options: PutOptions = {}): Promise<string> {
    return putFile(
      {
        client: this.client,
        urlOf: (path) => this.urlOf(path),
        progress: this.options.progress,
        checksumDeploy: () => this.checksumDeploy(),
      },
      key,
      body,
      options,
    );
  }

  delete(key: string): Promise<void> {
    return deleteFile(this.client, this.urlOf(key));
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.entries(prefix)).map((entry) => entry.key);
  }

  entries(prefix: string): Promise<ListedObject[]> {
    return this.lister.entries(prefix);
  }

  /**
   * The URL of a key, each segment percent-encoded: a dev version's `+` goes as `%2B`, which every
   * server decodes to `+` (a raw `+` some read as a space).
   */
  urlOf(key: string): string {
    const segments = key.split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new Error(`${key} is not a key inside ${this.options.baseUrl}`);
    }
    return this.options.baseUrl + segments.map(encodeURIComponent).join('/');
  }
}
