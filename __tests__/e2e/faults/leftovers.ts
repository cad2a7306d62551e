import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { storeClient } from './object-stores.js';
import type { Scenario } from './scenario.js';
import { filesUnder } from './snapshot.js';

/**
 * What a publisher must not leave behind, even when killed: lock files and staged temporary files
 * (all dot names in this layout), objects outside the layout's prefix, incomplete multipart uploads.
 * `files` is the host's files as hostFiles copied (or found) them. One line per leftover.
 */
export async function leftovers(scenario: Scenario, files: string): Promise<string[]> {
  const found = filesUnder(files)
    .filter((file) => file.split('/').some((part) => part.startsWith('.')))
    .map((file) => `dot file ${file}`);
  if (scenario.host === 'directory') return found;
  for (const file of filesUnder(files)) {
    if (!file.startsWith('packages/')) found.push(`object outside the layout: ${file}`);
  }
  const s3 = storeClient(scenario.world, scenario.host);
  try {
    const listed = await s3.send(new ListMultipartUploadsCommand({ Bucket: scenario.name }));
    for (const upload of listed.Uploads ?? [])
      found.push(`incomplete multipart upload of ${upload.Key ?? '?'}`);
  } finally {
    s3.destroy();
  }
  return found;
}
