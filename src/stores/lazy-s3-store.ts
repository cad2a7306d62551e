import type { Readable } from 'node:stream';
import type { ListedObject, ObjectInfo, ObjectStore, PutBody, PutOptions } from './object-store.js';
import type { S3StoreOptions } from './s3-client.js';

/**
 * An S3Store whose code (the AWS SDK, over a megabyte) is loaded only when the run uses it: the bundle
 * splits it into its own chunk, so image-only runs start and stay as lean as before.
 */
export class LazyS3Store implements ObjectStore {
  readonly description: string;
  private store: Promise<ObjectStore> | undefined;

  constructor(private readonly options: S3StoreOptions) {
    this.description = `s3://${options.bucket}/${options.prefix.replace(/^\/+|\/+$/g, '')}`;
  }

  private load(): Promise<ObjectStore> {
    this.store ??= import('./s3-store.js').then(({ S3Store }) => new S3Store(this.options));
    return this.store;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    return (await this.load()).head(key);
  }
  async get(key: string): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
    return (await this.load()).get(key);
  }
  async open(key: string): Promise<Readable | undefined> {
    return (await this.load()).open(key);
  }
  async put(key: string, body: PutBody, options?: PutOptions): Promise<string> {
    return (await this.load()).put(key, body, options);
  }
  async delete(key: string): Promise<void> {
    return (await this.load()).delete(key);
  }
  async list(prefix: string): Promise<string[]> {
    return (await this.load()).list(prefix);
  }
  async entries(prefix: string): Promise<ListedObject[]> {
    return (await this.load()).entries(prefix);
  }
}
