/** One resource of a WebDAV `207 Multi-Status` answer to PROPFIND. */
export interface DavResource {
  /** As the server wrote it: an absolute path or URL, percent-encoded. */
  readonly href: string;
  readonly collection: boolean;
  readonly lastModified: Date | undefined;
}

/** A namespace prefix, whatever the server chose (`D:`, `d:`, `lp1:`) or none with a default namespace. */
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/** The text of each `<name>…</name>` in `xml`, by local name. */
function texts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${PREFIX}${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${PREFIX}${name}\\s*>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The five predefined entities and character references; hrefs and dates need no more. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

/**
 * The resources of a multistatus answer: each `response`'s href, whether its `resourcetype` holds a
 * `collection`, and its `getlastmodified`. Elements are matched by local name, as the DAV: namespace's
 * prefix is the server's choice; nothing else of the XML is needed, so no general parser is.
 */
export function parseMultistatus(xml: string): DavResource[] {
  return texts(xml, 'response').flatMap((response): DavResource[] => {
    const href = texts(response, 'href')[0];
    if (href === undefined) return [];
    const types = texts(response, 'resourcetype').join('');
    const collection =
      new RegExp(`<${PREFIX}collection[\\s/>]`).test(types) ||
      // A server that leaves out resourcetype still ends a folder's href with a slash.
      (types === '' && href.trim().endsWith('/'));
    const modified = texts(response, 'getlastmodified')[0];
    const time = modified === undefined ? NaN : Date.parse(decodeEntities(modified).trim());
    return [
      {
        href: decodeEntities(href.trim()),
        collection,
        lastModified: Number.isNaN(time) ? undefined : new Date(time),
      },
    ];
  });
}
