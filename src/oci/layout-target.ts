import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { isNotFound } from '../util/errno.js';
import { startProgress, type ProgressReporting } from '../util/progress.js';
import { writeChecked } from './checked-write.js';
import { ContentCheck } from './content-check.js';
import type { Descriptor } from './descriptor.js';
import { digestBytes, parseDigest, shortDigest, type ParsedDigest } from './digest.js';
import type { BlobReader } from './image.js';
import { isJsonObject, parseJsonObject } from './json.js';
import { BLOBS_DIR, REF_NAME_ANNOTATION, blobPath } from './layout-files.js';
import { layoutPathError } from './layout-path-error.js';
import { createLayoutSkeleton } from './layout-skeleton.js';
import {
  isRefName,
  readTargetIndex,
  refName,
  updateTargetIndex,
  withNamedEntry,
} from './layout-target-index.js';

/**
 * An OCI image layout written in place: blobs (manifests too) land atomically under blobs/<alg>/<hex>,
 * each checked against its digest while it streams; index.json names images by
 * `org.opencontainers.image.ref.name`, as skopeo's `oci:<dir>:<ref>` reads them.
 */
export class OciLayoutTarget {
  private readonly subject: string;
  private ready: Promise<void> | undefined;

  constructor(
    readonly dir: string,
    /** Where the progress of blobs over 64 MiB is told; nowhere when absent. */
    private readonly progress?: ProgressReporting,
  ) {
    this.subject = `oci-layout:${dir}`;
  }

  async hasBlob(digest: string): Promise<boolean> {
    try {
      return (await stat(this.blobPath(digest))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw layoutPathError(error, this.dir, this.subject);
    }
  }

  /**
   * Writes a blob into the layout unless it is there already (then `open` is not called). What
   * arrives must have the descriptor's digest and size, or nothing is written; a blob that runs past
   * its size is cut off at once. Different blobs may be written concurrently. A blob over 64 MiB logs
   * its progress.
   */
  async writeBlob(descriptor: Descriptor, open: () => Promise<BlobReader>): Promise<void> {
    const digest = this.parse(descriptor.digest);
    if (await this.hasBlob(descriptor.digest)) return;
    await this.ensureLayout();
    const path = blobPath(this.dir, digest);
    await mkdir(join(this.dir, BLOBS_DIR, digest.algorithm), { recursive: true });
    const check = new ContentCheck(
      descriptor,
      (problem) =>
        new UserError(
          this.subject,
          `blob ${descriptor.digest} is not what its descriptor says: ${problem}`,
          'the source is damaged or changed while it was copied; nothing was written',
        ),
    );
    const progress = startProgress(
      this.progress,
      `${this.subject}: ${shortDigest(descriptor.digest)}`,
      descriptor.size,
    );
    // The blob's temporary file goes in blobs/ itself: the rename stays on one filesystem.
    await writeFileAtomic(
      path,
      async (file) => writeChecked(await open(), check, file, progress),
      undefined,
      join(this.dir, BLOBS_DIR),
    );
    progress.finish();
  }

  hasManifest(digest: string): Promise<boolean> {
    return this.hasBlob(digest);
  }

  /** Stores a manifest's exact bytes as a blob; returns its digest. */
  async putManifest(bytes: Buffer, mediaType: string): Promise<string> {
    const own = parseJsonObject(bytes)?.['mediaType'];
    if (own !== undefined && own !== mediaType) {
      throw new UserError(
        this.subject,
        `a manifest that says it is ${String(own)} was given as ${mediaType}`,
      );
    }
    const digest = digestBytes(bytes);
    await this.writeBlob({ mediaType, digest, size: bytes.length }, async () => Readable.from([bytes]));
    return digest;
  }

  /**
   * Points `name` at a manifest the layout holds: index.json's entry of that name is replaced (in its
   * place), every other entry is kept, and the file is swapped atomically.
   */
  async tag(name: string, descriptor: Descriptor): Promise<void> {
    if (!isRefName(name)) {
      throw new UserError(
        this.subject,
        `'${name}' is not a valid image-layout ref name`,
        'use letters, digits and . _ - : @ + between them, components separated by /',
      );
    }
    if (!(await this.hasManifest(descriptor.digest))) {
      throw new UserError(this.subject, `cannot tag ${name}: the layout does not hold ${descriptor.digest}`);
    }
    await this.ensureLayout();
    const entry = {
      mediaType: descriptor.mediaType,
      digest: descriptor.digest,
      size: descriptor.size,
      ...(descriptor.platform === undefined ? {} : { platform: descriptor.platform }),
      annotations: { ...descriptor.annotations, [REF_NAME_ANNOTATION]: name },
    };
    await updateTargetIndex(this.dir, this.subject, (entries) => withNamedEntry(entries, name, entry));
  }

  /** A small blob's bytes (a manifest), checked against its digest; undefined when the layout lacks it. */
  async readSmallBlob(digest: string): Promise<Buffer | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.blobPath(digest));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw layoutPathError(error, this.dir, this.subject);
    }
    if (digestBytes(bytes, this.parse(digest).algorithm) !== digest) {
      throw new UserError(this.subject, `the blob ${digest} does not have its digest`, 'check the layout');
    }
    return bytes;
  }

  /** The digest index.json names `name` with, or undefined. */
  async tagDigest(name: string): Promise<string | undefined> {
    const index = await readTargetIndex(this.dir, this.subject);
    const entry = index?.manifests.find((other) => refName(other) === name);
    const digest = isJsonObject(entry) ? entry['digest'] : undefined;
    return typeof digest === 'string' ? digest : undefined;
  }

  private parse(digest: string): ParsedDigest {
    const parsed = parseDigest(digest);
    if (parsed === undefined) throw new UserError(this.subject, `malformed digest ${digest}`);
    return parsed;
  }

  private blobPath(digest: string): string {
    return blobPath(this.dir, this.parse(digest));
  }

  /** Creates the layout's skeleton once (see createLayoutSkeleton). */
  private ensureLayout(): Promise<void> {
    this.ready ??= createLayoutSkeleton(this.dir, this.subject);
    // A failed attempt (a permission error...) may be retried by the next call.
    this.ready.catch(() => {
      this.ready = undefined;
    });
    return this.ready;
  }
}
