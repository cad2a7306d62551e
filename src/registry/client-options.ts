import type { Got } from 'got';
import type { Logger } from '../util/logger.js';

export interface RegistryClientOptions {
  /**
   * The remedy shown when the registry refuses, for credentials that do not come from the inputs
   * (e.g. `log in to public.ecr.aws with docker login before this step`).
   */
  loginHint?: string;
  /** The HTTP client (tests pass one that records its exchanges). */
  readonly http?: Got;
  /** Tags asked for per page; registries may answer with fewer and a `Link` to the next page. Default 1000. */
  readonly pageSize?: number;
  /** Plain http to a registry that is not on loopback (`registry-insecure: true`). */
  readonly insecure?: boolean;
  /** Where the registry's `Warning`s and retries are told. Default: nowhere. */
  readonly logger?: Logger;
  /** Waits between retries; tests pass one that records and returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The clock of token expiry (ms since the epoch) and of upload progress; tests move it forward.
   * Default: Date.now for tokens, performance.now for progress (which only measures intervals).
   */
  readonly now?: () => number;
  /** Retries of a request (or of a whole blob upload) after the first attempt. Default 4. */
  readonly retries?: number;
  /**
   * Blob uploads of this client at once. Default 16: a release's images share a registry and are mostly
   * small blobs (configs, thin layers), where round trips rather than bytes take the time. A blob is
   * streamed from its source in one PUT, so more at once cost sockets, not memory (only a registry that
   * refuses whole-blob PUTs has a chunk, `chunkSize`, held per upload).
   */
  readonly uploadConcurrency?: number;
  /** Bytes per PATCH of a chunked upload, unless the registry asks for more. Default 8 MiB. */
  readonly chunkSize?: number;
}
