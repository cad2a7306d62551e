import { UserError } from '../../util/errors.js';
import { isValidTag } from './docker-tag.js';
import type { ImageLine } from './image-lines.js';
import type { Release } from './release.js';

/**
 * The tags one image line gets. `fixed` tags name this release for good and are pushed first;
 * `floating` tags (`latest*`, `<branch>*`) move between releases and are pushed last.
 */
export interface LineTags {
  readonly line: ImageLine;
  readonly fixed: string[];
  readonly floating: string[];
}

/**
 * Tags per channel: stable → `<v><suffix>` (+ `latest<suffix>` when latest moves); prerelease →
 * `<v><suffix>`; dev → `<branch><suffix>`. A suffixed line never yields a bare tag.
 */
export function tagsFor(release: Release, line: ImageLine, moveLatest: boolean): LineTags {
  const fixed: string[] = [];
  const floating: string[] = [];
  if (release.channel === 'dev') floating.push(release.version + line.suffix);
  else fixed.push(release.version + line.suffix);
  if (moveLatest && release.channel === 'stable') floating.push(`latest${line.suffix}`);
  for (const tag of [...fixed, ...floating]) {
    if (!isValidTag(tag)) {
      throw new UserError(
        'images',
        `tag '${tag}' for ${line.repository} is not a valid image tag`,
        'shorten the suffix or the version (at most 128 characters of letters, digits, _, . and -)',
      );
    }
  }
  return { line, fixed, floating };
}
