export const id = 868;
export const ids = [868];
export const modules = {

/***/ 63868:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CloudFrontInvalidator: () => (/* binding */ CloudFrontInvalidator)
});

// UNUSED EXPORTS: WAIT_LIMIT_MS

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js
var dist_cjs = __webpack_require__(23169);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/util/retry.js
var retry = __webpack_require__(89294);
// EXTERNAL MODULE: ./lib/util/errno.js
var errno = __webpack_require__(85980);
;// CONCATENATED MODULE: ./lib/cdn/cloudfront-errors.js


/** The AWS credentials the job gives, as the messages name them. */
const CREDENTIALS = 'AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a role)';
/** CloudFront's answers to keys that are wrong or expired. */
const CREDENTIAL_CODES = new Set([
    'SignatureDoesNotMatch',
    'InvalidClientTokenId',
    'IncompleteSignature',
    'ExpiredToken',
    'UnrecognizedClientException',
]);
const UNREACHABLE_CODES = new Set([
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNREFUSED',
    'ECONNRESET',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ETIMEDOUT',
]);
/** The code of an error CloudFront answered with (`AccessDenied`), undefined for anything else. */
function cloudFrontCode(error) {
    return error instanceof Error && '$metadata' in error ? error.name : undefined;
}
function httpStatus(error) {
    if (!(error instanceof Error) || !('$metadata' in error))
        return undefined;
    const metadata = error.$metadata;
    const status = typeof metadata === 'object' && metadata !== null && 'httpStatusCode' in metadata
        ? metadata.httpStatusCode
        : undefined;
    return typeof status === 'number' ? status : undefined;
}
/**
 * Turns a failure the user can fix (credentials, permissions, the distribution's ID, the network) into a
 * UserError; undefined for anything else. The packages are already published when an invalidation
 * fails, so every message says how to invalidate by hand. Only the code CloudFront gave is quoted, never
 * the request: no secret can reach the log.
 */
function cloudFrontUserError(error, place) {
    const { subject, byHand } = place;
    if (error instanceof Error && error.name === 'CredentialsProviderError') {
        return new errors/* UserError */.y(subject, 'no AWS credentials were found', `give the job ${CREDENTIALS}; ${byHand}`);
    }
    const unreachable = (0,errno/* errnoCode */.UK)(error);
    if (unreachable !== undefined && UNREACHABLE_CODES.has(unreachable)) {
        return new errors/* UserError */.y(subject, `CloudFront cannot be reached (${unreachable})`, `check the runner's network; ${byHand}`);
    }
    const code = cloudFrontCode(error);
    if (code === undefined)
        return undefined;
    if (CREDENTIAL_CODES.has(code)) {
        return new errors/* UserError */.y(subject, `CloudFront rejected the AWS credentials (${code})`, `check the ${CREDENTIALS}: right keys, not expired; ${byHand}`);
    }
    if (code === 'AccessDenied') {
        return new errors/* UserError */.y(subject, 'the AWS credentials may not invalidate this distribution (AccessDenied)', `grant the job's role cloudfront:CreateInvalidation, and cloudfront:GetInvalidation for cloudfront-wait, on this distribution; ${byHand}`);
    }
    const status = httpStatus(error);
    if (status !== undefined && status >= 500) {
        // The SDK has already asked again a few times: CloudFront itself is failing, not the request.
        return new errors/* UserError */.y(subject, `CloudFront failed to answer (${status} ${code})`, `run again later; ${byHand}`);
    }
    if (code === 'NoSuchDistribution') {
        return new errors/* UserError */.y(subject, 'no such distribution in the account of the AWS credentials (NoSuchDistribution)', `set cloudfront-distribution to the distribution's ID (E…, in the CloudFront console); ${byHand}`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/cdn/cloudfront-invalidator.js





/**
 * Another publisher's invalidations may hold the distribution's quota for a few minutes: the request is
 * asked again, backing off, for about this long at most.
 */
const BUSY_RETRIES = 6;
const BUSY_BASE_MS = 5_000;
const BUSY_MAX_MS = 60_000;
/** Invalidations take from seconds to a few minutes; one still in progress after this is reported. */
const WAIT_LIMIT_MS = 15 * 60_000;
const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 20_000;
/**
 * Invalidates paths of a CloudFront distribution (CreateInvalidation, GetInvalidation). Every attempt of
 * one invalidation carries the same CallerReference: CloudFront answers a repeated one with the
 * invalidation it already made, so a retry after a lost answer never invalidates twice.
 */
class CloudFrontInvalidator {
    options;
    description;
    client;
    sleep;
    now;
    subject;
    constructor(options) {
        this.options = options;
        this.description = `CloudFront distribution ${options.distribution}`;
        this.subject = `cloudfront-distribution: ${options.distribution}`;
        this.sleep = options.sleep ?? retry/* realSleep */.uk;
        this.now = options.now ?? Date.now;
        this.client = new dist_cjs/* CloudFrontClient */.GHk({
            // CloudFront is global; its API signs for us-east-1 (and a stand-in endpoint is asked the same way).
            region: 'us-east-1',
            ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
            // AWS_ENDPOINT_URL may point the job's S3 client at an S3-compatible store: CloudFront is not there.
            ignoreConfiguredEndpointUrls: true,
            credentials: options.credentials,
            requestHandler: { connectionTimeout: 10_000, socketTimeout: 60_000 },
            logger: QUIET,
        });
    }
    async invalidate(paths) {
        const reference = `falco-publisher-${new Date(this.now()).toISOString()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        const request = new dist_cjs/* CreateInvalidationCommand */.Yo6({
            DistributionId: this.options.distribution,
            InvalidationBatch: { CallerReference: reference, Paths: { Quantity: paths.length, Items: [...paths] } },
        });
        const byHand = byHandCommand(this.options.distribution, paths);
        try {
            const answer = await (0,retry/* retryAndBackoff */.UE)(() => this.client.send(request), (error) => cloudFrontCode(error) === 'TooManyInvalidationsInProgress', { retries: BUSY_RETRIES, baseMs: BUSY_BASE_MS, maxMs: BUSY_MAX_MS, sleep: this.sleep });
            const id = answer.Invalidation?.Id;
            if (id === undefined)
                throw new Error('CloudFront answered CreateInvalidation without an invalidation ID');
            return { id, status: answer.Invalidation?.Status ?? 'InProgress' };
        }
        catch (error) {
            if (cloudFrontCode(error) === 'TooManyInvalidationsInProgress') {
                throw new errors/* UserError */.y(this.subject, `other invalidations in progress still hold the distribution's quota (TooManyInvalidationsInProgress), after ${BUSY_RETRIES + 1} attempts`, `wait for them to complete, then ${byHand}`);
            }
            throw cloudFrontUserError(error, { subject: this.subject, byHand }) ?? error;
        }
    }
    async waitUntilCompleted(id) {
        const deadline = this.now() + WAIT_LIMIT_MS;
        const check = `see it with: aws cloudfront get-invalidation --distribution-id ${this.options.distribution} --id ${id}`;
        for (let pause = FIRST_POLL_MS;; pause = Math.min(pause * 2, MAX_POLL_MS)) {
            let status;
            try {
                const answer = await this.client.send(new dist_cjs/* GetInvalidationCommand */.Wwh({ DistributionId: this.options.distribution, Id: id }));
                status = answer.Invalidation?.Status;
            }
            catch (error) {
                throw cloudFrontUserError(error, { subject: this.subject, byHand: check }) ?? error;
            }
            if (status === 'Completed')
                return;
            if (this.now() + pause > deadline) {
                throw new errors/* UserError */.y(this.subject, `invalidation ${id} is still ${status ?? 'not reported'} after ${WAIT_LIMIT_MS / 60_000} minutes`, `it goes on without this run: ${check}; set cloudfront-wait: false not to wait for it`);
            }
            await this.sleep(pause);
        }
    }
}
/** How to invalidate the same paths without this run: the command itself, or where the paths are listed. */
function byHandCommand(distribution, paths) {
    const command = `aws cloudfront create-invalidation --distribution-id ${distribution} --paths`;
    return paths.length <= LISTED_PATHS
        ? `invalidate by hand: ${command} ${paths.map(shellWord).join(' ')}`
        : `invalidate by hand the ${paths.length} paths the log lists above: ${command} <paths>`;
}
/** A message lists the paths up to this many: it stays one readable line. */
const LISTED_PATHS = 10;
/** A path as one shell word: quoted, since `*` would otherwise be expanded by the shell. */
function shellWord(path) {
    return `'${path.replace(/'/g, `'\\''`)}'`;
}
const ignore = () => undefined;
const QUIET = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };


/***/ })

};
