import type { DebControl } from './deb/deb-package.js';
import { debControlOf } from './deb/read-deb.js';
import { rpmOf } from './rpm/read-rpm.js';
import type { RpmPackage } from './rpm/rpm-package.js';
import { basename } from 'node:path';
import type { FileHashes } from '../util/file-hashes.js';
import { passOverFile } from '../util/file-pass.js';
import type { PartDigests } from '../util/part-digests.js';

/**
 * What a .deb or .rpm says of itself, with the hashes its index lists: read once, when the packages are
 * validated, then checked against the file name and indexed from the same values.
 */
export type PackageContents =
  | { readonly kind: 'deb'; readonly control: DebControl; readonly hashes: FileHashes }
  | { readonly kind: 'rpm'; readonly rpm: RpmPackage; readonly hashes: FileHashes };

/** Reads a package's metadata (a UserError naming the file when it is not a valid package) and hashes it. */
export async function readPackageContents(
  file: string,
  kind: PackageContents['kind'],
): Promise<PackageContents> {
  return (await readPackageOnce(file, kind)).contents;
}

/**
 * `readPackageContents` in one read of the file: the metadata comes from its start as the hashes go
 * by. With `partSize`, each upload part's sha256 too.
 */
export async function readPackageOnce(
  file: string,
  kind: PackageContents['kind'],
  partSize?: (size: number) => number | undefined,
): Promise<{ readonly contents: PackageContents; readonly parts: PartDigests | undefined }> {
  const subject = `packages: ${basename(file)}`;
  const hashes = ['md5', 'sha1', 'sha256'] as const;
  if (kind === 'deb') {
    const pass = await passOverFile(file, {
      hashes,
      partSize,
      head: (source, size) => debControlOf(source, size, subject),
    });
    return { contents: { kind, control: required(pass.head), hashes: hashesOf(pass) }, parts: pass.parts };
  }
  const pass = await passOverFile(file, {
    hashes,
    partSize,
    head: (source, size) => rpmOf(source, size, subject),
  });
  return { contents: { kind, rpm: required(pass.head), hashes: hashesOf(pass) }, parts: pass.parts };
}

function hashesOf(pass: {
  size: number;
  digests: Readonly<Record<'md5' | 'sha1' | 'sha256', string>>;
}): FileHashes {
  return { size: pass.size, ...pass.digests };
}

/** A pass given a `head` reader returns what it read. */
function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the pass over the file returned no metadata');
  return value;
}
