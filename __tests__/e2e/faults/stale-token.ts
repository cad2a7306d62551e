import type { ProxyRules } from '../services/proxy.js';
import type { FaultWorld } from './fault-world.js';
import { pathOf } from './fault-rules.js';

/** Uses of a token before the registry stops taking it. */
const USES_BEFORE_EXPIRY = 3;

/**
 * A token that expires between two requests: after a few uses of the first repository token the run
 * sends, the registry answers 401 with a fresh challenge to every request that still carries it, as
 * docker-registry does to a token past its `exp`. A client must get a new token and go on.
 */
export function staleTokenRule(world: () => FaultWorld): ProxyRules {
  let first: string | undefined;
  let uses = 0;
  return {
    answer: (exchange) => {
      const header = exchange.requestHeaders.authorization;
      const bearer = /^Bearer (\S+)$/.exec(typeof header === 'string' ? header : '')?.[1];
      // The login's token (for GET /v2/) is used once; the first repository token is used for many requests.
      const repository = /^\/v2\/(.+?)\/(manifests|blobs|tags)\//.exec(pathOf(exchange))?.[1];
      if (bearer === undefined || repository === undefined) return undefined;
      first ??= bearer;
      if (bearer !== first || ++uses <= USES_BEFORE_EXPIRY) return undefined;
      const { tokenProxy, tokens } = world();
      const scope = `,scope="repository:${repository}:pull,push"`;
      return {
        status: 401,
        headers: {
          'www-authenticate': `Bearer realm="http://${tokenProxy.address}/token",service="${tokens.service}"${scope}`,
        },
        body: JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }),
      };
    },
  };
}
