import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
// The mock's sub-modules, not its index, which loads nock (and nock patches node:http process-wide).
import { initializeCA, initializeCTLog } from '@sigstore/mock/dist/fulcio/index.js';
import { initializeTLog } from '@sigstore/mock/dist/rekor/index.js';
import { githubSubjectUri, signingCertEndpoint, trustBundleEndpoint } from './sigstore/fulcio-endpoints.js';
import { GITHUB_ISSUER, startGitHubOidcIssuer } from './sigstore/github-oidc.js';
import { errorReply, readBody, send, type EndpointHandler, type EndpointReply } from './sigstore/http.js';
import { InjectedFailures, type InjectedFailure } from './sigstore/injected-failures.js';
import { OIDC_PATH, OIDC_QUERY, oidcEndpoint } from './sigstore/oidc-endpoint.js';
import { logEntriesEndpoint } from './sigstore/rekor-endpoint.js';
import { trustedRootJson } from './sigstore/trusted-root.js';

export { verifyBundle, type BundleExpectations, type ExpectedIdentity } from './sigstore/verify-bundle.js';

export type SigstoreEndpoint = 'oidc' | 'fulcio' | 'rekor' | 'trustBundle';
export type { InjectedFailure };

export interface SigstoreStandin {
  /** Fulcio's base URL, http://127.0.0.1:PORT. */
  readonly fulcioUrl: string;
  /** Rekor's base URL: the same server. */
  readonly rekorUrl: string;
  /** Environment a GitHub runner gives a job with `permissions: id-token: write`. */
  readonly runnerEnv: Record<string, string>;
  /** The identity the certificates carry: Fulcio's SAN URI for a GitHub job, and GitHub's issuer. */
  readonly identity: { readonly subjectAlternativeName: string; readonly issuer: string };
  /** The custom claims of the job's tokens (`repository`, `sha`, `job_workflow_ref`, ...). */
  readonly claims: Readonly<Record<string, string>>;
  /** A Sigstore TrustedRoot in JSON form with this CA, its CT log and the transparency log. */
  readonly trustedRoot: unknown;
  /** Requests that reached each endpoint, failed on purpose or refused ones included. */
  readonly requests: Record<SigstoreEndpoint, number>;
  /** Fails the next requests to an endpoint (after any failures already asked for there). */
  failNext(failure: InjectedFailure<SigstoreEndpoint>): void;
  close(): Promise<void>;
}

export interface SigstoreStandinOptions {
  /** The job's `job_workflow_ref` (`owner/repo/.github/workflows/file.yml@refs/...`). */
  readonly workflowRef?: string;
  readonly failNext?: readonly InjectedFailure<SigstoreEndpoint>[];
}

const DEFAULT_WORKFLOW_REF = 'falcosecurity/falco/.github/workflows/release.yaml@refs/tags/0.41.0';
/** Trust the keys from a little before they were made, so a clock step cannot put a signature before them. */
const CLOCK_SLACK_MS = 60_000;

/**
 * A local GitHub token endpoint, Fulcio and Rekor on one `node:http` server on 127.0.0.1, for a process
 * that signs keyless as on a runner (`@sigstore/sign` with CIContextProvider). Certificates come from
 * @sigstore/mock's CA with a CT log, entries from its transparency log; `trustedRoot` trusts exactly these.
 */
export async function startSigstoreStandin(options: SigstoreStandinOptions = {}): Promise<SigstoreStandin> {
  const since = new Date(Date.now() - CLOCK_SLACK_MS);
  const workflowRef = options.workflowRef ?? DEFAULT_WORKFLOW_REF;
  const issuer = startGitHubOidcIssuer(workflowRef);
  const newKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctLog = await initializeCTLog(newKeyPair());
  const ca = await initializeCA(newKeyPair(), ctLog);

  const routes = new Map<string, { endpoint: SigstoreEndpoint; handle: EndpointHandler }>([
    [`GET ${OIDC_PATH}`, { endpoint: 'oidc', handle: oidcEndpoint(issuer) }],
    ['POST /api/v2/signingCert', { endpoint: 'fulcio', handle: signingCertEndpoint(ca, issuer) }],
    ['GET /api/v2/trustBundle', { endpoint: 'trustBundle', handle: trustBundleEndpoint(ca) }],
  ]);
  const requests: Record<SigstoreEndpoint, number> = { oidc: 0, fulcio: 0, rekor: 0, trustBundle: 0 };
  const failures = new InjectedFailures<SigstoreEndpoint>();
  options.failNext?.forEach((failure) => failures.add(failure));

  const reply = async (request: IncomingMessage): Promise<EndpointReply> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = routes.get(`${request.method ?? ''} ${url.pathname}`);
    if (!route) return errorReply(404, `no such endpoint: ${request.method ?? ''} ${url.pathname}`);
    requests[route.endpoint] += 1;
    const body = await readBody(request);
    const failure = failures.take(route.endpoint);
    if (failure !== undefined) return errorReply(failure, 'injected failure');
    return route.handle({ url, headers: request.headers, body });
  };

  const server = createServer((request, response) => {
    reply(request).then(
      (answer) => send(response, answer),
      (error: unknown) => send(response, errorReply(500, `stand-in failed: ${String(error)}`)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The log names its host in its checkpoints, so it is made once the port is known.
  const tlog = await initializeTLog(baseUrl, newKeyPair());
  routes.set('POST /api/v1/log/entries', { endpoint: 'rekor', handle: logEntriesEndpoint(tlog) });

  return {
    fulcioUrl: baseUrl,
    rekorUrl: baseUrl,
    runnerEnv: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${baseUrl}${OIDC_PATH}${OIDC_QUERY}`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.requestToken,
    },
    identity: { subjectAlternativeName: githubSubjectUri(workflowRef), issuer: GITHUB_ISSUER },
    claims: issuer.claims,
    trustedRoot: trustedRootJson({ ca, ctLog, tlog, fulcioUrl: baseUrl, rekorUrl: baseUrl, since }),
    requests,
    failNext: (failure) => failures.add(failure),
    close: async () => {
      // Sigstore's clients keep connections alive; close() alone would wait for them.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
