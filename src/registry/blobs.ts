import { pipeline, type Readable } from 'node:stream';
import { UserError } from '../util/errors.js';
import { ContentCheck, DigestCheck } from '../oci/content-check.js';
import { referenceName, type Repository } from './repository.js';
import type { Requester } from './requester.js';
import { pullScope, pushScope } from './scopes.js';

/** True when the repository holds the blob (HEAD: no bytes move). */
export async function hasBlob(
  requester: Requester,
  repository: Repository,
  digest: string,
): Promise<boolean> {
  const reply = await requester.request({ method: 'HEAD', url: `${repository.url}/blobs/${digest}` }, [
    pullScope(repository.name),
  ]);
  if (reply.statusCode === 200) return true;
  if (reply.statusCode === 404) return false;
  throw requester.refusal(reply, referenceName(repository, digest), 'checking for the blob');
}

/**
 * Asks the registry to link a blob of another of its repositories into this one, with no bytes sent.
 * True when it did (201). A registry that will not (202 opens an upload session instead, which is
 * cancelled; or a refusal) gives false: the caller uploads the blob.
 */
export async function mountBlob(
  requester: Requester,
  repository: Repository,
  digest: string,
  from: Repository,
): Promise<boolean> {
  const query = new URLSearchParams({ mount: digest, from: from.name });
  const reply = await requester.request(
    { method: 'POST', url: `${repository.url}/blobs/uploads/?${query}`, headers: { 'content-length': '0' } },
    [pushScope(repository.name), pullScope(from.name)],
  );
  if (reply.statusCode === 201) return true;
  const location = reply.headers.location;
  if (reply.statusCode === 202 && location) {
    // Best effort: a session left open only costs the registry a little until it expires it.
    await requester
      .send({ method: 'DELETE', url: new URL(location, reply.url).toString() }, [pushScope(repository.name)])
      .catch(() => undefined);
  }
  return false;
}

/**
 * Streams a blob (following redirects, e.g. to a storage bucket), its digest checked as it passes:
 * a wrong blob ends in an error instead of its last bytes.
 */
export async function openBlob(
  requester: Requester,
  repository: Repository,
  digest: string,
): Promise<Readable> {
  const subject = referenceName(repository, digest);
  const check = new DigestCheck(
    new ContentCheck(
      { digest },
      (problem) => new UserError(subject, `the registry served a wrong blob: ${problem}`),
    ),
  );
  const { reply, stream } = await requester.openStream(
    { method: 'GET', url: `${repository.url}/blobs/${digest}` },
    [pullScope(repository.name)],
  );
  if (!stream) throw requester.refusal(reply, subject, 'reading the blob');
  // Errors of either stream reach the reader through `check`.
  return pipeline(stream, check, () => undefined);
}
