import semver from 'semver';
import { UserError } from '../../util/errors.js';
import { isValidTag } from './docker-tag.js';
import type { Release } from './release.js';

const TAG_PREFIX = 'refs/tags/';
const BRANCH_PREFIX = 'refs/heads/';
/** MAJOR.MINOR.PATCH with an optional prerelease; build metadata is refused separately to say why. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function accepted(devBranch: string): string {
  return `publish from refs/tags/<MAJOR.MINOR.PATCH> (stable), refs/tags/<MAJOR.MINOR.PATCH-PRERELEASE> (prerelease) or refs/heads/${devBranch} (dev)`;
}

/** Reads the release from the ref that triggered the workflow. */
export function parseRef(ref: string, devBranch: string): Release {
  if (ref.startsWith(TAG_PREFIX)) return parseTag(ref, ref.slice(TAG_PREFIX.length), devBranch);
  if (ref === `${BRANCH_PREFIX}${devBranch}`) {
    if (!isValidTag(devBranch)) {
      throw new UserError(
        'dev-branch',
        `'${devBranch}' cannot be an image tag`,
        'use a branch whose name has only letters, digits, _, . and -',
      );
    }
    return { version: devBranch, channel: 'dev' };
  }
  throw new UserError('ref', `'${ref}' is not a release`, accepted(devBranch));
}

function parseTag(ref: string, tag: string, devBranch: string): Release {
  const version = tag.startsWith('v') ? tag.slice(1) : tag;
  if (version.includes('+')) {
    throw new UserError(
      'ref',
      `'${ref}' carries build metadata ('+…'), which an image tag cannot hold`,
      'tag the release without the +… part',
    );
  }
  const parsed = VERSION.test(version) ? semver.parse(version) : null;
  if (!parsed) throw new UserError('ref', `'${ref}' is not a semantic version`, accepted(devBranch));
  return { version: parsed.version, channel: parsed.prerelease.length > 0 ? 'prerelease' : 'stable' };
}
