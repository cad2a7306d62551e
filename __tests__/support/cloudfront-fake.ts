import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkSignature, type SignatureScope } from './sigv4-check.js';

// An in-process stand-in for CloudFront's invalidation API (no local CloudFront exists), on 127.0.0.1.
// Every request is checked against the API's published shape: the method and path of CreateInvalidation
// and GetInvalidation (API version 2020-05-31), the InvalidationBatch XML body (CallerReference, Paths with
// Quantity and Items), the path rules (a leading /, at most 4000 characters, `*` only at the end, unsafe
// characters URL-encoded) and a SigV4 signature for service `cloudfront` in us-east-1. What does not fit is
// answered with CloudFront's error and recorded in `violations`, which a test expects to stay empty. It keeps
// state: invalidations go from InProgress to Completed, hold the distribution's quota while in progress
// (3000 files, 15 wildcard paths), and a repeated CallerReference gets the invalidation it made.

const API = '/2020-05-31';
const NAMESPACE = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';
const FILES_IN_PROGRESS = 3000;
const WILDCARDS_IN_PROGRESS = 15;
const MAX_PATH_LENGTH = 4000;

export interface CloudFrontFakeOptions {
  readonly distributions: readonly string[];
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** GetInvalidation reads an invalidation answers InProgress before it is Completed (default 1). */
  readonly readsUntilCompleted?: number;
}

export interface FakeInvalidation {
  readonly id: string;
  readonly distribution: string;
  readonly callerReference: string;
  readonly paths: readonly string[];
  status: 'InProgress' | 'Completed';
  reads: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly scope: SignatureScope | undefined;
  readonly status: number;
  /** CloudFront's error code when it was refused. */
  readonly code: string | undefined;
}

export interface CloudFrontFake {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Requests that did not fit the published API, with why. */
  readonly violations: string[];
  readonly invalidations: FakeInvalidation[];
  /** The next CreateInvalidation requests get these errors, one each (e.g. TooManyInvalidationsInProgress). */
  failNext(...codes: FakeErrorCode[]): void;
  /** Another publisher's invalidation, in progress until `complete`: it holds part of the quota. */
  occupy(distribution: string, paths: readonly string[]): FakeInvalidation;
  complete(id: string): void;
  /** The credentials may no longer invalidate this distribution (AccessDenied). */
  deny(distribution: string): void;
  stop(): Promise<void>;
}

export type FakeErrorCode = keyof typeof ERRORS;

/** CloudFront's errors of the two operations, with their HTTP status. */
const ERRORS = {
  AccessDenied: 403,
  BatchTooLarge: 413,
  InconsistentQuantities: 400,
  InvalidArgument: 400,
  InvalidationBatchAlreadyExists: 409,
  MalformedXML: 400,
  MissingBody: 400,
  NoSuchDistribution: 404,
  NoSuchInvalidation: 404,
  TooManyInvalidationsInProgress: 400,
  IncompleteSignature: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  RequestTimeTooSkewed: 403,
  ServiceUnavailable: 503,
} as const;

class Refusal extends Error {
  constructor(
    readonly code: FakeErrorCode,
    message: string,
    /** Whether a correct client could have sent it (a quota, a missing permission): not a violation. */
    readonly expected = false,
  ) {
    super(message);
  }
}

export async function startCloudFrontFake(options: CloudFrontFakeOptions): Promise<CloudFrontFake> {
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const invalidations: FakeInvalidation[] = [];
  const injected: FakeErrorCode[] = [];
  const denied = new Set<string>();
  const readsUntilCompleted = options.readsUntilCompleted ?? 1;
  let counter = 0;
  let endpoint = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const url = request.url ?? '/';
    const verdict = checkSignature(
      { method: request.method ?? '', url, headers: request.headers, body },
      (id) => (id === options.accessKeyId ? options.secretAccessKey : undefined),
    );
    const scope = verdict.ok ? verdict.scope : undefined;
    const record = (status: number, code?: string): void => {
      requests.push({ method: request.method ?? '', url, scope, status, code });
    };
    try {
      if (!verdict.ok)
        throw new Refusal(
          verdict.code as FakeErrorCode,
          verdict.reason,
          verdict.code === 'InvalidClientTokenId',
        );
      if (verdict.scope.service !== 'cloudfront' || verdict.scope.region !== 'us-east-1') {
        throw new Refusal(
          'SignatureDoesNotMatch',
          `signed for ${verdict.scope.service} in ${verdict.scope.region}, not cloudfront in us-east-1`,
        );
      }
      const route = /^\/2020-05-31\/distribution\/([^/?]+)\/invalidation(?:\/([^/?]+))?$/.exec(url);
      if (!route) throw new Refusal('InvalidArgument', `no such operation: ${request.method} ${url}`);
      const [, distribution = '', id] = route;
      if (!options.distributions.includes(distribution))
        throw new Refusal('NoSuchDistribution', `no distribution ${distribution}`, true);
      if (denied.has(distribution)) throw new Refusal('AccessDenied', 'denied', true);
      if (request.method === 'POST' && id === undefined) {
        const [status, invalidation] = create(distribution, request, body);
        respond(response, status, invalidationXml(invalidation), {
          Location: `${endpoint}${API}/distribution/${distribution}/invalidation/${invalidation.id}`,
        });
        record(status);
        return;
      }
      if (request.method === 'GET' && id !== undefined) {
        if (body.length > 0) throw new Refusal('InvalidArgument', 'GetInvalidation has no body');
        const invalidation = invalidations.find((i) => i.id === id && i.distribution === distribution);
        if (!invalidation) throw new Refusal('NoSuchInvalidation', `no invalidation ${id}`, true);
        invalidation.reads++;
        const answer = invalidationXml(invalidation);
        if (invalidation.reads >= readsUntilCompleted) invalidation.status = 'Completed';
        respond(response, 200, answer);
        record(200);
        return;
      }
      throw new Refusal('InvalidArgument', `no such operation: ${request.method} ${url}`);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (!error.expected) violations.push(`${request.method} ${url}: ${error.code}: ${error.message}`);
      const status = ERRORS[error.code] ?? 400;
      respond(response, status, errorXml(error.code, error.message));
      record(status, error.code);
    }
  };

  /** CreateInvalidation: the body checked as CloudFront checks it, then the quota, then made (or found). */
  const create = (
    distribution: string,
    request: IncomingMessage,
    body: Buffer,
  ): [number, FakeInvalidation] => {
    if (body.length === 0) throw new Refusal('MissingBody', 'CreateInvalidation needs a body');
    if (!/^(application|text)\/xml\b/.test(request.headers['content-type'] ?? ''))
      throw new Refusal('MalformedXML', `Content-Type ${request.headers['content-type']}`);
    const batch = parseBatch(body.toString('utf8'));
    const injectedError = injected.shift();
    if (injectedError !== undefined) throw new Refusal(injectedError, 'injected', true);
    const same = invalidations.find(
      (i) => i.distribution === distribution && i.callerReference === batch.callerReference,
    );
    if (same) {
      if (same.paths.join('\n') !== batch.paths.join('\n')) {
        throw new Refusal('InvalidationBatchAlreadyExists', 'CallerReference reused for other paths');
      }
      return [201, same];
    }
    const inProgress = invalidations.filter(
      (i) => i.distribution === distribution && i.status === 'InProgress',
    );
    const count = (paths: readonly string[], wildcard: boolean): number =>
      paths.filter((path) => path.endsWith('*') === wildcard).length;
    const files = inProgress.reduce((sum, i) => sum + count(i.paths, false), count(batch.paths, false));
    const wildcards = inProgress.reduce((sum, i) => sum + count(i.paths, true), count(batch.paths, true));
    if (files > FILES_IN_PROGRESS || wildcards > WILDCARDS_IN_PROGRESS) {
      throw new Refusal(
        'TooManyInvalidationsInProgress',
        `${files} files, ${wildcards} wildcards in progress`,
        true,
      );
    }
    const invalidation = add(distribution, batch.callerReference, batch.paths);
    return [201, invalidation];
  };

  const add = (distribution: string, callerReference: string, paths: readonly string[]): FakeInvalidation => {
    counter++;
    const invalidation: FakeInvalidation = {
      id: `I${String(counter).padStart(4, '0')}FAKE${randomUUID().slice(0, 6).toUpperCase()}`,
      distribution,
      callerReference,
      paths: [...paths],
      status: 'InProgress',
      reads: 0,
    };
    invalidations.push(invalidation);
    return invalidation;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      violations.push(`the fake failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    requests,
    violations,
    invalidations,
    failNext: (...codes) => injected.push(...codes),
    occupy: (distribution, paths) => add(distribution, `other-${randomUUID()}`, paths),
    complete: (id) => {
      const found = invalidations.find((i) => i.id === id);
      if (found) found.status = 'Completed';
    },
    deny: (distribution) => denied.add(distribution),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

interface Batch {
  readonly callerReference: string;
  readonly paths: readonly string[];
}

/**
 * The InvalidationBatch document: exactly its elements (CallerReference, Paths with Quantity and Items of
 * Path), in CloudFront's namespace; Quantity must count the Items, and every path must be one CloudFront
 * takes.
 */
function parseBatch(text: string): Batch {
  const document =
    /^\s*(?:<\?xml[^>]*\?>)?\s*<InvalidationBatch xmlns="([^"]*)">([\s\S]*)<\/InvalidationBatch>\s*$/.exec(
      text,
    );
  if (!document) throw new Refusal('MalformedXML', `not an InvalidationBatch: ${text.slice(0, 200)}`);
  const [, namespace, inner = ''] = document;
  if (namespace !== NAMESPACE) throw new Refusal('MalformedXML', `namespace ${namespace}`);
  const children = elements(inner);
  const names = children.map((child) => child.name).sort();
  if (names.join(',') !== 'CallerReference,Paths')
    throw new Refusal('MalformedXML', `InvalidationBatch has ${names.join(', ')}`);
  const callerReference = unescapeXml(children.find((c) => c.name === 'CallerReference')?.content ?? '');
  if (callerReference === '') throw new Refusal('InvalidArgument', 'empty CallerReference');
  const paths = elements(children.find((c) => c.name === 'Paths')?.content ?? '');
  const quantity = paths.filter((c) => c.name === 'Quantity');
  const items = paths.filter((c) => c.name === 'Items');
  if (quantity.length !== 1 || items.length > 1 || paths.length !== quantity.length + items.length)
    throw new Refusal('MalformedXML', `Paths has ${paths.map((c) => c.name).join(', ')}`);
  const declared = Number(quantity[0]?.content);
  const listed = elements(items[0]?.content ?? '');
  if (listed.some((c) => c.name !== 'Path')) throw new Refusal('MalformedXML', 'Items holds other than Path');
  const values = listed.map((c) => unescapeXml(c.content));
  if (!Number.isInteger(declared) || declared !== values.length)
    throw new Refusal('InconsistentQuantities', `Quantity ${quantity[0]?.content}, ${values.length} items`);
  if (values.length === 0) throw new Refusal('InvalidArgument', 'no paths');
  if (values.length > FILES_IN_PROGRESS) throw new Refusal('BatchTooLarge', `${values.length} paths`);
  for (const path of values) checkPath(path);
  return { callerReference, paths: values };
}

function checkPath(path: string): void {
  const problem = !path.startsWith('/')
    ? 'does not begin with /'
    : path.length > MAX_PATH_LENGTH
      ? 'is longer than 4000 characters'
      : path.slice(0, -1).includes('*')
        ? 'has * before its end'
        : /[^\x21-\x7e]|["<>{}|\\^~[\]`]/.test(path)
          ? 'has a character that must be URL-encoded'
          : /%(?![0-9A-Fa-f]{2})/.test(path)
            ? 'has a % that starts no escape'
            : undefined;
  if (problem !== undefined) throw new Refusal('InvalidArgument', `path ${JSON.stringify(path)} ${problem}`);
}

interface Element {
  readonly name: string;
  readonly content: string;
}

/** The child elements of an XML fragment, each once; text between them must be blank. */
function elements(fragment: string): Element[] {
  const found: Element[] = [];
  let rest = fragment.trim();
  while (rest !== '') {
    const empty = /^<([A-Za-z]+)\s*\/>/.exec(rest);
    if (empty) {
      found.push({ name: empty[1] ?? '', content: '' });
      rest = rest.slice(empty[0].length).trim();
      continue;
    }
    const open = /^<([A-Za-z]+)>/.exec(rest);
    if (!open) throw new Refusal('MalformedXML', `unexpected ${rest.slice(0, 40)}`);
    const name = open[1] ?? '';
    const close = findClose(rest, name, open[0].length);
    found.push({ name, content: rest.slice(open[0].length, close) });
    rest = rest.slice(close + `</${name}>`.length).trim();
  }
  return found;
}

/** Where the element opened at the start ends, counting nested elements of the same name. */
function findClose(text: string, name: string, from: number): number {
  let depth = 1;
  const tags = new RegExp(`<(/?)${name}>`, 'g');
  tags.lastIndex = from;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return match.index;
  }
  throw new Refusal('MalformedXML', `${name} is not closed`);
}

function unescapeXml(text: string): string {
  if (/<|>/.test(text)) throw new Refusal('MalformedXML', `markup in a value: ${text.slice(0, 40)}`);
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity in named) return named[entity] ?? '';
    return String.fromCodePoint(
      entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
    );
  });
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

function invalidationXml(invalidation: FakeInvalidation): string {
  const items = invalidation.paths.map((path) => `<Path>${escapeXml(path)}</Path>`).join('');
  return (
    `<?xml version="1.0"?>\n<Invalidation xmlns="${NAMESPACE}"><Id>${invalidation.id}</Id>` +
    `<Status>${invalidation.status}</Status><CreateTime>${new Date().toISOString()}</CreateTime>` +
    `<InvalidationBatch><Paths><Quantity>${invalidation.paths.length}</Quantity><Items>${items}</Items></Paths>` +
    `<CallerReference>${escapeXml(invalidation.callerReference)}</CallerReference></InvalidationBatch></Invalidation>`
  );
}

function errorXml(code: string, message: string): string {
  return (
    `<?xml version="1.0"?>\n<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  );
}

function respond(
  response: ServerResponse,
  status: number,
  xml: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': randomUUID(), ...headers });
  response.end(xml);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
