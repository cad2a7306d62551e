/**
 * Where a file of the package host is in the distribution's URL space, as an invalidation names it.
 *
 * `root` is the host's root as a URL path: `/packages` for `s3://bucket/packages` behind a distribution
 * whose origin is the whole bucket, `` when the origin path is the host's prefix itself.
 */
export function cdnPaths(root: string, hostPath: string): string[] {
  const path = `${root}/${encodeUnsafe(hostPath)}`;
  // S3 reads a bare `+` in a URL as a space, so clients send a dev version's `+` as `%2B`; others send it
  // as it is. The cache keeps each spelling apart, and an invalidation matches the spelling it names.
  return path.includes('+') ? [path, path.replace(/\+/g, '%2B')] : [path];
}

/**
 * CloudFront wants non-ASCII characters and RFC 1738's unsafe ones URL-encoded, and every other character
 * as it is (an encoded one would not match what the cache holds). `*` and `?` are encoded too: bare,
 * one would be a wildcard, the other the start of a query string; a client asks for such a file encoded.
 */
function encodeUnsafe(path: string): string {
  let encoded = '';
  for (const char of path) {
    encoded += SAFE.test(char)
      ? char
      : [...Buffer.from(char, 'utf8')]
          .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('');
  }
  return encoded;
}

/** Printable ASCII less RFC 1738's unsafe characters (space, `"<>#%{}|\^~[]` and backquote), `*` and `?`. */
const SAFE = /^[!$&'()+,\-./0-9:;=@A-Z_a-z]$/;
