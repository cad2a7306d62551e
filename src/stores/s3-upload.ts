import { createReadStream } from 'node:fs';
import type { PutObjectCommandInput, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

const MiB = 1024 * 1024;
/** Parts below 5 MiB are refused by S3 (except the last); 8 MiB is what `aws s3 cp` uses. */
const PART_SIZE = 8 * MiB;
/** Swift caps an upload at 1000 parts (AWS at 10000): bigger files get bigger parts. */
const MAX_PARTS = 1000;
/** Parts in flight; memory stays near PART_SIZE × QUEUE_SIZE whatever the file's size. */
const QUEUE_SIZE = 4;

export function partSize(size: number): number {
  return Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS));
}

/**
 * Streams a local file into the bucket: one PutObject below a part's size, else a multipart upload
 * with parts sent in parallel. lib-storage holds each part as bytes, so the SDK can retry a part (a
 * consumed stream could not be resent); a failed upload is aborted, leaving no parts behind.
 * Returns the ETag as the server gave it (empty from radosgw's CompleteMultipartUpload).
 */
export async function uploadFile(
  client: S3Client,
  params: Omit<PutObjectCommandInput, 'Body'>,
  file: { readonly file: string; readonly size: number },
): Promise<string | undefined> {
  const upload = new Upload({
    client,
    params: { ...params, Body: createReadStream(file.file) },
    partSize: partSize(file.size),
    queueSize: QUEUE_SIZE,
    leavePartsOnError: false,
  });
  const result = await upload.done();
  return result.ETag;
}
