import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.js';

/** Where the `package-host` input points; the scheme picks the adapter. */
export type HostLocation =
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string }
  /** The assets of the GitHub release of the ref (the `github-*` inputs say which repository and how). */
  | { readonly kind: 'github-release' };

const ACCEPTED = 'accepted: s3://<bucket>/<prefix>, file:///abs/dir, /abs/dir or ./rel/dir';
/** The one `package-host` value that is a word, not a place. */
const GITHUB_RELEASE = 'github-release';
/** S3's bucket naming rules (DNS-style, as path-style S3-compatible stores also require). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `.`, `..`, `./dir`, `../dir`: a directory the user meant to be relative to the workspace. */
const EXPLICITLY_RELATIVE = /^\.\.?(\/|$)/;

/** Parses `package-host`; relative directories are taken from the workspace. */
export function parseHostLocation(value: string, workspace: string): HostLocation {
  if (value === GITHUB_RELEASE) return { kind: 'github-release' };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // `s3:bucket` or `https:/x` is a mistyped URL, not a directory named so.
    if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(value)) {
      throw new UserError('package-host', `'${value}' is not a URL (no //) nor a directory`, ACCEPTED);
    }
    if (isAbsolute(value)) return { kind: 'directory', path: value };
    if (!EXPLICITLY_RELATIVE.test(value)) throw ambiguous(value);
    return { kind: 'directory', path: resolve(workspace, value) };
  }
  if (scheme === 'file') {
    let path: string;
    try {
      path = fileURLToPath(value);
    } catch {
      throw new UserError('package-host', `'${value}' is not a file URL`, ACCEPTED);
    }
    return { kind: 'directory', path };
  }
  if (scheme === 's3') {
    const [bucket = '', ...rest] = value.slice('s3://'.length).split('/');
    if (!BUCKET.test(bucket)) {
      throw new UserError('package-host', `'${bucket}' is not an S3 bucket name`, ACCEPTED);
    }
    return { kind: 's3', bucket, prefix: rest.filter(Boolean).join('/') };
  }
  throw new UserError('package-host', `the scheme '${scheme}://' has no adapter`, ACCEPTED);
}

/**
 * `falco-distribution/packages` reads as a bucket with its `s3://` forgotten just as well as a folder:
 * taken as a folder, the packages would silently land in the workspace and never reach the bucket.
 */
function ambiguous(value: string): UserError {
  const path = value.replace(/\/+$/, '');
  const folder = `./${path}`;
  if (!BUCKET.test(path.split('/')[0] ?? '')) {
    return new UserError(
      'package-host',
      `'${value}' is a relative folder without ./`,
      `write ${folder} for a folder in the workspace`,
    );
  }
  return new UserError(
    'package-host',
    `'${value}' could be a folder or a bucket`,
    `write ${folder} for a folder in the workspace, or s3://${path} for an S3 bucket`,
  );
}
