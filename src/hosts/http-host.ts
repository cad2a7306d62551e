import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { HttpStore } from '../stores/http-store.js';
import type { RepositoryStore } from '../stores/object-store.js';
import type { PackageHost } from './host.js';
import { StoreHost } from './store-host.js';

/**
 * Packages on any HTTP server that takes PUT, laid out like Falco's download server: a StoreHost over
 * an HttpStore, so packages, APT/YUM indexes, signatures and retention work as on S3. What differs is
 * knowing what is already there: most servers keep no sha256 of their files (Artifactory does, as
 * `X-Checksum-Sha256`), so a file is downloaded and hashed only when its size is the local file's.
 */
export class HttpHost implements PackageHost {
  readonly description: string;
  private readonly host: StoreHost;

  constructor(
    private readonly store: HttpStore,
    /** The workflow already serializes publishers: a server without conditional writes may keep indexes. */
    serialized: boolean,
  ) {
    this.host = new StoreHost(store, serialized);
    this.description = store.description;
  }

  /**
   * Before anything is published: the credentials and the right to write (the deploy-by-checksum probe
   * is a write, so a 401 or 403 is found here), conditional writes (refused without `serialized`
   * when the server ignores them), and a folder listing, which keeping indexes needs.
   */
  async check(): Promise<void> {
    await this.store.checksumDeploy();
    await this.host.check();
    await this.store.checkListing();
  }

  repositoryStore(): RepositoryStore {
    return this.host.repositoryStore();
  }

  async existing(path: string, local?: { readonly size: number }): Promise<string | undefined> {
    const info = await this.store.head(path);
    if (info === undefined) return undefined;
    const recorded = info.metadata['sha256'];
    if (recorded !== undefined) return recorded;
    if (local !== undefined && info.size !== local.size) return `size ${info.size}`;
    const body = await this.store.open(path);
    if (body === undefined) return undefined;
    const hash = createHash('sha256');
    await pipeline(body, hash);
    return hash.digest('hex');
  }

  put(path: string, localFile: string, options: { sha256: string; replace: boolean }): Promise<void> {
    return this.host.put(path, localFile, options);
  }
}
