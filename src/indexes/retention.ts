import type { RepositoryPlace, RetentionClass } from '../package-layout/host-layout.js';
import { UserError } from '../util/errors.js';

/** How much of a dev tree retention keeps: the newest versions by count, or by their total size. */
export type RetentionLimit = { readonly versions: number } | { readonly bytes: number };

/** The limit of each dev tree; a kind without one is never pruned. */
export type Retention = Readonly<Partial<Record<RetentionClass, RetentionLimit>>>;

/** Binary units only: a size written in decimal units (GB) would be off by 7 % at GiB scale. */
const UNITS = { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 } as const;
type Unit = keyof typeof UNITS;

/** Falco's practice: deb-dev and rpm-dev capped at 10 GiB each, oldest first out; bin-dev never pruned. */
export const DEFAULT_RETENTION: Retention = {
  deb: { bytes: 10 * UNITS.GiB },
  rpm: { bytes: 10 * UNITS.GiB },
};

const FORM =
  'write e.g. deb=10GiB,rpm=10GiB (a total size in KiB, MiB, GiB or TiB), deb=50 (a count of versions), or none; a kind not named is not pruned';

/**
 * Parses `dev-retention`: `none`, or `kind=limit` pairs separated by commas or spaces, each limit a
 * count of versions (`deb=50`) or a total size in binary units (`deb=10GiB`). Empty: the default.
 */
export function parseRetention(value: string): Retention {
  const pairs = value.split(/[\s,]+/).filter(Boolean);
  if (pairs.length === 0) return DEFAULT_RETENTION;
  if (pairs.some((pair) => pair.toLowerCase() === 'none')) {
    if (pairs.length > 1) {
      throw new UserError('dev-retention', `'${value.trim()}' mixes none with limits`, FORM);
    }
    return {};
  }
  const retention: Partial<Record<RetentionClass, RetentionLimit>> = {};
  for (const pair of pairs) {
    const match = /^(deb|rpm|bin)=(.*)$/.exec(pair);
    if (!match) throw new UserError('dev-retention', `'${pair}' is not <deb|rpm|bin>=<limit>`, FORM);
    const kind = match[1] as RetentionClass;
    if (retention[kind] !== undefined) {
      throw new UserError('dev-retention', `names ${kind} twice`, 'give each kind one limit');
    }
    retention[kind] = parseLimit(pair, match[2] ?? '');
  }
  return retention;
}

function parseLimit(pair: string, text: string): RetentionLimit {
  if (/^\d+$/.test(text)) {
    const versions = Number(text);
    if (versions < 1 || !Number.isSafeInteger(versions)) {
      throw new UserError('dev-retention', `'${pair}' keeps no version`, 'keep at least 1');
    }
    return { versions };
  }
  const size = /^(\d+)([KMGT])(i?)B$/i.exec(text);
  if (!size) throw new UserError('dev-retention', `'${pair}' is not <deb|rpm|bin>=<limit>`, FORM);
  const [, digits = '', prefix = '', binary] = size;
  const unit = `${prefix.toUpperCase()}iB` as Unit;
  if (binary === '') {
    throw new UserError(
      'dev-retention',
      `'${pair}' is in decimal units`,
      `sizes are binary: write ${digits}${unit} (1 ${unit} = ${UNITS[unit]} bytes)`,
    );
  }
  const bytes = Number(digits) * UNITS[unit];
  if (bytes < 1) throw new UserError('dev-retention', `'${pair}' keeps nothing`, 'give at least 1KiB');
  // Sizes are added up as numbers: past 2^53 bytes (8 PiB) they would no longer be exact.
  if (!Number.isSafeInteger(bytes)) {
    throw new UserError('dev-retention', `'${pair}' is too large`, 'give at most 8191TiB');
  }
  return { bytes };
}

/** The limit of a repository: dev trees (`deb-dev`, ...) named in `dev-retention`; stable ones never. */
export function limitFor(place: RepositoryPlace, retention: Retention): RetentionLimit | undefined {
  return place.retention === undefined ? undefined : retention[place.retention];
}

/** `the newest 50 versions`, `the newest versions within 10 GiB`: a limit as the plan shows it. */
export function describeLimit(limit: RetentionLimit): string {
  if ('versions' in limit) return `the newest ${limit.versions} version${limit.versions === 1 ? '' : 's'}`;
  return `the newest versions within ${formatBytes(limit.bytes)}`;
}

/** Bytes in the largest binary unit that divides them exactly (`10 GiB`), else in bytes. */
export function formatBytes(bytes: number): string {
  const units = Object.entries(UNITS).reverse();
  const [unit, size] = units.find(([, size]) => bytes % size === 0) ?? ['bytes', 1];
  return `${bytes / size} ${unit}`;
}

/** What an index update prunes by: the limit, and for a size limit what the host keeps beside each package. */
export interface Pruning {
  readonly limit: RetentionLimit;
  /** Bytes of the files beside each package (`.asc`, `.sigstore.json`), by its path relative to the root. */
  readonly besideBytes: ReadonlyMap<string, number>;
}
