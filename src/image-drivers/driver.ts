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

/** The port every image driver implements; the publish logic knows nothing else of images. */
export interface ImageDriver {
  readonly name: string;
  /**
   * True when `push` itself checks what the registry stored (the registry driver compares the
   * Docker-Content-Digest of every manifest PUT); otherwise each push is read back after.
   */
  readonly verifiesDigests?: boolean;
  /** Which sources exist, without changing anything. */
  checkSources(sources: readonly string[]): Promise<SourceCheck>;
  login(registry: string, credentials: Credentials): Promise<void>;
  /** Publishes `source` as `target` (`registry/repository:tag`, also given in parts) and returns the manifest digest. */
  push(source: string, target: string, where: TagLocation): Promise<string>;
  /** Forgets what the run set up (e.g. the login), whether it succeeded or not. */
  close?(): Promise<void>;
}

/** What the publish reads from the target registry (tag lists for latest, digests to verify pushes). */
export interface RegistryReader {
  checkAccess(): Promise<void>;
  listTags(repository: string): Promise<string[]>;
  manifestDigest(repository: string, tag: string): Promise<string | undefined>;
}
