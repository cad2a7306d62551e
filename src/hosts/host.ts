import type { RepositoryStore } from '../indexes/store-file.js';

/** The port every package host implements: paths are relative to the host's root (`deb/stable/x.deb`). */
export interface PackageHost {
  /** Where packages go, for logs and the summary. */
  readonly description: string;
  /** Checks, before anything is published, that the host can keep its promises (e.g. conditional writes). */
  check?(): Promise<void>;
  /** sha256 (hex) of what is published at `path`, or undefined when nothing is. */
  existing(path: string): Promise<string | undefined>;
  /**
   * Publishes a local file at `path`. Unless `replace` is set, it must not overwrite a file that
   * appeared since `existing` was asked: then it throws, rather than lose someone else's package.
   */
  put(path: string, localFile: string, options: { sha256: string; replace: boolean }): Promise<void>;
  /**
   * The host as an object store with compare-and-swap, for keeping repository indexes. Asked after
   * `check`, which finds out whether the store keeps conditional writes.
   */
  repositoryStore(): RepositoryStore;
}
