import type { Descriptor } from '../oci/descriptor.js';
import { shortDigest } from '../oci/digest.js';
import type { BlobReader } from '../oci/image.js';
import { UserError } from '../util/errors.js';
import { startProgress } from '../util/progress.js';
import { referenceName, type Repository } from './repository.js';
import type { Requester } from './requester.js';
import { RetryableReply, SessionLost } from './retry-policy.js';
import { pushScope } from './scopes.js';
import { networkErrorCode } from './transport.js';
import { chunked } from './upload-chunked.js';
import { monolithic } from './upload-monolithic.js';
import { cancelSessions, startSession, type Upload } from './upload-session.js';

/**
 * Uploads a blob the registry does not have: a session (POST), then the bytes in one streamed PUT
 * with their Content-Length — or in chunks (PATCH) when the registry asks for them with
 * `OCI-Chunk-Min-Length` or refuses the single PUT. The digest is computed while streaming; a wrong
 * blob fails before the upload is completed. A failed attempt starts over with a new session and
 * `open()`s the blob again; when the upload fails for good, its sessions are cancelled. A blob over
 * 64 MiB logs its progress (see startProgress), from zero again on each attempt; `now` is its clock.
 */
export async function uploadBlob(
  requester: Requester,
  repository: Repository,
  descriptor: Descriptor,
  open: () => Promise<BlobReader>,
  chunkSize: number,
  now?: () => number,
): Promise<void> {
  const subject = referenceName(repository, descriptor.digest);
  const label = `${repository.display}: ${shortDigest(descriptor.digest)}`;
  const upload: Upload = {
    requester,
    repository,
    descriptor,
    open,
    subject,
    scopes: [pushScope(repository.name)],
    chunkSize,
    sessions: [],
    progress: startProgress({ logger: requester.logger, now }, label, descriptor.size),
  };
  let lastFailure: unknown;
  try {
    await requester.retrying(`uploading ${subject}`, () =>
      attempt(upload).catch((error: unknown) => {
        lastFailure = error;
        throw error;
      }),
    );
    upload.progress.finish();
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
