import type { Credentials } from '../action/inputs.js';
import type { RegistryReader } from '../action/ports.js';
import type { ImageDriver, SourceCheck, TagLocation } from './driver.js';
import type { ImagePorts } from '../action/image-wiring.js';

/**
 * The image driver of a run, its code loaded at its first use: a run that publishes only packages
 * never loads the registry client, got or docker's; a registry-driver run never loads docker's.
 */
export class LazyDriver implements ImageDriver {
  private loaded: ImageDriver | undefined;

  constructor(
    readonly name: string,
    readonly verifiesDigests: boolean,
    private readonly ports: () => Promise<ImagePorts>,
  ) {}

  private async driver(): Promise<ImageDriver> {
    this.loaded ??= (await this.ports()).driver;
    return this.loaded;
  }

  async checkSources(sources: readonly string[]): Promise<SourceCheck> {
    return (await this.driver()).checkSources(sources);
  }
  async login(registry: string, credentials: Credentials): Promise<void> {
    return (await this.driver()).login(registry, credentials);
  }
  async push(source: string, target: string, where: TagLocation): Promise<string> {
    return (await this.driver()).push(source, target, where);
  }
  async close(): Promise<void> {
    // Nothing was set up by a driver that never loaded.
    await this.loaded?.close?.();
  }
}

/** A registry reader whose code is loaded at its first request. */
export function lazyReader(reader: () => Promise<RegistryReader>): RegistryReader {
  return {
    checkAccess: async () => (await reader()).checkAccess(),
    listTags: async (repository) => (await reader()).listTags(repository),
    manifestDigest: async (repository, tag) => (await reader()).manifestDigest(repository, tag),
  };
}
