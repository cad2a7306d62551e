/**
 * The texts of `Warning` headers (`299 - "this repository is deprecated"`), which registries use to
 * tell users of deprecations and quotas (distribution, Harbor, ghcr). Several may share one header.
 */
export function parseWarnings(header: string | string[] | undefined): string[] {
  const texts: string[] = [];
  for (const value of [header ?? []].flat()) {
    for (const match of value.matchAll(/\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g)) {
      texts.push((match[1] ?? '').replace(/\\(.)/g, '$1'));
    }
  }
  return texts;
}
