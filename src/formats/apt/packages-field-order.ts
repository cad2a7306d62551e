import type { Field } from './control-stanza.js';

/**
 * The order apt-ftparchive writes a Packages stanza in (apt's apt-pkg/tagfile-order.c, apt 2.6): known
 * fields in this order under these spellings, then the fields it does not know in the package's own
 * order. Writing the same order makes our stanzas identical to apt-ftparchive's, so a repository that
 * Falco's scripts once built does not churn when we take it over.
 */
const PACKAGES_ORDER = [
  'Package',
  'Package-Type',
  'Architecture',
  'Subarchitecture',
  'Version',
  'Kernel-Version',
  'Built-Using',
  'Static-Built-Using',
  'Built-For-Profiles',
  'Auto-Built-Package',
  'Multi-Arch',
  'Status',
  'Priority',
  'Build-Essential',
  'Protected',
  'Important',
  'Essential',
  'Installer-Menu-Item',
  'Section',
  'Source',
  'Origin',
  'Phased-Update-Percentage',
  'Maintainer',
  'Original-Maintainer',
  'Bugs',
  'Config-Version',
  'Conffiles',
  'Triggers-Awaited',
  'Triggers-Pending',
  'Installed-Size',
  'Provides',
  'Pre-Depends',
  'Depends',
  'Recommends',
  'Suggests',
  'Conflicts',
  'Breaks',
  'Replaces',
  'Enhances',
  'Filename',
  'MSDOS-Filename',
  'Size',
  'MD5sum',
  'SHA1',
  'SHA256',
  'SHA512',
  'Homepage',
  'Description',
  'Description-md5',
  'Tag',
  'Task',
] as const;

const RANK = new Map<string, number>(PACKAGES_ORDER.map((name, rank) => [name.toLowerCase(), rank]));

/** Known fields first, in apt's order and spelling; unknown fields after them, as they came. */
export function inPackagesOrder(fields: readonly Field[]): Field[] {
  const known: [number, Field][] = [];
  const unknown: Field[] = [];
  for (const [name, value] of fields) {
    const rank = RANK.get(name.toLowerCase());
    if (rank === undefined) unknown.push([name, value]);
    else known.push([rank, [PACKAGES_ORDER[rank] ?? name, value]]);
  }
  known.sort((a, b) => a[0] - b[0]);
  return [...known.map(([, field]) => field), ...unknown];
}
