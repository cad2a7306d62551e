import { describe, expect, it } from 'vitest';
import { dockerReferenceOf, simpleSigningPayload } from '../../src/signing/simple-signing.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('simpleSigningPayload', () => {
  it('writes the claim byte for byte as cosign does: its field order, no spaces, optional null', () => {
    // Written out by hand: a verifier hashes these bytes, so any reordering or whitespace breaks it.
    const expected =
      '{"critical":{"identity":{"docker-reference":"index.docker.io/falcosecurity/falco"},' +
      `"image":{"docker-manifest-digest":"${DIGEST}"},` +
      '"type":"cosign container image signature"},"optional":null}';
    const payload = simpleSigningPayload('index.docker.io/falcosecurity/falco', DIGEST);
    expect(payload.toString('utf8')).toBe(expected);
  });

  it('names the reference and digest it is given, and nothing else', () => {
    const other = `sha256:${'f'.repeat(64)}`;
    const parsed: unknown = JSON.parse(simpleSigningPayload('127.0.0.1:5000/falco', other).toString());
    expect(parsed).toEqual({
      critical: {
        identity: { 'docker-reference': '127.0.0.1:5000/falco' },
        image: { 'docker-manifest-digest': other },
        type: 'cosign container image signature',
      },
      optional: null,
    });
  });
});

describe('dockerReferenceOf', () => {
  it.each([
    ['docker.io', 'falcosecurity/falco', 'index.docker.io/falcosecurity/falco'],
    ['public.ecr.aws', 'falcosecurity/falco', 'public.ecr.aws/falcosecurity/falco'],
    ['ghcr.io', 'falcosecurity/falco-no-driver', 'ghcr.io/falcosecurity/falco-no-driver'],
    ['127.0.0.1:5000', 'falcosecurity/falco', '127.0.0.1:5000/falcosecurity/falco'],
    // Only the bare Docker Hub name is rewritten; a host that merely contains it is left as given.
    ['index.docker.io', 'falcosecurity/falco', 'index.docker.io/falcosecurity/falco'],
    ['mirror.docker.io', 'falcosecurity/falco', 'mirror.docker.io/falcosecurity/falco'],
  ])('%s + %s → %s', (registry, repository, expected) => {
    expect(dockerReferenceOf(registry, repository)).toBe(expected);
  });
});
