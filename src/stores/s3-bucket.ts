import type { S3Client } from '@aws-sdk/client-s3';
import type { ProgressReporting } from '../util/progress.js';
import type { S3StoreOptions } from './s3-client.js';
import { createS3Client } from './s3-client.js';
import { s3UserError, type S3Place } from './s3-errors.js';
import { PartSlots } from './part-slots.js';
import { PARTS_AT_ONCE } from './s3-upload.js';

/**
 * Where an S3Store's objects are (a bucket, a root inside it) and the clients it sends with; what its
 * reads, writes and listings share.
 */
export class S3Bucket {
  readonly name: string;
  /** `s3://<bucket>/<prefix>`, for messages. */
  readonly description: string;
  readonly client: S3Client;
  /** For conditional PUTs: an attempt that timed out may have landed, so it is never repeated blindly. */
  readonly onceClient: S3Client;
  /** Where uploads over 64 MiB tell their progress. */
  readonly progress: ProgressReporting | undefined;
  /** The parts in flight to this bucket, whatever the number of files going up at once. */
  readonly partSlots = new PartSlots(PARTS_AT_ONCE);
  private readonly prefix: string;
  private readonly place: S3Place;

  constructor(options: S3StoreOptions) {
    this.name = options.bucket;
    this.prefix = options.prefix.replace(/^\/+|\/+$/g, '');
    this.description = `s3://${this.name}/${this.prefix}`;
    this.place = {
      bucket: options.bucket,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    };
    this.client = createS3Client(options, true);
    this.onceClient = createS3Client(options, false);
    this.progress = options.progress;
  }

  /** What every object key of the store starts with: the prefix and a slash, or nothing. */
  get root(): string {
    return this.prefix === '' ? '' : `${this.prefix}/`;
  }

  /** The object key in the bucket of a store key. */
  keyOf(key: string): string {
    const relative = key.replace(/^\/+/, '');
    return this.prefix === '' ? relative : `${this.prefix}/${relative}`;
  }

  /** A failure the user can fix as a UserError that says what to do; anything else as it is. */
  explain(error: unknown): unknown {
    return s3UserError(error, this.place) ?? error;
  }
}

/** ETags travel quoted in HTTP; the port keeps them bare (radosgw compares If-Match without quotes). */
export function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/^"|"$/g, '');
}
