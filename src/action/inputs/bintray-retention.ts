import { DEFAULT_RETENTION, formatBytes, type Retention } from '../../indexes/retention.js';
import type { RetentionClass } from '../../package-layout/host-layout.js';
import { UserError } from '../../util/errors.js';

/** How many versions of each package each dev repository keeps on Bintray (`deb` for `deb-dev`, ...). */
export type BintrayKeep = Readonly<Partial<Record<RetentionClass, number>>>;

/**
 * Falco's own cleanup of its Bintray dev repositories (2020): the newest 50 versions in deb-dev and
 * rpm-dev, 10 in bin-dev.
 */
export const BINTRAY_DEFAULT_KEEP: BintrayKeep = { deb: 50, rpm: 50, bin: 10 };

/**
 * `dev-retention` on Bintray. Bintray keeps files in versions and deletes a version whole, and its
 * versions API tells no version's size, so a count maps one to one (`deb=50`: the newest 50 versions
 * of each package in deb-dev), and a size cannot be honoured: refused, before anything is published.
 * The input's default (`deb=10GiB,rpm=10GiB`, which a runner passes when the workflow says nothing)
 * stands for "not given" and means Falco's Bintray rule, `deb=50,rpm=50,bin=10`; `none` keeps all.
 */
export function bintrayKeep(retention: Retention): BintrayKeep {
  if (sameRetention(retention, DEFAULT_RETENTION)) return BINTRAY_DEFAULT_KEEP;
  const keep: Partial<Record<RetentionClass, number>> = {};
  for (const [kind, limit] of Object.entries(retention) as [RetentionClass, Retention[RetentionClass]][]) {
    if (limit === undefined) continue;
    if ('bytes' in limit) {
      throw new UserError(
        'dev-retention',
        `'${kind}=${formatBytes(limit.bytes).replace(' ', '')}' is a total size, but Bintray keeps versions by count only (its versions API tells no size)`,
        `write a count of versions, e.g. ${describeKeep(BINTRAY_DEFAULT_KEEP)} (Falco's rule on Bintray), or none`,
      );
    }
    keep[kind] = limit.versions;
  }
  return keep;
}

/** `deb=50,rpm=50,bin=10`. */
export function describeKeep(keep: BintrayKeep): string {
  return Object.entries(keep)
    .map(([kind, versions]) => `${kind}=${versions}`)
    .join(',');
}

function sameRetention(a: Retention, b: Retention): boolean {
  const kinds: readonly RetentionClass[] = ['deb', 'rpm', 'bin'];
  return kinds.every((kind) => JSON.stringify(a[kind]) === JSON.stringify(b[kind]));
}
