import type { AptEntry } from './apt-entry.js';
import { deterministicGzip } from '../deterministic-gzip.js';
import { renderPackages } from './packages-file.js';
import { renderRelease, type IndexFile } from './release-file.js';
import { sha256Hex } from '../../util/sha256-hex.js';

/** Falco's suite and component: users write `deb https://download.falco.org/packages/deb stable main`. */
const SUITE = 'stable';
const COMPONENT = 'main';

export interface AptIndexesInput {
  /** The full content of each architecture's index (merged already), by Debian architecture name. */
  readonly packages: ReadonlyMap<string, readonly AptEntry[]>;
  /** Every architecture the suite serves; one with no package still gets an (empty) index. */
  readonly architectures: readonly string[];
  readonly date: Date;
  /** Also publish each index under `by-hash/SHA256/<sha256>` and say so in the Release. */
  readonly acquireByHash?: boolean;
}

export interface RepositoryFile {
  /** Relative to the repository root (`deb/` or `deb-dev/`). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface AptIndexes {
  /** Packages and Packages.gz of each architecture: published before the Release that lists them. */
  readonly indexes: readonly RepositoryFile[];
  /** The same files under their content-addressed names (with `acquireByHash`; else none). */
  readonly byHash: readonly RepositoryFile[];
  /** `dists/stable/Release`: published last, to sign and to switch clients to the new indexes at once. */
  readonly release: RepositoryFile;
}

/** `main/binary-amd64/by-hash/SHA256/<sha256>` for `main/binary-amd64/Packages`, as apt requests it. */
export function byHashPath(path: string, sha256: string): string {
  return `${path.slice(0, path.lastIndexOf('/'))}/by-hash/SHA256/${sha256}`;
}

/** The dists tree of one repository (Falco's layout: `dists/stable/main/binary-<arch>/Packages{,.gz}`). */
export function buildAptIndexes(input: AptIndexesInput): AptIndexes {
  for (const [architecture, entries] of input.packages) {
    if (!input.architectures.includes(architecture)) {
      throw new Error(`packages for ${architecture}, which the suite does not list`);
    }
    // `all` packages belong in every architecture's index; anything else only in its own.
    const stray = entries.find(
      (entry) => entry.architecture !== architecture && entry.architecture !== 'all',
    );
    if (stray) throw new Error(`${stray.filename} is ${stray.architecture}, not ${architecture}`);
  }
  const architectures = [...input.architectures].sort();
  const suiteFiles: IndexFile[] = architectures.flatMap((architecture) => {
    const text = Buffer.from(renderPackages(input.packages.get(architecture) ?? []), 'utf8');
    const directory = `${COMPONENT}/binary-${architecture}`;
    return [
      { path: `${directory}/Packages`, bytes: text },
      { path: `${directory}/Packages.gz`, bytes: deterministicGzip(text) },
    ];
  });
  const release = renderRelease({
    origin: 'Falco',
    label: 'Falco',
    suite: SUITE,
    codename: SUITE,
    date: input.date,
    architectures,
    components: [COMPONENT],
    files: suiteFiles,
    acquireByHash: input.acquireByHash === true,
  });
  return {
    indexes: suiteFiles.map((file) => ({ path: `dists/${SUITE}/${file.path}`, bytes: file.bytes })),
    byHash: input.acquireByHash
      ? suiteFiles.map((file) => ({
          path: `dists/${SUITE}/${byHashPath(file.path, sha256Hex(file.bytes))}`,
          bytes: file.bytes,
        }))
      : [],
    release: { path: `dists/${SUITE}/Release`, bytes: Buffer.from(release, 'utf8') },
  };
}
