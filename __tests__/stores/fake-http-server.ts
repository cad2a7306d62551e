import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake server took, as it arrived. */
export interface TakenRequest {
  readonly method: string;
  /** The path as sent, percent-encoding kept. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly bodyBytes: number;
  /** The client broke the request off before its whole body. */
  readonly aborted: boolean;
}

export interface FakeHttpOptions {
  /** The Authorization header writes and listings must carry; reads need none (a download server). */
  readonly authorization?: string;
  /** Honours If-Match / If-None-Match on PUT (412), as a compare-and-swap store must. */
  readonly conditional?: boolean;
  /** Answers Artifactory's deploy-by-checksum (201 for bytes it holds, 404 otherwise). */
  readonly checksumDeploy?: boolean;
  /** Gives each file's sha256 as X-Checksum-Sha256 on HEAD and GET. */
  readonly checksumHeaders?: boolean;
  /** How folders are listed: WebDAV PROPFIND, nginx's JSON autoindex, or not at all. */
  readonly listing?: 'propfind' | 'autoindex' | 'none';
  /** A status to answer instead of serving the request (after reading its body), or 'reset' to drop it. */
  readonly fault?: (request: TakenRequest, earlier: readonly TakenRequest[]) => number | 'reset' | undefined;
}

interface StoredFile {
  readonly bytes: Buffer;
  readonly etag: string;
  readonly modified: Date;
}

export interface FakeHttpServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Files by decoded path (`/base/deb/stable/x.deb`). */
  readonly files: Map<string, StoredFile>;
  readonly received: TakenRequest[];
  stop(): Promise<void>;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * An HTTP file server in this process, with the behaviours of the servers the HTTP store meets made
 * switchable: conditional writes honoured or ignored (nginx), deploy-by-checksum and checksum headers
 * (Artifactory), PROPFIND or JSON autoindex listings, and faults on demand.
 */
export async function startFakeHttpServer(options: FakeHttpOptions = {}): Promise<FakeHttpServer> {
  const files = new Map<string, StoredFile>();
  const received: TakenRequest[] = [];
  let version = 0;

  const store = (path: string, bytes: Buffer): string => {
    const etag = `"${sha256(bytes).slice(0, 12)}-${++version}"`;
    files.set(path, { bytes, etag, modified: new Date() });
    return etag;
  };

  const handle = (
    request: IncomingMessage,
    response: ServerResponse,
    taken: TakenRequest,
    body: Buffer,
  ): void => {
    const method = taken.method;
    const path = decodeURIComponent(taken.url.split('?')[0] ?? '/');
    const reads = method === 'GET' || method === 'HEAD';
    if (
      !reads &&
      options.authorization !== undefined &&
      request.headers.authorization !== options.authorization
    ) {
      response.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' }).end();
      return;
    }
    const file = files.get(path);
    if (method === 'PUT') {
      if (options.conditional === true) {
        const ifNoneMatch = request.headers['if-none-match'];
        const ifMatch = request.headers['if-match'];
        if (
          (ifNoneMatch === '*' && file !== undefined) ||
          (ifMatch !== undefined && file?.etag !== ifMatch)
        ) {
          response.writeHead(412).end();
          return;
        }
      }
      if (request.headers['x-checksum-deploy'] === 'true' && options.checksumDeploy === true) {
        const wanted = request.headers['x-checksum-sha256'];
        const held = [...files.values()].find((candidate) => sha256(candidate.bytes) === wanted);
        if (held === undefined) {
          response.writeHead(404).end('{"errors":[{"status":404,"message":"Checksum deploy failed"}]}');
          return;
        }
        response.writeHead(201, { etag: store(path, held.bytes) }).end();
        return;
      }
      response.writeHead(file === undefined ? 201 : 204, { etag: store(path, body) }).end();
      return;
    }
    if (method === 'DELETE') {
      response.writeHead(files.delete(path) ? 204 : 404).end();
      return;
    }
    if (method === 'PROPFIND') {
      if (options.listing !== 'propfind') {
        response.writeHead(405).end();
        return;
      }
      const children = childrenOf(files, path);
      if (children === undefined) {
        response.writeHead(404).end();
        return;
      }
      const entries = [{ href: path, folder: true, modified: undefined }, ...children].map(
        (entry) =>
          `<D:response><D:href>${escapeXml(encodeURI(entry.href))}</D:href><D:propstat><D:prop>` +
          `<D:resourcetype>${entry.folder ? '<D:collection/>' : ''}</D:resourcetype>` +
          (entry.modified === undefined
            ? ''
            : `<D:getlastmodified>${entry.modified.toUTCString()}</D:getlastmodified>`) +
          '</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>',
      );
      response
        .writeHead(207, { 'content-type': 'application/xml' })
        .end(
          `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:">${entries.join('')}</D:multistatus>`,
        );
      return;
    }
    if (reads && path.endsWith('/')) {
      const children = childrenOf(files, path);
      if (options.listing !== 'autoindex') {
        response
          .writeHead(children === undefined ? 404 : 403, { 'content-type': 'text/html' })
          .end('<html>403</html>');
        return;
      }
      if (children === undefined) {
        response.writeHead(404).end();
        return;
      }
      const listing = children.map((child) => ({
        name: child.href.slice(path.length).replace(/\/$/, ''),
        type: child.folder ? 'directory' : 'file',
        mtime: (child.modified ?? new Date()).toUTCString(),
      }));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listing));
      return;
    }
    if (reads) {
      if (file === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, {
        etag: file.etag,
        'content-length': file.bytes.length,
        'last-modified': file.modified.toUTCString(),
        ...(options.checksumHeaders === true ? { 'x-checksum-sha256': sha256(file.bytes) } : {}),
      });
      response.end(method === 'HEAD' ? undefined : file.bytes);
      return;
    }
    response.writeHead(405).end();
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('close', () => {
      if (request.complete) return;
      received.push({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        bodyBytes: Buffer.concat(chunks).length,
        aborted: true,
      });
    });
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const taken: TakenRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        bodyBytes: body.length,
        aborted: false,
      };
      const earlier = [...received];
      received.push(taken);
      const fault = options.fault?.(taken, earlier);
      if (fault === 'reset') request.socket.destroy();
      else if (fault !== undefined) response.writeHead(fault).end();
      else handle(request, response, taken, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    files,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The direct children of a folder path (ending with `/`), or undefined when no file lies under it. */
function childrenOf(
  files: ReadonlyMap<string, StoredFile>,
  folder: string,
): { href: string; folder: boolean; modified: Date | undefined }[] | undefined {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  const below = [...files.entries()].filter(([path]) => path.startsWith(prefix));
  if (below.length === 0) return undefined;
  const children = new Map<string, { href: string; folder: boolean; modified: Date | undefined }>();
  for (const [path, file] of below) {
    const [name = '', ...rest] = path.slice(prefix.length).split('/');
    const isFolder = rest.length > 0;
    children.set(name, {
      href: `${prefix}${name}${isFolder ? '/' : ''}`,
      folder: isFolder,
      modified: isFolder ? undefined : file.modified,
    });
  }
  return [...children.values()];
}
