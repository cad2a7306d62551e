/** `registry: oci-layout:<dir>` and `oci-layout:<dir>[:<ref>]` sources: an OCI image layout on disk. */
export const LAYOUT_PREFIX = 'oci-layout:';

/** Where images are published: a registry (`docker.io`, `127.0.0.1:5000`) or an OCI layout directory. */
export type ImageTarget =
  | { readonly kind: 'registry'; readonly host: string }
  | { readonly kind: 'oci-layout'; readonly dir: string };

/** The target as the `registry` input writes it: `docker.io`, or `oci-layout:/abs/dir`. */
export function targetName(target: ImageTarget): string {
  return target.kind === 'registry' ? target.host : `${LAYOUT_PREFIX}${target.dir}`;
}

/** A registry host as a target (mirrors, and tests). */
export const registryHost = (host: string): ImageTarget => ({ kind: 'registry', host });

/**
 * Full reference as the registry and docker see it: `docker.io/falcosecurity/falco:0.26.0`; in an OCI
 * layout, as skopeo names it: `oci-layout:/dir:falcosecurity/falco:0.26.0` (`oci:/dir:…` for skopeo).
 */
export function imageReference(target: ImageTarget, repository: string, tag: string): string {
  return target.kind === 'registry'
    ? `${target.host}/${repository}:${tag}`
    : `${targetName(target)}:${repository}:${tag}`;
}
