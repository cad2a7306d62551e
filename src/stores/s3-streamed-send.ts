import type { Readable } from 'node:stream';

/**
 * Sends a request whose body streams from `body`, and ends the request as soon as the body fails (a
 * file that ends before its planned size, a read error). The SDK pipes the body into the request and
 * passes no body's error on: the request would wait, its bytes short of its Content-Length, for an
 * answer the store never gives, until the socket's timeout. The body's own error is what is thrown.
 */
export async function sendStreamed<T>(
  body: Readable,
  send: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  // Kept for the body's whole life: an error it raises after the answer is then no uncaught one.
  body.on('error', (error) => controller.abort(error));
  try {
    return await send(controller.signal);
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    throw controller.signal.aborted && reason instanceof Error ? reason : error;
  }
}
