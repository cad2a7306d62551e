import type { HostCredentials } from '../../hosts/host-credentials.js';
import { UserError } from '../../util/errors.js';
import type { InputReader } from './input-values.js';

/**
 * The package host's credentials: `package-host-username` and `package-host-password` (HTTP Basic),
 * or `package-host-token` (a bearer token), never both kinds; undefined when none is set. Half a pair
 * is refused here, before anything is asked of the host, rather than sent as an anonymous request.
 */
export function readHostCredentials(input: InputReader): HostCredentials | undefined {
  const username = input('package-host-username').trim();
  const password = input('package-host-password');
  const token = input('package-host-token').trim();
  if (token !== '') {
    if (username !== '' || password !== '') {
      throw new UserError(
        'package-host-token',
        'is set together with package-host-username / package-host-password',
        'set either a token (sent as Bearer) or a user and password (HTTP Basic), not both',
      );
    }
    return { kind: 'bearer', token };
  }
  if (username === '' && password === '') return undefined;
  if (password === '') {
    throw new UserError(
      'package-host-password',
      'is empty but package-host-username is set',
      'set package-host-password from a secret, or remove package-host-username',
    );
  }
  if (username === '') {
    throw new UserError(
      'package-host-username',
      'is empty but package-host-password is set',
      'set package-host-username to the account the password belongs to',
    );
  }
  // HTTP Basic joins the two with a colon: one in the user name would move part of it into the password.
  if (username.includes(':')) {
    throw new UserError(
      'package-host-username',
      'contains a colon, which HTTP Basic authentication cannot carry',
      'use the account name without it, or a token in package-host-token',
    );
  }
  return { kind: 'basic', username, password };
}
