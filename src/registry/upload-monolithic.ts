import { isRetryableStatus, RetryableReply, SessionLost } from './retry-policy.js';
import type { Reply } from './transport.js';
import {
  checkStored,
  completionWaitMs,
  openChecked,
  withDigest,
  type Session,
  type Upload,
} from './upload-session.js';

/** The whole blob in one PUT. False when the registry refused it in a way that chunks may get around. */
export async function monolithic(upload: Upload, session: Session): Promise<boolean> {
  const { descriptor, requester, subject } = upload;
  const stream = await openChecked(upload, upload.progress);
  let reply: Reply;
  try {
    reply = await requester.send(
      {
        method: 'PUT',
        url: withDigest(session.location, descriptor.digest),
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(descriptor.size) },
        body: stream.body,
        answerWithinMs: completionWaitMs(descriptor.size),
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
