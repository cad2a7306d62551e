import type { PutObjectCommandInput } from '@aws-sdk/client-s3';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { PutBody, PutOptions } from './object-store.js';
import { unquote, type S3Bucket } from './s3-bucket.js';
import { conditionalPutError } from './s3-conditional-errors.js';
import { changedSincePlanned, checkBytes, fileDigests } from './s3-digest.js';
import { isNotFound, s3Failure } from './s3-errors.js';
import { headObject } from './s3-reads.js';
import { uploadFile } from './s3-upload.js';
import { fileBody } from './s3-file-body.js';
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
      etag = await uploadFile(bucket.client, params, body, progress);
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
 * in one PUT rather than multipart. Its sha256 is checked against the metadata first, and its MD5 from
 * that same read goes as Content-MD5: the store refuses the bytes (BadDigest) if the file changed since.
 */
async function putConditional(
  bucket: S3Bucket,
  params: Omit<PutObjectCommandInput, 'Body'>,
  body: PutBody,
  options: PutOptions,
  progress: Progress | undefined,
): Promise<string | undefined> {
  let md5: string | undefined;
  if (!Buffer.isBuffer(body)) {
    const digests = await fileDigests(body.file);
    const announced = options.metadata?.['sha256'];
    if (announced !== undefined && digests.sha256 !== announced) throw changedSincePlanned(body.file);
    md5 = digests.md5;
    // Timed from when the bytes go, not while the file was hashed.
    progress?.restart();
  }
  try {
    const output = await bucket.onceClient.send(
      new PutObjectCommand({
        ...params,
        ...(Buffer.isBuffer(body)
          ? { Body: body }
          : {
              Body: fileBody(body, progress),
              ContentLength: body.size,
              ContentMD5: md5,
            }),
        IfMatch: options.ifMatch === undefined ? undefined : unquote(options.ifMatch),
        IfNoneMatch: options.ifNoneMatch === true ? '*' : undefined,
      }),
    );
    return output.ETag;
  } catch (error) {
    if (!Buffer.isBuffer(body) && s3Failure(error)?.code === 'BadDigest')
      throw changedSincePlanned(body.file);
    throw error;
  }
}
