import type { HostCredentials } from '../../hosts/host-credentials.js';
import { isLoopbackUrl, parseHostLocation, type HostLocation } from '../../hosts/location.js';
import { parseRetention, type Retention } from '../../indexes/retention.js';
import { UserError } from '../../util/errors.js';
import { readHostCredentials } from './host-credential-inputs.js';
import { readBintrayInputs, type BintrayInputs } from '../../hosts/bintray/bintray-inputs.js';
import { bintrayKeep, type BintrayKeep } from './bintray-retention.js';
import { boolean, lines, oneOf, type InputReader } from './input-values.js';

/** The package inputs, checked together: the S3 inputs only make sense for an `s3://` host. */
export interface PackageInputs {
  readonly packagePatterns: readonly string[];
  readonly packageHost: HostLocation | undefined;
  /** An S3-compatible store's URL for `package-host: s3://…` (AWS S3 when empty). */
  readonly s3Endpoint: string | undefined;
  readonly s3Region: string | undefined;
  /** How the action signs in to an http(s):// package host; absent when it takes no credentials. */
  readonly packageHostCredentials?: HostCredentials;
  /** The workflow runs one publisher at a time, so stores without conditional writes are safe. */
  readonly serialized: boolean;
  readonly overwrite: boolean;
  /** The armored OpenPGP private key that signs repository indexes and packages; unsigned when absent. */
  readonly signingKey: string | undefined;
  readonly signingPassphrase: string | undefined;
  /** Whether each .rpm gets a header signature (with signing-key) before it is published. */
  readonly rpmHeaderSignatures: boolean;
  /** Versions kept in the dev trees after a publish to them. */
  readonly retention: Retention;
  /** For `bintray://`: its API, credentials, and what its dev repositories keep. */
  readonly bintray?: BintrayConfig | undefined;
}

export interface BintrayConfig extends BintrayInputs {
  readonly keep: BintrayKeep;
}

export function readPackageInputs(input: InputReader, workspace: string): PackageInputs {
  const packagePatterns = lines(input('packages'));
  const hostValue = input('package-host').trim();
  const packageHost = hostValue ? parseHostLocation(hostValue, workspace) : undefined;
  if (packagePatterns.length > 0 && !packageHost) {
    throw new UserError(
      'package-host',
      'is empty but packages are given',
      'set package-host, e.g. ./out/packages',
    );
  }
  const retention = parseRetention(input('dev-retention'));
  const bintray = readBintrayInputs(input, packageHost?.kind === 'bintray');
  return {
    packagePatterns,
    packageHost,
    ...readS3Options(input, packageHost),
    ...readHttpOptions(input, packageHost),
    overwrite: boolean('overwrite', input('overwrite')),
    ...readSigning(input),
    retention,
    bintray: bintray && { ...bintray, keep: bintrayKeep(retention) },
  };
}

/** The S3 inputs, which only an `s3://` package host uses: set for another host, they are a mistake. */
function readS3Options(
  input: InputReader,
  host: HostLocation | undefined,
): Pick<PackageInputs, 's3Endpoint' | 's3Region' | 'serialized'> {
  const s3Endpoint = readEndpoint(input('s3-endpoint'));
  const s3Region = input('s3-region').trim() || undefined;
  const serialized = boolean('serialized', input('serialized'));
  if (host?.kind !== 's3') {
    // serialized also serves an http(s):// host, whose server may ignore conditional writes too.
    const given = [
      s3Endpoint && 's3-endpoint',
      s3Region && 's3-region',
      serialized && host?.kind !== 'http' && 'serialized',
    ].find(Boolean);
    if (given)
      throw new UserError(
        given,
        'is set, but package-host is not s3://…',
        `remove ${given}, or publish to s3://<bucket>/<prefix>`,
      );
  }
  if (s3Region !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(s3Region)) {
    throw new UserError('s3-region', `'${s3Region}' is not a region`, 'write e.g. us-east-1');
  }
  return { s3Endpoint, s3Region, serialized };
}

/**
 * The inputs of an http(s):// host: its credentials, and `package-host-insecure`, without which plain
 * http is refused off loopback (the credentials and the packages would cross the network in clear).
 */
function readHttpOptions(
  input: InputReader,
  host: HostLocation | undefined,
): Pick<PackageInputs, 'packageHostCredentials'> {
  const credentials = readHostCredentials(input);
  const insecure = boolean('package-host-insecure', input('package-host-insecure'));
  if (host?.kind !== 'http') {
    if (insecure) {
      throw new UserError(
        'package-host-insecure',
        'is set, but package-host is not an http(s):// URL',
        'remove package-host-insecure',
      );
    }
    // Bintray takes a user and an API key (Basic), never a token.
    if (
      credentials !== undefined &&
      (host === undefined ||
        host.kind === 'directory' ||
        host.kind === 's3' ||
        (host.kind === 'bintray' && credentials.kind === 'bearer'))
    ) {
      const inputs =
        credentials.kind === 'basic' ? 'package-host-username / package-host-password' : 'package-host-token';
      throw new UserError(
        inputs,
        `${credentials.kind === 'basic' ? 'are' : 'is'} set, but package-host takes no credentials`,
        `remove ${inputs}: an s3:// host takes the AWS environment's, a directory none, bintray:// a user and API key`,
      );
    }
  } else if (host.url.startsWith('http://') && !isLoopbackUrl(host.url) && !insecure) {
    throw new UserError(
      'package-host',
      `${host.url} is plain http off this machine: the credentials and packages would cross the network unencrypted`,
      'use https://, or set package-host-insecure: true for a trusted network',
    );
  }
  return credentials === undefined ? {} : { packageHostCredentials: credentials };
}

function readEndpoint(value: string): string | undefined {
  const endpoint = value.trim();
  if (endpoint === '') return undefined;
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(endpoint)) {
    throw new UserError(
      's3-endpoint',
      `'${endpoint}' is not an http(s) URL`,
      'write e.g. https://s3.example.com',
    );
  }
  return endpoint;
}

/** The key is checked (that it can sign) when the repositories are prepared, before any write. */
function readSigning(
  input: InputReader,
): Pick<PackageInputs, 'signingKey' | 'signingPassphrase' | 'rpmHeaderSignatures'> {
  const signingKey = input('signing-key').trim() || undefined;
  const signingPassphrase = input('signing-passphrase') || undefined;
  if (signingPassphrase !== undefined && signingKey === undefined) {
    throw new UserError(
      'signing-passphrase',
      'is set, but signing-key is empty',
      'set signing-key to the armored private key (or remove signing-passphrase)',
    );
  }
  const headers = oneOf('rpm-header-signatures', input('rpm-header-signatures').trim() || 'auto', [
    'auto',
    'true',
    'false',
  ]);
  if (headers === 'true' && signingKey === undefined) {
    throw new UserError(
      'rpm-header-signatures',
      "is 'true', but signing-key is empty",
      "set signing-key to the armored private key, or rpm-header-signatures to 'auto' or 'false'",
    );
  }
  // dnf with gpgcheck=1 (Falco's documented .repo) refuses an rpm whose header is not signed.
  return {
    signingKey,
    signingPassphrase,
    rpmHeaderSignatures: headers !== 'false' && signingKey !== undefined,
  };
}
