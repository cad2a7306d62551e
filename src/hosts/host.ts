import type { RepositoryStore } from '../stores/object-store.js';
import type { PartDigests } from '../util/part-digests.js';

/** What a run published, once all of it is: for a host that records it (a GitHub release's notes). */
export interface PublishedRun {
  /** Every image tag pushed (full reference) and its digest, mirrors' too, in order. */
  readonly images: readonly { readonly ref: string; readonly digest: string }[];
  /** Every package of the run, published now or already there. */
  readonly packages: readonly { readonly path: string; readonly sha256: string; readonly size: number }[];
}

/**
 * The port every package host implements: paths are relative to the host's root (`deb/stable/x.deb`).
 * What every host can do is required; what only some can is an optional method (a capability), so a
 * host that stores flat files only has no method it would have to throw from.
 */
export interface PackageHost {
  /** Where packages go, for logs and the summary. */
  readonly description: string;
  /** Checks, before anything is published, that the host can keep its promises (e.g. conditional writes). */
  check?(): Promise<void>;
  /**
   * sha256 (hex) of what is published at `path`, or undefined when nothing is. `local` is the file
   * about to be published there: a host that must download a file to hash it may skip one of another
   * size, which cannot be the same, and answer a value that is no sha256 (`size <n>`).
   */
  existing(path: string, local?: { readonly size: number }): Promise<string | undefined>;
  /**
   * Publishes a local file at `path`. Unless `replace` is set, it must not overwrite a file that
   * appeared since `existing` was asked: then it throws, rather than lose someone else's package.
   */
  put(
    path: string,
    localFile: string,
    options: { sha256: string; replace: boolean; parts?: PartDigests | undefined },
  ): Promise<void>;
  /**
   * Capability: the part size this host uploads a file of `size` bytes in, when it sends it in parts
   * that it checks against their sha256 (S3 multipart); undefined for a file it takes whole. Validation
   * then hashes the parts in the same read as the whole file and hands them to `put` (`parts`): the
   * upload reads the file only to send it, and the store refuses a part that is not what was validated.
   */
  uploadPartSize?(size: number): number | undefined;
  /**
   * Capability: the host is an object store (list, delete, compare-and-swap) that can keep APT/YUM
   * repositories, package signatures and retention. Asked after `check`, which finds out whether the
   * store keeps conditional writes. A host without it gets packages only: no repository step is planned.
   */
  repositoryStore?(): RepositoryStore;
  /**
   * Capability: told what the run published once every step of the plan has succeeded (never in a dry
   * run, never after a failure), for a host that records a run as a whole: a GitHub release drops the
   * dev assets of earlier pushes and writes its notes. Its failure fails the run.
   */
  finish?(run: PublishedRun): Promise<void>;
}
