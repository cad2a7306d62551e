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
import { passOverFile } from '../util/file-pass.js';
import { mapConcurrent } from '../util/map-concurrent.js';
import { sha256File } from '../util/sha256-file.js';
import type { PartDigests } from '../util/part-digests.js';
import type { Progress } from '../util/progress.js';
import { abortUploads, olderUploads } from './s3-abandoned-uploads.js';
import { changedSincePlanned } from './s3-digest.js';
import { fileRangeBody, pieceBuffers } from './file-range-body.js';
import type { PartSlots } from './part-slots.js';
import { PAYLOAD_SHA256, payloadSha256 } from './s3-payload-sha256.js';
import { sendAgainOnFailure } from './s3-send-again.js';
import { sendStreamed } from './s3-streamed-send.js';

const MiB = 1024 * 1024;
/** Parts below 5 MiB are refused by S3 (except the last); 8 MiB is what `aws s3 cp` uses. */
const PART_SIZE = 8 * MiB;
/** Swift caps an upload at 1000 parts (AWS at 10000): bigger files get bigger parts. */
const MAX_PARTS = 1000;
/**
 * Parts in flight, for all the uploads to one store together (see PartSlots). Each is streamed from
 * the file through 2 MiB of buffers (file-range-body.ts), not held whole, so one more costs a socket
 * and 2 MiB. A 1 GiB upload to Swift 50 ms away, the whole action: 2 parts 11.9 s, 4 7.9 s, 6 7.4 s,
 * 8 6.6 s, 10 6.9 s, 12 6.8 s (the store is then the limit); `aws s3 cp`, 10 threads, about 7.5 s.
 */
export const PARTS_AT_ONCE = 8;

/** The part size of a file of `size` bytes, or undefined when it goes up whole, in one PutObject. */
export function uploadPartSize(size: number): number | undefined {
  return size <= PART_SIZE ? undefined : Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS));
}

type Params = Omit<PutObjectCommandInput, 'Body'>;
type LocalFile = { readonly file: string; readonly size: number; readonly parts?: PartDigests | undefined };
type OpenFile = LocalFile & { readonly handle: FileHandle };

/**
 * Uploads a local file into the bucket: one PutObject up to a part's size, else a multipart upload of
 * parts sent in parallel. Every body is streamed from the file and signed with its sha256 (the whole
 * file's is the `sha256` metadata, each part's comes with the file as validation hashed it), so the
 * file is only read to be sent, and the store itself refuses bytes that are not the ones planned. A
 * file given without part digests is hashed first, in a read of its own. A failed upload is aborted,
 * leaving no parts behind. Each part goes into `progress` once the store has it.
 * Returns the ETag as the server gave it (empty from radosgw's CompleteMultipartUpload).
 */
export async function uploadFile(
  client: S3Client,
  slots: PartSlots,
  params: Params,
  file: LocalFile,
  progress?: Progress,
): Promise<string | undefined> {
  const announced = params.Metadata?.['sha256'];
  const partSize = uploadPartSize(file.size);
  const handle = await open(file.file, 'r');
  try {
    if (partSize === undefined) {
      const sha256 = announced ?? (await sha256File(file.file));
      return await putWhole(client, params, { ...file, handle }, sha256);
    }
    const parts = givenParts(file, partSize) ?? (await digestsOf(file.file, partSize, announced));
    return await uploadParts(client, slots, params, { ...file, handle }, parts, progress);
  } finally {
    await handle.close();
  }
}

/** The part digests that came with the file, if they are of the parts this upload sends. */
function givenParts(file: LocalFile, partSize: number): PartDigests | undefined {
  const { parts } = file;
  return parts?.partSize === partSize && parts.sha256.length === Math.ceil(file.size / partSize)
    ? parts
    : undefined;
}

/**
 * One PutObject of the whole file (a part's size at most, so no progress to tell), sent again from the
 * start of the file after a failure that allows it.
 */
async function putWhole(
  client: S3Client,
  params: Params,
  file: OpenFile,
  sha256: string,
): Promise<string | undefined> {
  return sendAgainOnFailure(file, async () => {
    const body = fileRangeBody(file.handle, { start: 0, length: file.size }, pieceBuffers());
    const command = new PutObjectCommand({ ...params, Body: body, ContentLength: file.size });
    command.middlewareStack.add(payloadSha256(sha256), PAYLOAD_SHA256);
    return (await sendStreamed(body, (abortSignal) => client.send(command, { abortSignal }))).ETag;
  });
}

async function uploadParts(
  client: S3Client,
  slots: PartSlots,
  params: Params,
  file: OpenFile,
  digests: PartDigests,
  progress: Progress | undefined,
): Promise<string | undefined> {
  const { Bucket, Key } = params;
  const { UploadId } = await client.send(new CreateMultipartUploadCommand(params));
  if (UploadId === undefined) throw new Error(`s3://${Bucket}/${Key}: the store started no multipart upload`);
  const sendPart = (sha256: string, index: number): Promise<CompletedPart> => {
    const start = index * digests.partSize;
    const length = Math.min(digests.partSize, file.size - start);
    return slots.run(async (slot) => {
      const ETag = await sendAgainOnFailure(file, async () => {
        const body = fileRangeBody(file.handle, { start, length }, slot.buffers);
        const command = new UploadPartCommand({
          Bucket,
          Key,
          UploadId,
          PartNumber: index + 1,
          Body: body,
          ContentLength: length,
        });
        command.middlewareStack.add(payloadSha256(sha256), PAYLOAD_SHA256);
        try {
          return (await sendStreamed(body, (abortSignal) => client.send(command, { abortSignal }))).ETag;
        } catch (error) {
          slot.renew();
          throw error;
        }
      });
      progress?.advance(length);
      return { ETag, PartNumber: index + 1 };
    });
  };
  try {
    // After a part fails no other starts (the upload is lost anyway), and every part under way settles
    // before the abort: none lands after it.
    const parts = await mapConcurrent(digests.sha256, PARTS_AT_ONCE, sendPart);
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

/**
 * The part digests of a file no validation hashed in parts (a file re-signed by this run, or one a host
 * puts of its own), with the whole file's sha256 from the same read checked against the one announced.
 */
async function digestsOf(file: string, size: number, announced: string | undefined): Promise<PartDigests> {
  const pass = await passOverFile(file, { hashes: ['sha256'], partSize: () => size });
  if (pass.parts === undefined || (announced !== undefined && pass.digests.sha256 !== announced)) {
    throw changedSincePlanned(file);
  }
  return pass.parts;
}
