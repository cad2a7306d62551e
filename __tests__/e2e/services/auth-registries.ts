import type { Credentials, Registry } from './registry.js';
import { startRegistry } from './registry.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './token-server.js';

/** docker-registry twice: behind htpasswd (Basic), and trusting a token server (Bearer). */
export interface AuthRegistries {
  readonly basic: Registry;
  readonly tokens: TokenServer;
  readonly bearer: Registry;
  stop(): Promise<void>;
}

/** Starts both registries and the token server for `user`; whatever started is stopped again if one fails. */
export async function startAuthRegistries(
  user: Credentials,
  tokenOptions: Omit<TokenServerOptions, 'users'> = {},
): Promise<AuthRegistries> {
  const [basic, tokens] = await Promise.allSettled([
    startRegistry({ htpasswd: user }),
    startTokenServer({ ...tokenOptions, users: { [user.username]: user.password } }),
  ]);
  let bearer: Registry | undefined;
  const stop = async (): Promise<void> => {
    await Promise.all([
      basic.status === 'fulfilled' ? basic.value.stop() : undefined,
      tokens.status === 'fulfilled' ? tokens.value.stop() : undefined,
      bearer?.stop(),
    ]);
  };
  try {
    if (basic.status === 'rejected') throw basic.reason;
    if (tokens.status === 'rejected') throw tokens.reason;
    const { url: realm, service, issuer, certificatePem } = tokens.value;
    bearer = await startRegistry({ token: { realm, service, issuer, certificatePem } });
    return { basic: basic.value, tokens: tokens.value, bearer, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
