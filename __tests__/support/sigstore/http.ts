import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A request as the stand-in's endpoints see it: the body is read in full first. */
export interface EndpointRequest {
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface EndpointReply {
  readonly status: number;
  readonly body: string | ArrayBufferView;
  readonly contentType: string;
}

export type EndpointHandler = (request: EndpointRequest) => Promise<EndpointReply>;

/** A JSON error in the shape Fulcio and Rekor use (`{"code", "message"}`). */
export function errorReply(status: number, message: string): EndpointReply {
  return { status, body: JSON.stringify({ code: status, message }), contentType: 'application/json' };
}

export function jsonReply(status: number, body: unknown): EndpointReply {
  return { status, body: JSON.stringify(body), contentType: 'application/json' };
}

/** The JSON value of a body, or undefined when it is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function send(response: ServerResponse, reply: EndpointReply): void {
  const { body } = reply;
  response.writeHead(reply.status, { 'content-type': reply.contentType });
  response.end(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
