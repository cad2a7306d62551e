import { startProxy, type CountingProxy, type ProxyRules } from '../services/proxy.js';
import { IMAGES, USER, type FaultWorld } from './fault-world.js';
import { pathOf, status } from './fault-rules.js';

/** A token for reading the namespace's repositories, asked of the token server as a registry's storage would hold one. */
async function pullToken(world: FaultWorld, namespace: string): Promise<string> {
  const url = new URL(world.tokens.url);
  url.searchParams.set('service', world.tokens.service);
  for (const image of IMAGES) url.searchParams.append('scope', `repository:${namespace}/${image}:pull`);
  const basic = Buffer.from(`${USER.username}:${USER.password}`).toString('base64');
  const answer = await fetch(url, { headers: { authorization: `Basic ${basic}` } });
  const { token } = (await answer.json()) as { token: string };
  return token;
}

/**
 * Another host in front of the same registry, as the CDN that Docker Hub redirects blob reads to: it
 * needs no credentials from the client (the redirect's URL is what a signed URL would be), so it
 * adds its own; what the client sent it stays in its exchanges.
 */
export async function startCdn(world: FaultWorld, namespace: string): Promise<CountingProxy> {
  const token = await pullToken(world, namespace);
  return startProxy(world.registry.address, {
    requestHeaders: (_exchange, headers) => {
      headers.authorization = `Bearer ${token}`;
    },
  });
}

/** Blob reads (GET, HEAD) redirected to `http://localhost:<cdn port>`: another host name than the registry's. */
export function redirectBlobReads(cdn: () => CountingProxy): ProxyRules {
  return {
    answer: (exchange) => {
      if (!['GET', 'HEAD'].includes(exchange.method) || !/\/blobs\/sha256:/.test(pathOf(exchange)))
        return undefined;
      const port = cdn().address.split(':')[1] ?? '';
      return status(307, { location: `http://localhost:${port}${exchange.url}` });
    },
  };
}
