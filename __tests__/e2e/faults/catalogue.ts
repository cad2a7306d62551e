import type { FaultWorld } from './fault-world.js';
import {
  anyOf,
  blobUpload,
  burst,
  conditionalPut,
  firstMatches,
  inTurn,
  manifestPut,
  objectPut,
  pathOf,
  s3Error,
  status,
} from './fault-rules.js';
import type { ScenarioFaults } from './scenario.js';
import { staleTokenRule } from './stale-token.js';

/** A scenario: its name (registry namespace and bucket), what it does, its faults. */
export type Entry = [name: string, what: string, faults: ScenarioFaults];

/** S3's own answers for a failure on its side and for too many requests. */
const S3_500 = s3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
const S3_503 = s3Error(503, 'SlowDown', 'Please reduce your request rate.');

/** Faults that stop, on the registry, the token server and radosgw: the release must end as a clean one. */
export function recoverable(world: () => FaultWorld): Entry[] {
  const bigBlob = (e: Parameters<typeof blobUpload>[0]): boolean =>
    blobUpload(e) && Number(e.requestHeaders['content-length'] ?? 1e9) > 128 * 1024;
  return [
    [
      'rmanifest',
      '429 with Retry-After, then 500, on manifest PUTs',
      { registry: inTurn(manifestPut, [status(429, { 'retry-after': '1' }), status(500)]) },
    ],
    ['r503', 'a burst of 503 from the registry', { registry: burst(8, 3, status(503)) }],
    [
      'rblobreset',
      'a connection reset in the middle of a blob upload',
      { registry: firstMatches(bigBlob, 1, { resetAfterBytes: 64 * 1024 }) },
    ],
    [
      'tokens',
      '503 from the token server, and a token the registry stops accepting between two requests',
      { token: firstMatches(() => true, 2, status(503)), registry: staleTokenRule(world) },
    ],
    [
      's3index500',
      '500 on the conditional PUTs of Release and of repomd.xml',
      {
        s3: anyOf(
          firstMatches(conditionalPut(/\/Release$/), 1, S3_500),
          firstMatches(conditionalPut(/repomd\.xml$/), 1, S3_500),
        ),
      },
    ],
    [
      's3release409',
      '409 ConditionalRequestConflict on the conditional PUT of Release',
      {
        s3: firstMatches(
          conditionalPut(/\/Release$/),
          1,
          s3Error(409, 'ConditionalRequestConflict', 'A conflicting conditional operation is in progress'),
        ),
      },
    ],
    [
      's3byhash500',
      '500 on the PUT of a by-hash index',
      { s3: firstMatches(objectPut(/\/by-hash\//), 1, S3_500) },
    ],
    [
      's3debreset',
      'a connection reset in the middle of a package PUT',
      { s3: firstMatches(objectPut(/\.deb$/), 1, { resetAfterBytes: 512 }) },
    ],
    // Two in a row: the S3 SDK tries a request 3 times.
    ['s3burst', 'a burst of 503 from S3', { s3: burst(20, 2, S3_503) }],
  ];
}

/** Faults that stop, on Swift (no conditional writes: packages go in parts, publishers are serialized). */
export function recoverableOnSwift(): Entry[] {
  const part = (e: Parameters<typeof pathOf>[0]): boolean =>
    e.method === 'PUT' && e.url.includes('partNumber=');
  return [
    [
      'swresets',
      'connection resets in the middle of a multipart part and of a package PUT',
      {
        s3: anyOf(
          firstMatches(part, 1, { resetAfterBytes: 1024 * 1024 }),
          firstMatches(objectPut(/\.deb$/), 1, { resetAfterBytes: 512 }),
        ),
      },
    ],
    ['swburst', 'a burst of 503 from Swift', { s3: burst(20, 2, S3_503) }],
  ];
}

/** Faults that never stop: one clear error, latest untouched. */
export function unrecoverable(): Entry[] {
  const loaderManifest = (e: Parameters<typeof pathOf>[0]): boolean =>
    manifestPut(e) && pathOf(e).includes('/falco-driver-loader/');
  return [
    [
      's3never',
      '503 on every conditional PUT of repomd.xml',
      { s3: firstMatches(conditionalPut(/repomd\.xml$/), Infinity, S3_503) },
    ],
    [
      'rnever',
      '503 on every manifest PUT of falco-driver-loader',
      { registry: firstMatches(loaderManifest, Infinity, status(503)) },
    ],
  ];
}
