import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../util/errors.js';

/** Where the registry driver reads an image from: one part of an `images` line's `<source>`. */
export type SourcePart =
  | {
      readonly kind: 'remote';
      readonly registry: string;
      readonly repository: string;
      readonly reference: string;
    }
  | { readonly kind: 'oci-layout'; readonly dir: string; readonly ref: string | undefined }
  | { readonly kind: 'docker-archive'; readonly file: string };

const FORMS =
  'docker://<registry>/<name>:<tag>, docker://<registry>/<name>@sha256:<hex>, oci-layout:<dir>[:<ref>] or docker-archive:<file.tar>, several joined by + into one multi-arch image';
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * Parses a registry-driver source: one part, or several joined by `+` (each a single-architecture image,
 * assembled into one index). Relative paths are taken from the workspace.
 */
export function parseSource(source: string, workspace: string): SourcePart[] {
  return source.split('+').map((part) => parsePart(part, source, workspace));
}

function parsePart(part: string, source: string, workspace: string): SourcePart {
  const fail = (problem: string): never => {
    throw new UserError(`images: ${source}`, problem, `write ${FORMS}`);
  };
  const path = (value: string): string => (isAbsolute(value) ? value : resolve(workspace, value));
  if (part.startsWith('docker://')) {
    const rest = part.slice('docker://'.length);
    const slash = rest.indexOf('/');
    if (slash <= 0) return fail(`'${part}' names no registry and repository`);
    const registry = rest.slice(0, slash);
    const name = rest.slice(slash + 1);
    const at = name.indexOf('@');
    if (at >= 0) {
      const digest = name.slice(at + 1);
      if (!DIGEST.test(digest)) return fail(`'${digest}' is not a sha256 digest`);
      return { kind: 'remote', registry, repository: name.slice(0, at), reference: digest };
    }
    const colon = name.lastIndexOf(':');
    if (colon <= 0 || name.slice(colon + 1).includes('/')) return fail(`'${part}' names no tag or digest`);
    const tag = name.slice(colon + 1);
    if (!TAG.test(tag)) return fail(`'${tag}' is not an image tag`);
    return { kind: 'remote', registry, repository: name.slice(0, colon), reference: tag };
  }
  if (part.startsWith('oci-layout:')) {
    const rest = part.slice('oci-layout:'.length);
    // `dir:ref`: a ref never holds a `/`, so a last `:` followed by one is part of the path.
    const colon = rest.lastIndexOf(':');
    const hasRef = colon > 0 && !rest.slice(colon + 1).includes('/');
    const dir = hasRef ? rest.slice(0, colon) : rest;
    if (dir === '') return fail(`'${part}' names no directory`);
    return { kind: 'oci-layout', dir: path(dir), ref: hasRef ? rest.slice(colon + 1) : undefined };
  }
  if (part.startsWith('docker-archive:')) {
    const file = part.slice('docker-archive:'.length);
    if (file === '') return fail(`'${part}' names no file`);
    return { kind: 'docker-archive', file: path(file) };
  }
  return fail(`'${part}' is not a source the registry driver reads`);
}
