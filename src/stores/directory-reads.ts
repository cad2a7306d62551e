import { open, readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { isNotFound } from '../util/errno.js';
import { sha256File } from '../util/sha256-file.js';
import { sha256Hex } from '../util/sha256-hex.js';
import { directoryUserError } from './directory-errors.js';
import type { ObjectInfo } from './object-store.js';

// A DirectoryStore's reads of the file at `path`: a missing file is undefined, a refusal the user can
// fix a UserError. The ETag, and the `sha256` metadata, is the sha256 of the content.

export async function headFile(path: string): Promise<ObjectInfo | undefined> {
  try {
    const [info, etag] = await Promise.all([stat(path), sha256File(path)]);
    return { etag, size: info.size, metadata: { sha256: etag } };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw directoryUserError(error, 'read', path) ?? error;
  }
}

export async function getFile(
  path: string,
): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
  try {
    const bytes = await readFile(path);
    const etag = sha256Hex(bytes);
    return { bytes, info: { etag, size: bytes.byteLength, metadata: { sha256: etag } } };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw directoryUserError(error, 'read', path) ?? error;
  }
}

export async function openFile(path: string): Promise<Readable | undefined> {
  // Opened before the stream exists, so a missing file is `undefined` here, not a stream error later.
  try {
    const handle = await open(path, 'r');
    // The handle's own stream closes the handle: a stream over its bare fd would close the fd while the
    // FileHandle still owned it, and the handle's collection would later close that number again, by
    // then perhaps another file's.
    return handle.createReadStream({ autoClose: true });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw directoryUserError(error, 'read', path) ?? error;
  }
}
