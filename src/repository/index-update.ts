import type { SignatureCheck } from '../repos/signing/signature-check.js';
import type { Signer } from '../repos/signing/signer.js';
import type { RepositoryStore } from './store-file.js';

/** The key that signs indexes, and the check that tells a signature already right. */
export interface Signing {
  readonly signer: Signer;
  readonly check: SignatureCheck;
}

/** One repository's index update: what to add, how many versions to keep, how to sign. */
export interface IndexUpdate<Entry, State> {
  readonly target: RepositoryStore;
  readonly root: string;
  readonly added: readonly Entry[];
  /** Newest versions to keep of each package (dev repositories); undefined keeps all. */
  readonly keep: number | undefined;
  readonly signing: Signing | undefined;
  /** The Release/repomd date: the run's start, so every repository of a run says the same. */
  readonly date: Date;
  /** How long content-addressed files stay after the state stops listing them. */
  readonly graceMs: number;
  readonly now: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The state as read before the publish (its ETag and content): reused while the ETag still matches. */
  readonly known?: KnownState<State>;
}

export interface KnownState<State> {
  readonly etag: string;
  readonly state: State;
}

export interface IndexUpdateResult {
  /** Whether the state (Release, repomd.xml) was replaced; false when it already listed everything. */
  readonly changed: boolean;
  /** Times another publisher changed the state between our read and our write. */
  readonly conflicts: number;
  /** Plain-name indexes and signatures (re)written. */
  readonly derivedWritten: number;
  /** Host paths of packages retention deleted. */
  readonly removed: readonly string[];
  /** Old content-addressed index files deleted after their grace period. */
  readonly expired: readonly string[];
}
