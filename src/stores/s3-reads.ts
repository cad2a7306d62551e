import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { ObjectInfo } from './object-store.js';
import { unquote, type S3Bucket } from './s3-bucket.js';
import { isNotFound } from './s3-errors.js';

// An S3Store's reads: a missing object is undefined, a failure the user can fix a UserError.

export async function headObject(bucket: S3Bucket, key: string): Promise<ObjectInfo | undefined> {
  try {
    const output = await bucket.client.send(
      new HeadObjectCommand({ Bucket: bucket.name, Key: bucket.keyOf(key) }),
    );
    return { etag: unquote(output.ETag), size: output.ContentLength ?? 0, metadata: output.Metadata ?? {} };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw bucket.explain(error);
  }
}

export async function getObject(
  bucket: S3Bucket,
  key: string,
): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
  try {
    const output = await bucket.client.send(
      new GetObjectCommand({ Bucket: bucket.name, Key: bucket.keyOf(key) }),
    );
    const bytes = Buffer.from((await output.Body?.transformToByteArray()) ?? []);
    return {
      bytes,
      info: { etag: unquote(output.ETag), size: bytes.length, metadata: output.Metadata ?? {} },
    };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw bucket.explain(error);
  }
}

export async function openObject(bucket: S3Bucket, key: string): Promise<Readable | undefined> {
  try {
    const output = await bucket.client.send(
      new GetObjectCommand({ Bucket: bucket.name, Key: bucket.keyOf(key) }),
    );
    // In Node the SDK's body is the response stream itself: nothing is buffered.
    if (!(output.Body instanceof Readable))
      throw new Error(`${bucket.description}: ${key} came without a body stream`);
    return output.Body;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw bucket.explain(error);
  }
}
