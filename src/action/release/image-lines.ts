import { UserError } from '../../util/errors.js';
import type { SeriesScope } from './floating.js';
import { LINE_FORMAT, parseLineOptions } from './image-line-options.js';

/** One line of the `images` input: a local source published to a repository, with an optional tag suffix. */
export interface ImageLine {
  readonly source: string;
  readonly repository: string;
  /** Appended to every tag of this line (`-slim`); empty for the bare tags. */
  readonly suffix: string;
  /**
   * `tags=`: the line's only tags, pushed on every run (stable, prerelease, dev) and never compared as
   * versions, as falco-builder's `latest` is. Such a line gets no version, `latest`, branch or series tag.
   */
  readonly fixedTags?: readonly string[];
  /** `floating=`: the series tags (`X`, `X.Y`) the line also moves, when the release leads the series. */
  readonly floating?: readonly SeriesScope[];
}

/** Repository path grammar of the distribution spec (lowercase components joined by `/`). */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/** What a versioned line's tags look like once its suffix is off: `0.26.0`, `0.27.0-rc1`, `0`, `0.39`. */
const VERSION_LIKE = /^v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/;

interface Numbered {
  readonly line: ImageLine;
  readonly number: number;
}

/** Parses the `images` input: one image per line, blank lines and `#` comments ignored. */
export function parseImageLines(text: string): ImageLine[] {
  const numbered: Numbered[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (content === '') return;
    numbered.push({ line: parseLine(content, index + 1), number: index + 1 });
  });
  rejectDuplicates(numbered);
  rejectFixedTagsOfVersionedLines(numbered);
  return numbered.map(({ line }) => line);
}

function parseLine(content: string, lineNumber: number): ImageLine {
  const where = `images (line ${lineNumber})`;
  const [source, repository, ...options] = content.split(/\s+/);
  if (!source || !repository) {
    throw new UserError(where, `'${content}' names no repository`, `write ${LINE_FORMAT}`);
  }
  if (!REPOSITORY.test(repository)) {
    throw new UserError(
      where,
      `'${repository}' is not a repository name`,
      'use lowercase path components such as falcosecurity/falco (the registry goes in the registry input)',
    );
  }
  return { source, repository, ...parseLineOptions(options, where) };
}

/**
 * Two versioned lines with the same repository and suffix would write the same tags from two images;
 * two `tags=` lines may share a repository, not a tag.
 */
function rejectDuplicates(lines: readonly Numbered[]): void {
  const seen = new Map<string, number>();
  for (const { line, number } of lines) {
    const keys = line.fixedTags
      ? line.fixedTags.map((tag) => ({ key: `${line.repository}:${tag}`, what: `${line.repository}:${tag}` }))
      : [
          {
            key: `${line.repository}\u0000${line.suffix}`,
            what: `${line.repository}${line.suffix ? ` with suffix ${line.suffix}` : ''}`,
          },
        ];
    for (const { key, what } of keys) {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new UserError(
          `images (line ${number})`,
          `${what} is listed twice (also on line ${earlier})`,
          line.fixedTags
            ? 'name each tag of a repository on one line'
            : 'give each repository one line per suffix',
        );
      }
      seen.set(key, number);
    }
  }
}

/**
 * A fixed tag is never compared as a version; in a repository whose versioned lines `latest: auto` and
 * `floating=` read, one that looks like a version or is their `latest` would be, and would collide.
 */
function rejectFixedTagsOfVersionedLines(lines: readonly Numbered[]): void {
  const versioned = lines.filter(({ line }) => !line.fixedTags);
  for (const { line, number } of lines) {
    for (const tag of line.fixedTags ?? []) {
      for (const other of versioned) {
        const { repository, suffix } = other.line;
        if (repository !== line.repository || !tag.endsWith(suffix)) continue;
        const bare = tag.slice(0, tag.length - suffix.length);
        if (bare !== 'latest' && !VERSION_LIKE.test(bare)) continue;
        throw new UserError(
          `images (line ${number})`,
          `tags= names '${tag}', a ${bare === 'latest' ? 'latest' : 'version'} tag of ${repository} that line ${other.number} publishes by release`,
          'give fixed tags names that are not versions nor latest (e.g. stable, builder), or let the release rules move it',
        );
      }
    }
  }
}
