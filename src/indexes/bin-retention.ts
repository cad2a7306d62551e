import { compareDebianVersions } from '../formats/apt/debian-version.js';
import { placeOfPath } from '../package-layout/host-layout.js';
import type { ObjectStore } from '../stores/object-store.js';
import { deletePackages } from './old-files.js';

/**
 * Retention for tarball trees (`bin-dev/<arch>/falco-<version>-<arch>.tar.gz`), which have no index:
 * per architecture (`noarch` being one) and package, the newest `keep` versions stay and the older files
 * are deleted. `wasm-dev` has no retention setting, so it never comes here (see `host-layout.ts`).
 */
export async function pruneTarballs(store: ObjectStore, root: string, keep: number): Promise<string[]> {
  const groups = new Map<string, Map<string, string[]>>();
  for (const key of await store.list(`${root}/`)) {
    const place = placeOfPath(key);
    // Not a tarball this layout puts here: someone else's file, left alone.
    if (place === undefined || place.root !== root || place.kind !== 'tar.gz') continue;
    const name = place.package;
    const group = `${name.name}\n${name.variant}\n${name.arch}`;
    const versions = groups.get(group) ?? new Map<string, string[]>();
    versions.set(name.version, [...(versions.get(name.version) ?? []), key]);
    groups.set(group, versions);
  }
  const doomed: string[] = [];
  for (const versions of groups.values()) {
    const newestFirst = [...versions.keys()].sort((a, b) => compareDebianVersions(b, a));
    for (const version of newestFirst.slice(keep)) doomed.push(...(versions.get(version) ?? []));
  }
  doomed.sort();
  await deletePackages(store, doomed);
  return doomed;
}
