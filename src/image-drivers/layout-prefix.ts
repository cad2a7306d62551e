/** `registry: oci-layout:<dir>` and `oci-layout:<dir>[:<ref>]` sources: an OCI image layout on disk. */
export const LAYOUT_PREFIX = 'oci-layout:';
