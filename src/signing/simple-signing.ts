/**
 * The payload cosign signs for an image (its "simple signing" claim): the repository the image was
 * signed in and the manifest digest. `cosign verify` checks the digest against the image it verifies;
 * the repository is the one the signature was made for (a mirror carries the main registry's name).
 */
export function simpleSigningPayload(dockerReference: string, digest: string): Buffer {
  // Field order as cosign writes it: a verifier hashes these exact bytes.
  const claim = {
    critical: {
      identity: { 'docker-reference': dockerReference },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature',
    },
    optional: null,
  };
  return Buffer.from(JSON.stringify(claim), 'utf8');
}

/** cosign names Docker Hub repositories by the host their API is served from. */
export function dockerReferenceOf(registry: string, repository: string): string {
  return `${registry === 'docker.io' ? 'index.docker.io' : registry}/${repository}`;
}
