import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { PutObjectCommandInput, S3Client } from '@aws-sdk/client-s3';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import type { ListedObject, ObjectInfo, ObjectStore, PutBody, PutOptions } from './object-store.js';
import type { S3StoreOptions } from './s3-client.js';
import { createS3Client } from './s3-client.js';
import { conditionalPutError } from './s3-conditional-errors.js';
import { isNotFound, s3UserError, type S3Place } from './s3-errors.js';
import { uploadFile } from './s3-upload.js';

export type { S3StoreOptions } from './s3-client.js';

/** ETags travel quoted in HTTP; the port keeps them bare (radosgw compares If-Match without quotes). */
function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/^"|"$/g, '');
}

/** An S3 bucket (AWS or S3-compatible) under `s3://<bucket>/<prefix>`. */
export class S3Store implements ObjectStore {
  readonly description: string;

  private readonly bucket: string;
  private readonly prefix: string;
  private readonly place: S3Place;
  private readonly client: S3Client;
  /** For conditional PUTs: an attempt that timed out may have landed, so it is never repeated blindly. */
  private readonly onceClient: S3Client;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix.replace(/^\/+|\/+$/g, '');
    this.description = `s3://${this.bucket}/${this.prefix}`;
    this.place = {
      bucket: options.bucket,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    };
    this.client = createS3Client(options, true);
    this.onceClient = createS3Client(options, false);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const output = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }),
      );
      return { etag: unquote(output.ETag), size: output.ContentLength ?? 0, metadata: output.Metadata ?? {} };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.explain(error);
    }
  }

  async get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
    try {
      const output = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }),
      );
      const bytes = Buffer.from((await output.Body?.transformToByteArray()) ?? []);
      return {
        bytes,
        info: { etag: unquote(output.ETag), size: bytes.length, metadata: output.Metadata ?? {} },
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.explain(error);
    }
  }

  async open(key: string): Promise<Readable | undefined> {
    try {
      const output = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }),
      );
      // In Node the SDK's body is the response stream itself: nothing is buffered.
      if (!(output.Body instanceof Readable))
        throw new Error(`${this.description}: ${key} came without a body stream`);
      return output.Body;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw this.explain(error);
    }
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<string> {
    const params: Omit<PutObjectCommandInput, 'Body'> = {
      Bucket: this.bucket,
      Key: this.keyOf(key),
      ContentType: options.contentType,
      CacheControl: options.cacheControl,
      Metadata: options.metadata === undefined ? undefined : { ...options.metadata },
    };
    const conditional = options.ifMatch !== undefined || options.ifNoneMatch === true;
    let etag: string | undefined;
    try {
      if (conditional) {
        etag = await this.putConditional(params, body, options);
      } else if (Buffer.isBuffer(body)) {
        etag = (await this.client.send(new PutObjectCommand({ ...params, Body: body }))).ETag;
      } else {
        etag = await uploadFile(this.client, params, body);
      }
    } catch (error) {
      throw (
        (conditional ? conditionalPutError(error, key, options.ifMatch !== undefined) : undefined) ??
        this.explain(error)
      );
    }
    // radosgw completes a multipart upload with an empty ETag; HEAD has the real one.
    if (unquote(etag) !== '') return unquote(etag);
    const info = await this.head(key);
    if (info === undefined)
      throw new Error(`${this.description}: ${key} is missing right after it was written`);
    return info.etag;
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
    } catch (error) {
      if (isNotFound(error)) return;
      throw this.explain(error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.entries(prefix)).map((entry) => entry.key);
  }

  async entries(prefix: string): Promise<ListedObject[]> {
    const found: ListedObject[] = [];
    const root = this.prefix === '' ? '' : `${this.prefix}/`;
    try {
      const pages = paginateListObjectsV2(
        { client: this.client },
        { Bucket: this.bucket, Prefix: root + prefix.replace(/^\/+/, '') },
      );
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined) continue;
          found.push({
            key: object.Key.slice(root.length),
            lastModified: object.LastModified ?? new Date(0),
          });
        }
      }
    } catch (error) {
      throw this.explain(error);
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * One PutObject, tried once: a conditional write is part of a read-merge-write loop, and a repeat
   * after a lost response could fail against its own first attempt. A file body is streamed whole
   * (up to S3's 5 GiB single-PUT limit): new packages are created this way (If-None-Match), so they go up
   * in one PUT rather than multipart.
   */
  private async putConditional(
    params: Omit<PutObjectCommandInput, 'Body'>,
    body: PutBody,
    options: PutOptions,
  ): Promise<string | undefined> {
    const output = await this.onceClient.send(
      new PutObjectCommand({
        ...params,
        ...(Buffer.isBuffer(body)
          ? { Body: body }
          : { Body: createReadStream(body.file), ContentLength: body.size }),
        IfMatch: options.ifMatch === undefined ? undefined : unquote(options.ifMatch),
        IfNoneMatch: options.ifNoneMatch === true ? '*' : undefined,
      }),
    );
    return output.ETag;
  }

  private keyOf(key: string): string {
    const relative = key.replace(/^\/+/, '');
    return this.prefix === '' ? relative : `${this.prefix}/${relative}`;
  }

  /** A failure the user can fix as a UserError that says what to do; anything else as it is. */
  private explain(error: unknown): unknown {
    return s3UserError(error, this.place) ?? error;
  }
}
