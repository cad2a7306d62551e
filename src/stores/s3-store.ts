import type { Readable } from 'node:stream';
import type { ListedObject, ObjectInfo, ObjectStore, PutBody, PutOptions } from './object-store.js';
import { S3Bucket } from './s3-bucket.js';
import type { S3StoreOptions } from './s3-client.js';
import { listObjects } from './s3-listing.js';
import { getObject, headObject, openObject } from './s3-reads.js';
import { uploadPartSize } from './s3-upload.js';
import { deleteObject, putObject } from './s3-writes.js';

export type { S3StoreOptions } from './s3-client.js';

/** An S3 bucket (AWS or S3-compatible) under `s3://<bucket>/<prefix>`. */
export class S3Store implements ObjectStore {
  readonly description: string;

  private readonly bucket: S3Bucket;

  constructor(options: S3StoreOptions) {
    this.bucket = new S3Bucket(options);
    this.description = this.bucket.description;
  }

  head(key: string): Promise<ObjectInfo | undefined> {
    return headObject(this.bucket, key);
  }

  get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
    return getObject(this.bucket, key);
  }

  open(key: string): Promise<Readable | undefined> {
    return openObject(this.bucket, key);
  }

  uploadPartSize(size: number): number | undefined {
    return uploadPartSize(size);
  }

  put(key: string, body: PutBody, options: PutOptions = {}): Promise<string> {
    return putObject(this.bucket, key, body, options);
  }

  delete(key: string): Promise<void> {
    return deleteObject(this.bucket, key);
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.entries(prefix)).map((entry) => entry.key);
  }

  entries(prefix: string): Promise<ListedObject[]> {
    return listObjects(this.bucket, prefix);
  }
}
