import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.js';

/** Where the `package-host` input points; the scheme picks the adapter. */
export type HostLocation = { readonly kind: 'directory'; readonly path: string };

const ACCEPTED = 'accepted: file:///abs/dir, /abs/dir or ./rel/dir';

/** Parses `package-host`; relative directories are taken from the workspace. */
export function parseHostLocation(value: string, workspace: string): HostLocation {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) {
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
  throw new UserError('package-host', `the scheme '${scheme}://' has no adapter`, ACCEPTED);
}
