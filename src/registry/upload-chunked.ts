import { UserError } from '../util/errors.js';
import { chunksOf } from './chunks.js';
import { SessionLost } from './retry-policy.js';
import { headerOf } from './transport.js';
import {
  checkStored,
  completionWaitMs,
  openChecked,
  sendOnce,
  withDigest,
  type Session,
  type Upload,
} from './upload-session.js';

/** The blob in PATCHes of a bounded size, each sent where the previous answer's Location says; then the closing PUT. */
export async function chunked(upload: Upload, session: Session): Promise<void> {
  const { descriptor, requester, subject } = upload;
  const size = chunkSizeOf(upload, session);
  // Counted below, as the registry takes each chunk, rather than as it is filled (up to a chunk ahead).
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
      upload.progress.advance(chunk.length);
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
    answerWithinMs: completionWaitMs(descriptor.size),
  });
  if (reply.statusCode === 404) throw new SessionLost('HTTP 404 for the closing PUT');
  if (reply.statusCode !== 201) throw requester.refusal(reply, subject, 'completing the upload of the blob');
  checkStored(upload, session, reply);
}

/** The most a chunk may hold: each is a buffer in memory, whatever the registry asks for. */
export const MAX_CHUNK_BYTES = 256 * 1024 * 1024;

/**
 * Bytes per PATCH: ours, or the registry's `OCI-Chunk-Min-Length` if larger, but never more than the
 * blob (its last chunk may be shorter), and refused above MAX_CHUNK_BYTES rather than allocated.
 */
function chunkSizeOf(upload: Upload, session: Session): number {
  const wanted = Math.max(session.minChunk ?? 0, upload.chunkSize);
  const size = Math.max(1, Math.min(wanted, upload.descriptor.size));
  if (size > MAX_CHUNK_BYTES) {
    throw new UserError(
      upload.subject,
      `the registry asks for chunks of at least ${wanted} bytes (OCI-Chunk-Min-Length), more than the ${MAX_CHUNK_BYTES} this client holds in memory`,
      'configure the registry for smaller chunks (or to take a blob in one PUT)',
    );
  }
  return size;
}
