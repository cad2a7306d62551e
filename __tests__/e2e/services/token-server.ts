import { randomUUID, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { run } from './process.js';

/** One request that reached the token endpoint. */
export interface TokenRequest {
  /** The `scope` parameters, space-separated as in OAuth2; null when the client asked for none. */
  scope: string | null;
  /** The user named by the Basic credentials (even when they were wrong); null for an anonymous request. */
  user: string | null;
  /** The HTTP status the server answered with. */
  status: number;
  /** Set when the token was spoiled on purpose (see TokenServer.spoilNext). */
  spoiled?: TokenSpoiling;
}

/**
 * A token that looks right to the client but not to the registry: `expired` (its `exp` is past the
 * registry's 60 s leeway while `expires_in` claims the normal lifetime, as a revoked or clock-skewed
 * token would be) or `pull-only` (granted less than asked, as a token service may do).
 */
export type TokenSpoiling = 'expired' | 'pull-only';

export interface TokenServer {
  /** The token endpoint ("http://127.0.0.1:PORT/token"): the registry's `realm`. */
  url: string;
  /** The registry's `service`, which tokens carry as `aud`. */
  service: string;
  /** The tokens' `iss`. */
  issuer: string;
  /** The self-signed certificate of the signing key: the registry's `rootcertbundle`. */
  certificatePem: string;
  /** Every request so far, oldest first. */
  requests: TokenRequest[];
  /** Every token issued so far, oldest first: secrets that must never show in a log. */
  issued: string[];
  /** Spoils the next token issued (queued: one call per token). */
  spoilNext(how: TokenSpoiling): void;
  stop(): Promise<void>;
}

export interface TokenServerOptions {
  /** username → password of the users who may log in; anyone else is anonymous or refused. */
  users: Record<string, string>;
  /** Lifetime of the tokens (default 300 s). docker-registry allows 60 s of clock skew on `exp`. */
  expiresInSeconds?: number;
}

/** A granted resource, as docker-registry reads it from the token's `access` claim. */
interface Access {
  type: string;
  name: string;
  actions: string[];
}

const SERVICE = 'e2e-registry';
const ISSUER = 'e2e-token-issuer';
const DEFAULT_LIFETIME_SECONDS = 300;
/** More than docker-registry's leeway on `exp` (60 s). */
const PAST_LEEWAY_SECONDS = 120;

/** An RSA key and a self-signed certificate for it, made by openssl in a temp dir that is removed again. */
async function signingKey(): Promise<{ key: KeyObject; certificatePem: string; x5c: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'token-key-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    // openssl (Debian's, a dependency of ca-certificates): node:crypto makes keys but no certificates.
    const subject = ['-subj', '/CN=token-issuer', '-days', '2'];
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      ...subject,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
    const certificatePem = await readFile(certFile, 'utf8');
    const key = createPrivateKey(await readFile(keyFile, 'utf8'));
    // x5c holds the standard base64 of the DER certificate (RFC 7515 §4.1.6).
    const x5c = new X509Certificate(certificatePem).raw.toString('base64');
    return { key, certificatePem, x5c };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** "repository:ns/name:pull,push" → its parts; the name may hold ':' (a port), the actions come last. */
function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last <= first + 1) return undefined;
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter((action) => action !== '');
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions };
}

/** The user of a Basic `Authorization` header; undefined when there is none, null when it is malformed. */
function basicCredentials(header: string | undefined): { user: string; password: string } | null | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function error(code: string, message: string): { errors: { code: string; message: string }[] } {
  return { errors: [{ code, message }] };
}

/**
 * A token server for docker-registry's `auth.token` (Docker's token protocol, as Docker Hub speaks it):
 * `GET /token?service=..&scope=repository:ns/name:pull,push` (scope optional, may repeat) with optional
 * Basic credentials answers `{"token", "access_token", "expires_in", "issued_at"}`. The JWT is signed
 * RS256 with a key whose self-signed certificate rides in the `x5c` header and is the registry's
 * rootcertbundle. Users get every action they ask for; anonymous requests get `pull` only; wrong
 * credentials get 401. Runs in-process on 127.0.0.1 and records each request.
 */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const { key, certificatePem, x5c } = await signingKey();
  const lifetime = options.expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS;
  const requests: TokenRequest[] = [];
  const spoilings: TokenSpoiling[] = [];
  const issued: string[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://token-server');
    if (url.pathname !== '/token') return sendJson(response, 404, error('NOT_FOUND', 'no such endpoint'));
    const scopes = url.searchParams.getAll('scope').flatMap((scope) => scope.split(' ').filter(Boolean));
    const credentials = basicCredentials(request.headers.authorization);
    const record: TokenRequest = {
      scope: scopes.length > 0 ? scopes.join(' ') : null,
      user: credentials?.user ?? null,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, body: unknown, headers?: Record<string, string>): void => {
      record.status = status;
      sendJson(response, status, body, headers);
    };

    if (request.method !== 'GET') return answer(405, error('UNSUPPORTED', 'only GET is supported'));
    const service = url.searchParams.get('service');
    if (service !== null && service !== SERVICE) {
      return answer(400, error('INVALID_REQUEST', `unknown service ${service}`));
    }
    if (
      credentials === null ||
      (credentials !== undefined && options.users[credentials.user] !== credentials.password)
    ) {
      return answer(401, error('UNAUTHORIZED', 'invalid username or password'), {
        'www-authenticate': 'Basic realm="e2e token server"',
      });
    }
    const access: Access[] = [];
    for (const scope of scopes) {
      const parsed = parseScope(scope);
      if (parsed === undefined) return answer(400, error('INVALID_REQUEST', `invalid scope ${scope}`));
      const actions = credentials === undefined ? parsed.actions.filter((a) => a === 'pull') : parsed.actions;
      access.push({ ...parsed, actions });
    }

    const spoiled = spoilings.shift();
    if (spoiled !== undefined) record.spoiled = spoiled;
    const granted =
      spoiled === 'pull-only'
        ? access.map((a) => ({ ...a, actions: a.actions.filter((x) => x === 'pull') }))
        : access;
    const issuedAt = Math.floor(Date.now() / 1000) - (spoiled === 'expired' ? 2 * PAST_LEEWAY_SECONDS : 0);
    const expiresAt = spoiled === 'expired' ? issuedAt + PAST_LEEWAY_SECONDS : issuedAt + lifetime;
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ access: granted })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', x5c: [x5c] })
      .setIssuer(ISSUER)
      .setSubject(credentials?.user ?? '')
      .setAudience(SERVICE)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(key);
    issued.push(token);
    answer(200, {
      token,
      access_token: token,
      expires_in: lifetime,
      issued_at: new Date(now * 1000).toISOString(),
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((failure: unknown) => {
      if (!response.headersSent) {
        sendJson(
          response,
          500,
          error('INTERNAL', failure instanceof Error ? failure.message : String(failure)),
        );
      } else {
        response.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= new Promise<void>((resolve, reject) => {
      server.close((failure) => (failure ? reject(failure) : resolve()));
      // Keep-alive connections (the registry's, got's) would hold close() open.
      server.closeAllConnections();
    }));

  return {
    url: `http://127.0.0.1:${port}/token`,
    service: SERVICE,
    issuer: ISSUER,
    certificatePem,
    requests,
    issued,
    spoilNext: (how) => void spoilings.push(how),
    stop,
  };
}
