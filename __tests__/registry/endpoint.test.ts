import { describe, expect, it } from 'vitest';
import { registryEndpoint, repositoryPath } from '../../src/registry/endpoint.js';

describe('registryEndpoint', () => {
  it.each<[registry: string, insecure: boolean, endpoint: string]>([
    ['docker.io', false, 'https://registry-1.docker.io'],
    ['index.docker.io', false, 'https://registry-1.docker.io'],
    ['ghcr.io', false, 'https://ghcr.io'],
    ['registry.example:5000', false, 'https://registry.example:5000'],
    ['registry.example:5000', true, 'http://registry.example:5000'],
    ['127.0.0.1:5000', false, 'http://127.0.0.1:5000'],
    ['localhost:5000', false, 'http://localhost:5000'],
    ['[::1]:5000', false, 'http://[::1]:5000'],
    ['127.example.com', false, 'https://127.example.com'],
  ])('%s (insecure %s) → %s', (registry, insecure, endpoint) => {
    expect(registryEndpoint(registry, insecure)).toBe(endpoint);
  });

  it('puts one-word Docker Hub repositories under library/', () => {
    expect(repositoryPath('docker.io', 'falco')).toBe('library/falco');
    expect(repositoryPath('docker.io', 'falcosecurity/falco')).toBe('falcosecurity/falco');
    expect(repositoryPath('ghcr.io', 'falco')).toBe('falco');
  });
});
