/** The remedy for an OCI layout source that is damaged or incomplete. */
export const REWRITE = 'write the layout again (e.g. skopeo copy ... oci:<dir>:<ref>)';
