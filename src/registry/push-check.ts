import type { Repository } from './repository.js';
import type { Requester } from './requester.js';
import { pushScope } from './scopes.js';
import { headerOf } from './transport.js';

/**
 * Proves that the credentials may push to a repository, without publishing anything: an upload session
 * is opened (the first request of every push) and cancelled at once. A token service may grant pull
 * alone to a login that lacks push rights, so only the registry's answer to this request tells; asked
 * before the first write, a refusal stops the run before any tag of the release exists.
 */
export async function checkPush(requester: Requester, repository: Repository): Promise<void> {
  const scopes = [pushScope(repository.name)];
  const reply = await requester.request(
    { method: 'POST', url: `${repository.url}/blobs/uploads/`, headers: { 'content-length': '0' } },
    scopes,
  );
  const location = headerOf(reply, 'location');
  if (reply.statusCode !== 202 || !location) {
    throw requester.refusal(reply, repository.display, 'a push (opening an upload)');
  }
  // Best effort: a session left open is dropped by the registry's own purge of stale uploads.
  await requester
    .request({ method: 'DELETE', url: new URL(location, reply.url).toString() }, scopes)
    .catch(() => undefined);
}
