import type { RepositoryPlace } from '../package-layout/host-layout.js';
import { UserError } from '../util/errors.js';

/** Versions kept in each dev tree: Falco's 2020 cleanup kept 50 deb and rpm versions and 10 tarballs. */
export interface Retention {
  readonly deb: number;
  readonly rpm: number;
  readonly bin: number;
}

export const DEFAULT_RETENTION: Retention = { deb: 50, rpm: 50, bin: 10 };

const FORM = 'write e.g. deb=50,rpm=50,bin=10 (kinds omitted keep their default)';

/** Parses `dev-retention`: `kind=count` pairs separated by commas or spaces. */
export function parseRetention(value: string): Retention {
  const retention: Record<keyof Retention, number> = { ...DEFAULT_RETENTION };
  for (const pair of value.split(/[\s,]+/).filter(Boolean)) {
    const match = /^(deb|rpm|bin)=(\d+)$/.exec(pair);
    if (!match) throw new UserError('dev-retention', `'${pair}' is not <deb|rpm|bin>=<count>`, FORM);
    const count = Number(match[2]);
    if (!Number.isSafeInteger(count) || count < 1) {
      throw new UserError('dev-retention', `'${pair}' keeps no version`, 'keep at least 1');
    }
    retention[match[1] as keyof Retention] = count;
  }
  return retention;
}

/** Versions to keep in a repository: dev trees (`deb-dev`, ...) are pruned, stable ones never. */
export function keepFor(place: RepositoryPlace, retention: Retention): number | undefined {
  return place.retention === undefined ? undefined : retention[place.retention];
}
