/** A loopback registry speaks plain http (as docker treats 127.0.0.0/8 as insecure); all others https. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** Base URL of a registry's HTTP API; `docker.io` is served from registry-1.docker.io. */
export function registryEndpoint(registry: string): string {
  const host = registry === 'docker.io' || registry === 'index.docker.io' ? 'registry-1.docker.io' : registry;
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}

/** Docker Hub keeps one-word repositories under `library/`. */
export function repositoryPath(registry: string, repository: string): string {
  const dockerHub = registry === 'docker.io' || registry === 'index.docker.io';
  return dockerHub && !repository.includes('/') ? `library/${repository}` : repository;
}
