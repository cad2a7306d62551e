import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import type { Descriptor } from './descriptor.js';
import type { BlobReader } from './image.js';
import { checkedChunks, ContentCheck } from './content-check.js';
import { digestBytes, parseDigest, type ParsedDigest } from './digest.js';
import { isJsonObject, parseJsonObject, type JsonObject } from './json.js';
import {
  BLOBS_DIR,
  INDEX_FILE,
  LAYOUT_FILE,
  LAYOUT_VERSION,
  REF_NAME_ANNOTATION,
  blobPath,
} from './layout-files.js';
import { MediaTypes } from './media-types.js';
import { hasErrnoCode, isNotFound } from '../util/errno.js';

/**
 * The ref-name grammar of the image-layout spec (`component ("/" component)*`), which skopeo also
 * enforces: a name outside it would be written but could not be read back with `oci:<dir>:<name>`.
 */
const COMPONENT = '[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*';
const REF_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);

/**
 * index.json rewrites of one directory, chained: each reads the file the previous one wrote, so two
 * tags set at once both survive. Keyed by absolute path, so two targets over one directory share it.
 */
const indexQueues = new Map<string, Promise<void>>();

/**
 * An OCI image layout written in place: blobs (manifests too) land atomically under blobs/<alg>/<hex>,
 * each checked against its digest while it streams; index.json names images by
 * `org.opencontainers.image.ref.name`, as skopeo's `oci:<dir>:<ref>` reads them.
 */
export class OciLayoutTarget {
  private readonly subject: string;
  private ready: Promise<void> | undefined;

  constructor(readonly dir: string) {
    this.subject = `oci-layout:${dir}`;
  }

  async hasBlob(digest: string): Promise<boolean> {
    try {
      return (await stat(this.blobPath(digest))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw this.notADirectory(error);
    }
  }

  /**
   * Writes a blob into the layout unless it is there already (then `open` is not called). What
   * arrives must have the descriptor's digest and size, or nothing is written; a blob that runs past
   * its size is cut off at once. Different blobs may be written concurrently.
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
    // The blob's temporary file goes in blobs/ itself: the rename stays on one filesystem.
    await writeFileAtomic(
      path,
      async (file) => writeChecked(await open(), check, file),
      undefined,
      join(this.dir, BLOBS_DIR),
    );
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
    if (!REF_NAME.test(name)) {
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
    await this.updateIndex((entries) => {
      const others = entries.filter((other) => refName(other) !== name);
      const at = entries.findIndex((other) => refName(other) === name);
      return at < 0 ? [...others, entry] : [...others.slice(0, at), entry, ...others.slice(at)];
    });
  }

  /** The digest index.json names `name` with, or undefined. */
  async tagDigest(name: string): Promise<string | undefined> {
    const index = await this.readIndex();
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

  /** Creates the layout's skeleton once; refuses a directory whose oci-layout names another version. */
  private ensureLayout(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(join(this.dir, BLOBS_DIR), { recursive: true }).catch((error: unknown) => {
        throw this.notADirectory(error);
      });
      const file = join(this.dir, LAYOUT_FILE);
      const existing = await readFile(file).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      if (existing === undefined) {
        await writeFileAtomic(file, Buffer.from(JSON.stringify({ imageLayoutVersion: LAYOUT_VERSION })));
        return;
      }
      const version = parseJsonObject(existing)?.['imageLayoutVersion'];
      if (typeof version !== 'string' || !version.startsWith('1.')) {
        throw new UserError(this.subject, `${LAYOUT_FILE} gives no supported imageLayoutVersion (1.x)`);
      }
    })();
    // A failed attempt (a permission error...) may be retried by the next call.
    this.ready.catch(() => {
      this.ready = undefined;
    });
    return this.ready;
  }

  /**
   * The error for a layout path that runs through a file (the target names a file, or blobs/ is one):
   * the user names another directory or moves the file. Any other error is returned as it is.
   */
  private notADirectory(error: unknown): unknown {
    if (!hasErrnoCode(error, 'ENOTDIR') && !hasErrnoCode(error, 'EEXIST')) return error;
    return new UserError(
      this.subject,
      `${this.dir} is not a directory, or holds a file where the layout needs one (blobs/)`,
      'name a directory for the layout (it is created if it does not exist)',
    );
  }

  /** index.json as an object with its manifests list; undefined when there is none yet. */
  private async readIndex(): Promise<{ index: JsonObject; manifests: readonly unknown[] } | undefined> {
    const bytes = await readFile(join(this.dir, INDEX_FILE)).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw this.notADirectory(error);
    });
    if (bytes === undefined) return undefined;
    const index = parseJsonObject(bytes);
    const manifests: unknown = index?.['manifests'];
    if (index === undefined || !Array.isArray(manifests)) {
      // Never overwritten: it may hold the user's other images.
      throw new UserError(this.subject, `${INDEX_FILE} is not an image index with a manifests list`);
    }
    return { index, manifests };
  }

  /** Rewrites index.json's manifests list, one rewrite at a time per directory (see indexQueues). */
  private async updateIndex(change: (entries: readonly unknown[]) => readonly unknown[]): Promise<void> {
    const key = resolve(this.dir);
    const previous = indexQueues.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined) // the previous writer's failure is its caller's
      .then(async () => {
        const current = await this.readIndex();
        const index = current?.index ?? { schemaVersion: 2, mediaType: MediaTypes.ociIndex };
        // Other fields of an existing index.json (its annotations...) are kept as they are.
        const updated = { ...index, manifests: change(current?.manifests ?? []) };
        await writeFileAtomic(join(this.dir, INDEX_FILE), Buffer.from(JSON.stringify(updated)));
      });
    indexQueues.set(key, next);
    try {
      await next;
    } finally {
      if (indexQueues.get(key) === next) indexQueues.delete(key);
    }
  }
}

/**
 * Writes a blob's chunks into `file` through `check`, each one on its way before the next is asked for
 * (the reader may reuse its buffer), and ends the file once the whole content checked out.
 */
async function writeChecked(reader: BlobReader, check: ContentCheck, file: Writable): Promise<void> {
  // A failed write reports to its callback; without a listener the 'error' it also emits would throw.
  file.on('error', () => undefined);
  try {
    for await (const chunk of checkedChunks(reader, check)) {
      await new Promise<void>((resolve, reject) => {
        file.write(chunk, (error) => (error ? reject(error) : resolve()));
      });
    }
  } finally {
    reader.destroy();
  }
  file.end();
  await finished(file);
}

function refName(entry: unknown): string | undefined {
  const annotations = isJsonObject(entry) ? entry['annotations'] : undefined;
  const name = isJsonObject(annotations) ? annotations[REF_NAME_ANNOTATION] : undefined;
  return typeof name === 'string' ? name : undefined;
}
