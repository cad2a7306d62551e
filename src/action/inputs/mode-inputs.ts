import * as semver from 'semver';
import { UserError } from '../../util/errors.js';
import { lines, oneOf, type InputReader } from './input-values.js';

/**
 * What a run does: publish a release (the default); move `latest` back to an earlier one; take a
 * version's packages out of the host's repositories; or sign every repository again with the current key.
 */
export type Mode =
  | { readonly kind: 'publish' }
  | { readonly kind: 'revert-latest'; readonly version: string }
  | UnpublishMode
  | { readonly kind: 'resign' };

export interface UnpublishMode {
  readonly kind: 'unpublish';
  /** The version whose packages leave the host, as their file names spell it (`0.39.1`, `0.40.0-rc1`). */
  readonly version: string;
  /** File-name patterns (`*.rpm`, `falco-0.39.1-x86_64.deb`) narrowing which; empty: all of that version. */
  readonly patterns: readonly string[];
}

export type ModeKind = Mode['kind'];

const MODES = ['publish', 'revert-latest', 'unpublish', 'resign'] as const;
/** A version as Falco's file names spell it: 0.39.1, 0.40.0-rc1, 0.40.0-12+abc1234. */
const PACKAGE_VERSION = /^\d+\.\d+\.\d+(?:[-~+][0-9A-Za-z.+~-]+)?$/;

/** What the other inputs hold, which a mode may need or refuse. */
export interface GivenInputs {
  readonly images: number;
  /** Image signing or provenance is asked for. */
  readonly signing: boolean;
  readonly packageHost: boolean;
  readonly signingKey: boolean;
}

/**
 * `mode` and `version`, checked against what each mode touches: `revert-latest` image tags only,
 * `unpublish` and `resign` the package host only (images are never deleted, nor signed again here).
 * For `unpublish`, `packages` holds file-name patterns on the host, not files of the workspace.
 */
export function readModeInputs(input: InputReader, given: GivenInputs): Mode {
  const kind = oneOf('mode', input('mode').trim() || 'publish', MODES);
  const version = input('version').trim();
  const packages = lines(input('packages'));
  switch (kind) {
    case 'publish':
      if (version)
        refuse(
          'version',
          "is set, but mode is 'publish'",
          'remove version (a publish takes its version from the ref)',
        );
      return { kind };
    case 'revert-latest':
      return readRevert(version, packages.length, given);
    case 'unpublish':
      return readUnpublish(version, packages, given);
    case 'resign':
      return readResign(version, packages.length, given);
  }
}

function readRevert(version: string, packages: number, given: GivenInputs): Mode {
  if (!version) {
    refuse(
      'version',
      "is empty, but mode is 'revert-latest'",
      'set version to the stable release latest goes back to, e.g. 0.39.1',
    );
  }
  const parsed = semver.parse(version.replace(/^v/, ''));
  if (!parsed) throw new UserError('version', `'${version}' is not a version`, 'write x.y.z, e.g. 0.39.1');
  if (parsed.prerelease.length > 0) {
    refuse(
      'version',
      `'${version}' is a prerelease, which latest never names`,
      'give a stable version, e.g. 0.39.1',
    );
  }
  if (given.images === 0) {
    refuse(
      'images',
      "is empty, but mode is 'revert-latest'",
      'give the images lines whose latest tags go back',
    );
  }
  if (packages > 0 || given.signing) {
    refuse(
      packages > 0 ? 'packages' : 'image-signing',
      "is set, but mode 'revert-latest' only moves image tags",
      'remove it: the release it reverts to was published, and signed, when it was released',
    );
  }
  return { kind: 'revert-latest', version: parsed.version };
}

function readUnpublish(version: string, patterns: readonly string[], given: GivenInputs): Mode {
  if (!version) {
    refuse(
      'version',
      "is empty, but mode is 'unpublish'",
      'set version to the release whose packages leave the host, e.g. 0.39.1',
    );
  }
  const bare = version.replace(/^v/, '');
  if (!PACKAGE_VERSION.test(bare)) {
    refuse(
      'version',
      `'${version}' is not a version`,
      'write it as the package file names do, e.g. 0.39.1 or 0.40.0-rc1',
    );
  }
  refuseImages('unpublish', given, 'images are never deleted: to move latest back, use mode: revert-latest');
  if (!given.packageHost) {
    refuse(
      'package-host',
      "is empty, but mode is 'unpublish'",
      'set package-host to the host the packages are removed from',
    );
  }
  return { kind: 'unpublish', version: bare, patterns };
}

function readResign(version: string, packages: number, given: GivenInputs): Mode {
  if (version) refuse('version', "is set, but mode 'resign' signs every version", 'remove version');
  if (packages > 0) {
    refuse('packages', "is set, but mode 'resign' signs every package the host has", 'remove packages');
  }
  refuseImages(
    'resign',
    given,
    'mode resign signs the package host; image signatures are made when images are published',
  );
  if (!given.packageHost) {
    refuse(
      'package-host',
      "is empty, but mode is 'resign'",
      'set package-host to the host whose repositories are signed again',
    );
  }
  if (!given.signingKey) {
    refuse(
      'signing-key',
      "is empty, but mode is 'resign'",
      'pass the new key, e.g. signing-key: ${{ secrets.SIGNING_KEY }}',
    );
  }
  return { kind: 'resign' };
}

function refuseImages(mode: string, given: GivenInputs, remedy: string): void {
  if (given.images > 0) refuse('images', `is set, but mode '${mode}' touches packages only`, remedy);
  if (given.signing) refuse('image-signing', `is set, but mode '${mode}' touches packages only`, remedy);
}

function refuse(subject: string, problem: string, remedy: string): never {
  throw new UserError(subject, problem, remedy);
}
