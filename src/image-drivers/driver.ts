import type { ImageTarget } from './image-target.js';
import type { RegistryCredentials as Credentials } from '../registry/auth.js';

/** Why a source image could not be checked: the driver's backend is missing, or the image is. */
export interface SourceCheck {
  /** Set when the backend (e.g. the docker daemon) cannot be reached; nothing else could be checked. */
  readonly unavailable?: string;
  readonly missing: string[];
}

/** A tag's place: the registry (or OCI layout), the repository and the tag. */
export interface TagLocation {
  readonly registry: ImageTarget;
  readonly repository: string;
  readonly tag: string;
}

/** What one push did to its tag. */
export interface Pushed {
  /** The manifest digest the tag now has. */
  readonly digest: string;
  /**
   * Whether this push created the tag or moved it to another digest; absent when the driver cannot tell
   * (docker pushes either way): see `ImageDriver.reportsChanges`.
   */
  readonly changed?: boolean;
  /** What the tag held before the push (`digest` undefined: it did not exist); absent when the driver cannot tell. */
  readonly before?: { readonly digest: string | undefined };
}

/** The port every image driver implements; the publish logic knows nothing else of images. */
export interface ImageDriver {
  readonly name: string;
  /**
   * True when `push` itself checks what the registry stored (the registry driver compares the
   * Docker-Content-Digest of every manifest PUT); otherwise each push is read back after.
   */
  readonly verifiesDigests?: boolean;
  /** True when every push says whether it changed the tag (`Pushed.changed`); otherwise the tag is read before. */
  readonly reportsChanges?: boolean;
  /**
   * True when pushes to one registry may run at once. The docker driver's may not: Falco's images share
   * base layers, and docker uploads a shared layer once and mounts it for the next repository only when
   * the pushes follow each other.
   */
  readonly concurrentPushes?: boolean;
  /** Which sources exist, without changing anything. */
  checkSources(sources: readonly string[]): Promise<SourceCheck>;
  login(registry: string, credentials: Credentials): Promise<void>;
  /** Publishes `source` as `target` (`registry/repository:tag`, also given in parts): the digest it now has. */
  push(source: string, target: string, where: TagLocation): Promise<Pushed>;
  /** Forgets what the run set up (e.g. the login), whether it succeeded or not. */
  close?(): Promise<void>;
}

/** What the publish reads from the target registry (tag lists for latest, digests to verify pushes). */
export interface RegistryReader {
  checkAccess(): Promise<void>;
  listTags(repository: string): Promise<string[]>;
  manifestDigest(repository: string, tag: string): Promise<string | undefined>;
  /**
   * Reads the repository's tag list for later, sharing a listing already on its way (see
   * RegistryClient.listedTags); never fails. For a reader that keeps what it listed.
   */
  readTagsAhead?(repository: string): Promise<void>;
}

/** The registry the release goes to: a reader that can also tell, before any write, whether a push is allowed. */
export interface TargetRegistry extends RegistryReader {
  /** Fails when the credentials may not push to the repository; changes nothing. */
  checkPush(repository: string): Promise<void>;
}
