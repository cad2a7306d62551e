import { stat } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { packageVersion } from '../release/package-version.js';
import { treeOf, type Release } from '../release/release.js';
import { packagePath } from '../../package-layout/host-layout.js';
import type { PackageName } from '../../package-layout/package-name.js';
import type { PlannedPackage } from '../plan/plan.js';
import type { PackageHost } from '../../hosts/host.js';
import type { RpmHeaderSigning } from '../../indexes/rpm-header-signing.js';
import { allInOrder } from '../../util/all-in-order.js';
import { passOverFile } from '../../util/file-pass.js';
import type { PartDigests } from '../../util/part-digests.js';
import { checkInsideWorkspace } from './inside-workspace.js';
import { namePackages } from './name-packages.js';
import { readPackageContents } from './package-contents.js';

export interface PreparedPackages {
  readonly version: string | undefined;
  readonly packages: PlannedPackage[];
}

/**
 * Names, versions, what each package says inside, checksums and what the host already holds, for every
 * package file: all checked before anything is published. `patterns` are the ones that found the files,
 * for the advice on a file that is no package.
 */
export async function preparePackages(
  release: Release,
  files: readonly string[],
  host: PackageHost | undefined,
  workspace: string,
  patterns: readonly string[] = [],
  rpmHeaders?: RpmHeaderSigning,
): Promise<PreparedPackages> {
  await checkInsideWorkspace(files, workspace);
  const expected = release.channel === 'dev' ? undefined : release.version;
  const names = await namePackages(files, expected, patterns);
  const version = packageVersion(
    release,
    names.map(({ name }) => name),
  );
  // With header signatures, the signed copy is the package from here on: hashed, indexed, published.
  const local = await signedCopies(names, rpmHeaders);
  // A host that takes files in parts has each part hashed in the same read as the whole file.
  const partSize = host?.uploadPartSize?.bind(host);
  const localOf = (given: string): string => local.get(given) ?? given;
  const pathOf = (name: PackageName): string => packagePath(treeOf(release.channel), name);
  // What the host holds at each path is asked while the files are read: one round trip for all.
  const [contents, existing] = await allInOrder([
    // The names agree with the release (above); the contents must agree with the names.
    () =>
      readPackageContents(
        names.map(({ file, name }) => ({ file: localOf(file), name })),
        partSize,
      ),
    () =>
      allInOrder(
        names.map(
          ({ file, name }) =>
            async () =>
              host === undefined
                ? undefined
                : host.existing(pathOf(name), { size: (await stat(localOf(file))).size }),
        ),
      ),
  ] as const);
  const packages = await allInOrder(
    names.map(({ file: given, name }, i) => async (): Promise<PlannedPackage> => {
      const file = localOf(given);
      const read = contents.get(file);
      // A .deb or .rpm was hashed with its contents; a tarball is hashed here.
      const { sha256, size, parts } =
        read === undefined ? await hashOf(file, partSize) : { ...read.contents.hashes, parts: read.parts };
      const there = existing[i];
      return {
        file: displayPath(given, workspace),
        localFile: file,
        path: pathOf(name),
        sha256,
        size,
        existing: there === undefined ? 'absent' : there === sha256 ? 'same' : 'different',
        contents: read?.contents,
        ...(local.has(given) ? { headerSigned: true } : {}),
        ...(parts === undefined ? {} : { parts }),
      };
    }),
  );
  // In the plan, packages follow the host's layout (deb, rpm, bin), not the order the globs found them.
  packages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { version, packages };
}

/** Each .rpm → its header-signed copy (none without header signing). */
async function signedCopies(
  names: readonly { file: string; name: { kind: string } }[],
  rpmHeaders: RpmHeaderSigning | undefined,
): Promise<ReadonlyMap<string, string>> {
  const copies = new Map<string, string>();
  if (rpmHeaders === undefined) return copies;
  for (const { file, name } of names) {
    if (name.kind === 'rpm') copies.set(file, await rpmHeaders.sign(file));
  }
  return copies;
}

async function hashOf(
  file: string,
  partSize: ((size: number) => number | undefined) | undefined,
): Promise<{ sha256: string; size: number; parts: PartDigests | undefined }> {
  const pass = await passOverFile(file, { hashes: ['sha256'], partSize });
  return { sha256: pass.digests.sha256, size: pass.size, parts: pass.parts };
}

/** Paths inside the workspace are shown relative to it, as the user wrote the pattern. */
function displayPath(file: string, workspace: string): string {
  const inside = relative(workspace, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}
