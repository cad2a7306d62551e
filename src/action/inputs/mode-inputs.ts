import * as semver from 'semver';
import { UserError } from '../../util/errors.js';
import { oneOf, type InputReader } from './input-values.js';

/** What a run does: publish a release (the default), or move `latest` back to an earlier one. */
export type Mode =
  { readonly kind: 'publish' } | { readonly kind: 'revert-latest'; readonly version: string };

/**
 * `mode` and `version`. `revert-latest` needs the stable version `latest` goes back to, and touches
 * image tags only: packages, signing and provenance belong to publishing, and are refused with it.
 */
export function readModeInputs(
  input: InputReader,
  given: { readonly images: number; readonly packages: number; readonly signing: boolean },
): Mode {
  const kind = oneOf('mode', input('mode').trim() || 'publish', ['publish', 'revert-latest'] as const);
  const version = input('version').trim();
  if (kind === 'publish') {
    if (version) {
      throw new UserError(
        'version',
        "is set, but mode is 'publish'",
        'remove version (a publish takes its version from the ref)',
      );
    }
    return { kind };
  }
  if (!version) {
    throw new UserError(
      'version',
      "is empty, but mode is 'revert-latest'",
      'set version to the stable release latest goes back to, e.g. 0.39.1',
    );
  }
  const parsed = semver.parse(version.replace(/^v/, ''));
  if (!parsed) throw new UserError('version', `'${version}' is not a version`, 'write x.y.z, e.g. 0.39.1');
  if (parsed.prerelease.length > 0) {
    throw new UserError(
      'version',
      `'${version}' is a prerelease, which latest never names`,
      'give a stable version, e.g. 0.39.1',
    );
  }
  if (given.images === 0) {
    throw new UserError(
      'images',
      "is empty, but mode is 'revert-latest'",
      'give the images lines whose latest tags go back',
    );
  }
  if (given.packages > 0 || given.signing) {
    throw new UserError(
      given.packages > 0 ? 'packages' : 'image-signing',
      "is set, but mode 'revert-latest' only moves image tags",
      'remove it: the release it reverts to was published, and signed, when it was released',
    );
  }
  return { kind, version: parsed.version };
}
