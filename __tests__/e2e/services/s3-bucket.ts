import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

/** What radosgw and Swift's S3 both give a test: an endpoint on loopback and their test credentials. */
export interface S3Service {
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * A client of the service's S3 API and a new bucket on it, for a test to look at what the action wrote.
 * Checksums only when an operation requires them: Swift's S3 rejects the SDK's default trailers.
 */
export async function newBucket(service: S3Service, bucket: string): Promise<S3Client> {
  const s3 = new S3Client({
    endpoint: service.endpoint,
    region: service.region,
    forcePathStyle: true,
    credentials: { accessKeyId: service.accessKeyId, secretAccessKey: service.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return s3;
}

/** An object a listing found, by its key below the prefix listed. */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
}

/** Every object under `prefix/` of the bucket, page after page, with its key relative to the prefix. */
export async function listBucket(s3: S3Client, bucket: string, prefix: string): Promise<ListedObject[]> {
  const objects: ListedObject[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/`, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) {
      objects.push({
        key: (object.Key ?? '').slice(prefix.length + 1),
        size: object.Size ?? 0,
        etag: object.ETag ?? '',
      });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return objects;
}
