import { gunzipIndex } from '../formats/gunzip-index.js';
import { createHash } from 'node:crypto';
import { allInOrder } from '../util/all-in-order.js';
import type { AptEntry } from '../formats/apt/apt-entry.js';
import { byHashPath } from '../formats/apt/apt-indexes.js';
import { parsePackages } from '../formats/apt/packages-file.js';
import { parseRelease, releaseField, type ReleaseListing } from '../formats/apt/release-file.js';
import type { ObjectStore } from '../stores/object-store.js';
import { StaleRead } from './compare-and-swap.js';

/** Falco's suite: `deb https://download.falco.org/packages/deb stable main`. */
export const SUITE_DIR = 'dists/stable';

/** What an APT repository holds now, read from its Release and the indexes it lists. */
export interface AptState {
  readonly architectures: readonly string[];
  /** Each architecture's stanzas. */
  readonly entries: ReadonlyMap<string, readonly AptEntry[]>;
  /** sha256 of each listed uncompressed index (`main/binary-amd64/Packages`), to tell an unchanged repository. */
  readonly listed: ReadonlyMap<string, string>;
}

export const EMPTY_APT_STATE: AptState = { architectures: [], entries: new Map(), listed: new Map() };

/**
 * Reads the indexes a Release lists, by hash (`by-hash/SHA256/<sha256>`) when the repository has
 * them, else under their plain name checked against the Release: a plain-name index that does not
 * match is being rewritten by another publisher, and the read is started again.
 */
export async function readAptState(store: ObjectStore, root: string, release: Buffer): Promise<AptState> {
  const parsed = parseRelease(release.toString('utf8'));
  const architectures = (releaseField(parsed, 'Architectures') ?? '').split(/\s+/).filter(Boolean);
  const byPath = new Map(parsed.files.map((file) => [file.path, file]));
  const entries = new Map<string, AptEntry[]>();
  const listed = new Map<string, string>();
  // One index per architecture, read together.
  const read = await allInOrder(
    architectures.map((architecture) => async () => {
      const path = `main/binary-${architecture}/Packages`;
      const plain = byPath.get(path);
      const gz = byPath.get(`${path}.gz`);
      const text = plain?.sha256
        ? await readListed(store, root, plain)
        : gz?.sha256
          ? gunzipIndex(await readListed(store, root, gz), gz.path)
          : undefined;
      return { architecture, path, plain, text };
    }),
  );
  for (const { architecture, path, plain, text } of read) {
    if (plain?.sha256) listed.set(path, plain.sha256);
    const stanzas = text === undefined ? [] : parsePackages(text.toString('utf8'));
    // Each index lists its own architecture (and `all`): a stray stanza would fail the next Release.
    const stray = stanzas.find(
      (entry) => entry.architecture !== architecture && entry.architecture !== 'all',
    );
    if (stray) throw new Error(`${path} lists ${stray.filename}, which is ${stray.architecture}`);
    entries.set(architecture, stanzas);
  }
  return { architectures, entries, listed };
}

async function readListed(store: ObjectStore, root: string, listing: ReleaseListing): Promise<Buffer> {
  const sha256 = listing.sha256 ?? '';
  const byHash = `${root}/${SUITE_DIR}/${byHashPath(listing.path, sha256)}`;
  const found = (await store.get(byHash)) ?? (await store.get(`${root}/${SUITE_DIR}/${listing.path}`));
  if (found === undefined || createHash('sha256').update(found.bytes).digest('hex') !== sha256) {
    throw new StaleRead(`${root}/${SUITE_DIR}/${listing.path} does not match its Release`);
  }
  return found.bytes;
}
