import { createHash } from 'node:crypto';
import { isDebianArchitecture } from '../deb/debian-architecture.js';
import { fieldValue, parseStanzas, renderStanza, type Field } from './control-stanza.js';

export interface IndexFile {
  /** Relative to `dists/<suite>/`: `main/binary-amd64/Packages.gz`. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface ReleaseInput {
  readonly origin: string;
  readonly label: string;
  readonly suite: string;
  readonly codename: string;
  /** Passed in, never read from the clock: the same input renders the same Release. */
  readonly date: Date;
  readonly architectures: readonly string[];
  readonly components: readonly string[];
  /** Every index file, compressed and not: apt refuses an index whose hash the Release does not list. */
  readonly files: readonly IndexFile[];
  /**
   * Says the indexes are also published under `by-hash/SHA256/<hash>`: apt then fetches them by the
   * hash this Release lists, so a client never pairs this Release with a newer or older index.
   */
  readonly acquireByHash?: boolean;
}

const HASHES = [
  ['MD5Sum', 'md5'],
  ['SHA1', 'sha1'],
  ['SHA256', 'sha256'],
] as const;

/**
 * The Release file of a suite, fields in the Debian archive's order. Hash lines are apt-ftparchive's:
 * ` <hex> <size right-aligned in 16 columns> <path>`, files sorted by path.
 */
export function renderRelease(input: ReleaseInput): string {
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const header: Field[] = [
    ['Origin', input.origin],
    ['Label', input.label],
    ['Suite', input.suite],
    ['Codename', input.codename],
    ['Date', rfc2822Utc(input.date)],
    ...(input.acquireByHash ? [['Acquire-By-Hash', 'yes'] as Field] : []),
    ['Architectures', input.architectures.join(' ')],
    ['Components', input.components.join(' ')],
  ];
  const blocks = HASHES.map(([field, algorithm]) => {
    const lines = files.map((file) => {
      const hex = createHash(algorithm).update(file.bytes).digest('hex');
      return ` ${hex} ${String(file.bytes.byteLength).padStart(16)} ${file.path}`;
    });
    return `${field}:\n${lines.map((line) => `${line}\n`).join('')}`;
  });
  return renderStanza(header) + blocks.join('');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Sat, 02 Jan 2021 10:00:00 UTC`, as the Debian archive writes it (apt also reads `+0000` and `GMT`). */
export function rfc2822Utc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('the Release date is not a valid date');
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC`
  );
}

export interface ReleaseListing {
  readonly path: string;
  readonly size: number;
  readonly md5?: string;
  readonly sha1?: string;
  readonly sha256?: string;
  readonly sha512?: string;
}

export interface ParsedRelease {
  /** The plain fields (Origin, Date...), hash blocks excluded. */
  readonly fields: readonly Field[];
  /** One listing per path, with every hash the Release gives for it, sorted by path. */
  readonly files: readonly ReleaseListing[];
}

const BLOCKS: Record<string, 'md5' | 'sha1' | 'sha256' | 'sha512'> = {
  md5sum: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha512: 'sha512',
};

/** Reads a Release file (ours or apt-ftparchive's); its hash blocks become one listing per file. */
export function parseRelease(text: string): ParsedRelease {
  const [fields, ...rest] = parseStanzas(text);
  if (!fields || rest.length > 0) throw new Error('a Release file is exactly one stanza');
  const listings = new Map<string, { -readonly [K in keyof ReleaseListing]: ReleaseListing[K] }>();
  const plain: Field[] = [];
  for (const [name, value] of fields) {
    const algorithm = BLOCKS[name.toLowerCase()];
    if (!algorithm) {
      plain.push([name, value]);
      continue;
    }
    for (const line of value.split('\n').filter((l) => l.trim() !== '')) {
      const [hex, size, path, extra] = line.trim().split(/\s+/);
      if (!hex || !size || !path || extra !== undefined || !/^[0-9]+$/.test(size)) {
        throw new Error(`Release ${name}: '${line.trim()}' is not '<hash> <size> <path>'`);
      }
      const listing = listings.get(path) ?? { path, size: Number(size) };
      if (listing.size !== Number(size)) throw new Error(`Release: ${path} is listed with two sizes`);
      listing[algorithm] = hex;
      listings.set(path, listing);
    }
  }
  // Each architecture becomes a path (`main/binary-<arch>/Packages`) that is read, then written again.
  for (const architecture of (fieldValue(plain, 'Architectures') ?? '').split(/\s+/).filter(Boolean)) {
    if (!isDebianArchitecture(architecture)) {
      throw new Error(`Release: Architectures '${architecture}' is not an architecture name`);
    }
  }
  const files = [...listings.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { fields: plain, files };
}

/** The value of a plain Release field, e.g. `Date`. */
export const releaseField = (release: ParsedRelease, name: string): string | undefined =>
  fieldValue(release.fields, name);
