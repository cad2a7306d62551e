/** One entry of nginx's `autoindex_format json` listing of a folder. */
export interface AutoindexEntry {
  readonly name: string;
  readonly directory: boolean;
  readonly lastModified: Date | undefined;
}

/**
 * Reads nginx's JSON folder listing: an array of `{ "name", "type": "file" | "directory", "mtime",
 * "size" }`. Undefined when the text is not one (an HTML listing, an error page), for the caller to
 * say the server offers no listing it can read.
 */
export function parseAutoindex(text: string): AutoindexEntry[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const entries: AutoindexEntry[] = [];
  for (const item of parsed as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { name, type, mtime } = item as Record<string, unknown>;
    if (typeof name !== 'string' || typeof type !== 'string') return undefined;
    const time = typeof mtime === 'string' ? Date.parse(mtime) : NaN;
    entries.push({
      name,
      directory: type === 'directory',
      lastModified: Number.isNaN(time) ? undefined : new Date(time),
    });
  }
  return entries;
}
