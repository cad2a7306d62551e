import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.js';

/** Where the `package-host` input points; the scheme picks the adapter. */
export type HostLocation =
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string };

const ACCEPTED = 'accepted: s3://<bucket>/<prefix>, file:///abs/dir, /abs/dir or ./rel/dir';
/** S3's bucket naming rules (DNS-style, as path-style S3-compatible stores also require). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Parses `package-host`; relative directories are taken from the workspace. */
export function parseHostLocation(value: string, workspace: string): HostLocation {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // `s3:bucket` or `https:/x` is a mistyped URL, not a directory named so.
    if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(value)) {
      throw new UserError('package-host', `'${value}' is not a URL (no //) nor a directory`, ACCEPTED);
    }
    return { kind: 'directory', path: isAbsolute(value) ? value : resolve(workspace, value) };
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
