import { UserError } from '../../util/errors.js';
import { isValidTag } from './docker-tag.js';
import {
  NO_SERIES_MOVES,
  SERIES_SCOPES,
  seriesName,
  type SeriesDecision,
  type SeriesScope,
} from './floating.js';
import type { ImageLine } from './image-lines.js';
import type { Release } from './release.js';

/** A floating tag that follows a release series (`floating=`): checked again right before it moves. */
export interface SeriesTag {
  readonly tag: string;
  readonly scope: SeriesScope;
  /** The release that leads the series, as decided at validation. */
  readonly version: string;
}

/**
 * The tags one image line gets. `fixed` tags are pushed first: a release's version tag, which names it
 * for good, or a `tags=` line's tags, which belong to no release. `floating` tags (`X.Y*`, `X*`,
 * `latest*`, `<branch>*`) move between releases and are pushed last.
 */
export interface LineTags {
  readonly line: ImageLine;
  readonly fixed: string[];
  readonly floating: string[];
  /** The floating tags that follow a series, with what their move was decided on. */
  readonly series?: readonly SeriesTag[];
}

/**
 * Tags per channel: stable → `<v><suffix>` (+ `X.Y<suffix>`, `X<suffix>` for the series `floating=` asks
 * for and that move, + `latest<suffix>` when latest moves); prerelease → `<v><suffix>`; dev →
 * `<branch><suffix>`. A suffixed line never yields a bare tag. A `tags=` line gets its tags, on any run.
 */
export function tagsFor(
  release: Release,
  line: ImageLine,
  moveLatest: boolean,
  series: SeriesDecision = NO_SERIES_MOVES,
): LineTags {
  if (line.fixedTags) return checked({ line, fixed: [...line.fixedTags], floating: [] });
  const fixed: string[] = [];
  const floating: string[] = [];
  const seriesTags: SeriesTag[] = [];
  if (release.channel === 'dev') floating.push(release.version + line.suffix);
  else fixed.push(release.version + line.suffix);
  if (release.channel === 'stable') {
    for (const scope of SERIES_SCOPES) {
      if (!line.floating?.includes(scope) || !series[scope].moves) continue;
      const tag = seriesName(release.version, scope) + line.suffix;
      floating.push(tag);
      seriesTags.push({ tag, scope, version: release.version });
    }
  }
  if (moveLatest && release.channel === 'stable') floating.push(`latest${line.suffix}`);
  return checked({ line, fixed, floating, ...(seriesTags.length > 0 ? { series: seriesTags } : {}) });
}

function checked(tags: LineTags): LineTags {
  for (const tag of [...tags.fixed, ...tags.floating]) {
    if (!isValidTag(tag)) {
      throw new UserError(
        'images',
        `tag '${tag}' for ${tags.line.repository} is not a valid image tag`,
        'shorten the suffix or the version (at most 128 characters of letters, digits, _, . and -)',
      );
    }
  }
  return tags;
}
