import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { posix, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { UserError } from '../util/errors.js';
import { isNotFound } from '../util/errno.js';

/** Read and write in 1 MiB pieces: with the 64/16 KiB defaults, extracting is several times slower. */
const CHUNK = 1024 * 1024;
/** Symlinks pointing at symlinks: more hops than this is a loop. */
const MAX_LINK_HOPS = 16;

/**
 * Extracts the regular files of a tar archive into `dir`, streaming each to disk (a layer can be
 * GiBs), and returns where each archive path landed. Files are stored under numbered names, never
 * under their archive path, so no entry name (`../x`, `/etc/x`) can write outside `dir`. Hard links
 * and symlinks (`docker save` links a layer that two images share) map to their target's file.
 */
export async function extractTar(
  archive: string,
  dir: string,
  subject: string,
): Promise<Map<string, string>> {
  await mkdir(dir, { recursive: true });
  await checkIsFile(archive, subject);
  const { files, links } = await storeEntries(archive, dir, subject);
  resolveLinks(files, links);
  return files;
}

/** Looked at first, so that a missing file (or a directory) is told apart from a damaged one. */
async function checkIsFile(archive: string, subject: string): Promise<void> {
  const found = await stat(archive).catch((error: unknown) => {
    if (isNotFound(error)) {
      throw new UserError(subject, `${archive} does not exist`, 'give the file written by docker save');
    }
    throw error;
  });
  if (!found.isFile()) {
    throw new UserError(subject, `${archive} is not a file`, 'give the file written by docker save');
  }
}

/** What one pass over the archive found: where each regular file landed, and what each link names. */
interface StoredEntries {
  readonly files: Map<string, string>;
  readonly links: Map<string, string>;
}

/** Streams each regular file of the archive to a numbered file in `dir`; notes links for later. */
async function storeEntries(archive: string, dir: string, subject: string): Promise<StoredEntries> {
  const files = new Map<string, string>();
  let stored = 0;
  const links = new Map<string, string>();
  const extract = tar.extract();
  const input = createReadStream(archive, { highWaterMark: CHUNK });
  input.once('error', (error) => extract.destroy(error));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const name = entryName(entry.header.name);
      const { type, linkname } = entry.header;
      if ((type === 'file' || type === 'contiguous-file') && name !== undefined) {
        const path = join(dir, String(stored++));
        // tar-stream's entries are streamx streams: read them as async iterables, which node's pipeline takes.
        await pipeline(
          async function* () {
            yield* entry;
          },
          createWriteStream(path, { highWaterMark: CHUNK }),
        );
        files.set(name, path);
        continue;
      }
      if ((type === 'link' || type === 'symlink') && name !== undefined && linkname) {
        // A hard link names an archive path; a symlink is relative to its own directory.
        const target = type === 'link' ? linkname : posix.join(posix.dirname(name), linkname);
        const resolved = entryName(target);
        if (resolved !== undefined) links.set(name, resolved);
      }
      entry.resume(); // directories and the like: nothing to keep
    }
  } catch (error) {
    // A system error (disk full...) is what it says; anything else is tar-stream finding a bad archive.
    if (error instanceof Error && 'syscall' in error) throw error;
    throw new UserError(
      subject,
      `${archive} cannot be read as a tar archive (${error instanceof Error ? error.message : String(error)})`,
      'give the complete file written by docker save',
    );
  } finally {
    input.destroy();
  }
  return { files, links };
}

/** Adds each link to `files` as its target's file, following links to links; a dangling link is left out. */
function resolveLinks(files: Map<string, string>, links: ReadonlyMap<string, string>): void {
  for (const name of links.keys()) {
    let target = links.get(name);
    for (let hops = 0; target !== undefined && !files.has(target) && hops < MAX_LINK_HOPS; hops++) {
      target = links.get(target);
    }
    const path = target === undefined ? undefined : files.get(target);
    if (path !== undefined) files.set(name, path);
  }
}

/** An archive path as manifest.json writes it: no leading `./` or `/`; undefined when it climbs out (`..`). */
export function entryName(raw: string): string | undefined {
  const name = posix.normalize(raw.replace(/^\/+/, '')).replace(/\/+$/, '');
  if (name === '.' || name === '' || name === '..' || name.startsWith('../')) return undefined;
  return name;
}
