import { randomBytes } from 'node:crypto';
import type { Response } from 'got';
import { sha256Hex } from '../util/sha256-hex.js';
import { startProgress, type ProgressReporting } from '../util/progress.js';
import type { HttpClient } from './http-client.js';
import { verifiedFileBody } from './http-file-body.js';
import { headFile } from './http-reads.js';
import {
  ConditionalWritesUnsupported,
  PreconditionFailed,
  WriteOutcomeUnknown,
  type PutBody,
  type PutOptions,
} from './object-store.js';
import { checkBytes } from './s3-digest.js';

/** Where the deploy-by-checksum probe writes: a name no publisher uses (dot names are never listed). */
export const CHECKSUM_PROBE_KEY = '.falco-publisher/checksum-deploy-probe';

/** What a put needs of its store. */
export interface WriteContext {
  readonly client: HttpClient;
  readonly urlOf: (key: string) => string;
  readonly progress: ProgressReporting | undefined;
  /** Whether the server deploys by checksum (asked once per run, see `probeChecksumDeploy`). */
  readonly checksumDeploy: () => Promise<boolean>;
}

/**
 * Writes a file and returns its ETag. A local file whose sha256 is known goes first as Artifactory's
 * deploy-by-checksum, a PUT without a body: a server that already holds those bytes anywhere links
 * them in place (no upload at all), one that does not answers 404, and the body follows. Every body is
 * sent with its Content-Length and `X-Checksum-Sha256`, which a checksum-keeping server checks.
 */
export async function putFile(
  context: WriteContext,
  key: string,
  body: PutBody,
  options: PutOptions,
): Promise<string> {
  const url = context.urlOf(key);
  const announced = options.metadata?.['sha256'];
  if (Buffer.isBuffer(body)) checkBytes(key, body, announced);
  const sha256 = Buffer.isBuffer(body) ? sha256Hex(body) : announced;
  const conditions: Record<string, string> = {
    ...(options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch }),
    ...(options.ifNoneMatch === true ? { 'if-none-match': '*' } : {}),
  };
  const once = Object.keys(conditions).length > 0;
  if (!Buffer.isBuffer(body) && sha256 !== undefined && (await context.checksumDeploy())) {
    const answer = await context.client.send({
      method: 'PUT',
      url,
      headers: { ...conditions, 'x-checksum-deploy': 'true', 'x-checksum-sha256': sha256 },
      body: Buffer.alloc(0),
      once,
    });
    if (answer.statusCode !== 404) return written(context, answer, url, key, once);
  }
  const size = Buffer.isBuffer(body) ? body.length : body.size;
  const progress = startProgress(context.progress, key, size);
  const answer = await context.client.send({
    method: 'PUT',
    url,
    headers: {
      ...conditions,
      'content-type': options.contentType ?? 'application/octet-stream',
      'content-length': String(size),
      ...(sha256 === undefined ? {} : { 'x-checksum-sha256': sha256 }),
    },
    body: Buffer.isBuffer(body)
      ? body
      : () => {
          // Each attempt sends every byte again, and tells so.
          progress.restart();
          return verifiedFileBody(body, sha256, progress);
        },
    once,
  });
  const etag = await written(context, answer, url, key, once);
  progress.finish();
  return etag;
}

/** Deletes a file; one already gone is no failure. */
export async function deleteFile(client: HttpClient, url: string): Promise<void> {
  const answer = await client.send({ method: 'DELETE', url });
  if (answer.statusCode < 300 || answer.statusCode === 404 || answer.statusCode === 410) return;
  throw client.answerError(answer, 'DELETE', url);
}

/**
 * Finds out once whether the server deploys by checksum, with a checksum nothing has (a random
 * one) at a probe name: a server that knows the header answers 404 and writes nothing. One that
 * does not know it takes the bodyless PUT as an empty file (nginx: 201), which is deleted again.
 * Asking per file instead would leave such empty files under real package names, which a server
 * that honours If-None-Match would then refuse to replace.
 */
export async function probeChecksumDeploy(
  client: HttpClient,
  urlOf: (key: string) => string,
): Promise<boolean> {
  const url = urlOf(CHECKSUM_PROBE_KEY);
  const answer = await client.send({
    method: 'PUT',
    url,
    headers: { 'x-checksum-deploy': 'true', 'x-checksum-sha256': sha256Hex(randomBytes(32)) },
    body: Buffer.alloc(0),
  });
  if (answer.statusCode === 404) return true;
  if (answer.statusCode < 300) {
    await deleteFile(client, url);
    return false;
  }
  // Credentials, redirects and servers still failing after the retries are the user's to know now.
  if ([401, 403].includes(answer.statusCode) || answer.statusCode >= 500 || answer.statusCode < 400) {
    throw client.answerError(answer, 'PUT', url);
  }
  return false; // 400, 405, 409, 411, 415...: the server refuses the form, so it does not know it.
}

/**
 * The ETag of a write the server took, or the error of one it did not. A lost condition is
 * PreconditionFailed; 501 to a conditional write is ConditionalWritesUnsupported; a 5xx to a
 * conditional write (sent once) may or may not have landed: WriteOutcomeUnknown.
 */
async function written(
  context: WriteContext,
  answer: Response<Buffer>,
  url: string,
  key: string,
  conditional: boolean,
): Promise<string> {
  const status = answer.statusCode;
  if (status >= 200 && status < 300) {
    const etag = answer.headers.etag;
    if (etag !== undefined) return etag;
    // nginx's dav module answers a PUT without an ETag: the file's own answer has it.
    const info = await headFile(context.client, url);
    if (info === undefined) throw new WriteOutcomeUnknown(`${key} is missing right after it was written`);
    return info.etag;
  }
  if (status === 412) throw new PreconditionFailed(`${key} changed since it was read (412)`);
  if (conditional && status === 501)
    throw new ConditionalWritesUnsupported(`${url}: 501 to a conditional PUT`);
  if (conditional && status >= 500) throw new WriteOutcomeUnknown(`PUT ${url} answered ${status}`);
  throw context.client.answerError(answer, 'PUT', url);
}
