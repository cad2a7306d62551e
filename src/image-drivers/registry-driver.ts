import { allInOrder } from '../util/all-in-order.js';
import type { Logger } from '../util/logger.js';
import type { RegistryCredentials as Credentials } from '../registry/auth.js';
import type { SourceImage } from '../oci/image.js';
import { readDockerArchive } from '../oci/docker-archive-source.js';
import { joinSources } from '../oci/join-sources.js';
import { readOciLayout } from '../oci/layout-source.js';
import type { RegistryClient } from '../registry/client.js';
import { copyImage } from './copy-image.js';
import { CopyTargets } from './copy-targets.js';
import type { ImageDriver, Pushed, SourceCheck, TagLocation } from './driver.js';
import { openRemoteSource } from './remote-source.js';
import { parseSource, type SourcePart } from './source-spec.js';

/** Gives the client for a registry host (with the credentials that registry needs). */
export type ClientFactory = (registry: string) => RegistryClient;

/**
 * Publishes images with no docker daemon: reads them from registries, OCI layouts or `docker save`
 * archives, and copies them over the OCI distribution API (or into an OCI layout) itself.
 */
export class RegistryDriver implements ImageDriver {
  readonly name = 'registry';
  readonly verifiesDigests = true;
  readonly reportsChanges = true;
  readonly concurrentPushes = true;
  private readonly sources = new Map<string, Promise<SourceImage>>();
  private readonly targets: CopyTargets;

  constructor(
    private readonly logger: Logger,
    private readonly clientFor: ClientFactory,
    private readonly workspace: string,
  ) {
    this.targets = new CopyTargets(clientFor, { logger });
  }

  /** Opening a source reads its manifests: anything missing or unreadable fails here, before any write. */
  async checkSources(sources: readonly string[]): Promise<SourceCheck> {
    // Every source is read at once; what each holds is told in the order they were given.
    const unique = [...new Set(sources)];
    const images = await allInOrder(unique.map((source) => () => this.open(source)));
    unique.forEach((source, i) => {
      const image = images[i];
      if (image !== undefined) this.logger.info(`${source}: ${describeRoot(image)}`);
    });
    return { missing: [] };
  }

  async login(registry: string, _credentials: Credentials): Promise<void> {
    // Credentials go with every request of the registry's client; logging in is proving they work.
    await this.clientFor(registry).checkAccess();
    this.logger.info(`credentials accepted by ${registry}`);
  }

  /** The copy already compares the tag's digest before writing it: that answers `changed` with no request more. */
  async push(source: string, target: string, where: TagLocation): Promise<Pushed> {
    const image = await this.open(source);
    const result = await copyImage(
      image,
      this.targets.targetFor(where),
      where.tag,
      this.targets.ledgerFor(where),
    );
    const what =
      result.outcome === 'unchanged'
        ? 'already there'
        : result.outcome === 'promoted'
          ? 'promoted (no blob moved)'
          : `copied (${result.blobsUploaded} blobs uploaded, ${result.blobsMounted} mounted)`;
    this.logger.info(`${target}: ${what}`);
    return {
      digest: result.digest,
      changed: result.outcome !== 'unchanged',
      before: { digest: result.previous },
    };
  }

  async close(): Promise<void> {
    const opened = await Promise.allSettled(this.sources.values());
    this.sources.clear();
    for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
  }

  private open(source: string): Promise<SourceImage> {
    let image = this.sources.get(source);
    if (!image) {
      image = this.read(source);
      this.sources.set(source, image);
    }
    return image;
  }

  private async read(source: string): Promise<SourceImage> {
    const parts = parseSource(source, this.workspace);
    // The images joined into one index (one per platform) are read together.
    const read = await Promise.allSettled(parts.map((part) => this.readPart(part, source)));
    const images = read.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      const failed = read.find((result) => result.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
      return images.length === 1 && images[0] ? images[0] : await joinSources(images);
    } catch (error) {
      await Promise.all(images.map((image) => image.close()));
      throw error;
    }
  }

  private async readPart(part: SourcePart, source: string): Promise<SourceImage> {
    switch (part.kind) {
      case 'remote':
        return openRemoteSource(
          this.clientFor(part.registry),
          part.registry,
          part.repository,
          part.reference,
          source,
        );
      case 'oci-layout':
        return readOciLayout(part.dir, part.ref);
      case 'docker-archive':
        return readDockerArchive(part.file);
    }
  }
}

function describeRoot(image: SourceImage): string {
  const root = image.root;
  return root.children.length > 0
    ? `index ${root.digest} of ${root.children.length} images`
    : `image ${root.digest} of ${Math.max(root.blobs.length - 1, 0)} layers`;
}
