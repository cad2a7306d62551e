import { UserError } from '../util/errors.js';
import type { Repository } from './repository.js';
import type { Requester } from './requester.js';
import { pullScope } from './scopes.js';

/** Every tag of a repository (following `Link` pagination); [] when the repository does not exist. */
export async function listTags(
  requester: Requester,
  repository: Repository,
  pageSize: number,
): Promise<string[]> {
  const tags: string[] = [];
  let url: string | undefined = `${repository.url}/tags/list?n=${pageSize}`;
  while (url) {
    const reply = await requester.request({ method: 'GET', url }, [pullScope(repository.name)]);
    if (reply.statusCode === 404) return [];
    if (reply.statusCode !== 200) throw requester.refusal(reply, repository.display, 'listing tags');
    let body: { tags?: unknown };
    try {
      body = JSON.parse(reply.body.toString('utf8')) as { tags?: unknown };
    } catch {
      throw new UserError(
        repository.display,
        'the registry answered the tag list with something that is not JSON',
      );
    }
    if (body.tags !== undefined && body.tags !== null && !Array.isArray(body.tags)) {
      throw new UserError(repository.display, 'the registry answered the tag list without a list of tags');
    }
    tags.push(
      ...((body.tags as unknown[] | null | undefined) ?? []).filter((tag) => typeof tag === 'string'),
    );
    url = nextPage([reply.headers.link ?? []].flat().join(', '), url);
  }
  return tags;
}

/** Follows `Link: </v2/...?last=x>; rel="next"` pagination. */
function nextPage(link: string | undefined, current: string): string | undefined {
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  return match?.[1] ? new URL(match[1], current).toString() : undefined;
}
