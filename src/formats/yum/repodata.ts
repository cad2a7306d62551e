import { deterministicGzip } from '../deterministic-gzip.js';
import { gunzipIndex } from '../gunzip-index.js';
import type { RepodataEntry } from './repodata-entry.js';
import { joinRepodata } from './repodata-entry.js';
import { metadataDocument, type MetadataKind } from './repodata-documents.js';
import { parseFilelists, parseOther, parsePrimary } from './repodata-parse.js';
import { scanPackages } from './repodata-scan.js';
import { renderRepomd, repodataLocation } from './repomd-xml.js';

export interface RepodataFile {
  /** Relative to the repository root (`rpm/` or `rpm-dev/`). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface Repodata {
  /** The three hash-named .xml.gz documents: published before the repomd.xml that points at them. */
  readonly documents: readonly RepodataFile[];
  /** `repodata/repomd.xml`: published last (and signed), switching clients to the new documents at once. */
  readonly repomd: RepodataFile;
}

const KINDS: readonly MetadataKind[] = ['primary', 'filelists', 'other'];

/** The repodata of a repository holding exactly these entries, in the order given. */
export function buildRepodata(
  entries: readonly RepodataEntry[],
  options: { readonly revision: string; readonly timestamp: number },
): Repodata {
  const files = KINDS.map((type) => {
    const open = Buffer.from(
      metadataDocument(
        type,
        entries.map((entry) => entry[type]),
      ),
      'utf8',
    );
    return { type, open, gz: deterministicGzip(open), timestamp: options.timestamp };
  });
  const repomd = renderRepomd({ revision: options.revision, files });
  return {
    documents: files.map((file) => ({ path: repodataLocation(file.type, file.gz), bytes: file.gz })),
    repomd: { path: 'repodata/repomd.xml', bytes: Buffer.from(repomd, 'utf8') },
  };
}

/** The entries of current repodata, from its three documents (gzip-compressed or plain XML). */
export function readRepodata(documents: Readonly<Record<MetadataKind, Uint8Array>>): RepodataEntry[] {
  const primary = decompress(documents.primary, 'primary');
  const filelists = decompress(documents.filelists, 'filelists');
  const other = decompress(documents.other, 'other');
  // The fast scan where the documents allow it (they always do for ours and createrepo_c's).
  return joinRepodata(
    scanPackages(primary, 'primary') ?? parsePrimary(primary),
    scanPackages(filelists, 'filelists') ?? parseFilelists(filelists),
    scanPackages(other, 'other') ?? parseOther(other),
  );
}

/** Falco's repodata is gzip (createrepo_c's default); other compressions are refused by name. */
function decompress(bytes: Uint8Array, kind: MetadataKind): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipIndex(bytes, `${kind} metadata`).toString('utf8');
  const text = Buffer.from(bytes).toString('utf8');
  if (text.trimStart().startsWith('<')) return text;
  throw new Error(`${kind} metadata is neither gzip nor XML (zstd, xz and bzip2 repodata are not supported)`);
}
