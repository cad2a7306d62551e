import { S3Client } from '@aws-sdk/client-s3';
import type { FaultWorld } from './fault-world.js';

/** Where a scenario's packages go: a bucket on radosgw or on Swift (each behind the scenario's proxy), or a directory. */
export type HostKind = 'radosgw' | 'swift' | 'directory';
export type StoreKind = Exclude<HostKind, 'directory'>;

/** An S3 API's address and keys. */
export interface StoreEndpoint {
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export function storeOf(world: FaultWorld, kind: StoreKind): StoreEndpoint {
  return kind === 'radosgw' ? world.radosgw : world.swift;
}

/** An S3 client straight to the store (no proxy), for setting up and reading back. */
export function storeClient(world: FaultWorld, kind: StoreKind): S3Client {
  const { endpoint, region, accessKeyId, secretAccessKey } = storeOf(world, kind);
  return new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    // Swift answers the SDK's default streamed checksums with 501.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
