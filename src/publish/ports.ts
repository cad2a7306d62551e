import type { ImageDriver } from '../images/driver.js';
import type { PackageHost } from '../packages/host.js';

/** What the publish reads from the target registry (tag lists for latest, digests to verify pushes). */
export interface RegistryReader {
  checkAccess(): Promise<void>;
  listTags(repository: string): Promise<string[]>;
  manifestDigest(repository: string, tag: string): Promise<string | undefined>;
}

/** Everything the publish touches outside itself, passed in so tests can pass plain objects. */
export interface PublishPorts {
  readonly driver: ImageDriver;
  readonly registry: RegistryReader;
  /** The reader of a mirror registry (with the credentials the job's docker login stored for it). */
  readonly mirror?: (registry: string) => RegistryReader;
  readonly host: PackageHost | undefined;
  readonly findFiles: (patterns: readonly string[]) => Promise<string[]>;
}
