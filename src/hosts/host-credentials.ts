import { basicAuthValue } from '../util/basic-auth.js';

/**
 * How the action signs in to a package host that takes HTTP credentials: a user and password (HTTP
 * Basic; Bintray's user and API key too) or a bearer token (Artifactory access tokens, Nexus user
 * tokens behind a proxy, any OAuth-style gateway).
 */
export type HostCredentials =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string };

/** The `Authorization` header value of the credentials (masked in logs as a whole by the entry point). */
export function authorizationOf(credentials: HostCredentials): string {
  return credentials.kind === 'basic'
    ? `Basic ${basicAuthValue(credentials.username, credentials.password)}`
    : `Bearer ${credentials.token}`;
}

/** The inputs the credentials came from, for messages that tell the user which ones to fix. */
export function credentialInputsOf(credentials: HostCredentials | undefined): string {
  if (credentials === undefined) return 'package-host-username / package-host-password or package-host-token';
  return credentials.kind === 'basic'
    ? 'package-host-username / package-host-password'
    : 'package-host-token';
}
