import { createReadStream, createWriteStream } from 'node:fs';
import { UPLOAD_READ_CHUNK } from './upload-chunk.js';
import { open } from 'node:fs/promises';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { UserError } from '../util/errors.js';
import { DigestingStream } from './digesting-stream.js';

/** A layer ready to push: a gzip blob on disk, its digest and size, and the digest of the tar inside. */
export interface LayerBlob {
  readonly path: string;
  readonly digest: string;
  readonly size: number;
  readonly diffId: string;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const RESAVE = 'save the image again with docker save';
/**
 * Bigger pieces than zlib's 16 KiB and fs's 64 KiB defaults: fewer hand-offs to libuv's pool, which
 * made compression about a fifth faster on a 200 MiB layer.
 */
const CHUNK = 256 * 1024;

/**
 * Turns a layer as an archive holds it into a gzip blob, in one streaming pass. A plain tar (what
 * `docker save` writes from its own store) is compressed into `output` while both digests are taken;
 * a layer that is gzip already (saved from containerd's store) is used as it is, and unpacked only to
 * take its diff id. `name` says which layer, for errors.
 */
export async function layerBlob(
  source: string,
  output: string,
  subject: string,
  name: string,
): Promise<LayerBlob> {
  const head = await readHead(source, ZSTD_MAGIC.length);
  if (head.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC)) {
    const blob = new DigestingStream();
    const tarball = new DigestingStream();
    await pipeline(read(source), blob, createGunzip({ chunkSize: CHUNK }), tarball, discard()).catch(
      (error: unknown) => {
        if (error instanceof Error && 'syscall' in error) throw error;
        throw new UserError(subject, `layer ${name} is not a valid gzip stream (${String(error)})`, RESAVE);
      },
    );
    return { path: source, digest: blob.digest(), size: blob.size, diffId: tarball.digest() };
  }
  if (head.equals(ZSTD_MAGIC)) {
    throw new UserError(
      subject,
      `layer ${name} is zstd-compressed, which this action does not convert`,
      'save the image from a store that holds it as gzip or uncompressed, or push it with docker',
    );
  }
  const tarball = new DigestingStream();
  const blob = new DigestingStream();
  await pipeline(
    read(source),
    tarball,
    createGzip({ chunkSize: CHUNK }),
    blob,
    createWriteStream(output, { highWaterMark: CHUNK }),
  );
  return { path: output, digest: blob.digest(), size: blob.size, diffId: tarball.digest() };
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function read(path: string): Readable {
  return createReadStream(path, { highWaterMark: UPLOAD_READ_CHUNK });
}

/** A sink for bytes that only needed digesting. */
function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}
