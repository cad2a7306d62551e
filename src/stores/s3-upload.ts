import { open, type FileHandle } from 'node:fs/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { UserError } from '../util/errors.js';
import type { Progress } from '../util/progress.js';
import { abortUploads, olderUploads } from './s3-abandoned-uploads.js';
import { changedSincePlanned, PartsDigest } from './s3-digest.js';

const MiB = 1024 * 1024;
/** Parts below 5 MiB are refused by S3 (except the last); 8 MiB is what `aws s3 cp` uses. */
const PART_SIZE = 8 * MiB;
/** Swift caps an upload at 1000 parts (AWS at 10000): bigger files get bigger parts. */
const MAX_PARTS = 1000;
/**
 * Parts in flight; their buffers, PART_SIZE × QUEUE_SIZE, are all the memory an upload adds whatever
 * the file's size. Against Swift, 3, 4 or 6 went no faster than 2 within the noise (a 1 GiB upload:
 * 0.81–0.89× of aws s3 cp's time either way), and each one more adds 8 MiB to the peak RSS.
 */
const QUEUE_SIZE = 2;

export function partSize(size: number): number {
  return Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS));
}

/**
 * Uploads a local file into the bucket: one PutObject up to a part's size, else a multipart upload
 * with parts sent in parallel. Each sender reads its parts from the file into one buffer of its own,
 * reused part after part: a new buffer per part (what lib-storage allocates) leaves dead parts to the
 * garbage collector, ~60 MiB of them at a time. Parts go as bytes, not streams, so the SDK can retry
 * one; a failed upload is aborted, leaving no parts behind. Each part goes into `progress` once the
 * store has it (a part the SDK sends again is counted once).
 * Returns the ETag as the server gave it (empty from radosgw's CompleteMultipartUpload).
 */
export async function uploadFile(
  client: S3Client,
  params: Omit<PutObjectCommandInput, 'Body'>,
  file: { readonly file: string; readonly size: number },
  progress?: Progress,
): Promise<string | undefined> {
  const size = partSize(file.size);
  const handle = await open(file.file, 'r');
  try {
    if (file.size <= size) {
      const body = await readPart(handle, file, Buffer.allocUnsafe(file.size), 0, file.size);
      const digest = new PartsDigest();
      await digest.add(0, body);
      if (!matchesPlanned(params, digest)) throw changedSincePlanned(file.file);
      return (await client.send(new PutObjectCommand({ ...params, Body: body }))).ETag;
    }
    return await uploadParts(client, params, handle, file, size, progress);
  } finally {
    await handle.close();
  }
}

async function uploadParts(
  client: S3Client,
  params: Omit<PutObjectCommandInput, 'Body'>,
  handle: FileHandle,
  file: { readonly file: string; readonly size: number },
  size: number,
  progress: Progress | undefined,
): Promise<string | undefined> {
  const { Bucket, Key } = params;
  const { UploadId } = await client.send(new CreateMultipartUploadCommand(params));
  if (UploadId === undefined) throw new Error(`s3://${Bucket}/${Key}: the store started no multipart upload`);
  const count = Math.ceil(file.size / size);
  const parts: CompletedPart[] = [];
  let next = 0;
  let failed = false;
  // Hashed as read, so the digest is the one of the bytes sent, whatever the file does meanwhile.
  const digest = new PartsDigest();
  const send = async (): Promise<void> => {
    const buffer = Buffer.allocUnsafe(size);
    // After one part fails the others stop taking new ones: the upload is lost anyway.
    while (!failed && next < count) {
      const index = next++;
      const start = index * size;
      const length = Math.min(size, file.size - start);
      const body = await readPart(handle, file, buffer, start, length);
      await digest.add(index, body);
      const part = await client.send(
        new UploadPartCommand({
          Bucket,
          Key,
          UploadId,
          PartNumber: index + 1,
          Body: body,
          ContentLength: length,
        }),
      );
      parts[index] = { ETag: part.ETag, PartNumber: index + 1 };
      progress?.advance(length);
    }
  };
  const senders = Array.from({ length: Math.min(QUEUE_SIZE, count) }, () =>
    send().catch((error: unknown) => {
      failed = true;
      digest.stop();
      throw error;
    }),
  );
  // Every sender settles before an abort, so no part lands after it.
  const failure = (await Promise.allSettled(senders)).find(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  try {
    if (failure !== undefined) throw failure.reason;
    if (!matchesPlanned(params, digest)) throw changedSincePlanned(file.file);
    const abandoned = await olderUploads(client, Bucket ?? '', Key ?? '', UploadId);
    const done = await client.send(
      new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }),
    );
    await abortUploads(client, Bucket ?? '', Key ?? '', abandoned);
    return done.ETag;
  } catch (error) {
    await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
    throw error;
  }
}

/** Whether the bytes hashed are the ones the `sha256` metadata announces (true when it announces none). */
function matchesPlanned(params: Omit<PutObjectCommandInput, 'Body'>, digest: PartsDigest): boolean {
  const announced = params.Metadata?.['sha256'];
  return digest.hex() === announced || announced === undefined;
}

/** `length` bytes of the file from `position` into the start of `buffer`; the file must still hold them. */
async function readPart(
  handle: FileHandle,
  file: { readonly file: string; readonly size: number },
  buffer: Buffer,
  position: number,
  length: number,
): Promise<Buffer> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) {
      throw new UserError(
        file.file,
        `ended at ${position + filled} of ${file.size} bytes: it changed while it was being published`,
        'make sure nothing rewrites the package files while the action runs, then run it again',
      );
    }
    filled += bytesRead;
  }
  return buffer.subarray(0, length);
}
