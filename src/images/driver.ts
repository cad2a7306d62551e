import type { Credentials } from '../inputs.js';

/** Why a source image could not be checked: the driver's backend is missing, or the image is. */
export interface SourceCheck {
  /** Set when the backend (e.g. the docker daemon) cannot be reached; nothing else could be checked. */
  readonly unavailable?: string;
  readonly missing: string[];
}

/** The port every image driver implements; the publish logic knows nothing else of images. */
export interface ImageDriver {
  readonly name: string;
  /** Which sources exist, without changing anything. */
  checkSources(sources: readonly string[]): Promise<SourceCheck>;
  login(registry: string, credentials: Credentials): Promise<void>;
  /** Publishes `source` as `target` (`registry/repository:tag`) and returns the manifest digest. */
  push(source: string, target: string): Promise<string>;
  /** Forgets what the run set up (e.g. the login), whether it succeeded or not. */
  close?(): Promise<void>;
}
