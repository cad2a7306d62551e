import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

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
