import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake S3 took: method, path and query, the If-None-Match header, the body's size. */
export interface S3Request {
  readonly method: string;
  readonly url: string;
  readonly ifNoneMatch: string | undefined;
  readonly bodyBytes: number;
}

export interface FakeS3 {
  /** `http://127.0.0.1:PORT`, for the S3 client's endpoint. */
  readonly endpoint: string;
  readonly received: S3Request[];
  /** Requests whose connection closed before their body ended (the client gave up on them). */
  readonly cutShort: S3Request[];
  stop(): Promise<void>;
}

const XML = { 'content-type': 'application/xml' };

/**
 * Just enough of S3 in this process to take uploads (PutObject, and the multipart upload's create,
 * parts, listing and completion), counting the bytes and keeping none of them; no signature checked.
 */
export async function startFakeS3(): Promise<FakeS3> {
  const received: S3Request[] = [];
  const cutShort: S3Request[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    // Like a store, it answers a request once its body has all come: one cut short gets no answer.
    request.on('close', () => {
      if (request.complete) return;
      const url = request.url ?? '/';
      cutShort.push({
        method: request.method ?? 'GET',
        url,
        ifNoneMatch: request.headers['if-none-match'],
        bodyBytes,
      });
    });
    request.on('end', () => {
      const url = request.url ?? '/';
      const ifNoneMatch = request.headers['if-none-match'];
      received.push({ method: request.method ?? 'GET', url, ifNoneMatch, bodyBytes });
      const query = new URL(url, 'http://fake').searchParams;
      if (request.method === 'POST' && query.has('uploads')) {
        response.writeHead(200, XML);
        response.end(
          '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>',
        );
      } else if (request.method === 'GET' && query.has('uploads')) {
        response.writeHead(200, XML);
        response.end(
          '<ListMultipartUploadsResult><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>',
        );
      } else if (request.method === 'POST' && query.has('uploadId')) {
        response.writeHead(200, XML);
        response.end(
          '<CompleteMultipartUploadResult><ETag>"complete-etag"</ETag></CompleteMultipartUploadResult>',
        );
      } else if (request.method === 'PUT') {
        response.writeHead(200, { etag: `"etag-of-${bodyBytes}-bytes"` });
        response.end();
      } else {
        response.writeHead(400, XML);
        response.end('<Error><Code>NotInTheFake</Code></Error>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    cutShort,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
