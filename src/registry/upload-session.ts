import { checkedChunks, ContentCheck } from '../oci/content-check.js';
import type { Descriptor } from '../oci/descriptor.js';
import type { BlobReader } from '../oci/image.js';
import { UserError } from '../util/errors.js';
import type { Progress } from '../util/progress.js';
import type { Repository } from './repository.js';
import type { Requester } from './requester.js';
import { isRetryableStatus, RetryableReply } from './retry-policy.js';
import { headerOf, type Call, type Reply } from './transport.js';

// The steps an upload is made of (see upload.ts): a session, one request of it, the checked blob stream.

/** One blob going up: what every step of it needs. */
export interface Upload {
  readonly requester: Requester;
  readonly repository: Repository;
  readonly descriptor: Descriptor;
  readonly open: () => Promise<BlobReader>;
  readonly subject: string;
  readonly scopes: readonly string[];
  /** Bytes per PATCH of a chunked upload (more when the registry asks for more). */
  readonly chunkSize: number;
  /** Every session the attempts opened, to cancel the unfinished ones when the upload fails for good. */
  readonly sessions: Session[];
  /** Told of the bytes the registry took; each pass over the blob starts it over. */
  readonly progress: Progress;
}

/** An upload session: where to send the bytes, and the smallest chunk the registry takes, if it says. */
export interface Session {
  /** Where the next request of the session goes: each answer of a chunked upload may move it. */
  location: string;
  readonly minChunk: number | undefined;
  /** Set once the registry stored the blob: nothing is left to cancel. */
  completed: boolean;
}

/** One attempt of a step; a retryable answer is thrown so that the whole upload starts over. */
export async function sendOnce(upload: Upload, call: Call): Promise<Reply> {
  const reply = await upload.requester.send(call, upload.scopes);
  if (isRetryableStatus(reply.statusCode)) throw new RetryableReply(reply);
  return reply;
}

export async function startSession(upload: Upload): Promise<Session> {
  const reply = await sendOnce(upload, {
    method: 'POST',
    url: `${upload.repository.url}/blobs/uploads/`,
    headers: { 'content-length': '0' },
  });
  const location = headerOf(reply, 'location');
  if (reply.statusCode !== 202 || !location) {
    throw upload.requester.refusal(reply, upload.subject, 'starting the upload of the blob');
  }
  const minChunk = Number(headerOf(reply, 'oci-chunk-min-length'));
  const session: Session = {
    location: new URL(location, reply.url).toString(),
    minChunk: Number.isSafeInteger(minChunk) && minChunk > 0 ? minChunk : undefined,
    completed: false,
  };
  upload.sessions.push(session);
  return session;
}

/**
 * Cancels (DELETE) the sessions of an upload that failed for good, so the registry drops what they
 * received now rather than whenever it purges stale uploads. Best effort: one attempt each, and a
 * refusal or failure is ignored, since the upload's own error is what the user needs to see.
 */
export async function cancelSessions(upload: Upload): Promise<void> {
  const open = upload.sessions.filter((session) => !session.completed);
  await Promise.all(
    open.map((session) =>
      upload.requester
        .send({ method: 'DELETE', url: session.location }, upload.scopes)
        .catch(() => undefined),
    ),
  );
}

/**
 * The blob's bytes through a digest check, as the body of a request: got writes each chunk out before
 * it asks for the next, so the source may read every chunk into the same buffer. `failure()` tells a
 * bad blob or a failed read from a network error. The upload's progress starts over; when `counting`
 * is given, each chunk goes into it once the request asks for the next one, i.e. once it is written out.
 */
export async function openChecked(
  upload: Upload,
  counting?: Progress,
): Promise<{ body: AsyncIterable<Buffer>; failure(): Error | undefined; close(): void }> {
  const { descriptor, subject } = upload;
  const check = new ContentCheck(
    descriptor,
    (problem) =>
      new UserError(
        subject,
        `the blob is not what its descriptor says: ${problem}`,
        'the source image is corrupt; rebuild it',
      ),
  );
  const source = await upload.open();
  upload.progress.restart();
  let readFailure: Error | undefined;
  async function* read(): AsyncGenerator<Buffer> {
    try {
      if (counting === undefined) return yield* source;
      for await (const chunk of source) {
        yield chunk;
        counting.advance(chunk.length);
      }
    } catch (error) {
      readFailure = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }
  return {
    body: checkedChunks(read(), check),
    failure: () => check.failure ?? readFailure,
    // The source may never have been read (a request that failed before its body): let go of it all the same.
    close: () => source.destroy(),
  };
}

/**
 * How long a registry may take to answer the request that completes an upload, once it is sent: it
 * may check, move or copy the whole blob first (minutes for gigabytes on object storage), so five
 * minutes and a second more per 10 MiB of blob. Bounded all the same: a registry that never answers fails.
 */
export function completionWaitMs(size: number): number {
  return 5 * 60_000 + Math.ceil(size / (10 * 1024 * 1024)) * 1000;
}

export function withDigest(location: string, digest: string): string {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  return url.toString();
}

/** The registry's digest of what it stored must be the blob's. */
export function checkStored(upload: Upload, session: Session, reply: Reply): void {
  session.completed = true;
  const stored = headerOf(reply, 'docker-content-digest');
  if (stored && stored !== upload.descriptor.digest) {
    throw new UserError(
      upload.subject,
      `the registry stored the blob as ${stored}`,
      'the registry or a proxy in between alters content; check it',
    );
  }
}
