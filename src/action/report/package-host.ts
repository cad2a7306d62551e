import type { PackageHost } from '../../hosts/host.js';

/** Where a run's packages go, as a person reads it in the plan, the summary and the `package-host` output. */
export interface NamedHost {
  /** `s3://falco-distribution/packages`, `directory /srv/packages`. */
  readonly description: string;
  /** The S3-compatible store's URL (`s3-endpoint`), without credentials; absent for AWS S3 and directories. */
  readonly endpoint?: string;
}

export function nameHost(host: PackageHost, s3Endpoint: string | undefined): NamedHost {
  return {
    description: host.description,
    ...(s3Endpoint === undefined ? {} : { endpoint: withoutCredentials(s3Endpoint) }),
  };
}

/** `s3://falco-distribution/packages (endpoint https://s3.example.com)`, `directory /srv/packages`. */
export function describeHost(host: NamedHost): string {
  return host.endpoint === undefined ? host.description : `${host.description} (endpoint ${host.endpoint})`;
}

/** An endpoint may carry `user:password@`: what is printed never does. */
function withoutCredentials(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.username === '' && url.password === '') return endpoint;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return endpoint.replace(/\/\/[^/@]*@/, '//');
  }
}
