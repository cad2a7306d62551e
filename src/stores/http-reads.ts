import type { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import type { HttpClient } from './http-client.js';
import type { ObjectInfo } from './object-store.js';

// An HttpStore's reads: a missing file is undefined, an answer the user can act on a UserError.

const SHA256 = /^[a-f0-9]{64}$/;

/**
 * What the answer's headers say of a file. The ETag is kept exactly as the server wrote it (quotes,
 * `W/`), since an `If-Match` must send it back so; a server without ETags gets a stand-in from
 * Last-Modified and size, which only ever compares with another of its own. Artifactory (and other
 * stores that keep checksums) give the sha256 as `X-Checksum-Sha256`: the `sha256` metadata, so
 * "already published?" needs no download there.
 */
export function infoOf(headers: IncomingHttpHeaders, size: number): ObjectInfo {
  const etag = headers.etag ?? `last-modified ${headers['last-modified'] ?? '?'}, ${size} bytes`;
  const checksum = headerValue(headers['x-checksum-sha256'])?.toLowerCase();
  return {
    etag,
    size,
    metadata: checksum !== undefined && SHA256.test(checksum) ? { sha256: checksum } : {},
  };
}

export async function headFile(client: HttpClient, url: string): Promise<ObjectInfo | undefined> {
  const answer = await client.send({ method: 'HEAD', url });
  if (answer.statusCode === 404 || answer.statusCode === 410) return undefined;
  if (answer.statusCode !== 200) throw client.answerError(answer, 'HEAD', url);
  return infoOf(answer.headers, Number(answer.headers['content-length'] ?? 0));
}

export async function getFile(
  client: HttpClient,
  url: string,
): Promise<{ readonly bytes: Buffer; readonly info: ObjectInfo } | undefined> {
  const answer = await client.send({ method: 'GET', url });
  if (answer.statusCode === 404 || answer.statusCode === 410) return undefined;
  if (answer.statusCode !== 200) throw client.answerError(answer, 'GET', url);
  return { bytes: answer.body, info: infoOf(answer.headers, answer.body.length) };
}

export function openFile(client: HttpClient, url: string): Promise<Readable | undefined> {
  return client.open(url);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
