import { pipeline, type Readable } from 'node:stream';
import type { Descriptor } from '../oci/descriptor.js';
import { UserError } from '../util/errors.js';
import { DigestCheck } from './digest-check.js';
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
  readonly open: () => Promise<Readable>;
  readonly subject: string;
  readonly scopes: readonly string[];
  /** Bytes per PATCH of a chunked upload (more when the registry asks for more). */
  readonly chunkSize: number;
}

/** An upload session: where to send the bytes, and the smallest chunk the registry takes, if it says. */
export interface Session {
  readonly location: string;
  readonly minChunk: number | undefined;
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
  return {
    location: new URL(location, reply.url).toString(),
    minChunk: Number.isSafeInteger(minChunk) && minChunk > 0 ? minChunk : undefined,
  };
}

/** The blob's bytes through a digest check; `failure()` tells a bad blob or a failed read from a network error. */
export async function openChecked(
  upload: Upload,
): Promise<{ body: Readable; failure(): Error | undefined; close(): void }> {
  const { descriptor, subject } = upload;
  const check = new DigestCheck(
    descriptor,
    (problem) =>
      new UserError(
        subject,
        `the blob is not what its descriptor says: ${problem}`,
        'the source image is corrupt; rebuild it',
      ),
  );
  const source = await upload.open();
  let readFailure: Error | undefined;
  source.once('error', (error: Error) => (readFailure = error));
  const body = pipeline(source, check, () => undefined);
  return {
    body,
    failure: () => check.failure ?? readFailure,
    close: () => {
      source.destroy();
      check.destroy();
    },
  };
}

export function withDigest(location: string, digest: string): string {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  return url.toString();
}

/** The registry's digest of what it stored must be the blob's. */
export function checkStored(upload: Upload, reply: Reply): void {
  const stored = headerOf(reply, 'docker-content-digest');
  if (stored && stored !== upload.descriptor.digest) {
    throw new UserError(
      upload.subject,
      `the registry stored the blob as ${stored}`,
      'the registry or a proxy in between alters content; check it',
    );
  }
}
