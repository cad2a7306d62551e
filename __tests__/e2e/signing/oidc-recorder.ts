import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through in front of a runner's OIDC token endpoint that keeps every token it hands out, so
 * a test can check that none of them shows in what the action printed (the stand-in keeps none).
 */
export interface OidcRecorder {
  /** The runner environment pointing at the recorder instead of the endpoint. */
  readonly runnerEnv: Record<string, string>;
  /** Every token issued through the recorder so far. */
  readonly tokens: readonly string[];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 and forwards to `runnerEnv.ACTIONS_ID_TOKEN_REQUEST_URL`, keeping path and query. */
export async function startOidcRecorder(runnerEnv: Record<string, string>): Promise<OidcRecorder> {
  const upstream = new URL(runnerEnv['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '');
  const tokens: string[] = [];
  const server = createServer((request, response) => {
    const target = new URL(request.url ?? '/', upstream);
    const authorization = request.headers.authorization;
    fetch(target, { headers: authorization ? { authorization, accept: 'application/json' } : {} })
      .then(async (answer) => {
        const body = await answer.text();
        try {
          const value = (JSON.parse(body) as { value?: unknown }).value;
          if (typeof value === 'string') tokens.push(value);
        } catch {
          // An error answer: passed on as it is.
        }
        response.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'text/plain',
        });
        response.end(body);
      })
      .catch((error: unknown) => {
        response.writeHead(502);
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    runnerEnv: {
      ...runnerEnv,
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}${upstream.pathname}${upstream.search}`,
    },
    tokens,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
