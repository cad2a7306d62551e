import { createHash } from 'node:crypto';
import { allInOrder } from '../util/all-in-order.js';
import { readRepodata } from '../formats/yum/repodata.js';
import type { MetadataKind } from '../formats/yum/repodata-documents.js';
import type { RepodataEntry } from '../formats/yum/repodata-entry.js';
import { parseRepomd } from '../formats/yum/repomd-xml.js';
import type { ObjectStore } from '../stores/object-store.js';
import { StaleRead } from './compare-and-swap.js';

export const REPOMD = 'repodata/repomd.xml';
const KINDS: readonly MetadataKind[] = ['primary', 'filelists', 'other'];

/** What a YUM repository holds now: its packages, and the checksums of the documents listing them. */
export interface YumState {
  readonly entries: readonly RepodataEntry[];
  /** sha256 of each current .xml.gz document, by type, to tell an unchanged repository. */
  readonly checksums: ReadonlyMap<string, string>;
}

export const EMPTY_YUM_STATE: YumState = { entries: [], checksums: new Map() };

/**
 * Reads the three documents repomd.xml points at. A missing document or one that does not match its
 * checksum means repomd.xml changed meanwhile (or is being changed): the read is started again.
 */
export async function readYumState(store: ObjectStore, root: string, repomd: Buffer): Promise<YumState> {
  const { records } = parseRepomd(repomd.toString('utf8'));
  const documents: Partial<Record<MetadataKind, Buffer>> = {};
  const checksums = new Map<string, string>();
  // The three documents, read together.
  const read = await allInOrder(
    KINDS.map((kind) => async () => {
      const record = records.find((r) => r.type === kind);
      if (record === undefined) throw new Error(`${root}/${REPOMD} lists no ${kind} document`);
      const found = await store.get(`${root}/${record.location}`);
      if (found === undefined) throw new StaleRead(`${root}/${record.location} is missing`);
      if (record.checksumType === 'sha256') {
        const actual = createHash('sha256').update(found.bytes).digest('hex');
        if (actual !== record.checksum)
          throw new StaleRead(`${root}/${record.location} does not match repomd.xml`);
      }
      return { kind, checksum: record.checksumType === 'sha256' ? record.checksum : '', bytes: found.bytes };
    }),
  );
  for (const { kind, checksum, bytes } of read) {
    checksums.set(kind, checksum);
    documents[kind] = bytes;
  }
  const { primary, filelists, other } = documents;
  if (!primary || !filelists || !other) throw new Error(`${root}/${REPOMD} is incomplete`);
  return { entries: readRepodata({ primary, filelists, other }), checksums };
}
