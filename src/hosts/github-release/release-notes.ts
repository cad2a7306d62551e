/**
 * The section `github-release-notes: append` keeps in a release's body: what Falco's release template
 * lists (every image tag with its digest, every package with its size, sha256 and download link),
 * between two HTML comments (invisible on the release page) so a re-run replaces the section instead
 * of adding a second one, and leaves whatever else the body says as it was.
 */

export const NOTES_BEGIN = '<!-- falco-release-publisher: published artifacts -->';
export const NOTES_END = '<!-- /falco-release-publisher: published artifacts -->';

export interface NotedImage {
  /** The full reference: `docker.io/falcosecurity/falco:0.26.0`. */
  readonly ref: string;
  readonly digest: string;
}

export interface NotedPackage {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  /** The asset's `browser_download_url`. */
  readonly url: string;
}

/** The section, markers included. */
export function notesSection(images: readonly NotedImage[], packages: readonly NotedPackage[]): string {
  const lines = [NOTES_BEGIN, '## Published artifacts', ''];
  if (images.length > 0) {
    lines.push('### Images', '', '| image | digest |', '| --- | --- |');
    for (const image of images) lines.push(`| \`${image.ref}\` | \`${image.digest}\` |`);
    lines.push('');
  }
  if (packages.length > 0) {
    lines.push('### Packages', '', '| package | size | sha256 |', '| --- | --- | --- |');
    for (const pkg of packages) {
      lines.push(
        `| [${escapeLinkText(pkg.name)}](${linkTarget(pkg.url)}) | ${size(pkg.size)} | \`${pkg.sha256}\` |`,
      );
    }
    lines.push('');
  }
  lines.push(NOTES_END);
  return lines.join('\n');
}

/**
 * The body with the section in it: in place of the one a run wrote before (the first, if a body was
 * edited into having two), else appended after a blank line.
 */
export function withNotes(body: string | null | undefined, section: string): string {
  const text = body ?? '';
  const begin = text.indexOf(NOTES_BEGIN);
  if (begin >= 0) {
    const end = text.indexOf(NOTES_END, begin);
    // An end marker deleted by hand: the section ran to the end of the body.
    const after = end < 0 ? '' : text.slice(end + NOTES_END.length);
    return `${text.slice(0, begin)}${section}${after}`;
  }
  const trimmed = text.replace(/\s+$/, '');
  return trimmed === '' ? section : `${trimmed}\n\n${section}`;
}

/** `12.3 MiB`, as a person reads it; the exact bytes beside it. */
function size(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 'B';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const shown = unit === 'B' ? String(bytes) : value.toFixed(1);
  return `${shown} ${unit}${unit === 'B' ? '' : ` (${bytes} bytes)`}`;
}

/** `[`, `]` and `|` would end the link text or the table cell. */
function escapeLinkText(text: string): string {
  return text.replace(/([[\]|\\])/g, '\\$1');
}

/**
 * A URL as a Markdown link target: GitHub's download URLs come percent-encoded already (`%2B` for
 * `+`), so only what would end the link or the table cell is encoded.
 */
function linkTarget(url: string): string {
  return url.replace(
    /[ \t\n()<>|]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
