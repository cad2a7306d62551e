/** A loopback registry speaks plain http (as docker treats 127.0.0.0/8 as insecure); all others https. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function isDockerHub(registry: string): boolean {
  return registry === 'docker.io' || registry === 'index.docker.io';
}

/**
 * Base URL of a registry's HTTP API; `docker.io` is served from registry-1.docker.io. Plain http only
 * for a loopback registry or when the user said `insecure` (credentials would otherwise travel in clear).
 */
export function registryEndpoint(registry: string, insecure = false): string {
  const host = isDockerHub(registry) ? 'registry-1.docker.io' : registry;
  return `${insecure || isLoopback(host) ? 'http' : 'https'}://${host}`;
}

/** Docker Hub keeps one-word repositories under `library/`. */
export function repositoryPath(registry: string, repository: string): string {
  return isDockerHub(registry) && !repository.includes('/') ? `library/${repository}` : repository;
}
