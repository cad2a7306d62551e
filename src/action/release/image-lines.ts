import { UserError } from '../../util/errors.js';

/** One line of the `images` input: a local source published to a repository, with an optional tag suffix. */
export interface ImageLine {
  readonly source: string;
  readonly repository: string;
  /** Appended to every tag of this line (`-slim`); empty for the bare tags. */
  readonly suffix: string;
}

/** Repository path grammar of the distribution spec (lowercase components joined by `/`). */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const SUFFIX = /^[\w.-]{1,64}$/;
const FORMAT = '<source> <repository> [suffix=<suffix>]';

/** Parses the `images` input: one image per line, blank lines and `#` comments ignored. */
export function parseImageLines(text: string): ImageLine[] {
  const numbered: { line: ImageLine; number: number }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (content === '') return;
    numbered.push({ line: parseLine(content, index + 1), number: index + 1 });
  });
  rejectDuplicates(numbered);
  return numbered.map(({ line }) => line);
}

function parseLine(content: string, lineNumber: number): ImageLine {
  const where = `images (line ${lineNumber})`;
  const [source, repository, ...options] = content.split(/\s+/);
  if (!source || !repository) {
    throw new UserError(where, `'${content}' names no repository`, `write ${FORMAT}`);
  }
  if (!REPOSITORY.test(repository)) {
    throw new UserError(
      where,
      `'${repository}' is not a repository name`,
      'use lowercase path components such as falcosecurity/falco (the registry goes in the registry input)',
    );
  }
  let suffix = '';
  let seenSuffix = false;
  for (const option of options) {
    const match = /^suffix=(.*)$/.exec(option);
    if (!match) throw new UserError(where, `unknown option '${option}'`, `write ${FORMAT}`);
    if (seenSuffix) throw new UserError(where, 'gives suffix= twice', `write ${FORMAT}`);
    seenSuffix = true;
    suffix = match[1] ?? '';
    if (!SUFFIX.test(suffix)) {
      throw new UserError(
        where,
        `suffix '${suffix}' cannot be part of an image tag`,
        'use letters, digits, _, . and -, e.g. suffix=-slim',
      );
    }
  }
  return { source, repository, suffix };
}

/** Two lines with the same repository and suffix would write the same tags from two images. */
function rejectDuplicates(lines: readonly { line: ImageLine; number: number }[]): void {
  const seen = new Map<string, number>();
  for (const { line, number } of lines) {
    const key = `${line.repository}\u0000${line.suffix}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new UserError(
        `images (line ${number})`,
        `${line.repository}${line.suffix ? ` with suffix ${line.suffix}` : ''} is listed twice (also on line ${earlier})`,
        'give each repository one line per suffix',
      );
    }
    seen.set(key, number);
  }
}
