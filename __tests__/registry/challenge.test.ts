import { describe, it, expect } from 'vitest';
import { parseChallenge, type Challenge } from '../../src/registry/challenge.js';

describe('parseChallenge', () => {
  it.each<[label: string, header: string, expected: Challenge]>([
    [
      'Docker Hub bearer',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:falcosecurity/falco:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:falcosecurity/falco:pull',
        },
      },
    ],
    [
      'a comma inside a quoted scope',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:falcosecurity/falco:pull,push"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:falcosecurity/falco:pull,push',
        },
      },
    ],
    [
      'spaces after commas and around =',
      'Bearer realm = "https://ghcr.io/token", service="ghcr.io", scope="repository:falcosecurity/falco:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://ghcr.io/token',
          service: 'ghcr.io',
          scope: 'repository:falcosecurity/falco:pull',
        },
      },
    ],
    [
      'unquoted token values',
      'Bearer realm="https://public.ecr.aws/token/",service=public.ecr.aws,scope=aws',
      {
        scheme: 'bearer',
        params: { realm: 'https://public.ecr.aws/token/', service: 'public.ecr.aws', scope: 'aws' },
      },
    ],
    [
      'escaped quote in a value',
      'Bearer realm="https://auth.example/token",error="invalid_token",error_description="the \\"token\\" expired"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example/token',
          error: 'invalid_token',
          error_description: 'the "token" expired',
        },
      },
    ],
    [
      'scheme and keys are case-insensitive',
      'BEARER Realm="https://t",Service="s"',
      { scheme: 'bearer', params: { realm: 'https://t', service: 's' } },
    ],
    [
      'docker-registry htpasswd Basic',
      'Basic realm="Registry Realm"',
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
    ],
    ['Basic without parameters', 'Basic', { scheme: 'basic', params: {} }],
    ['leading whitespace', '  basic realm="x"', { scheme: 'basic', params: { realm: 'x' } }],
    [
      "the first of two challenges, without the second one's parameters",
      'Basic realm="a", Bearer realm="https://b",service="s"',
      { scheme: 'basic', params: { realm: 'a' } },
    ],
    [
      'Bearer after a challenge of another scheme',
      'Digest realm="x", nonce="abc", Bearer realm="https://auth.example/token",service="registry"',
      { scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'registry' } },
    ],
  ])('%s', (_label, header, expected) => {
    expect(parseChallenge(header)).toEqual(expected);
  });

  it.each<[label: string, header: string | undefined]>([
    ['undefined', undefined],
    ['empty', ''],
    ['garbage', 'not a challenge'],
    ['Digest', 'Digest realm="x", nonce="abc"'],
    ['Negotiate', 'Negotiate'],
    ['a scheme that only starts like Bearer', 'Bearerish realm="x"'],
    ['a scheme that only starts like Basic', 'Basically realm="x"'],
  ])('no Basic or Bearer challenge: %s', (_label, header) => {
    expect(parseChallenge(header)).toBeUndefined();
  });
});
