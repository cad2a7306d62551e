import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.js';

/** Where the `package-host` input points; the scheme picks the adapter. */
export type HostLocation =
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string }
  /** Any HTTP server taking PUT (Artifactory, Nexus, WebDAV); `url` ends with `/`, holds no credentials. */
  | { readonly kind: 'http'; readonly url: string }
  | { readonly kind: 'bintray'; readonly subject: string }
  /** The assets of the GitHub release of the ref (the `github-*` inputs say which repository and how). */
  | { readonly kind: 'github-release' };

const ACCEPTED =
  'accepted: s3://<bucket>/<prefix>, https://<host>/<path>, bintray://<subject>, github-release, file:///abs/dir, /abs/dir or ./rel/dir';
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
  if (scheme === 'http' || scheme === 'https') return parseHttpLocation(value);
  if (scheme === 'bintray') return { kind: 'bintray', subject: bintraySubject(value) };
  throw new UserError('package-host', `the scheme '${scheme}://' has no adapter`, ACCEPTED);
}

/** A Bintray user or organization name, as Bintray spelled them. */
const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * `bintray://<subject>`: the repositories (`deb`, `rpm-dev`, ...) follow from the layout, so a path
 * after the subject would be silently ignored, and is refused instead.
 */
function bintraySubject(value: string): string {
  const [subject = '', ...rest] = value.slice('bintray://'.length).split('/');
  if (!SUBJECT.test(subject)) {
    throw new UserError(
      'package-host',
      `'${subject}' is not a Bintray subject (user or organization)`,
      ACCEPTED,
    );
  }
  if (rest.some(Boolean)) {
    throw new UserError(
      'package-host',
      `'${value}' names more than a subject`,
      `write bintray://${subject}: the repositories (deb, deb-dev, rpm, rpm-dev, bin, bin-dev) follow from each package`,
    );
  }
  return subject;
}

/**
 * An HTTP(S) base URL. Credentials in it are refused without repeating the value: a password written
 * there would end up in logs and the summary, which show the host's URL.
 */
function parseHttpLocation(value: string): HostLocation {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(
      'package-host',
      'is not a valid http(s) URL',
      'write e.g. https://repo.example.com/falco',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new UserError(
      'package-host',
      'holds credentials in its URL',
      'remove them from the URL and set package-host-username and package-host-password (or package-host-token) from secrets',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UserError(
      'package-host',
      `'${url.origin}${url.pathname}' is followed by a query or fragment`,
      'give the base URL only, e.g. https://repo.example.com/falco',
    );
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { kind: 'http', url: `${url.origin}${path}` };
}

/** True for a host that never leaves the machine: plain http to it exposes nothing. */
export function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
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
