import { OciLayoutTarget } from '../oci/layout-target.js';
import type { RegistryClient } from '../registry/client.js';
import type { ProgressReporting } from '../util/progress.js';
import type { BlobLedger } from './copy-image.js';
import type { CopyTarget } from './copy-target.js';
import type { TagLocation } from './driver.js';
import { targetName } from './image-target.js';
import { LayoutCopyTarget } from './layout-copy-target.js';
import { RegistryCopyTarget } from './registry-copy-target.js';

/**
 * Where one run copies images to: a target per repository and, per registry, where each blob was
 * stored. Kept for the whole run, so what one tag's copy learns serves the next.
 */
export class CopyTargets {
  private readonly layouts = new Map<string, OciLayoutTarget>();
  /** One target per repository, so what it learns (manifests it holds) serves every tag. */
  private readonly targets = new Map<string, CopyTarget>();
  /** Per registry: a repository that holds each blob this run saw there (for cross-repository mounts). */
  private readonly blobHomes = new Map<string, Map<string, string>>();
  /** Per registry: the blobs a copy of this run is storing there right now, settled when it is done. */
  private readonly storing = new Map<string, Map<string, Promise<unknown>>>();

  constructor(
    private readonly clientFor: (registry: string) => RegistryClient,
    /** Where a layout target tells the progress of large blobs (a registry's client has its own logger). */
    private readonly progress?: ProgressReporting,
  ) {}

  targetFor(where: TagLocation): CopyTarget {
    const key = `${targetName(where.registry)}\u0000${where.repository}`;
    let target = this.targets.get(key);
    if (!target) {
      target = this.newTarget(where);
      this.targets.set(key, target);
    }
    return target;
  }

  ledgerFor(where: TagLocation): BlobLedger {
    const registry = targetName(where.registry);
    let homes = this.blobHomes.get(registry);
    if (!homes) {
      homes = new Map();
      this.blobHomes.set(registry, homes);
    }
    const known = homes;
    let busy = this.storing.get(registry);
    if (!busy) {
      busy = new Map();
      this.storing.set(registry, busy);
    }
    const inFlight = busy;
    return {
      whereIs: (digest) => {
        const repository = known.get(digest);
        return repository === undefined ? undefined : { registry, repository };
      },
      stored: (digest) => void known.set(digest, where.repository),
      async alone(digest, store) {
        // Looked at again after each wait: another waiter may have taken its turn first.
        for (let other = inFlight.get(digest); other !== undefined; other = inFlight.get(digest)) {
          await other.catch(() => undefined);
        }
        const mine = store();
        inFlight.set(digest, mine);
        try {
          return await mine;
        } finally {
          if (inFlight.get(digest) === mine) inFlight.delete(digest);
        }
      },
    };
  }

  private newTarget(where: TagLocation): CopyTarget {
    const target = where.registry;
    if (target.kind === 'oci-layout') {
      const { dir } = target;
      let layout = this.layouts.get(dir);
      if (!layout) {
        layout = new OciLayoutTarget(dir, this.progress);
        this.layouts.set(dir, layout);
      }
      return new LayoutCopyTarget(layout, where.repository);
    }
    return new RegistryCopyTarget(this.clientFor(target.host), target.host, where.repository);
  }
}
