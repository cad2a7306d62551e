import { open, type FileHandle } from 'node:fs/promises';
import { isNotFound } from '../util/errno.js';
import { UserError } from '../util/errors.js';
import type { Descriptor } from './descriptor.js';
import { parseDigest, type ParsedDigest } from './digest.js';
import { blobPath } from './layout-files.js';
import { REWRITE } from './layout-rewrite.js';

/**
 * Opens the blob's file before anything reads it, so a missing or truncated blob is a clear error
 * here rather than a failure in the middle of an upload.
 */
export async function openBlobFile(dir: string, descriptor: Descriptor, name: string): Promise<FileHandle> {
  const path = blobPath(dir, checkedDigest(descriptor, name));
  const handle = await open(path, 'r').catch((error: unknown) => {
    if (isNotFound(error)) {
      throw new UserError(name, `blob ${descriptor.digest} is missing (${path})`, REWRITE);
    }
    throw error;
  });
  try {
    const { size } = await handle.stat();
    if (size !== descriptor.size) {
      throw new UserError(
        name,
        `blob ${descriptor.digest} is ${size} bytes, not ${descriptor.size}`,
        REWRITE,
      );
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** The descriptor's digest, parsed: a malformed one is a damaged layout. */
export function checkedDigest(descriptor: Descriptor, name: string): ParsedDigest {
  const digest = parseDigest(descriptor.digest);
  if (digest === undefined) throw new UserError(name, `malformed digest ${descriptor.digest}`, REWRITE);
  return digest;
}
