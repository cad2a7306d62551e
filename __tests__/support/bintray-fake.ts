import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// An in-process stand-in for Bintray's REST API (Bintray shut down on 2021-05-01), on 127.0.0.1. It serves
// the endpoints Falco's publishing used (../shared/reference/falco-release-rules.md, "On Bintray") and the
// reads around them, and refuses what Bintray refused: missing or wrong Basic credentials (401), an unknown
// repository, package or version (404, with Bintray's message), matrix parameters Bintray does not know or
// values it does not take (400), a .deb without its three deb_* parameters or deb_* on a non-Debian
// repository (400), and a file at a path already taken without override=1 (409). Whatever a client sends
// that the API does not describe is answered as Bintray would and recorded in `violations`, which a test
// expects to stay empty. It keeps state: versions in the order they were made (listed newest first), files
// with their bytes, sha256, Debian coordinates and published flag. A test can make it answer 403 or 5xx.

/** Bintray's repository types: Debian and YUM repositories are indexed by Bintray, generic ones are not. */
export type RepositoryType = 'debian' | 'rpm' | 'generic';

export interface BintrayFakeOptions {
  readonly subject: string;
  readonly username: string;
  readonly apiKey: string;
  /** Each repository with the packages it has; its type follows from its name (deb* Debian, rpm* YUM). */
  readonly repositories: Readonly<Record<string, readonly string[]>>;
}

export interface FakeVersion {
  readonly name: string;
  readonly desc: string | undefined;
  readonly vcsTag: string | undefined;
  readonly released: string | undefined;
  /** Order of creation: Bintray lists the newest first. */
  readonly ordinal: number;
}

export interface FakeFile {
  readonly repository: string;
  readonly package: string;
  readonly version: string;
  readonly path: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  published: boolean;
  /** The deb_* parameters of a .deb's upload. */
  readonly deb?: { readonly distribution: string; readonly component: string; readonly architecture: string };
}

export interface RecordedRequest {
  readonly method: string;
  /** The raw path, matrix parameters and query included. */
  readonly url: string;
  readonly status: number;
}

/** A fault a test asks for: the next `times` requests that `match` get `status` (before or after they are handled). */
export interface Fault {
  readonly status: number;
  readonly times: number;
  readonly match?: (method: string, url: string) => boolean;
  /** Handle the request first, then answer the fault: the write landed, its answer was lost. */
  readonly afterHandling?: boolean;
  readonly message?: string;
}

export interface BintrayFake {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly violations: string[];
  /** Versions of a package, newest first. */
  versions(repository: string, pkg: string): string[];
  version(repository: string, pkg: string, version: string): FakeVersion | undefined;
  /** Files of a repository (every repository when absent), by path. */
  files(repository?: string): FakeFile[];
  /** A version made by someone else before the test, with its files (published). */
  seed(
    repository: string,
    pkg: string,
    version: string,
    files?: Readonly<Record<string, string | Buffer>>,
  ): void;
  fail(fault: Fault): void;
  stop(): Promise<void>;
}

const MATRIX_KEYS = new Set([
  'publish',
  'override',
  'explode',
  'deb_distribution',
  'deb_component',
  'deb_architecture',
]);
const DEB_KEYS = ['deb_distribution', 'deb_component', 'deb_architecture'] as const;
const VERSION_FIELDS = new Set([
  'name',
  'desc',
  'vcs_tag',
  'released',
  'labels',
  'github_release_notes_file',
  'github_use_tag_release_notes',
]);
/** Bintray's `released`: ISO 8601 (yyyy-MM-dd'T'HH:mm:ss.SSSZ). */
const ISO_8601 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:?\d\d)$/;

class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

const message = (status: number, text: string): Answer => new Answer(status, { message: text });

export function typeOf(repository: string): RepositoryType {
  return repository.startsWith('deb') ? 'debian' : repository.startsWith('rpm') ? 'rpm' : 'generic';
}

export async function startBintrayFake(options: BintrayFakeOptions): Promise<BintrayFake> {
  const packages = new Map<string, Map<string, FakeVersion[]>>();
  for (const [repository, names] of Object.entries(options.repositories)) {
    packages.set(repository, new Map(names.map((name) => [name, []])));
  }
  let files: FakeFile[] = [];
  let ordinal = 0;
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const faults: { fault: Fault; left: number }[] = [];
  const credentials = `Basic ${Buffer.from(`${options.username}:${options.apiKey}`).toString('base64')}`;

  const violation = (answer: Answer, why: string): Answer => {
    violations.push(why);
    return answer;
  };
  const versionsOf = (repository: string, pkg: string): FakeVersion[] | Answer => {
    const repo = packages.get(repository);
    if (repo === undefined) return message(404, `Repo '${repository}' was not found`);
    const versions = repo.get(pkg);
    if (versions === undefined) return message(404, `Package '${pkg}' was not found`);
    return versions;
  };
  const fileJson = (file: FakeFile) => ({
    name: file.path.slice(file.path.lastIndexOf('/') + 1),
    path: file.path,
    repo: file.repository,
    package: file.package,
    version: file.version,
    owner: options.subject,
    created: new Date(0).toISOString(),
    size: file.bytes.length,
    sha1: createHash('sha1').update(file.bytes).digest('hex'),
    sha256: file.sha256,
  });
  const listed = (chosen: FakeFile[], query: URLSearchParams): object[] =>
    chosen.filter((file) => file.published || query.get('include_unpublished') === '1').map(fileJson);

  function route(method: string, url: string, body: Buffer, request: IncomingMessage): Answer {
    const [pathAndParams = '', query = ''] = url.split('?', 2);
    const [rawPath = '', ...matrix] = pathAndParams.split(';');
    // Some servers read a raw `+` as a space: a client must send %2B.
    const parts = rawPath
      .split('/')
      .slice(1)
      .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    const search = new URLSearchParams(query);
    const [root, subject, repository = '', pkg = '', ...rest] = parts;
    if (subject !== options.subject) {
      return root === 'repos' || root === 'packages' || root === 'content'
        ? message(404, `Subject '${subject ?? ''}' was not found`)
        : violation(message(404, 'Not found'), `${method} ${url}: no such endpoint`);
    }
    if (matrix.length > 0 && root !== 'content') {
      return violation(
        message(400, 'Matrix parameters are for uploads'),
        `${method} ${url}: matrix parameters`,
      );
    }
    if (root === 'repos' && parts.length === 2 && method === 'GET') {
      return new Answer(
        200,
        [...packages.keys()].map((name) => ({ name, owner: options.subject })),
      );
    }
    if (root === 'packages' && rest.length === 0 && method === 'GET') {
      const versions = versionsOf(repository, pkg);
      if (versions instanceof Answer) return versions;
      const newestFirst = [...versions].sort((a, b) => b.ordinal - a.ordinal).map((v) => v.name);
      return new Answer(200, {
        name: pkg,
        repo: repository,
        owner: options.subject,
        versions: newestFirst,
        latest_version: newestFirst[0] ?? null,
      });
    }
    if (root === 'packages' && rest.length === 1 && rest[0] === 'files' && method === 'GET') {
      const versions = versionsOf(repository, pkg);
      if (versions instanceof Answer) return versions;
      return new Answer(
        200,
        listed(
          files.filter((f) => f.repository === repository && f.package === pkg),
          search,
        ),
      );
    }
    if (root === 'packages' && rest.length === 1 && rest[0] === 'versions' && method === 'POST') {
      return createVersion(repository, pkg, body, request);
    }
    if (root === 'packages' && rest[0] === 'versions' && (rest.length === 2 || rest.length === 3)) {
      const versions = versionsOf(repository, pkg);
      if (versions instanceof Answer) return versions;
      const name = rest[1] ?? '';
      const version = versions.find((v) => v.name === name);
      if (version === undefined) return message(404, `Version '${name}' was not found`);
      const own = files.filter((f) => f.repository === repository && f.package === pkg && f.version === name);
      if (rest.length === 3 && rest[2] === 'files' && method === 'GET')
        return new Answer(200, listed(own, search));
      if (rest.length === 2 && (method === 'GET' || method === 'HEAD')) {
        return new Answer(200, {
          name,
          desc: version.desc,
          package: pkg,
          repo: repository,
          owner: options.subject,
          vcs_tag: version.vcsTag,
          released: version.released,
          ordinal: version.ordinal,
        });
      }
      if (rest.length === 2 && method === 'DELETE') {
        versions.splice(versions.indexOf(version), 1);
        files = files.filter((f) => !own.includes(f));
        return message(200, 'success');
      }
    }
    if (root === 'content' && method === 'PUT')
      return upload(repository, pkg, rest, matrix, query, body, request);
    if (root === 'content' && method === 'POST' && rest.length === 2 && rest[1] === 'publish') {
      const versions = versionsOf(repository, pkg);
      if (versions instanceof Answer) return versions;
      const own = files.filter(
        (f) => f.repository === repository && f.package === pkg && f.version === rest[0],
      );
      own.forEach((file) => (file.published = true));
      return new Answer(200, { files: own.length });
    }
    return violation(message(404, 'Not found'), `${method} ${url}: no such endpoint`);
  }

  function createVersion(repository: string, pkg: string, body: Buffer, request: IncomingMessage): Answer {
    const versions = versionsOf(repository, pkg);
    if (versions instanceof Answer) return versions;
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return violation(message(400, 'Content-Type must be application/json'), 'version created without JSON');
    }
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return violation(message(400, 'Could not parse JSON'), 'version created with a body that is not JSON');
    }
    const unknown = Object.keys(json).filter((key) => !VERSION_FIELDS.has(key));
    if (unknown.length > 0)
      return violation(message(400, `Unknown fields: ${unknown.join(', ')}`), 'unknown version fields');
    const { name, desc, vcs_tag: vcsTag, released } = json;
    if (typeof name !== 'string' || name === '') {
      return violation(message(400, 'Version name is required'), 'a version without a name');
    }
    for (const [field, value] of Object.entries({ desc, vcs_tag: vcsTag, released })) {
      if (value !== undefined && typeof value !== 'string') {
        return violation(message(400, `'${field}' must be a string`), `version field ${field} not a string`);
      }
    }
    if (typeof released === 'string' && !ISO_8601.test(released)) {
      return violation(message(400, "'released' is not ISO 8601"), `released '${released}' is not ISO 8601`);
    }
    if (versions.some((v) => v.name === name)) return message(409, `Version '${name}' already exists`);
    versions.push({
      name,
      desc: desc as string | undefined,
      vcsTag: vcsTag as string | undefined,
      released: released as string | undefined,
      ordinal: ++ordinal,
    });
    return new Answer(201, { name, package: pkg, repo: repository, owner: options.subject });
  }

  function upload(
    repository: string,
    pkg: string,
    rest: readonly string[],
    matrix: readonly string[],
    query: string,
    body: Buffer,
    request: IncomingMessage,
  ): Answer {
    const [version = '', ...folders] = rest;
    const path = folders.join('/');
    if (query !== '')
      return violation(
        message(400, 'Give upload options as matrix parameters'),
        `upload with a query: ${query}`,
      );
    const params = new Map<string, string>();
    for (const pair of matrix) {
      const [key = '', value = ''] = pair.split('=', 2);
      if (!MATRIX_KEYS.has(key) || params.has(key)) {
        return violation(message(400, `Unknown matrix parameter '${key}'`), `matrix parameter '${pair}'`);
      }
      params.set(key, decodeURIComponent(value));
    }
    for (const flag of ['publish', 'override', 'explode']) {
      const value = params.get(flag);
      if (value !== undefined && value !== '0' && value !== '1') {
        return violation(message(400, `'${flag}' takes 0 or 1`), `${flag}=${value}`);
      }
    }
    const versions = versionsOf(repository, pkg);
    if (versions instanceof Answer) return versions;
    if (!versions.some((v) => v.name === version)) return message(404, `Version '${version}' was not found`);
    if (path === '') return violation(message(400, 'A file path is required'), 'upload without a path');
    const debian = typeOf(repository) === 'debian' && path.endsWith('.deb');
    const given = DEB_KEYS.filter((key) => params.has(key));
    if (debian && given.length !== DEB_KEYS.length) {
      return violation(
        message(400, 'Debian packages need deb_distribution, deb_component and deb_architecture'),
        `deb upload ${path} without ${DEB_KEYS.filter((key) => !params.has(key)).join(', ')}`,
      );
    }
    if (!debian && given.length > 0) {
      return violation(
        message(400, 'deb_* parameters are for .deb files in Debian repositories'),
        `deb_* on ${path}`,
      );
    }
    const length = request.headers['content-length'];
    if (length === undefined || Number(length) !== body.length) {
      return violation(
        message(400, 'Content-Length is required'),
        `upload of ${path} without its Content-Length`,
      );
    }
    const taken = files.find((f) => f.repository === repository && f.path === path);
    if (taken !== undefined && params.get('override') !== '1') {
      return message(409, `Unable to upload files: An artifact with the path '${path}' already exists`);
    }
    files = files.filter((f) => f !== taken);
    files.push({
      repository,
      package: pkg,
      version,
      path,
      bytes: body,
      sha256: createHash('sha256').update(body).digest('hex'),
      published: params.get('publish') === '1',
      ...(debian
        ? {
            deb: {
              distribution: params.get('deb_distribution') ?? '',
              component: params.get('deb_component') ?? '',
              architecture: params.get('deb_architecture') ?? '',
            },
          }
        : {}),
    });
    return message(201, 'success');
  }

  const takeFault = (method: string, url: string): Fault | undefined => {
    const found = faults.find(({ fault, left }) => left > 0 && (fault.match?.(method, url) ?? true));
    if (found === undefined) return undefined;
    found.left--;
    return found.fault;
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = request.method ?? '';
      const url = request.url ?? '';
      const send = (answer: Answer): void => {
        requests.push({ method, url, status: answer.status });
        const text = JSON.stringify(answer.body);
        response.writeHead(answer.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        });
        response.end(method === 'HEAD' ? undefined : text);
      };
      const fault = takeFault(method, url);
      if (fault !== undefined && !fault.afterHandling)
        return send(message(fault.status, fault.message ?? 'Injected'));
      let answer: Answer;
      const authorization = request.headers.authorization;
      if (authorization !== undefined && authorization !== credentials) {
        answer = message(401, 'This resource requires authentication');
      } else if (authorization === undefined && method !== 'GET' && method !== 'HEAD') {
        answer = message(401, 'This resource requires authentication');
      } else {
        answer = route(method, url, Buffer.concat(chunks), request);
      }
      send(fault === undefined ? answer : message(fault.status, fault.message ?? 'Injected'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    versions: (repository, pkg) =>
      [...(packages.get(repository)?.get(pkg) ?? [])]
        .sort((a, b) => b.ordinal - a.ordinal)
        .map((v) => v.name),
    version: (repository, pkg, version) =>
      packages
        .get(repository)
        ?.get(pkg)
        ?.find((v) => v.name === version),
    files: (repository) =>
      files
        .filter((f) => repository === undefined || f.repository === repository)
        .sort((a, b) => (a.path < b.path ? -1 : 1)),
    seed(repository, pkg, version, seeded = {}) {
      const versions = packages.get(repository)?.get(pkg);
      if (versions === undefined) throw new Error(`the fake has no package ${repository}/${pkg}`);
      versions.push({
        name: version,
        desc: undefined,
        vcsTag: undefined,
        released: undefined,
        ordinal: ++ordinal,
      });
      for (const [path, content] of Object.entries(seeded)) {
        const bytes = Buffer.from(content);
        files.push({
          repository,
          package: pkg,
          version,
          path,
          bytes,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          published: true,
        });
      }
    },
    fail(fault) {
      faults.push({ fault, left: fault.times });
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
