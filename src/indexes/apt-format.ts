import type { AptEntry } from '../formats/apt/apt-entry.js';
import { byHashPath } from '../formats/apt/apt-indexes.js';
import { parseRelease } from '../formats/apt/release-file.js';
import { proposeApt } from './apt-proposal.js';
import { EMPTY_APT_STATE, readAptState, SUITE_DIR, type AptState } from './apt-state.js';
import type { IndexFormat } from './index-format.js';
import type { Signing } from './signing.js';
import type { Derived } from './settle.js';
import { NO_CACHE } from '../stores/object-store.js';
import { UserError } from '../util/errors.js';
import { sha256Hex } from '../util/sha256-hex.js';

const TEXT = 'text/plain; charset=utf-8';
const GZIP = 'application/gzip';
const SIGNATURE = 'application/pgp-signature';
const typeOf = (path: string): string => (path.endsWith('.gz') ? GZIP : TEXT);

/**
 * An APT repository (Falco's dists layout): the state is `dists/stable/Release`; the indexes it lists
 * are written by hash first, then under their plain names, then Release.gpg and InRelease (last: apt
 * reads it first).
 */
export const APT_FORMAT: IndexFormat<AptEntry, AptState> = {
  label: 'APT',
  stateKey: `${SUITE_DIR}/Release`,
  stateContentType: TEXT,
  signatureFiles: [`${SUITE_DIR}/InRelease`, `${SUITE_DIR}/Release.gpg`],
  empty: EMPTY_APT_STATE,
  entryOf: (pkg) => pkg.apt,
  read: readAptState,
  propose: proposeApt,
  packages: (state) => [...state.entries.values()].flat().map((entry) => entry.filename),
  pathOf: (entry) => entry.filename,
  contentTypeOf: typeOf,
  derived(store, root, release, signing) {
    const plain = parseRelease(release.toString('utf8')).files.flatMap((file): Derived[] => {
      const sha256 = file.sha256;
      if (sha256 === undefined) return [];
      return [
        {
          key: `${root}/${SUITE_DIR}/${file.path}`,
          cacheControl: NO_CACHE,
          contentType: typeOf(file.path),
          matches: async (existing) => existing !== undefined && sha256Hex(existing) === sha256,
          produce: async () => {
            const found = await store.get(`${root}/${SUITE_DIR}/${byHashPath(file.path, sha256)}`);
            if (found === undefined) {
              // Release lists it, so someone deleted it: the repository must be repaired, not guessed at.
              throw new UserError(
                `package-host: ${root}`,
                `${SUITE_DIR}/Release lists ${file.path}, but its by-hash copy is missing`,
                'restore the by-hash files (or move the repository away to start it afresh), then run again',
              );
            }
            return found.bytes;
          },
        },
      ];
    });
    return [...plain, ...signatures(signing, root, release)];
  },
  listed: (release) =>
    parseRelease(release.toString('utf8')).files.flatMap((file) =>
      file.sha256 ? [`${SUITE_DIR}/${byHashPath(file.path, file.sha256)}`] : [],
    ),
  oldFiles: { directory: SUITE_DIR, pattern: /\/by-hash\/SHA256\/[0-9a-f]{64}$/ },
};

function signatures(signing: Signing | undefined, root: string, release: Buffer): Derived[] {
  if (signing === undefined) return [];
  const text = release.toString('utf8');
  return [
    {
      key: `${root}/${SUITE_DIR}/Release.gpg`,
      cacheControl: NO_CACHE,
      contentType: SIGNATURE,
      matches: async (existing) =>
        existing !== undefined && signing.check.detached(existing.toString('utf8'), release),
      produce: async () => Buffer.from(await signing.signer.detachSign(release), 'utf8'),
    },
    {
      key: `${root}/${SUITE_DIR}/InRelease`,
      cacheControl: NO_CACHE,
      contentType: TEXT,
      matches: async (existing) =>
        existing !== undefined && signing.check.clearSigned(existing.toString('utf8'), text),
      produce: async () => Buffer.from(await signing.signer.clearSign(text), 'utf8'),
    },
  ];
}
