import { s3Failure } from './s3-errors.js';

/**
 * Signs a streamed body with its sha256, known before it is sent, as `x-amz-content-sha256`: the store
 * hashes what it receives and refuses a body that is not that (Swift: BadDigest; radosgw and AWS:
 * XAmzContentSHA256Mismatch), so a file that changed since it was validated is never stored. Left to
 * itself the SDK sends a stream as UNSIGNED-PAYLOAD, which nobody checks, and hashes bytes once more.
 * Added to a command with `command.middlewareStack.add(payloadSha256(hex), PAYLOAD_SHA256)`.
 */
export function payloadSha256<I, O>(sha256: string): (next: Handler<I, O>) => Handler<I, O> {
  return (next) => async (args) => {
    const { request } = args;
    if (typeof request === 'object' && request !== null && 'headers' in request) {
      (request.headers as Record<string, string>)['x-amz-content-sha256'] = sha256;
    }
    return next(args);
  };
}

/** The shape of the SDK's build-step handlers, as much of it as the header needs. */
type Handler<I, O> = (args: { input: I; request: unknown }) => Promise<{ output: O; response: unknown }>;

/** Where in the SDK's stack the header goes: once the request is built, before it is signed. */
export const PAYLOAD_SHA256 = { step: 'build', name: 'payloadSha256' } as const;

/** The store refused a body because it is not the sha256 it was signed with. */
export function isDigestRefusal(error: unknown): boolean {
  const code = s3Failure(error)?.code;
  return code === 'BadDigest' || code === 'XAmzContentSHA256Mismatch';
}
