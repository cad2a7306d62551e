import type { Got, Response } from 'got';
import { UserError } from '../util/errors.js';
import { unwrapRefusal } from './origin-guard.js';
import { optionsOf, waitLongerOnceSent, type BodyLimit, type Call, type Reply } from './transport.js';

/** Sends one request and reads the whole answer, refusing one longer than the call's limit. */
export async function exchange(client: Got, call: Call, authorization: string | undefined): Promise<Reply> {
  const limit = call.bodyLimit ?? defaultLimit(call.url);
  const request = client(call.url, { ...optionsOf(call, authorization), responseType: 'buffer' });
  const sent = waitLongerOnceSent(call);
  if (sent) request.on('request', sent);
  let tooLarge = false;
  // Told after each piece: at most one piece over the limit is held. Bytes that arrived, not the
  // Content-Length, which a HEAD of a blob sets to the blob's size with no body at all.
  request.on('downloadProgress', ({ transferred }) => {
    if (tooLarge || transferred <= limit.bytes) return;
    tooLarge = true;
    request.cancel();
  });
  let response: Response<Buffer>;
  try {
    response = await request;
  } catch (error) {
    if (tooLarge) throw limit.refusal();
    throw unwrapRefusal(error);
  }
  return {
    statusCode: response.statusCode,
    headers: response.headers,
    url: response.url,
    body: response.body,
  };
}

/** Answers other than blobs are small: 4 MiB (what distribution allows a manifest) unless the call says. */
const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

function defaultLimit(url: string): BodyLimit {
  const { origin, pathname } = new URL(url);
  return {
    bytes: DEFAULT_BODY_LIMIT,
    refusal: () =>
      new UserError(
        `${origin}${pathname}`,
        `the registry answered with more than ${DEFAULT_BODY_LIMIT} bytes`,
        'check the registry',
      ),
  };
}
