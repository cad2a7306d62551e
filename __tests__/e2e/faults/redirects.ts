import { expect } from 'vitest';
import { startProxy, type CountingProxy, type ProxyRules } from '../services/proxy.js';
import { IMAGES, USER, type FaultWorld } from './fault-world.js';
import { pathOf, status } from './fault-rules.js';
import { expectCleanResult, runScenario, type Outcome } from './run-scenario.js';

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
async function startCdn(world: FaultWorld, namespace: string): Promise<CountingProxy> {
  const token = await pullToken(world, namespace);
  return startProxy(world.registry.address, {
    requestHeaders: (_exchange, headers) => {
      headers.authorization = `Bearer ${token}`;
    },
  });
}

/** Blob reads (GET, HEAD) redirected to `http://localhost:<cdn port>`: another host name than the registry's. */
function redirectBlobReads(cdn: () => CountingProxy): ProxyRules {
  return {
    answer: (exchange) => {
      if (!['GET', 'HEAD'].includes(exchange.method) || !/\/blobs\/sha256:/.test(pathOf(exchange)))
        return undefined;
      const port = cdn().address.split(':')[1] ?? '';
      return status(307, { location: `http://localhost:${port}${exchange.url}` });
    },
  };
}

/** Blob reads redirected to a CDN host: the release ends clean, and the CDN never saw the registry credentials. */
export async function redirectToCdn(world: FaultWorld, clean: Outcome): Promise<void> {
  let cdn: CountingProxy | undefined;
  try {
    cdn = await startCdn(world, 'rredirect');
    const started = cdn;
    const outcome = await runScenario(world, 'rredirect', { registry: redirectBlobReads(() => started) });
    expectCleanResult(outcome, clean);
    expect(started.exchanges.length, 'no blob read was redirected').toBeGreaterThan(0);
    const credentialed = started.exchanges.filter((e) => e.requestHeaders.authorization !== undefined);
    expect(credentialed.map((e) => `${e.method} ${pathOf(e)}`)).toEqual([]);
  } finally {
    await cdn?.stop();
  }
}
