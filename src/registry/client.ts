import got, { RequestError, type Got, type Response } from 'got';
import { UserError } from '../util/errors.js';
import { parseChallenge } from './challenge.js';
import { registryEndpoint, repositoryPath } from './endpoint.js';

export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

/** Manifest media types we accept when asking for a tag's digest. */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export const http: Got = got.extend({
  throwHttpErrors: false,
  followRedirect: true,
  timeout: { request: 30_000 },
  // Only transient failures are retried; got honours Retry-After on 413/429/503.
  retry: {
    limit: 3,
    methods: ['GET', 'HEAD'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    maxRetryAfter: 60_000,
  },
});

/**
 * A small client of the OCI distribution API: enough to read tag lists and manifest digests, with
 * the authentication the registry asks for through `WWW-Authenticate` (anonymous, Basic, Bearer token).
 */
export class RegistryClient {
  private readonly base: string;
  /** Authorization header value per token scope ('' for the registry-wide check). */
  private readonly authorizations = new Map<string, string>();

  constructor(
    private readonly registry: string,
    private readonly credentials?: RegistryCredentials,
    private readonly client: Got = http,
    /** Tags asked for per page; registries may answer with fewer and a `Link` to the next page. */
    private readonly pageSize = 1000,
  ) {
    this.base = registryEndpoint(registry);
  }

  /** Proves the credentials work (GET /v2/ and, for token registries, a token) without changing anything. */
  async checkAccess(): Promise<void> {
    const response = await this.request('GET', `${this.base}/v2/`, '', {});
    if (response.statusCode !== 200) throw this.refusal(response, this.registry, 'logging in');
  }

  /** Every tag of a repository (following pagination); [] when the repository does not exist. */
  async listTags(repository: string): Promise<string[]> {
    const name = repositoryPath(this.registry, repository);
    const tags: string[] = [];
    let url: string | undefined = `${this.base}/v2/${name}/tags/list?n=${this.pageSize}`;
    while (url) {
      const response = await this.request('GET', url, `repository:${name}:pull`, {});
      if (response.statusCode === 404) return [];
      if (response.statusCode !== 200)
        throw this.refusal(response, `${this.registry}/${repository}`, 'listing tags');
      const body = JSON.parse(response.body) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      url = nextPage([response.headers.link ?? []].flat().join(', '), url);
    }
    return tags;
  }

  /** The digest a tag points at, or undefined when the tag does not exist. */
  async manifestDigest(repository: string, tag: string): Promise<string | undefined> {
    const name = repositoryPath(this.registry, repository);
    const url = `${this.base}/v2/${name}/manifests/${encodeURIComponent(tag)}`;
    const response = await this.request('HEAD', url, `repository:${name}:pull`, { accept: MANIFEST_TYPES });
    if (response.statusCode === 404) return undefined;
    const digest = response.headers['docker-content-digest'];
    if (response.statusCode !== 200 || typeof digest !== 'string') {
      throw this.refusal(response, `${this.registry}/${repository}:${tag}`, 'reading the manifest');
    }
    return digest;
  }

  private async request(
    method: 'GET' | 'HEAD',
    url: string,
    scope: string,
    headers: Record<string, string>,
  ): Promise<Response<string>> {
    const send = (authorization: string | undefined): Promise<Response<string>> =>
      this.fetch(url, { method, headers: authorization ? { ...headers, authorization } : headers });
    const response = await send(this.authorizations.get(scope));
    if (response.statusCode !== 401) return response;
    const authorization = await this.authorize(response, scope);
    if (authorization === undefined) return response;
    this.authorizations.set(scope, authorization);
    return send(authorization);
  }

  /** Answers a 401 challenge; undefined when there is nothing more to try. */
  private async authorize(response: Response<string>, scope: string): Promise<string | undefined> {
    const challenge = parseChallenge(response.headers['www-authenticate']);
    if (!challenge) return undefined;
    const basic = this.credentials
      ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
      : undefined;
    if (challenge.scheme === 'basic') return basic;
    const realm = challenge.params.realm;
    if (!realm) return undefined;
    const tokenUrl = new URL(realm);
    if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
    const wanted = scope || challenge.params.scope;
    if (wanted) tokenUrl.searchParams.set('scope', wanted);
    const answer = await this.fetch(tokenUrl.toString(), {
      method: 'GET',
      headers: basic ? { authorization: basic } : {},
    });
    if (answer.statusCode !== 200) {
      throw new UserError(
        this.registry,
        `the token service refused the ${this.credentials ? 'credentials' : 'anonymous request'} (HTTP ${answer.statusCode})`,
        'check registry-username and registry-password',
      );
    }
    const body = JSON.parse(answer.body) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    return token ? `Bearer ${token}` : undefined;
  }

  /** One request; a network failure (after got's retries) becomes an error that names the registry. */
  private async fetch(
    url: string,
    options: { method: 'GET' | 'HEAD'; headers: Record<string, string> },
  ): Promise<Response<string>> {
    try {
      return await this.client(url, options);
    } catch (error) {
      const code = networkErrorCode(error);
      if (code === undefined) throw error;
      throw new UserError(
        'registry',
        `cannot reach ${new URL(url).origin} (${code})`,
        'check the registry input and that the registry is up',
      );
    }
  }

  private refusal(response: Response<string>, subject: string, doing: string): UserError {
    const detail = registryErrors(response.body);
    const status = `HTTP ${response.statusCode}${detail ? ` ${detail}` : ''}`;
    if (response.statusCode === 401 || response.statusCode === 403) {
      return new UserError(
        subject,
        `the registry refused ${doing} (${status})`,
        this.credentials
          ? 'check registry-username, registry-password and their permissions'
          : 'set registry-username and registry-password',
      );
    }
    return new UserError(
      subject,
      `the registry failed ${doing} (${status})`,
      'retry the workflow; if it persists, check the registry',
    );
  }
}

/** The registry's own error codes and messages (`NAME_UNKNOWN: repository name not known to registry`). */
function registryErrors(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: string; message?: string }[] };
    return (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
  } catch {
    return '';
  }
}

/** The code of a network failure (got's RequestError, or a socket error it let through); else undefined. */
function networkErrorCode(error: unknown): string | undefined {
  if (error instanceof RequestError) return error.code || error.message;
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^(E[A-Z]+|ERR_SOCKET_\w+)$/.test(code) ? code : undefined;
}

/** Follows `Link: </v2/...?last=x>; rel="next"` pagination. */
function nextPage(link: string | undefined, current: string): string | undefined {
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
  return match?.[1] ? new URL(match[1], current).toString() : undefined;
}
