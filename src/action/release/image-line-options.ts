import { UserError } from '../../util/errors.js';
import { isValidTag } from './docker-tag.js';
import type { SeriesScope } from './floating.js';

/** The options after `<source> <repository>` on an `images` line. */
export interface LineOptions {
  readonly suffix: string;
  readonly fixedTags?: readonly string[];
  readonly floating?: readonly SeriesScope[];
}

export const LINE_FORMAT =
  '<source> <repository> [suffix=<suffix>] [floating=major,minor], or <source> <repository> tags=<tag>,<tag>…';

const SUFFIX = /^[\w.-]{1,64}$/;
const OPTION = /^(suffix|tags|floating)=(.*)$/;

/** Reads `suffix=`, `tags=` and `floating=`, each at most once; `tags=` stands alone (see fixedTagsOf). */
export function parseLineOptions(options: readonly string[], where: string): LineOptions {
  const given = new Map<string, string>();
  for (const option of options) {
    const match = OPTION.exec(option);
    if (!match) throw new UserError(where, `unknown option '${option}'`, `write ${LINE_FORMAT}`);
    const [, name = '', value = ''] = match;
    if (given.has(name)) throw new UserError(where, `gives ${name}= twice`, `write ${LINE_FORMAT}`);
    given.set(name, value);
  }
  const suffix = given.get('suffix');
  if (suffix !== undefined && !SUFFIX.test(suffix)) {
    throw new UserError(
      where,
      `suffix '${suffix}' cannot be part of an image tag`,
      'use letters, digits, _, . and -, e.g. suffix=-slim',
    );
  }
  const tags = given.get('tags');
  if (tags !== undefined) {
    // The line's tags are exactly these: a suffix or a series would have no version tag to go with.
    const other = ['suffix', 'floating'].find((name) => given.has(name));
    if (other !== undefined) {
      throw new UserError(
        where,
        `gives tags= with ${other}=`,
        `tags= names every tag of its line in full: write the ${other === 'suffix' ? 'suffix into each tag' : 'series tags on a line of their own'}`,
      );
    }
    return { suffix: '', fixedTags: fixedTagsOf(tags, where) };
  }
  const floating = given.get('floating');
  return {
    suffix: suffix ?? '',
    ...(floating === undefined ? {} : { floating: scopesOf(floating, where) }),
  };
}

function fixedTagsOf(value: string, where: string): string[] {
  const tags = value.split(',');
  const seen = new Set<string>();
  for (const tag of tags) {
    if (!isValidTag(tag)) {
      throw new UserError(
        where,
        tag === ''
          ? `tags= has an empty tag in '${value}'`
          : `tags= names '${tag}', which is not an image tag`,
        'write tags=<tag>,<tag>… with each tag of letters, digits, _, . and - (at most 128, not starting with . or -)',
      );
    }
    if (seen.has(tag)) throw new UserError(where, `tags= names '${tag}' twice`, 'name each tag once');
    seen.add(tag);
  }
  return tags;
}

function scopesOf(value: string, where: string): SeriesScope[] {
  const names = value.split(',');
  const unknown = names.find((name) => name !== 'major' && name !== 'minor');
  if (unknown !== undefined) {
    throw new UserError(
      where,
      `floating= names '${unknown}'`,
      'write floating=major (X), floating=minor (X.Y) or floating=major,minor',
    );
  }
  if (new Set(names).size !== names.length) {
    throw new UserError(
      where,
      `floating= names a series twice in '${value}'`,
      'name major and minor once each',
    );
  }
  return (['major', 'minor'] as const).filter((scope) => names.includes(scope));
}
