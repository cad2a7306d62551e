import { UserError } from '../util/errors.js';
import { parseAutoindex } from './autoindex-listing.js';
import { PROPFIND, type HttpClient } from './http-client.js';
import type { ListedObject } from './object-store.js';
import { parseMultistatus } from './webdav-multistatus.js';

/** One thing in a folder: a file or a folder, by its name in the folder. */
interface Child {
  readonly name: string;
  readonly folder: boolean;
  readonly lastModified: Date | undefined;
}

/** What PROPFIND asks for: only the two properties a listing needs, not every property of every file. */
const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?>\n' +
  '<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getlastmodified/></D:prop></D:propfind>\n';

/** A file whose server gives no modification time counts as written now: grace periods then keep it. */
const UNKNOWN_TIME = (): Date => new Date();

/**
 * Lists folders of an HTTP store, one level per request, walking down as far as a prefix needs.
 *
 * WebDAV `PROPFIND` with `Depth: 1` first: the standard way, which Artifactory, Apache's mod_dav and
 * nginx with its dav-ext module answer (`Depth: infinity` is refused by most servers, so each folder
 * is asked for on its own). A server that refuses the method (405, 501: nginx's own dav module has
 * PUT and DELETE but no PROPFIND) is asked for nginx's `autoindex_format json` listing instead, a GET
 * of the folder; which one works is learnt once per run. Nexus's raw repositories offer neither (only
 * an HTML browse page), so index keeping is refused there with what the server would need.
 */
export class FolderLister {
  private mode: 'propfind' | 'autoindex' = 'propfind';

  constructor(
    private readonly client: HttpClient,
    private readonly baseUrl: string,
    private readonly urlOf: (key: string) => string,
  ) {}

  /** Every file under `prefix` (keys relative to the base), sorted by key; dot names are the store's own. */
  async entries(prefix: string): Promise<ListedObject[]> {
    const found: ListedObject[] = [];
    const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const walk = async (folder: string): Promise<void> => {
      for (const child of await this.children(folder)) {
        if (child.name.startsWith('.')) continue;
        const key = folder === '' ? child.name : `${folder}/${child.name}`;
        if (!key.startsWith(prefix) && !prefix.startsWith(`${key}/`)) continue;
        if (child.folder) await walk(key);
        else if (key.startsWith(prefix))
          found.push({ key, lastModified: child.lastModified ?? UNKNOWN_TIME() });
      }
    };
    await walk(start);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The children of a folder (`''` is the base); none when it does not exist. */
  async children(folder: string): Promise<Child[]> {
    const url = folder === '' ? this.baseUrl : `${this.urlOf(folder)}/`;
    if (this.mode === 'propfind') {
      const answer = await this.client.send({
        method: PROPFIND,
        url,
        headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
        body: Buffer.from(PROPFIND_BODY),
      });
      if (answer.statusCode === 207) return childrenOf(answer.body.toString('utf8'), url);
      if (answer.statusCode === 404) return [];
      if (![400, 405, 501].includes(answer.statusCode)) throw this.client.answerError(answer, PROPFIND, url);
      this.mode = 'autoindex';
    }
    const answer = await this.client.send({ method: 'GET', url, headers: { accept: 'application/json' } });
    if (answer.statusCode === 404) return [];
    const listed = answer.statusCode === 200 ? parseAutoindex(answer.body.toString('utf8')) : undefined;
    if (listed !== undefined) {
      return listed.map((entry) => ({
        name: entry.name,
        folder: entry.directory,
        lastModified: entry.lastModified,
      }));
    }
    if (answer.statusCode !== 200 && answer.statusCode !== 403) {
      throw this.client.answerError(answer, 'GET', url);
    }
    throw new UserError(
      'package-host',
      `${this.baseUrl} lists no folders the action can read (PROPFIND refused; GET ${url} answered ${answer.statusCode} without a JSON listing), and keeping APT/YUM indexes needs to list them`,
      'enable WebDAV PROPFIND (nginx: the dav-ext module, dav_ext_methods PROPFIND) or nginx `autoindex on; autoindex_format json;` for the package location',
    );
  }
}

/** The direct children of `folderUrl` in a multistatus answer (which also lists the folder itself). */
function childrenOf(xml: string, folderUrl: string): Child[] {
  // Compared decoded: servers differ in what they percent-encode (`+`, `~`) and in the case of hex digits.
  const folderPath = decodedPath(folderUrl, folderUrl);
  if (folderPath === undefined) return [];
  return parseMultistatus(xml).flatMap((resource): Child[] => {
    const path = decodedPath(resource.href, folderUrl);
    if (path === undefined || !path.startsWith(folderPath)) return [];
    const name = path.slice(folderPath.length).replace(/\/$/, '');
    if (name === '' || name.includes('/')) return [];
    return [{ name, folder: resource.collection, lastModified: resource.lastModified }];
  });
}

/** The decoded path of an href (absolute, or relative to `base`); undefined when unreadable. */
function decodedPath(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).pathname.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}
