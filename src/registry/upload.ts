import type { Descriptor } from '../oci/descriptor.js';
import type { BlobReader } from '../oci/image.js';
import { UserError } from '../util/errors.js';
import { chunksOf } from './chunks.js';
import { referenceName, type Repository } from './repository.js';
import type { Requester } from './requester.js';
import { isRetryableStatus, RetryableReply, SessionLost } from './retry-policy.js';
import { pushScope } from './scopes.js';
import { headerOf, networkErrorCode, type Reply } from './transport.js';
import {
  cancelSessions,
  checkStored,
  openChecked,
  sendOnce,
  startSession,
  withDigest,
  type Session,
  type Upload,
} from './upload-session.js';

/**
 * Uploads a blob the registry does not have: a session (POST), then the bytes in one streamed PUT
 * with their Content-Length — or in chunks (PATCH) when the registry asks for them with
 * `OCI-Chunk-Min-Length` or refuses the single PUT. The digest is computed while streaming; a wrong
 * blob fails before the upload is completed. A failed attempt starts over with a new session and
 * `open()`s the blob again; when the upload fails for good, its sessions are cancelled.
 */
export async function uploadBlob(
  requester: Requester,
  repository: Repository,
  descriptor: Descriptor,
  open: () => Promise<BlobReader>,
  chunkSize: number,
): Promise<void> {
  const subject = referenceName(repository, descriptor.digest);
  const upload: Upload = {
    requester,
    repository,
    descriptor,
    open,
    subject,
    scopes: [pushScope(repository.name)],
    chunkSize,
    sessions: [],
  };
  let lastFailure: unknown;
  try {
    await requester.retrying(`uploading ${subject}`, () =>
      attempt(upload).catch((error: unknown) => {
        lastFailure = error;
        throw error;
      }),
    );
  } catch (error) {
    // Unless the registry cannot be reached: each DELETE would only wait out the same timeouts.
    if (networkErrorCode(lastFailure) === undefined) await cancelSessions(upload);
    if (error instanceof RetryableReply) throw requester.refusal(error.reply, subject, 'uploading the blob');
    if (error instanceof SessionLost) {
      throw new UserError(
        subject,
        `the upload failed: ${error.message}`,
        'retry the workflow; if it persists, check the registry',
      );
    }
    throw error;
  }
}

/** One try of the whole upload, in a session of its own. */
async function attempt(upload: Upload): Promise<void> {
  const session = await startSession(upload);
  if (session.minChunk !== undefined) return chunked(upload, session);
  if (await monolithic(upload, session)) return;
  await chunked(upload, await startSession(upload));
}

/** The whole blob in one PUT. False when the registry refused it in a way that chunks may get around. */
async function monolithic(upload: Upload, session: Session): Promise<boolean> {
  const { descriptor, requester, subject } = upload;
  const stream = await openChecked(upload);
  let reply: Reply;
  try {
    reply = await requester.send(
      {
        method: 'PUT',
        url: withDigest(session.location, descriptor.digest),
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(descriptor.size) },
        body: stream.body,
      },
      upload.scopes,
    );
  } catch (error) {
    throw stream.failure() ?? error;
  } finally {
    stream.close();
  }
  const failure = stream.failure();
  if (failure) throw failure;
  if (reply.statusCode === 201) {
    checkStored(upload, session, reply);
    return true;
  }
  // A token that expired while the bytes went up, or a session the registry dropped.
  if (reply.statusCode === 401 || reply.statusCode === 404)
    throw new SessionLost(`HTTP ${reply.statusCode} while uploading`);
  if (isRetryableStatus(reply.statusCode)) throw new RetryableReply(reply);
  if (reply.statusCode === 403) throw requester.refusal(reply, subject, 'uploading the blob');
  const refused = requester.refusal(reply, subject, 'the upload in one piece');
  requester.logger.info(`${refused.message}; uploading it in chunks`);
  return false;
}

/** The blob in PATCHes of a bounded size, each sent where the previous answer's Location says; then the closing PUT. */
async function chunked(upload: Upload, session: Session): Promise<void> {
  const { descriptor, requester, subject } = upload;
  const size = Math.max(session.minChunk ?? 0, upload.chunkSize);
  const stream = await openChecked(upload);
  let offset = 0;
  try {
    for await (const chunk of chunksOf(stream.body, size)) {
      const reply = await sendOnce(upload, {
        method: 'PATCH',
        url: session.location,
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': `${offset}-${offset + chunk.length - 1}`,
        },
        body: chunk,
      });
      if (reply.statusCode === 404 || reply.statusCode === 416) {
        throw new SessionLost(`HTTP ${reply.statusCode} for the chunk at ${offset}`);
      }
      if (reply.statusCode !== 202) throw requester.refusal(reply, subject, 'uploading a chunk of the blob');
      session.location = new URL(headerOf(reply, 'location') ?? session.location, reply.url).toString();
      offset += chunk.length;
    }
  } catch (error) {
    throw stream.failure() ?? error;
  } finally {
    stream.close();
  }
  const reply = await sendOnce(upload, {
    method: 'PUT',
    url: withDigest(session.location, descriptor.digest),
    headers: { 'content-type': 'application/octet-stream' },
    body: Buffer.alloc(0),
  });
  if (reply.statusCode === 404) throw new SessionLost('HTTP 404 for the closing PUT');
  if (reply.statusCode !== 201) throw requester.refusal(reply, subject, 'completing the upload of the blob');
  checkStored(upload, session, reply);
}
