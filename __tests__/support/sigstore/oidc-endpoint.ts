import { SIGSTORE_AUDIENCE, type GitHubOidcIssuer } from './github-oidc.js';
import { errorReply, jsonReply, type EndpointHandler } from './http.js';

/** The path of the runner's token endpoint; clients append `&audience=...` to the URL, so it has a query. */
export const OIDC_PATH = '/_apis/distributedtask/idtoken';
export const OIDC_QUERY = '?api-version=2.0';

/**
 * The runner's `ACTIONS_ID_TOKEN_REQUEST_URL`: `GET ...&audience=sigstore` with
 * `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN` answers `{"value": "<jwt>"}`.
 * Refuses a missing or wrong bearer (401) and any audience but Sigstore's (400), so a client that
 * forgets either fails here rather than later at Fulcio.
 */
export function oidcEndpoint(issuer: GitHubOidcIssuer): EndpointHandler {
  return async ({ url, headers }) => {
    if (headers.authorization !== `Bearer ${issuer.requestToken}`) {
      return errorReply(401, 'missing or wrong bearer token');
    }
    const audience = url.searchParams.get('audience');
    if (audience !== SIGSTORE_AUDIENCE) {
      return errorReply(400, `audience must be ${SIGSTORE_AUDIENCE}, got ${audience ?? 'none'}`);
    }
    return jsonReply(200, { value: await issuer.issue(audience) });
  };
}
