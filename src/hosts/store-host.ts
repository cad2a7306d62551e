import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../util/errors.js';
import { backoffDelay, realSleep } from '../util/retry.js';
import {
  ConditionalWritesUnsupported,
  IMMUTABLE,
  PreconditionFailed,
  WriteOutcomeUnknown,
  type ObjectStore,
  type RepositoryStore,
} from '../stores/object-store.js';
import type { PartDigests } from '../util/part-digests.js';
import type { PackageHost } from './host.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  deb: 'application/vnd.debian.binary-package',
  rpm: 'application/x-rpm',
  gz: 'application/gzip',
};
/** A key no publisher writes: a conditional write to it tells whether the store has them, and writes nothing. */
const PROBE_KEY = '.falco-publisher/conditional-write-probe';
/** Writes of one package that failed without landing before the store is given up on. */
const PUT_ATTEMPTS = 4;

/**
 * Packages on an object store (a directory, an S3 bucket), laid out like Falco's download server. The
 * sha256 travels as object metadata, so "already published?" is one HEAD, not a download; a new
 * package is created with `If-None-Match: *`, so two publishers racing for one name cannot overwrite
 * each other. The store checks the sha256 where it can (a directory hashes what it copied), so a local
 * file that changed since it was planned is not published.
 */
export class StoreHost implements PackageHost {
  readonly description: string;
  private conditional = true;

  constructor(
    private readonly store: ObjectStore,
    /** The workflow already serializes publishers (a `concurrency:` group): no conditional writes needed. */
    private readonly serialized: boolean,
  ) {
    this.description = store.description;
  }

  /**
   * Before anything is published: a store without conditional writes (Swift answers 501) cannot keep
   * concurrent publishers apart, so it is refused unless the workflow serializes them. A store whose
   * conditional writes cannot be missing (a directory) is not probed.
   */
  async check(): Promise<void> {
    if (this.store.conditionalWritesGuaranteed === true) return;
    try {
      await this.store.put(PROBE_KEY, Buffer.alloc(0), { ifMatch: 'no-object-has-this-etag' });
      // The write went through: the store ignores conditions, which is as bad as refusing them.
      await this.store.delete(PROBE_KEY);
    } catch (error) {
      if (error instanceof PreconditionFailed) return; // refused as it should be: conditions work
      if (error instanceof WriteOutcomeUnknown) {
        throw new UserError(
          'package-host',
          `the check of conditional writes failed: ${error.message}`,
          'run again',
        );
      }
      if (!(error instanceof ConditionalWritesUnsupported)) throw error;
    }
    if (!this.serialized) {
      throw new UserError(
        'package-host',
        `${this.store.description} does not support conditional writes (If-None-Match / If-Match), so two publishers at once could overwrite each other`,
        'run publishers one at a time with a workflow `concurrency:` group, then set serialized: true',
      );
    }
    this.conditional = false;
  }

  repositoryStore(): RepositoryStore {
    return { store: this.store, conditional: this.conditional };
  }

  async existing(path: string): Promise<string | undefined> {
    const info = await this.store.head(path);
    if (info === undefined) return undefined;
    const recorded = info.metadata['sha256'];
    if (recorded !== undefined && /^[a-f0-9]{64}$/.test(recorded)) return recorded;
    // Uploaded by another tool, without our metadata: read it once to know what it is.
    const body = await this.store.open(path);
    if (body === undefined) return undefined;
    const hash = createHash('sha256');
    await pipeline(body, hash);
    return hash.digest('hex');
  }

  /**
   * A store that keeps conditional writes gets a new package as one create-only PUT, checked against
   * its whole sha256; only a store without them (Swift, serialized) takes it in parts.
   */
  uploadPartSize(size: number): number | undefined {
    return this.conditional ? undefined : this.store.uploadPartSize?.(size);
  }

  async put(
    path: string,
    localFile: string,
    options: { sha256: string; replace: boolean; parts?: PartDigests | undefined },
  ): Promise<void> {
    const { size } = await stat(localFile);
    const extension = path.slice(path.lastIndexOf('.') + 1);
    const createOnly = !options.replace && this.conditional;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.put(
          path,
          { file: localFile, size, parts: options.parts },
          {
            ...(createOnly ? { ifNoneMatch: true } : {}),
            metadata: { sha256: options.sha256 },
            cacheControl: IMMUTABLE,
            contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
          },
        );
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailed || error instanceof WriteOutcomeUnknown)) throw error;
        // Someone published this name since the plan was made (fine if it is the same package), or the
        // store's answer left open whether our write landed (a 500, a broken connection): look.
        const there = await this.existing(path);
        if (there === options.sha256) return;
        if (there !== undefined) {
          throw new UserError(
            `packages: ${path}`,
            'was published with different content by someone else meanwhile',
            'publish a new version, or set overwrite: true',
          );
        }
        // Not there: the write did not land; write it again, a few times.
        if (attempt >= PUT_ATTEMPTS) throw error;
        await realSleep(backoffDelay(attempt, 200, 2_000));
      }
    }
  }
}
