import type { RepodataEntry } from '../formats/yum/repodata-entry.js';
import { parseRepomd } from '../formats/yum/repomd-xml.js';
import type { IndexFormat } from './index-format.js';
import { NO_CACHE } from '../stores/object-store.js';
import { proposeYum } from './yum-proposal.js';
import { EMPTY_YUM_STATE, readYumState, REPOMD, type YumState } from './yum-state.js';

/**
 * A YUM repository: the state is `repodata/repomd.xml`; the hash-named documents it points at are
 * written first, repomd.xml.asc after it.
 */
export const YUM_FORMAT: IndexFormat<RepodataEntry, YumState> = {
  label: 'YUM',
  stateKey: REPOMD,
  stateContentType: 'text/xml',
  signatureFiles: [`${REPOMD}.asc`],
  empty: EMPTY_YUM_STATE,
  entryOf: (pkg) => pkg.yum,
  read: readYumState,
  propose: proposeYum,
  packages: (state) => state.entries.map((entry) => entry.location),
  pathOf: (entry) => entry.location,
  // Every hash-named repodata document is gzip-compressed XML.
  contentTypeOf: () => 'application/gzip',
  derived(_store, root, repomd, signing) {
    if (signing === undefined) return [];
    return [
      {
        key: `${root}/${REPOMD}.asc`,
        cacheControl: NO_CACHE,
        contentType: 'application/pgp-signature',
        matches: async (existing) =>
          existing !== undefined && signing.check.detached(existing.toString('utf8'), repomd),
        produce: async () => Buffer.from(await signing.signer.detachSign(repomd), 'utf8'),
      },
    ];
  },
  listed: (repomd) => parseRepomd(repomd.toString('utf8')).records.map((record) => record.location),
  oldFiles: { directory: 'repodata', pattern: /\/repodata\/[0-9a-f]{64}-[^/]+$/ },
};
