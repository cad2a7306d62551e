import { paginateListObjectsV2 } from '@aws-sdk/client-s3';
import type { ListedObject } from './object-store.js';
import type { S3Bucket } from './s3-bucket.js';

/** Every object of the store under `prefix`, page after page: keys relative to the store's root, sorted. */
export async function listObjects(bucket: S3Bucket, prefix: string): Promise<ListedObject[]> {
  const found: ListedObject[] = [];
  const root = bucket.root;
  try {
    const pages = paginateListObjectsV2(
      { client: bucket.client },
      { Bucket: bucket.name, Prefix: root + prefix.replace(/^\/+/, '') },
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
    throw bucket.explain(error);
  }
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
