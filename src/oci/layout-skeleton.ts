import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-file.js';
import { isNotFound } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import { parseJsonObject } from './json.js';
import { BLOBS_DIR, LAYOUT_FILE, LAYOUT_VERSION } from './layout-files.js';
import { layoutPathError } from './layout-path-error.js';

/**
 * Creates a layout's skeleton (blobs/ and its oci-layout file) where it is missing; refuses a
 * directory whose oci-layout names another version.
 */
export async function createLayoutSkeleton(dir: string, subject: string): Promise<void> {
  await mkdir(join(dir, BLOBS_DIR), { recursive: true }).catch((error: unknown) => {
    throw layoutPathError(error, dir, subject);
  });
  const file = join(dir, LAYOUT_FILE);
  const existing = await readFile(file).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  if (existing === undefined) {
    await writeFileAtomic(file, Buffer.from(JSON.stringify({ imageLayoutVersion: LAYOUT_VERSION })));
    return;
  }
  const version = parseJsonObject(existing)?.['imageLayoutVersion'];
  if (typeof version !== 'string' || !version.startsWith('1.')) {
    throw new UserError(subject, `${LAYOUT_FILE} gives no supported imageLayoutVersion (1.x)`);
  }
}
