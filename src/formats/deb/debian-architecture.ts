/**
 * A Debian architecture name as dpkg-architecture lists them (amd64, arm64, all, musl-linux-amd64):
 * lowercase letters, digits and `-`. APT puts it in paths (`binary-<arch>/`) and in the Release's
 * space-separated Architectures: anything else could name a path outside the suite, or two architectures.
 */
const ARCHITECTURE = /^[a-z0-9][a-z0-9-]{0,31}$/;

export function isDebianArchitecture(name: string): boolean {
  return ARCHITECTURE.test(name);
}
