import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubSpec, type Matched } from './github-openapi.js';
import {
  FakeRepositories,
  type FakeAsset,
  type FakeRelease,
  type FakeRepository,
} from './github-fake-state.js';
import { assetJson, releaseJson, repositoryJson, type Origins } from './github-fake-json.js';

/**
 * An in-process GitHub for the release host's tests, on 127.0.0.1: the REST API on one port and the
 * uploads server (uploads.github.com) on another. Every request is checked against GitHub's OpenAPI
 * description (its operation by method and path, path and query parameters, JSON body, the server
 * the operation is served from) and refused as GitHub refuses it (404 no such route, 422 invalid);
 * what passes changes real state: releases, their tags and bodies, assets with the sha256 of the bytes
 * received as their `digest`. Its answers are checked against the description too. A test can ask
 * for secondary rate limits, 5xx and races (see `inject` and `before`).
 */

export interface TokenGrant {
  /** The token may write releases. */
  readonly write: boolean;
  /**
   * The repository lists `permissions` for it, as it does for a user's token; a job's token (an
   * installation's) gets none, so a write is the first thing to tell it may not.
   */
  readonly listsPermissions: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** The operation GitHub's description names it; undefined for a route it does not have. */
  readonly operationId: string | undefined;
  readonly status: number;
  readonly server: 'api' | 'uploads' | 'web';
}

export interface Fault {
  /** What to answer: a 5xx, or `secondary-limit` (403 with `retry-after`). */
  readonly status: number | 'secondary-limit';
  /** How many matching requests get it. */
  times: number;
  /** Only requests of this operation (`repos/upload-release-asset`); any when absent. */
  readonly operationId?: string;
  /** For a 5xx: the request is carried out first, only its answer is lost. */
  readonly afterHandling?: boolean;
  /** For a 5xx on an upload: GitHub left an empty `starter` asset of the name. */
  readonly leavesStarter?: boolean;
  /** Seconds in `retry-after` (secondary limits). */
  readonly retryAfter?: number;
}

/** Loaded once per test file: the description is 70 MB. */
let spec: GitHubSpec | undefined;

export class GitHubFake {
  readonly requests: RecordedRequest[] = [];
  readonly state = new FakeRepositories();
  /** Assets are listed without `digest`, as GitHub Enterprise Server before digests lists them. */
  legacyDigests = false;
  private readonly tokens = new Map<string, TokenGrant>();
  private readonly faults: Fault[] = [];
  private readonly hooks: { operationId: string; run: () => void }[] = [];
  private readonly spec: GitHubSpec;
  private apiServer: Server | undefined;
  private uploadsServer: Server | undefined;
  private origins: Origins = { api: '', uploads: '' };

  private constructor() {
    this.spec = spec ??= GitHubSpec.load();
  }

  static async start(): Promise<GitHubFake> {
    const fake = new GitHubFake();
    fake.apiServer = await listen((request, response) => fake.serve('api', request, response));
    fake.uploadsServer = await listen((request, response) => fake.serve('uploads', request, response));
    fake.origins = { api: originOf(fake.apiServer), uploads: originOf(fake.uploadsServer) };
    return fake;
  }

  /** What `GITHUB_API_URL` is for the host. */
  get apiUrl(): string {
    return this.origins.api;
  }

  get uploadsUrl(): string {
    return this.origins.uploads;
  }

  grant(token: string, grant: TokenGrant = { write: true, listsPermissions: true }): void {
    this.tokens.set(token, grant);
  }

  repository(fullName: string): FakeRepository {
    return this.state.repository(fullName);
  }

  /** The next `times` matching requests get this answer instead of theirs. */
  inject(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Runs once, right before the next request of the operation is carried out: another publisher's move. */
  before(operationId: string, run: () => void): void {
    this.hooks.push({ operationId, run });
  }

  /** The requests of one operation so far. */
  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.operationId === operationId);
  }

  async stop(): Promise<void> {
    for (const server of [this.apiServer, this.uploadsServer]) {
      if (server === undefined) continue;
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  }

  private async serve(
    server: 'api' | 'uploads',
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    const record = (
      status: number,
      operationId?: string,
      where: RecordedRequest['server'] = server,
    ): void => {
      this.requests.push({ method, path: url.pathname + url.search, operationId, status, server: where });
    };
    // Browser downloads (github.com/<owner>/<repo>/releases/download/...) are not part of the API.
    if (server === 'api' && url.pathname.startsWith(WEB_PREFIX) && method === 'GET') {
      const asset = this.state.download(url.pathname.slice(WEB_PREFIX.length));
      record(asset ? 200 : 404, undefined, 'web');
      if (!asset) return send(response, 404, { message: 'Not Found' });
      response.writeHead(200, { 'content-type': asset.contentType, 'content-length': asset.bytes.length });
      return void response.end(asset.bytes);
    }
    const matched = this.spec.find(method, url.pathname);
    if (matched === undefined) {
      record(404);
      return send(response, 404, notFound());
    }
    const { operation } = matched;
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
      record(status, operation.operationId);
      if (json !== undefined && status < 300) {
        const problems = this.spec.checkResponse(operation, status, json);
        if (problems.length > 0)
          throw new Error(`the fake answered ${operation.operationId} wrongly: ${problems.join('; ')}`);
      }
      send(response, status, json, headers);
    };
    const expected = operation.server === undefined ? 'api' : 'uploads';
    if (expected !== server) {
      // uploads.github.com serves uploads only, and the API no uploads.
      return answer(404, notFound());
    }
    const grant = this.tokens.get(tokenOf(request.headers.authorization));
    if (grant === undefined)
      return answer(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    const problems = this.spec.checkParameters(matched, url.searchParams);
    const json = parseJson(
      request,
      body,
      operation.requestBody?.content['application/octet-stream'] !== undefined,
    );
    if (json === INVALID_JSON)
      return answer(400, { message: 'Problems parsing JSON', documentation_url: DOCS });
    problems.push(...this.spec.checkJsonBody(operation, json));
    if (operation.requestBody?.content['application/octet-stream'] !== undefined) {
      if (!request.headers['content-type']) problems.push('Content-Type is required');
      const length = request.headers['content-length'];
      if (length === undefined) problems.push('Content-Length is required');
      else if (Number(length) !== body.length)
        problems.push(`Content-Length ${length} but ${body.length} bytes`);
    }
    if (problems.length > 0)
      return answer(422, {
        message: `Invalid request.\n\n${problems.join('\n')}`,
        documentation_url: DOCS,
        status: '422',
      });
    const fault = this.takeFault(operation.operationId);
    if (fault?.status === 'secondary-limit') {
      return answer(
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: DOCS,
        },
        { 'retry-after': String(fault.retryAfter ?? 1) },
      );
    }
    if (fault !== undefined && !fault.afterHandling) {
      if (fault.leavesStarter) this.leaveStarter(matched, url.searchParams);
      return answer(fault.status as number, { message: 'Server Error' });
    }
    const hook = this.hooks.findIndex((candidate) => candidate.operationId === operation.operationId);
    if (hook >= 0) this.hooks.splice(hook, 1)[0]?.run();
    const result = this.handle(matched, url.searchParams, json, body, request, grant);
    if (fault !== undefined) return answer(fault.status as number, { message: 'Server Error' });
    return answer(result.status, result.json, result.headers);
  }

  private takeFault(operationId: string): Fault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.times > 0 && (candidate.operationId === undefined || candidate.operationId === operationId),
    );
    if (fault) fault.times--;
    return fault;
  }

  private leaveStarter(matched: Matched, query: URLSearchParams): void {
    const release = this.state.releaseById(Number(matched.params['release_id']));
    const name = assetNameAsGitHubKeepsIt(query.get('name') ?? '');
    if (release && !release.assets.some((asset) => asset.name === name)) {
      release.assets.push(this.state.newAsset(name, 'application/octet-stream', Buffer.alloc(0), 'starter'));
    }
  }

  private handle(
    matched: Matched,
    query: URLSearchParams,
    json: unknown,
    bytes: Buffer,
    request: IncomingMessage,
    grant: TokenGrant,
  ): Answer {
    const { params, operation } = matched;
    const repository = this.state.find(`${params['owner']}/${params['repo']}`);
    if (repository === undefined) return { status: 404, json: notFound() };
    const write = operation.method !== 'GET';
    if (write && !grant.write) {
      return {
        status: 403,
        json: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
      };
    }
    const body = (json ?? {}) as Record<string, unknown>;
    const origins = this.origins;
    const releaseOut = (release: FakeRelease): unknown =>
      releaseJson(release, repository, origins, this.legacyDigests);
    const assetOut = (asset: FakeAsset, release: FakeRelease): unknown =>
      assetJson(asset, release, repository, origins, this.legacyDigests);
    switch (operation.operationId) {
      case 'repos/get':
        return {
          status: 200,
          json: repositoryJson(this.spec.example('repos/get', 200), repository, origins, grant),
        };
      case 'repos/get-release-by-tag': {
        const release = repository.releases.find(
          (candidate) => candidate.tagName === params['tag'] && !candidate.draft,
        );
        return release ? { status: 200, json: releaseOut(release) } : { status: 404, json: notFound() };
      }
      case 'repos/get-release': {
        const release = repository.releases.find(
          (candidate) => candidate.id === Number(params['release_id']),
        );
        return release ? { status: 200, json: releaseOut(release) } : { status: 404, json: notFound() };
      }
      case 'repos/list-releases':
        return page([...repository.releases].reverse(), query, request, releaseOut);
      case 'repos/create-release': {
        const tag = String(body['tag_name']);
        if (repository.releases.some((release) => release.tagName === tag && !release.draft)) {
          return { status: 422, json: alreadyExists('Release', 'tag_name') };
        }
        const release = this.state.newRelease(repository, {
          tagName: tag,
          name: typeof body['name'] === 'string' ? body['name'] : tag,
          body: typeof body['body'] === 'string' ? body['body'] : '',
          draft: body['draft'] === true,
          prerelease: body['prerelease'] === true,
          targetCommitish: typeof body['target_commitish'] === 'string' ? body['target_commitish'] : 'main',
        });
        return { status: 201, json: releaseOut(release) };
      }
      case 'repos/update-release': {
        const release = repository.releases.find(
          (candidate) => candidate.id === Number(params['release_id']),
        );
        if (release === undefined) return { status: 404, json: notFound() };
        if (typeof body['body'] === 'string') release.body = body['body'];
        if (typeof body['prerelease'] === 'boolean') release.prerelease = body['prerelease'];
        if (typeof body['draft'] === 'boolean') release.draft = body['draft'];
        if (typeof body['name'] === 'string') release.name = body['name'];
        return { status: 200, json: releaseOut(release) };
      }
      case 'repos/list-release-assets': {
        const release = repository.releases.find(
          (candidate) => candidate.id === Number(params['release_id']),
        );
        if (release === undefined) return { status: 404, json: notFound() };
        return page(release.assets, query, request, (asset) => assetOut(asset, release));
      }
      case 'repos/upload-release-asset': {
        const release = repository.releases.find(
          (candidate) => candidate.id === Number(params['release_id']),
        );
        if (release === undefined) return { status: 404, json: notFound() };
        const name = assetNameAsGitHubKeepsIt(query.get('name') ?? '');
        if (release.assets.some((asset) => asset.name === name)) {
          return { status: 422, json: alreadyExists('ReleaseAsset', 'name') };
        }
        const asset = this.state.newAsset(name, request.headers['content-type'] ?? '', bytes, 'uploaded');
        release.assets.push(asset);
        return { status: 201, json: assetOut(asset, release) };
      }
      case 'repos/get-release-asset': {
        const found = this.state.assetById(repository, Number(params['asset_id']));
        if (found === undefined) return { status: 404, json: notFound() };
        if (request.headers.accept === 'application/octet-stream') {
          // GitHub redirects to where the bytes are; the client must follow it.
          return {
            status: 302,
            json: undefined,
            headers: { location: webUrl(origins, repository, found.release, found.asset) },
          };
        }
        return { status: 200, json: assetOut(found.asset, found.release) };
      }
      case 'repos/delete-release-asset': {
        const found = this.state.assetById(repository, Number(params['asset_id']));
        if (found === undefined) return { status: 404, json: notFound() };
        found.release.assets.splice(found.release.assets.indexOf(found.asset), 1);
        return { status: 204, json: undefined };
      }
      default:
        // A route GitHub has, but the fake does not keep: a test would be wrong to rely on it.
        return { status: 501, json: { message: `the fake does not implement ${operation.operationId}` } };
    }
  }
}

interface Answer {
  readonly status: number;
  readonly json: unknown;
  readonly headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';
const WEB_PREFIX = '/_web/';
const INVALID_JSON = Symbol('invalid JSON');

export function webUrl(
  origins: Origins,
  repository: FakeRepository,
  release: FakeRelease,
  asset: FakeAsset,
): string {
  return `${origins.api}${WEB_PREFIX}${repository.fullName}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(asset.name)}`;
}

/**
 * What GitHub does to an asset name: characters it does not keep become `.`. The query's `+` has
 * already become a space when decoded: a client that does not encode `+` loses it, as on GitHub.
 */
export function assetNameAsGitHubKeepsIt(name: string): string {
  return name.replace(/[^A-Za-z0-9._+-]/g, '.');
}

/** A page of a list, with the `link` header Octokit's paginate follows. */
function page<T>(
  items: readonly T[],
  query: URLSearchParams,
  request: IncomingMessage,
  out: (item: T) => unknown,
): Answer {
  const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
  const number = Number(query.get('page') ?? 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  const headers: Record<string, string> = {};
  if (number * perPage < items.length) {
    const next = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    next.searchParams.set('page', String(number + 1));
    next.searchParams.set('per_page', String(perPage));
    headers['link'] = `<${next.toString()}>; rel="next"`;
  }
  return { status: 200, json: slice.map(out), headers };
}

function alreadyExists(resource: string, field: string): object {
  return {
    message: 'Validation Failed',
    errors: [{ resource, code: 'already_exists', field }],
    documentation_url: DOCS,
    status: '422',
  };
}

function notFound(): object {
  return { message: 'Not Found', documentation_url: DOCS, status: '404' };
}

function tokenOf(header: string | undefined): string {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
}

function parseJson(request: IncomingMessage, body: Buffer, binary: boolean): unknown {
  if (binary || body.length === 0) return undefined;
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return INVALID_JSON;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function send(
  response: ServerResponse,
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
): void {
  if (json === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(json);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Promise<Server> {
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      // A defect of the fake (or an answer the description does not allow): loud, as a 500 with why.
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

function originOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The sha256 GitHub lists as an asset's digest. */
export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
