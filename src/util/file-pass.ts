import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { fileBytes, headFirst, readFully, type ByteSource } from './byte-source.js';
import { UserError } from './errors.js';
import { PartHasher, type PartDigests } from './part-digests.js';
import { PartsOffThread } from './parts-off-thread.js';

/**
 * Bytes per read. Two buffers of this size take turns — the next read is under way while the last
 * one is hashed — so a 1 GiB file is hashed at the speed of sha256 itself (~0.7 s here, against ~1.7 s
 * streamed in 64 KiB chunks), and adds 2 MiB to the process however big the file: a stream's chunks
 * are new buffers each, ~70 MiB of them waiting for the garbage collector by the end of a 1 GiB file.
 */
const READ_BYTES = 1024 * 1024;
/** From this size on, a file's parts are hashed on a thread of their own (starting one takes ~30 ms). */
const OFF_THREAD_BYTES = 64 * READ_BYTES;

export type HashName = 'md5' | 'sha1' | 'sha256';

export interface PassOptions<H extends HashName, T> {
  /** Digests of the whole file, hex. */
  readonly hashes: readonly H[];
  /** The part size a host uploads a file of this size in, if it does (then each part is hashed too). */
  readonly partSize?: ((size: number) => number | undefined) | undefined;
  /**
   * Reads what the file says of itself (a package's metadata) while it is hashed: its first MiB comes
   * from the pass's own read, and only bytes beyond it are read again.
   */
  readonly head?: ((source: ByteSource, size: number) => Promise<T>) | undefined;
}

export interface FilePass<H extends HashName, T> {
  readonly size: number;
  readonly digests: Readonly<Record<H, string>>;
  readonly parts: PartDigests | undefined;
  readonly head: T | undefined;
}

/**
 * Reads a file once, start to end, for every digest a run needs of it: the whole file's hashes, each
 * upload part's sha256, and (through `head`) the metadata at its start. A file that ends before the
 * size it had when the pass began changed meanwhile, and is refused.
 */
export async function passOverFile<H extends HashName, T = never>(
  file: string,
  options: PassOptions<H, T>,
): Promise<FilePass<H, T>> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const read = (buffer: Buffer, position: number): Promise<Buffer> =>
      readChunk(handle, buffer, position, { file, size });
    const first = await read(Buffer.allocUnsafe(Math.min(READ_BYTES, size)), 0);
    // The first chunk has a buffer of its own, never reused: `head` may read it while the pass goes on.
    const head = options.head?.(headFirst(first, fileBytes(handle)), size);
    const hashing = hashAll(read, first, size, options);
    // Both settle before the file is closed; a bad package's own error comes before any read error.
    const [said, hashed] = await Promise.allSettled([head, hashing]);
    if (said.status === 'rejected') throw said.reason;
    if (hashed.status === 'rejected') throw hashed.reason;
    return { size, ...hashed.value, head: said.value };
  } finally {
    await handle.close();
  }
}

async function hashAll<H extends HashName>(
  read: (buffer: Buffer, position: number) => Promise<Buffer>,
  first: Buffer,
  size: number,
  options: PassOptions<H, unknown>,
): Promise<{ digests: Record<H, string>; parts: PartDigests | undefined }> {
  const hashes = options.hashes.map((name) => [name, createHash(name)] as const);
  const whole = (chunk: Buffer): void => {
    for (const [, hash] of hashes) hash.update(chunk);
  };
  const digests = (): Record<H, string> =>
    Object.fromEntries(hashes.map(([name, hash]) => [name, hash.digest('hex')])) as Record<H, string>;
  const partSize = options.partSize?.(size);
  if (partSize !== undefined && size >= OFF_THREAD_BYTES) {
    const parts = await hashPartsOffThread(read, first, size, partSize, whole);
    return { digests: digests(), parts };
  }
  const parts = partSize === undefined ? undefined : new PartHasher(partSize);
  // The next read fills one buffer while the other's bytes are hashed; then they swap.
  let filling = Buffer.allocUnsafe(READ_BYTES);
  let spare = Buffer.allocUnsafe(READ_BYTES);
  let position = first.length;
  let next = position < size ? read(filling, position) : undefined;
  whole(first);
  parts?.update(first);
  while (next !== undefined) {
    const chunk = await next;
    position += chunk.length;
    [filling, spare] = [spare, filling];
    next = position < size ? read(filling, position) : undefined;
    whole(chunk);
    parts?.update(chunk);
  }
  return { digests: digests(), parts: parts?.finish() };
}

/**
 * The pass of a big file whose parts are hashed too: the parts on a thread of their own, the whole
 * file here, both from the same chunks (read ahead into buffers the two threads share).
 */
async function hashPartsOffThread(
  read: (buffer: Buffer, position: number) => Promise<Buffer>,
  first: Buffer,
  size: number,
  partSize: number,
  whole: (chunk: Buffer) => void,
): Promise<PartDigests> {
  const parts = new PartsOffThread(partSize, READ_BYTES);
  const readAhead = async (position: number): Promise<{ slot: number; chunk: Buffer }> => {
    const { slot, bytes } = await parts.buffer();
    return { slot, chunk: await read(bytes, position) };
  };
  try {
    // The first chunk keeps its own buffer (the head reader may be reading it): the thread gets a copy.
    const start = await parts.buffer();
    first.copy(start.bytes);
    parts.hash(start.slot, first.length);
    let position = first.length;
    let next = position < size ? readAhead(position) : undefined;
    whole(first);
    while (next !== undefined) {
      const { slot, chunk } = await next;
      position += chunk.length;
      parts.hash(slot, chunk.length);
      next = position < size ? readAhead(position) : undefined;
      // Hashed here before the loop waits again: the read ahead goes into another buffer.
      whole(chunk);
    }
    return await parts.finish();
  } catch (error) {
    await parts.stop();
    throw error;
  }
}

/** The file's bytes from `position`, as many as fit in `buffer` and the file's size allow. */
function readChunk(
  handle: FileHandle,
  buffer: Buffer,
  position: number,
  file: { readonly file: string; readonly size: number },
): Promise<Buffer> {
  const length = Math.min(buffer.length, file.size - position);
  return readFully(handle, buffer, position, length, (at) => {
    return new UserError(
      file.file,
      `ended at byte ${at} of ${file.size}: it changed while it was being read`,
      'make sure nothing rewrites the package files while the action runs, then run it again',
    );
  });
}
