import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';

// A run killed mid-upload (a cancelled job, a lost runner) leaves its multipart upload open: parts
// stored and billed, listed by the store, until someone aborts them. The next run that uploads the same
// key clears them once its own upload completed — whatever they were writing is there then. Only older
// uploads of that exact key are touched, by the store's own clock, and failures are ignored: the
// release is published either way, and a bucket lifecycle rule (AbortIncompleteMultipartUpload)
// remains the backstop.

/** The open uploads of `key` begun before `ours` (listed while ours is still open, to know when it began). */
export async function olderUploads(
  client: S3Client,
  bucket: string,
  key: string,
  ours: string,
): Promise<string[]> {
  try {
    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }));
    const uploads = (listed.Uploads ?? []).filter((upload) => upload.Key === key);
    const started = uploads.find((upload) => upload.UploadId === ours)?.Initiated;
    if (started === undefined) return [];
    return uploads.flatMap((upload) =>
      upload.UploadId !== undefined &&
      upload.UploadId !== ours &&
      upload.Initiated !== undefined &&
      upload.Initiated <= started
        ? [upload.UploadId]
        : [],
    );
  } catch {
    return [];
  }
}

/** Aborts the uploads `olderUploads` found, once ours completed. */
export async function abortUploads(
  client: S3Client,
  bucket: string,
  key: string,
  uploadIds: readonly string[],
): Promise<void> {
  for (const uploadId of uploadIds) {
    await client
      .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
      .catch(() => undefined);
  }
}
