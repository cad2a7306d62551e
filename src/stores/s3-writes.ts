import { open } from 'node:fs/promises';
import type { PutObjectCommandInput } from '@aws-sdk/client-s3';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { PutBody, PutOptions } from './object-store.js';
import { unquote, type S3Bucket } from './s3-bucket.js';
import { conditionalPutError } from './s3-conditional-errors.js';
import { checkBytes } from './s3-digest.js';
import { PAYLOAD_SHA256, payloadSha256 } from './s3-payload-sha256.js';
import { sha256File } from '../util/sha256-file.js';
import { isNotFound } from './s3-errors.js';
import { headObject } from './s3-reads.js';
import { uploadFile } from './s3-upload.js';
import { fileRangeBody, pieceBuffers } from './file-range-body.js';
import { saidOfTheFile } from './s3-send-again.js';
import { sendStreamed } from './s3-streamed-send.js';
import { reportsProgress, startProgress, type Progress } from '../util/progress.js';

/**
 * Writes an object and returns its ETag: bytes in one PutObject, a file as `uploadFile` sends it, and a
 * conditional write in one PutObject tried once. A file over 64 MiB tells its progress through the
 * bucket's logger, from the start again on each call (StoreHost's next attempt of a write).
 */
export async function putObject(
  bucket: S3Bucket,
  key: string,
  body: PutBody,
  options: PutOptions,
): Promise<string> {
  const params: Omit<PutObjectCommandInput, 'Body'> = {
    Bucket: bucket.name,
    Key: bucket.keyOf(key),
    ContentType: options.contentType,
    CacheControl: options.cacheControl,
    Metadata: options.metadata === undefined ? undefined : { ...options.metadata },
  };
  const conditional = options.ifMatch !== undefined || options.ifNoneMatch === true;
  if (Buffer.isBuffer(body)) checkBytes(key, body, options.metadata?.['sha256']);
  const progress =
    !Buffer.isBuffer(body) && reportsProgress(bucket.progress, body.size)
      ? startProgress(bucket.progress, key, body.size)
      : undefined;
  let etag: string | undefined;
  try {
    if (conditional) {
      etag = await putConditional(bucket, params, body, options, progress);
    } else if (Buffer.isBuffer(body)) {
      etag = (await bucket.client.send(new PutObjectCommand({ ...params, Body: body }))).ETag;
    } else {
      etag = await uploadFile(bucket.client, bucket.partSlots, params, body, progress);
    }
    progress?.finish();
  } catch (error) {
    throw (
      (conditional ? conditionalPutError(error, key, options.ifMatch !== undefined) : undefined) ??
      bucket.explain(error)
    );
  }
  // radosgw completes a multipart upload with an empty ETag; HEAD has the real one.
  if (unquote(etag) !== '') return unquote(etag);
  const info = await headObject(bucket, key);
  if (info === undefined)
    throw new Error(`${bucket.description}: ${key} is missing right after it was written`);
  return info.etag;
}

/** Deletes an object; one already gone is no failure. */
export async function deleteObject(bucket: S3Bucket, key: string): Promise<void> {
  try {
    await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.name, Key: bucket.keyOf(key) }));
  } catch (error) {
    if (isNotFound(error)) return;
    throw bucket.explain(error);
  }
}

/**
 * One PutObject, tried once: a conditional write is part of a read-merge-write loop, and a repeat
 * after a lost response could fail against its own first attempt. A file body is streamed whole
 * (up to S3's 5 GiB single-PUT limit): new packages are created this way (If-None-Match), so they go up
 * in one PUT rather than multipart. It is signed with the sha256 its metadata announces, which
 * validation took: the store refuses the bytes if the file changed since, and the file is read once.
 */
async function putConditional(
  bucket: S3Bucket,
  params: Omit<PutObjectCommandInput, 'Body'>,
  body: PutBody,
  options: PutOptions,
  progress: Progress | undefined,
): Promise<string | undefined> {
  const conditions = {
    IfMatch: options.ifMatch === undefined ? undefined : unquote(options.ifMatch),
    IfNoneMatch: options.ifNoneMatch === true ? '*' : undefined,
  };
  if (Buffer.isBuffer(body)) {
    return (await bucket.onceClient.send(new PutObjectCommand({ ...params, ...conditions, Body: body })))
      .ETag;
  }
  const announced = options.metadata?.['sha256'];
  const sha256 = announced ?? (await sha256File(body.file));
  // Timed from when the bytes go, not while a file without announced sha256 was hashed.
  if (announced === undefined) progress?.restart();
  const handle = await open(body.file, 'r');
  try {
    const stream = fileRangeBody(handle, { start: 0, length: body.size }, pieceBuffers(), (bytes) =>
      progress?.advance(bytes),
    );
    const command = new PutObjectCommand({
      ...params,
      ...conditions,
      Body: stream,
      ContentLength: body.size,
    });
    command.middlewareStack.add(payloadSha256(sha256), PAYLOAD_SHA256);
    return (await sendStreamed(stream, (abortSignal) => bucket.onceClient.send(command, { abortSignal })))
      .ETag;
  } catch (error) {
    throw await saidOfTheFile(error, body);
  } finally {
    await handle.close();
  }
}
