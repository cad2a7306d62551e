import { UserError } from '../util/errors.js';
import type { Repository } from './repository.js';
import type { Requester } from './requester.js';
import { pullScope } from './scopes.js';
import type { BodyLimit } from './transport.js';

/** Every tag of a repository (following `Link` pagination); [] when the repository does not exist. */
export async function listTags(
  requester: Requester,
  repository: Repository,
  pageSize: number,
): Promise<string[]> {
  const tags: string[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  let url: string | undefined = `${repository.url}/tags/list?n=${pageSize}`;
  while (url) {
    if (seen.has(url)) throw listRefusal(repository, 'its pages link back to one already read');
    if (seen.size >= MAX_PAGES) throw listRefusal(repository, `it has more than ${MAX_PAGES} pages`);
    seen.add(url);
    const reply = await requester.request({ method: 'GET', url, bodyLimit: pageLimit(repository) }, [
      pullScope(repository.name),
    ]);
    bytes += reply.body.length;
    if (bytes > MAX_LIST_BYTES) throw listRefusal(repository, `it is longer than ${MAX_LIST_BYTES} bytes`);
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

/** Pages of one tag list at most: at 1000 tags a page, far more tags than a repository has. */
const MAX_PAGES = 1000;
/** Bytes of one page, and of all pages of a list, at most: a tag is at most 128 characters. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;
const MAX_LIST_BYTES = 64 * 1024 * 1024;

function listRefusal(repository: Repository, problem: string): UserError {
  return new UserError(
    repository.display,
    `the registry's tag list is not read to its end: ${problem}`,
    'check the registry',
  );
}

function pageLimit(repository: Repository): BodyLimit {
  return {
    bytes: MAX_PAGE_BYTES,
    refusal: () => listRefusal(repository, `a page is longer than ${MAX_PAGE_BYTES} bytes`),
  };
}

/** Follows `Link: </v2/...?last=x>; rel="next"` pagination. */
function nextPage(link: string | undefined, current: string): string | undefined {
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  return match?.[1] ? new URL(match[1], current).toString() : undefined;
}
