import { UserError } from '../../util/errors.js';

/** Where Bintray's API was; a compatible server stands in through `bintray-api-url`. */
export const DEFAULT_BINTRAY_API_URL = 'https://api.bintray.com';

/** The inputs of `package-host: bintray://<subject>`: the API and whom to be there. */
export interface BintrayInputs {
  /** The API's base URL, without a trailing slash. */
  readonly apiUrl: string;
  /** The Bintray user (`package-host-username`). */
  readonly username: string;
  /** The user's API key (`package-host-password`): a secret. */
  readonly apiKey: string;
}

/** Hosts a plain http:// API may be on: the machine itself, where nothing crosses a network. */
const LOOPBACK = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/**
 * Reads the Bintray inputs (always, so every input is read once). For another host the credentials
 * are left to it (an HTTP host reads the same two), but an API URL other than the default is a mistake.
 */
export function readBintrayInputs(
  input: (name: string) => string,
  bintray: boolean,
): BintrayInputs | undefined {
  const username = input('package-host-username').trim();
  const apiKey = input('package-host-password');
  const url = input('bintray-api-url').trim();
  if (!bintray) {
    if (url !== '' && url.replace(/\/+$/, '') !== DEFAULT_BINTRAY_API_URL) {
      throw new UserError(
        'bintray-api-url',
        'is set, but package-host is not bintray://…',
        'remove bintray-api-url, or publish to bintray://<subject>',
      );
    }
    return undefined;
  }
  if (username === '') {
    throw new UserError(
      'package-host-username',
      'is empty, but package-host is bintray://…',
      'set it to the Bintray user whose API key package-host-password holds',
    );
  }
  if (apiKey === '') {
    throw new UserError(
      'package-host-password',
      'is empty, but package-host is bintray://…',
      "set it to the Bintray user's API key, from a secret",
    );
  }
  return { apiUrl: apiUrlOf(url || DEFAULT_BINTRAY_API_URL), username, apiKey };
}

/** https, or http on loopback only: the API key travels in every request's Basic authorization. */
function apiUrlOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(
      'bintray-api-url',
      `'${value}' is not a URL`,
      `write e.g. ${DEFAULT_BINTRAY_API_URL}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new UserError(
      'bintray-api-url',
      'carries credentials',
      'remove them from the URL: the user and API key go in package-host-username and package-host-password',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UserError(
      'bintray-api-url',
      `'${value}' has a query or fragment`,
      'give the API base URL only',
    );
  }
  const plain = url.protocol === 'http:';
  if (!(url.protocol === 'https:' || (plain && LOOPBACK.test(url.hostname)))) {
    throw new UserError(
      'bintray-api-url',
      `'${value}' is not https`,
      plain ? 'use https (plain http only on loopback: the API key is in every request)' : 'use an https URL',
    );
  }
  return url.toString().replace(/\/+$/, '');
}
