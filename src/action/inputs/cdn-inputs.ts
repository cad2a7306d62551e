import type { HostLocation } from '../../hosts/location.js';
import { isLoopback } from '../../registry/endpoint.js';
import { UserError } from '../../util/errors.js';
import { boolean, type InputReader } from './input-values.js';

/** The CloudFront distribution in front of an S3 package host, whose cache the run invalidates. */
export interface CloudFrontInputs {
  readonly distribution: string;
  /** Wait until the invalidation has completed (before the floating tags move). */
  readonly wait: boolean;
  /** The host's root as a URL path of the distribution: `/packages`, or `` when it is the distribution's root. */
  readonly root: string;
  /** Another CloudFront API endpoint, for tests (`AWS_ENDPOINT_URL_CLOUDFRONT`, loopback http only). */
  readonly endpoint: string | undefined;
}

/** The variable AWS SDKs read a CloudFront endpoint from; here it points the action at a stand-in. */
export const CLOUDFRONT_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_CLOUDFRONT';

/**
 * The CloudFront inputs, checked against the package host: only an S3 bucket can be a distribution's
 * origin as the action lays it out, and the origin path must contain the bucket prefix, or the
 * invalidated paths would name files the distribution does not serve.
 */
export function readCloudFrontInputs(
  input: InputReader,
  host: HostLocation | undefined,
  env: NodeJS.ProcessEnv,
): CloudFrontInputs | undefined {
  const distribution = input('cloudfront-distribution').trim();
  const waitValue = input('cloudfront-wait');
  const originPath = input('cloudfront-origin-path').trim();
  if (distribution === '') {
    // A runner passes every input's default: `cloudfront-wait: false` is what an unset input reads as.
    const wait = boolean('cloudfront-wait', waitValue);
    const given = [wait && 'cloudfront-wait', originPath && 'cloudfront-origin-path'].find(Boolean);
    if (given) {
      throw new UserError(
        given,
        'is set, but cloudfront-distribution is empty',
        `set cloudfront-distribution, or remove ${given}`,
      );
    }
    return undefined;
  }
  checkDistribution(distribution);
  if (host?.kind !== 's3') {
    throw new UserError(
      'cloudfront-distribution',
      'is set, but package-host is not s3://…',
      'remove cloudfront-distribution, or publish to the s3://<bucket>/<prefix> the distribution serves',
    );
  }
  return {
    distribution,
    wait: boolean('cloudfront-wait', waitValue),
    root: rootInDistribution(host.prefix, originPath),
    endpoint: readEndpoint(env[CLOUDFRONT_ENDPOINT_VARIABLE]),
  };
}

/** CloudFront's distribution IDs are upper-case letters and digits (E2QWRUHEXAMPLE). */
function checkDistribution(distribution: string): void {
  if (/^[A-Z0-9]{1,64}$/.test(distribution)) return;
  throw new UserError(
    'cloudfront-distribution',
    distribution.includes('.')
      ? `'${distribution}' is a domain name, not a distribution ID`
      : `'${distribution}' is not a distribution ID`,
    "write the distribution's ID as the CloudFront console shows it, e.g. E2QWRUHEXAMPLE",
  );
}

/**
 * The distribution serves the object `<origin path>/<p>` at `/<p>`: the host's root (`<prefix>/`) is at
 * its prefix less the origin path. The origin path is written as the console shows it (`/packages`).
 */
function rootInDistribution(prefix: string, originPath: string): string {
  if (originPath === '') return prefix === '' ? '' : `/${prefix}`;
  if (!/^\/\S*[^/]$/.test(originPath) || originPath.includes('*')) {
    throw new UserError(
      'cloudfront-origin-path',
      `'${originPath}' is not an origin path`,
      "write the distribution origin's path as the console shows it, starting with / and not ending with one (e.g. /packages), or leave it empty",
    );
  }
  const origin = originPath.slice(1);
  if (prefix === origin) return '';
  if (prefix.startsWith(`${origin}/`)) return `/${prefix.slice(origin.length + 1)}`;
  throw new UserError(
    'cloudfront-origin-path',
    `'${originPath}' does not contain the package host's prefix '${prefix}', so the distribution does not serve the packages`,
    `set the origin path the distribution in front of s3://…/${prefix} has, or leave it empty when its origin is the whole bucket`,
  );
}

/** A stand-in endpoint is for tests: on loopback, so the credentials' signatures go nowhere else. */
function readEndpoint(value: string | undefined): string | undefined {
  const endpoint = value?.trim() ?? '';
  if (endpoint === '') return undefined;
  const match = /^http:\/\/([^/\s]+)\/?$/.exec(endpoint);
  if (!match || !isLoopback(match[1] ?? '')) {
    throw new UserError(
      CLOUDFRONT_ENDPOINT_VARIABLE,
      `'${endpoint}' is not a loopback http URL`,
      'unset it: it points the action at a local CloudFront stand-in (e.g. http://127.0.0.1:8080) and nothing else',
    );
  }
  return endpoint.replace(/\/$/, '');
}
