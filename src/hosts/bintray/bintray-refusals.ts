import { UserError } from '../../util/errors.js';
import { messageOf, type BintrayReply } from './bintray-api.js';

/** The inputs a 401 or 403 is about. */
const CREDENTIALS = 'package-host-username / package-host-password';

/**
 * A refusal of the API as one UserError: what was asked, Bintray's status and message, and what to do.
 * `what` says the request in words (`list the repositories of falcosecurity`); `notFound` is the
 * remedy for a 404 there, when one can mean something the user can fix.
 */
export function refusal(reply: BintrayReply, what: string, url: string, notFound?: string): UserError {
  const said = messageOf(reply);
  const answer = `${reply.status}${said === undefined ? '' : `: ${said}`}`;
  if (reply.status === 401) {
    return new UserError(
      CREDENTIALS,
      `${url} refused the credentials (${answer}) to ${what}`,
      'check the user name and its API key (not the account password)',
    );
  }
  if (reply.status === 403) {
    return new UserError(
      CREDENTIALS,
      `the user may not ${what} (${answer})`,
      'give the user the right to publish in the repository, or use an API key of a user who has it',
    );
  }
  if (reply.status === 404 && notFound !== undefined) {
    return new UserError('package-host', `${url} could not ${what} (${answer})`, notFound);
  }
  return new UserError(
    'package-host',
    `${url} could not ${what} (${answer})`,
    'check the server, then run again',
  );
}
