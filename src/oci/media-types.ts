/** The manifest and blob media types the registry driver reads and writes. */
export const MediaTypes = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** Manifests that list other manifests (multi-arch). */
export const INDEX_TYPES: readonly string[] = [MediaTypes.ociIndex, MediaTypes.dockerManifestList];
/** Manifests of one image (config + layers). */
export const IMAGE_TYPES: readonly string[] = [MediaTypes.ociManifest, MediaTypes.dockerManifest];
/** Every manifest type, as an Accept header value. */
export const MANIFEST_ACCEPT = [...INDEX_TYPES, ...IMAGE_TYPES].join(', ');
