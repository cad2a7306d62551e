export const id = 135;
export const ids = [135];
export const modules = {

/***/ 97135:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imagePortsFor: () => (/* binding */ imagePortsFor)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/registry/docker-config.js



/**
 * Credentials a workflow already stored for a registry with `docker login` (or a login action): the
 * `auths` entries of the docker client configuration. Credential helpers (`credsStore`) are programs this
 * action does not run; a registry that needs one gets no credentials from here.
 */
function dockerConfigCredentials(registry, env = process.env) {
    const file = (0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
    let config;
    try {
        config = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
    const keys = registry === 'docker.io'
        ? ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io']
        : [registry, `https://${registry}`];
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry)
            continue;
        if (entry.username && entry.password)
            return { username: entry.username, password: entry.password };
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon > 0)
                return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/oci/content-check.js
var content_check = __webpack_require__(117);
// EXTERNAL MODULE: ./lib/oci/digest.js
var oci_digest = __webpack_require__(9501);
// EXTERNAL MODULE: ./lib/registry/endpoint.js
var endpoint = __webpack_require__(34210);
;// CONCATENATED MODULE: ./lib/registry/repository.js


function repositoryAt(registry, base, repository) {
    const name = (0,endpoint/* repositoryPath */.SH)(registry, repository);
    return { name, url: `${base}/v2/${name}`, display: `${registry}/${repository}` };
}
/** `registry/repository:tag` or `registry/repository@sha256:…`, for messages. */
function referenceName(repository, reference) {
    return `${repository.display}${(0,oci_digest/* isDigest */.Bc)(reference) ? '@' : ':'}${reference}`;
}

;// CONCATENATED MODULE: ./lib/registry/scopes.js
/**
 * Token scopes (`repository:ns/name:pull,push`), as Docker's token protocol names them. A request
 * needs a set of them: a push needs `pull,push` on its repository, a mount also `pull` on the source.
 */
function pullScope(name) {
    return `repository:${name}:pull`;
}
function pushScope(name) {
    return `repository:${name}:pull,push`;
}
/** Resource ("repository:ns/name") → actions. The name may hold ':' (never the actions): split at the last one. */
function parse(scopes) {
    const resources = new Map();
    for (const scope of scopes) {
        const last = scope.lastIndexOf(':');
        const resource = last > 0 ? scope.slice(0, last) : scope;
        const actions = last > 0 ? scope.slice(last + 1).split(',') : [];
        const set = resources.get(resource) ?? new Set();
        for (const action of actions)
            if (action !== '')
                set.add(action);
        resources.set(resource, set);
    }
    return resources;
}
/** One scope per resource with all its actions, in a stable order: the same need gives the same list. */
function mergeScopes(scopes) {
    return [...parse(scopes)]
        .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`)
        .sort();
}
/** True when a token asked for `granted` serves a request that needs `wanted`. */
function covers(granted, wanted) {
    const have = parse(granted);
    for (const [resource, actions] of parse(wanted)) {
        const held = have.get(resource);
        if (!held)
            return false;
        for (const action of actions)
            if (!held.has(action))
                return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./lib/registry/blobs.js





/** True when the repository holds the blob (HEAD: no bytes move). */
async function hasBlob(requester, repository, digest) {
    const reply = await requester.request({ method: 'HEAD', url: `${repository.url}/blobs/${digest}` }, [
        pullScope(repository.name),
    ]);
    if (reply.statusCode === 200)
        return true;
    if (reply.statusCode === 404)
        return false;
    throw requester.refusal(reply, referenceName(repository, digest), 'checking for the blob');
}
/**
 * Asks the registry to link a blob of another of its repositories into this one, with no bytes sent.
 * True when it did (201). A registry that will not (202 opens an upload session instead, which is
 * cancelled; or a refusal) gives false: the caller uploads the blob.
 */
async function mountBlob(requester, repository, digest, from) {
    const query = new URLSearchParams({ mount: digest, from: from.name });
    const reply = await requester.request({ method: 'POST', url: `${repository.url}/blobs/uploads/?${query}`, headers: { 'content-length': '0' } }, [pushScope(repository.name), pullScope(from.name)]);
    if (reply.statusCode === 201)
        return true;
    const location = reply.headers.location;
    if (reply.statusCode === 202 && location) {
        // Best effort: a session left open only costs the registry a little until it expires it.
        await requester
            .send({ method: 'DELETE', url: new URL(location, reply.url).toString() }, [pushScope(repository.name)])
            .catch(() => undefined);
    }
    return false;
}
/**
 * Streams a blob (following redirects, e.g. to a storage bucket), its digest checked as it passes:
 * a wrong blob ends in an error instead of its last bytes.
 */
async function openBlob(requester, repository, digest) {
    const subject = referenceName(repository, digest);
    const check = new content_check/* DigestCheck */.FL(new content_check/* ContentCheck */.S$({ digest }, (problem) => new errors/* UserError */.y(subject, `the registry served a wrong blob: ${problem}`)));
    const { reply, stream } = await requester.openStream({ method: 'GET', url: `${repository.url}/blobs/${digest}` }, [pullScope(repository.name)]);
    if (!stream)
        throw requester.refusal(reply, subject, 'reading the blob');
    // Errors of either stream reach the reader through `check`.
    return (0,external_node_stream_.pipeline)(stream, check, () => undefined);
}

// EXTERNAL MODULE: ./lib/util/retry.js
var util_retry = __webpack_require__(89294);
// EXTERNAL MODULE: ./lib/util/basic-auth.js
var basic_auth = __webpack_require__(23237);
;// CONCATENATED MODULE: ./lib/registry/challenge.js
// One header may hold several challenges: `Digest realm="x", Bearer realm="y",service="z"`.
// A parameter is `key=value` or `key="quoted, value"`; a scheme is a token not followed by `=`.
const PARAM = /[\s,]*([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/y;
const SCHEME = /[\s,]*([A-Za-z][\w-]*)(?=[\s,]|$)/y;
/** Parses the first Basic or Bearer challenge of a `WWW-Authenticate` header; undefined if none. */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const challenges = [];
    let position = 0;
    while (position < header.length) {
        PARAM.lastIndex = position;
        const param = PARAM.exec(header);
        const current = challenges.at(-1);
        if (param && current) {
            const value = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : (param[3] ?? '');
            current.params[(param[1] ?? '').toLowerCase()] = value;
            position = PARAM.lastIndex;
            continue;
        }
        SCHEME.lastIndex = position;
        const scheme = SCHEME.exec(header);
        if (!scheme)
            break;
        challenges.push({ scheme: (scheme[1] ?? '').toLowerCase(), params: {} });
        position = SCHEME.lastIndex;
    }
    const found = challenges.find((c) => c.scheme === 'basic' || c.scheme === 'bearer');
    return found ? { scheme: found.scheme, params: found.params } : undefined;
}

;// CONCATENATED MODULE: ./lib/registry/token-cache.js

/** Renew when this share of the lifetime is left (at most 30 s before expiry). */
const RENEW_MARGIN = 0.1;
const MAX_RENEW_MARGIN_MS = 30_000;
/**
 * Bearer tokens per scope set, with our own expiry bookkeeping (`now` is injectable so a test can
 * let time pass). One token asked for more (`pull,push`) serves requests that need less (`pull`);
 * concurrent requests for the same scopes share one token request.
 */
class TokenCache {
    now;
    entries = new Map();
    pending = new Map();
    issued = new Set();
    constructor(now) {
        this.now = now;
    }
    /** A live token that covers `scopes`, as an Authorization value; undefined when there is none. */
    find(scopes) {
        const now = this.now();
        for (const [key, entry] of this.entries) {
            if (entry.renewAt <= now)
                this.entries.delete(key);
            else if (covers(entry.scopes, scopes))
                return entry.authorization;
        }
        return undefined;
    }
    /** A new token for `scopes` (joining a request already under way for the same scopes). */
    fetch(scopes, issue) {
        const merged = mergeScopes(scopes);
        const key = merged.join(' ');
        const under = this.pending.get(key);
        if (under)
            return under;
        const requestedAt = this.now();
        const request = issue()
            .then(({ token, lifetimeSeconds }) => {
            const lifetimeMs = lifetimeSeconds * 1000;
            const margin = Math.min(lifetimeMs * RENEW_MARGIN, MAX_RENEW_MARGIN_MS);
            const authorization = `Bearer ${token}`;
            this.issued.add(token);
            this.entries.set(key, { scopes: merged, authorization, renewAt: requestedAt + lifetimeMs - margin });
            return authorization;
        })
            .finally(() => this.pending.delete(key));
        this.pending.set(key, request);
        return request;
    }
    /** Forgets a token the registry refused. */
    drop(authorization) {
        for (const [key, entry] of this.entries)
            if (entry.authorization === authorization)
                this.entries.delete(key);
    }
    /** Every token handed out so far (dropped ones too), to keep them out of error messages. */
    tokens() {
        return [...this.issued];
    }
}

;// CONCATENATED MODULE: ./lib/registry/token-service.js



/** Docker's token protocol: a token without `expires_in` lives 60 s. */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
/** A token for `scopes` from the service the Bearer challenge names (realm, service). */
async function issueToken(service, challenge, scopes) {
    const realm = challenge.params.realm;
    if (!realm)
        throw new errors/* UserError */.y(service.registry, 'the registry asks for a token but names no token service');
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new errors/* UserError */.y(service.registry, `the registry names an invalid token service '${realm}'`);
    }
    if (url.protocol !== 'https:' &&
        !(url.protocol === 'http:' && ((0,endpoint/* isLoopback */.U9)(url.host) || service.insecure))) {
        throw new errors/* UserError */.y(service.registry, `the registry sends clients to ${url.origin} for tokens, which is not https`, 'set registry-insecure: true if that is intended');
    }
    if (challenge.params.service)
        url.searchParams.set('service', challenge.params.service);
    for (const scope of mergeScopes(scopes))
        url.searchParams.append('scope', scope);
    const answer = await service.get(url.toString(), service.basic);
    if (answer.statusCode !== 200)
        throw tokenRefusal(service, answer.statusCode);
    const body = parseJson(answer.body);
    const token = stringField(body, 'token') ?? stringField(body, 'access_token');
    if (!token)
        throw new errors/* UserError */.y(service.registry, 'the token service answered without a token');
    const expiresIn = body?.['expires_in'];
    const lifetimeSeconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME_SECONDS;
    return { token, lifetimeSeconds };
}
function tokenRefusal(service, status) {
    if (status === 401 || status === 403) {
        return new errors/* UserError */.y(service.registry, `the token service refused the ${service.hasCredentials ? 'credentials' : 'anonymous request'} (HTTP ${status})`, service.remedy);
    }
    return new errors/* UserError */.y(service.registry, `the token service failed (HTTP ${status})`, 'retry the workflow; if it persists, check the registry');
}
function parseJson(bytes) {
    try {
        const value = JSON.parse(bytes.toString('utf8'));
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function stringField(body, name) {
    const value = body?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
}

;// CONCATENATED MODULE: ./lib/registry/auth.js




/**
 * Authenticates the way the registry asks through `WWW-Authenticate`: nothing until it asks, then Basic
 * credentials or Bearer tokens from its token service (realm/service/scope). Once the scheme is known,
 * later requests carry it from the start, with no 401 round trip.
 */
class Authenticator {
    credentials;
    loginHint;
    challenge;
    tokens;
    basic;
    service;
    constructor(registry, credentials, 
    /** GETs a token URL (retried like any request), with the Basic credentials if any. */
    tokenRequest, now, insecure, 
    /** What to tell the user when the registry refuses; where the credentials come from decides it. */
    loginHint) {
        this.credentials = credentials;
        this.loginHint = loginHint;
        this.tokens = new TokenCache(now);
        this.basic = credentials
            ? `Basic ${(0,basic_auth/* basicAuthValue */.y)(credentials.username, credentials.password)}`
            : undefined;
        this.service = {
            registry,
            insecure,
            basic: this.basic,
            hasCredentials: credentials !== undefined,
            remedy: this.remedy,
            get: tokenRequest,
        };
    }
    /** The remedy for a refusal: fix the inputs' credentials, or the login the hint names. */
    get remedy() {
        if (this.loginHint)
            return this.loginHint;
        return this.credentials
            ? 'check registry-username, registry-password and their permissions'
            : 'set registry-username and registry-password';
    }
    /** What to send with a request that needs `scopes`, as far as the registry's earlier answers tell. */
    async before(scopes) {
        const challenge = this.challenge;
        if (challenge?.scheme === 'basic')
            return this.basic;
        if (challenge?.scheme !== 'bearer')
            return undefined;
        return (this.tokens.find(scopes) ?? this.tokens.fetch(scopes, () => issueToken(this.service, challenge, scopes)));
    }
    /**
     * Answers a 401 to a request sent with `sent`: the Authorization to send it once more with, or
     * undefined when there is nothing new to try (no credentials, or they were what was refused).
     */
    async after401(reply, scopes, sent) {
        const header = reply.headers['www-authenticate'];
        const challenge = parseChallenge(Array.isArray(header) ? header.join(', ') : header);
        if (!challenge)
            return undefined;
        this.challenge = challenge;
        if (challenge.scheme === 'basic')
            return sent === this.basic ? undefined : this.basic;
        // The first challenge, an expired token (`invalid_token`) or one short of a scope
        // (`insufficient_scope`): a new token, asking for what the challenge names too.
        this.forget(sent);
        const asked = [...scopes, ...(challenge.params.scope ?? '').split(' ').filter(Boolean)];
        return this.tokens.fetch(asked, () => issueToken(this.service, challenge, asked));
    }
    /** Forgets an Authorization the registry refused where the request could not be sent again. */
    forget(authorization) {
        if (authorization)
            this.tokens.drop(authorization);
    }
    /** `text` without the password, the Basic header or any token: for error messages. */
    redact(text) {
        const secrets = [this.credentials?.password, this.basic?.slice('Basic '.length), ...this.tokens.tokens()];
        let clean = text;
        for (const secret of secrets)
            if (secret)
                clean = clean.split(secret).join('***');
        return clean;
    }
}

// EXTERNAL MODULE: ./node_modules/got/dist/source/core/errors.js
var core_errors = __webpack_require__(3431);
;// CONCATENATED MODULE: ./lib/registry/origin-guard.js


// Credentials are issued for one origin (scheme, host, port): the registry's. Answers may point
// elsewhere — an upload Location, a tag list Link, a redirect to a CDN — and what goes there gets no
// Authorization; what goes from https to plain http does not go at all.
/** True when `to` would take a request from https to plain http. */
function isDowngrade(from, to) {
    return from.protocol === 'https:' && to.protocol === 'http:';
}
/** The refusal of a request that an answer of `from` sends to plain http at `to`. */
function downgradeRefusal(from, to) {
    return new errors/* UserError */.y(from.origin, `the registry sends the client on to ${to.origin}, which is plain http: refused, so nothing (credentials or content) travels in clear`, 'check the registry and any proxy or CDN in front of it');
}
/**
 * got's `beforeRedirect` hook: refuses https → http, and drops Authorization when the redirect
 * leaves the origin (got itself only drops it when the host or port changes, not the scheme).
 */
const guardRedirect = (next, response) => {
    const from = new URL(response.url);
    const to = next.url instanceof URL ? next.url : new URL(String(next.url));
    if (isDowngrade(from, to))
        throw downgradeRefusal(from, to);
    if (from.origin !== to.origin)
        delete next.headers.authorization;
};
/** A refusal thrown by guardRedirect reaches the caller as itself, not wrapped as a failed request. */
function unwrapRefusal(error) {
    if (error instanceof core_errors/* RequestError */.GI && error.cause instanceof errors/* UserError */.y)
        return error.cause;
    return error instanceof Error ? error : new Error(String(error));
}

;// CONCATENATED MODULE: ./lib/registry/refusal.js

/** The registry's own error codes and messages (`NAME_UNKNOWN: repository name not known to registry`). */
function registryErrors(body) {
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        if (!Array.isArray(parsed.errors))
            return '';
        return parsed.errors
            .map((e) => [e.code, e.message].filter((part) => typeof part === 'string' && part !== '').join(': '))
            .filter(Boolean)
            .join('; ');
    }
    catch {
        return '';
    }
}
/** A clear error for an answer that is not the one wanted: the reference, the status, the registry's words. */
function refusal(reply, context) {
    const { subject, doing } = context;
    const detail = context.redact(registryErrors(reply.body));
    const status = `HTTP ${reply.statusCode}${detail ? ` ${detail}` : ''}`;
    switch (reply.statusCode) {
        case 401:
        case 403:
            return new errors/* UserError */.y(subject, `the registry refused ${doing} (${status})`, context.remedy);
        case 404:
            return new errors/* UserError */.y(subject, `the registry does not know it: ${doing} failed (${status})`, 'check the repository name and the reference');
    }
    if (reply.statusCode >= 500 || reply.statusCode === 408 || reply.statusCode === 429) {
        return new errors/* UserError */.y(subject, `the registry failed ${doing} (${status})`, 'retry the workflow; if it persists, check the registry');
    }
    return new errors/* UserError */.y(subject, `the registry rejected ${doing} (${status})`);
}

// EXTERNAL MODULE: ./node_modules/got/dist/source/index.js + 41 modules
var source = __webpack_require__(98492);
// EXTERNAL MODULE: ./lib/util/errno.js
var errno = __webpack_require__(85980);
;// CONCATENATED MODULE: ./lib/registry/transport.js



/**
 * The HTTP client of every registry request. Our own retry policy (util/retry.ts) decides what is
 * retried, so got's is off; statuses are answers, not exceptions; bodies arrive as sent (no
 * decompression: a manifest's digest is the digest of its exact bytes).
 */
const http = source/* default */.Ay.extend({
    throwHttpErrors: false,
    followRedirect: true,
    decompress: false,
    retry: { limit: 0 },
    headers: { 'user-agent': 'falco-release-publisher' },
    // No limit on a whole request (a blob may take minutes), only on silence.
    timeout: { lookup: 10_000, connect: 10_000, secureConnect: 10_000, socket: 60_000, response: 60_000 },
});
/** The first value of a header of an answer. */
function headerOf(reply, name) {
    const value = reply.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function optionsOf(call, authorization) {
    const headers = { ...call.headers, ...(authorization ? { authorization } : {}) };
    return {
        method: call.method,
        headers,
        hooks: { beforeRedirect: [guardRedirect] },
        ...(call.body === undefined ? {} : { body: call.body }),
        ...(call.answerWithinMs === undefined ? {} : { timeout: { response: call.answerWithinMs } }),
    };
}
/**
 * For a call that gives the server longer to answer: once its body is sent, the socket's idle limit
 * becomes that time too (while the body goes out, the usual limit still catches a stalled connection).
 */
function waitLongerOnceSent(call) {
    const wait = call.answerWithinMs;
    if (wait === undefined)
        return undefined;
    return (request) => request.once('finish', () => request.setTimeout(wait));
}
/** Error answers are read in full, up to this: enough for the registry's error codes. */
const ERROR_BODY_LIMIT = 64 * 1024;
/** Sends one request and hands a 2xx body over unread; any other answer is read for its error. */
async function openStream(client, call, authorization) {
    const stream = client.stream(call.url, optionsOf(call, authorization));
    let fail = () => undefined;
    const response = await new Promise((resolve, reject) => {
        fail = reject;
        stream.once('response', resolve);
        stream.once('error', (error) => fail(unwrapRefusal(error)));
    });
    // From here on, errors belong to whoever reads the body.
    stream.off('error', fail);
    const head = { statusCode: response.statusCode, headers: response.headers, url: response.url };
    if (response.statusCode >= 200 && response.statusCode < 300) {
        return { reply: { ...head, body: Buffer.alloc(0) }, stream };
    }
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of stream) {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= ERROR_BODY_LIMIT)
                break;
        }
    }
    finally {
        stream.destroy();
    }
    return { reply: { ...head, body: Buffer.concat(chunks) } };
}
/** Socket failures that may reach us unwrapped (from a stream that got does not own). */
const SOCKET_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'ERR_SOCKET_CLOSED',
]);
/**
 * The code of a failure to talk to a server (no HTTP answer); undefined for anything else, including
 * a request body that failed (the reader of a file, a digest check): that is not the network's doing.
 */
function networkErrorCode(error) {
    if (error instanceof core_errors/* UploadError */.oW)
        return undefined;
    // A ReadError broke off an answer already under way (e.g. a blob streamed from another registry).
    if (error instanceof core_errors/* RequestError */.GI && (error.response === undefined || error instanceof core_errors/* ReadError */.F_)) {
        return error.code || error.message;
    }
    const code = (0,errno/* errnoCode */.UK)(error);
    return code !== undefined && SOCKET_CODES.has(code) ? code : undefined;
}

;// CONCATENATED MODULE: ./lib/registry/retry-policy.js


/** Statuses that say "not now" rather than "no": a timeout, rate limiting, a server failure. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/** A retryable answer, thrown so the retry loop sees it; the last one is handed back when retries run out. */
class RetryableReply extends Error {
    reply;
    now;
    name = 'RetryableReply';
    constructor(reply, now = Date.now()) {
        super(`HTTP ${reply.statusCode}`);
        this.reply = reply;
        this.now = now;
    }
    /** What the server asked to wait, if it did. */
    get retryAfterMs() {
        const header = this.reply.headers['retry-after'];
        return (0,util_retry/* parseRetryAfter */.mu)(Array.isArray(header) ? header[0] : header, this.now);
    }
}
/**
 * An upload whose session cannot go on (its token expired mid-stream, its PATCH failed): the
 * upload starts again with a new session and a re-opened stream.
 */
class SessionLost extends Error {
    name = 'SessionLost';
}
function retryVerdict(error) {
    if (error instanceof RetryableReply) {
        const afterMs = error.retryAfterMs;
        return afterMs === undefined ? true : { afterMs };
    }
    if (error instanceof SessionLost)
        return true;
    const code = networkErrorCode(error);
    return (0,util_retry/* isRetryableNetworkCode */.EZ)(code);
}
/** A short account of a failure for the log line that announces a retry. */
function describeFailure(error) {
    if (error instanceof RetryableReply)
        return error.message;
    return networkErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

;// CONCATENATED MODULE: ./lib/registry/retrying.js




/**
 * Runs `attempt` under the registry retry policy (408, 429, 5xx, network failures; `Retry-After`
 * honoured), telling each retry in the log. A network failure that outlasts the retries becomes an
 * error that names the server.
 */
async function withRetries(what, attempt, retry, logger) {
    try {
        return await (0,util_retry/* retryAndBackoff */.UE)(attempt, retryVerdict, {
            ...retry,
            onRetry: (error, delayMs, n) => logger.info(`${what}: ${describeFailure(error)}; retry ${n} of ${retry.retries} in ${(delayMs / 1000).toFixed(1)} s`),
        });
    }
    catch (error) {
        const code = networkErrorCode(error);
        if (code === undefined)
            throw error;
        throw new errors/* UserError */.y('registry', `cannot reach ${originOf(error) ?? 'the registry'} (${code})`, 'check the registry input and that the registry is up');
    }
}
/**
 * Sends with `once` until the answer is not a retryable status (408, 429, 5xx) or the retries run
 * out; then that last answer is returned, for the caller to turn into a clear error.
 */
async function untilAnswered(what, once, retry, logger) {
    try {
        return await withRetries(what, async () => {
            const answer = await once();
            if (isRetryableStatus(answer.reply.statusCode))
                throw new RetryableReply(answer.reply);
            return answer;
        }, retry, logger);
    }
    catch (error) {
        if (error instanceof RetryableReply)
            return { reply: error.reply };
        throw error;
    }
}
/** The server a got error was about. */
function originOf(error) {
    const url = error.options?.url;
    if (url instanceof URL)
        return url.origin;
    return typeof url === 'string' ? new URL(url).origin : undefined;
}

;// CONCATENATED MODULE: ./lib/registry/exchange.js



/** Sends one request and reads the whole answer, refusing one longer than the call's limit. */
async function exchange(client, call, authorization) {
    const limit = call.bodyLimit ?? defaultLimit(call.url);
    const request = client(call.url, { ...optionsOf(call, authorization), responseType: 'buffer' });
    const sent = waitLongerOnceSent(call);
    if (sent)
        request.on('request', sent);
    let tooLarge = false;
    // Told after each piece: at most one piece over the limit is held. Bytes that arrived, not the
    // Content-Length, which a HEAD of a blob sets to the blob's size with no body at all.
    request.on('downloadProgress', ({ transferred }) => {
        if (tooLarge || transferred <= limit.bytes)
            return;
        tooLarge = true;
        request.cancel();
    });
    let response;
    try {
        response = await request;
    }
    catch (error) {
        if (tooLarge)
            throw limit.refusal();
        throw unwrapRefusal(error);
    }
    return {
        statusCode: response.statusCode,
        headers: response.headers,
        url: response.url,
        body: response.body,
    };
}
/** Answers other than blobs are small: 4 MiB (what distribution allows a manifest) unless the call says. */
const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;
function defaultLimit(url) {
    const { origin, pathname } = new URL(url);
    return {
        bytes: DEFAULT_BODY_LIMIT,
        refusal: () => new errors/* UserError */.y(`${origin}${pathname}`, `the registry answered with more than ${DEFAULT_BODY_LIMIT} bytes`, 'check the registry'),
    };
}

;// CONCATENATED MODULE: ./lib/registry/warnings.js
/**
 * The texts of `Warning` headers (`299 - "this repository is deprecated"`), which registries use to
 * tell users of deprecations and quotas (distribution, Harbor, ghcr). Several may share one header.
 */
function parseWarnings(header) {
    const texts = [];
    for (const value of [header ?? []].flat()) {
        for (const match of value.matchAll(/\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g)) {
            texts.push((match[1] ?? '').replace(/\\(.)/g, '$1'));
        }
    }
    return texts;
}

;// CONCATENATED MODULE: ./lib/registry/requester.js






/**
 * Requests to one registry: authenticated as it asks, retried by our policy, its `Warning`s logged
 * (once each), and its refusals turned into clear errors.
 */
class Requester {
    settings;
    warned = new Set();
    /** Everything about this registry is logged through this: no password, Basic header or token gets out. */
    logger;
    constructor(settings) {
        this.settings = settings;
        this.logger = redacting(settings.logger, (text) => settings.auth.redact(text));
    }
    /** One attempt: a 401 is answered once with what the registry asks for (a stream body cannot be sent twice). */
    async send(call, scopes) {
        return (await this.authorized(call, scopes, (authorization) => this.buffered(call, authorization))).reply;
    }
    /** `send`, retried; when the retries run out on a retryable status, that last answer is returned. */
    async request(call, scopes) {
        return (await this.retried(call, scopes, (authorization) => this.buffered(call, authorization))).reply;
    }
    /** Like `request`, with a 2xx body left to stream (blobs). */
    openStream(call, scopes) {
        return this.retried(call, scopes, (authorization) => openStream(this.settings.http, call, authorization));
    }
    /** Runs `attempt` under the retry policy (see withRetries). */
    retrying(what, attempt) {
        return withRetries(what, attempt, this.settings.retry, this.logger);
    }
    /** The error for an answer that is not the one wanted. */
    refusal(reply, subject, doing) {
        const { auth } = this.settings;
        return refusal(reply, {
            subject,
            doing,
            remedy: auth.remedy,
            redact: (t) => auth.redact(t),
        });
    }
    retried(call, scopes, transmit) {
        const what = `${call.method} ${new URL(call.url).pathname}`;
        return untilAnswered(what, () => this.authorized(call, scopes, transmit), this.settings.retry, this.logger);
    }
    async buffered(call, authorization) {
        return { reply: await exchange(this.settings.http, call, authorization) };
    }
    async authorized(call, scopes, transmit) {
        const { auth, origin } = this.settings;
        const to = new URL(call.url);
        if (to.origin !== origin) {
            // A Location or Link of the registry's that points elsewhere (a storage host, a CDN): no credentials.
            if (isDowngrade(new URL(origin), to))
                throw downgradeRefusal(new URL(origin), to);
            return this.heard(await transmit(undefined));
        }
        const sent = await auth.before(scopes);
        const first = this.heard(await transmit(sent));
        if (first.reply.statusCode !== 401)
            return first;
        if (call.body !== undefined && !Buffer.isBuffer(call.body)) {
            // The stream is spent: forget the token, so the caller's next attempt starts with a fresh one.
            auth.forget(sent);
            return first;
        }
        const next = await auth.after401(first.reply, scopes, sent);
        return next === undefined ? first : this.heard(await transmit(next));
    }
    /** Shows each distinct `Warning` of the registry once. */
    heard(answer) {
        for (const text of parseWarnings(answer.reply.headers.warning)) {
            if (this.warned.has(text))
                continue;
            this.warned.add(text);
            this.logger.warning(`${this.settings.registry}: ${text}`);
        }
        return answer;
    }
}
/** `logger` with `redact` applied to every line (a registry may echo what it was sent in a `Warning`). */
function redacting(logger, redact) {
    return {
        info: (message) => logger.info(redact(message)),
        warning: (message) => logger.warning(redact(message)),
        debug: (message) => logger.debug(redact(message)),
        group: (title, fn) => logger.group(redact(title), fn),
    };
}

;// CONCATENATED MODULE: ./lib/registry/client-requester.js







const silent = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
    group: (_title, fn) => fn(),
};
const DEFAULT_RETRIES = 4;
/** A token answer is a few KiB of JSON; a megabyte is already none. */
const MAX_TOKEN_BYTES = 1024 * 1024;
function tokenLimit(registry) {
    return {
        bytes: MAX_TOKEN_BYTES,
        refusal: () => new errors/* UserError */.y(registry, `the token service answered with more than ${MAX_TOKEN_BYTES} bytes`, 'check the registry and its token service'),
    };
}
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 15_000;
/**
 * The requester of a registry client: its HTTP client, our retry policy (with the options' overrides)
 * and the authentication the registry asks for.
 */
function clientRequester(registry, 
/** The registry's API base URL: its credentials go to this origin only. */
base, credentials, options) {
    const client = options.http ?? http;
    const retry = {
        retries: options.retries ?? DEFAULT_RETRIES,
        baseMs: BACKOFF_BASE_MS,
        maxMs: BACKOFF_MAX_MS,
        sleep: options.sleep ?? util_retry/* realSleep */.uk,
    };
    // Token requests get the same retries (and need no authentication of their own), logged as redacted.
    const tokenRequest = async (url, authorization) => {
        const call = { method: 'GET', url, bodyLimit: tokenLimit(registry) };
        const once = async () => ({ reply: await exchange(client, call, authorization) });
        return (await untilAnswered('asking for a token', once, retry, requester.logger)).reply;
    };
    const auth = new Authenticator(registry, credentials, tokenRequest, options.now ?? Date.now, options.insecure ?? false, options.loginHint);
    // Built last: the token requests above log through it, and are only made once it exists.
    const requester = new Requester({
        registry,
        origin: new URL(base).origin,
        http: client,
        auth,
        logger: options.logger ?? silent,
        retry,
    });
    return requester;
}

// EXTERNAL MODULE: ./lib/util/limiter.js
var limiter = __webpack_require__(90676);
// EXTERNAL MODULE: ./lib/oci/media-types.js
var media_types = __webpack_require__(50261);
;// CONCATENATED MODULE: ./lib/registry/manifests.js






/** OCI index and manifest, Docker manifest list and schema 2: what we read and write. */
const SUPPORTED = new Set([...media_types/* INDEX_TYPES */.V, ...media_types/* IMAGE_TYPES */.eG]);
/** The media type from Content-Type, else from the manifest's own `mediaType` field. */
function mediaTypeOf(reply) {
    const declared = headerOf(reply, 'content-type')?.split(';')[0]?.trim();
    if (declared && SUPPORTED.has(declared))
        return declared;
    try {
        const field = JSON.parse(reply.body.toString('utf8')).mediaType;
        return typeof field === 'string' && SUPPORTED.has(field) ? field : declared;
    }
    catch {
        return declared;
    }
}
/** The digest `bytes` must have: the reference's own when it is a digest. */
function expectedDigest(subject, reference, bytes) {
    if (!(0,oci_digest/* isDigest */.Bc)(reference))
        return (0,oci_digest/* digestBytes */.QN)(bytes);
    const algorithm = (0,oci_digest/* algorithmOf */.Hy)(reference);
    if (!algorithm)
        throw new errors/* UserError */.y(subject, 'cannot check a digest of that algorithm (sha256 and sha512 only)');
    return (0,oci_digest/* digestBytes */.QN)(bytes, algorithm);
}
/** distribution refuses a manifest over 4 MiB; one that large is no image we publish. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** The manifest a tag or digest names (any of the four types); undefined when there is none. */
async function getManifest(requester, repository, reference) {
    const subject = referenceName(repository, reference);
    const reply = await requester.request({
        method: 'GET',
        url: `${repository.url}/manifests/${reference}`,
        headers: { accept: media_types/* MANIFEST_ACCEPT */.dY },
        bodyLimit: {
            bytes: MAX_MANIFEST_BYTES,
            refusal: () => new errors/* UserError */.y(subject, `the registry serves a manifest longer than ${MAX_MANIFEST_BYTES} bytes, the most registries accept`, 'check the image and the registry'),
        },
    }, [pullScope(repository.name)]);
    if (reply.statusCode === 404)
        return undefined;
    if (reply.statusCode !== 200)
        throw requester.refusal(reply, subject, 'reading the manifest');
    const mediaType = mediaTypeOf(reply);
    if (!mediaType || !SUPPORTED.has(mediaType)) {
        throw new errors/* UserError */.y(subject, `the manifest is of type ${mediaType ?? '(none)'}, which cannot be copied`);
    }
    const digest = expectedDigest(subject, reference, reply.body);
    // Content addressing: what we got must be what was asked for (a digest) or what the registry says it is.
    const claimed = (0,oci_digest/* isDigest */.Bc)(reference) ? reference : headerOf(reply, 'docker-content-digest');
    if (claimed && (0,oci_digest/* algorithmOf */.Hy)(claimed) === (0,oci_digest/* algorithmOf */.Hy)(digest) && claimed !== digest) {
        throw new errors/* UserError */.y(subject, `the registry served a manifest whose digest is ${digest}, not ${claimed}`, 'the registry or a proxy in between alters content; check it');
    }
    return { digest, mediaType, bytes: reply.body };
}
/** Stores a manifest under a tag or its digest: its exact bytes with its own media type. Returns its digest. */
async function putManifest(requester, repository, reference, content) {
    return (await storeManifest(requester, repository, reference, content)).digest;
}
/** putManifest, telling also whether the registry indexed the manifest's `subject`. */
async function storeManifest(requester, repository, reference, content) {
    const subject = referenceName(repository, reference);
    const digest = expectedDigest(subject, reference, content.bytes);
    if ((0,oci_digest/* isDigest */.Bc)(reference) && digest !== reference) {
        throw new errors/* UserError */.y(subject, `the manifest's bytes have digest ${digest}`, 'this is a bug: please report it');
    }
    const reply = await requester.request({
        method: 'PUT',
        url: `${repository.url}/manifests/${reference}`,
        headers: { 'content-type': content.mediaType },
        body: content.bytes,
    }, [pushScope(repository.name)]);
    if (reply.statusCode !== 201 && reply.statusCode !== 200) {
        throw requester.refusal(reply, subject, 'storing the manifest');
    }
    const stored = headerOf(reply, 'docker-content-digest');
    if (stored && stored !== digest) {
        throw new errors/* UserError */.y(subject, `the registry stored the manifest as ${stored}, but its bytes have digest ${digest}`, 'the registry or a proxy in between alters content; check it');
    }
    return { digest, indexesReferrers: headerOf(reply, 'oci-subject') !== undefined };
}
/** The digest a tag (or digest) resolves to, by HEAD; undefined when it does not exist. */
async function manifestDigest(requester, repository, reference) {
    const subject = referenceName(repository, reference);
    const reply = await requester.request({ method: 'HEAD', url: `${repository.url}/manifests/${reference}`, headers: { accept: media_types/* MANIFEST_ACCEPT */.dY } }, [pullScope(repository.name)]);
    if (reply.statusCode === 404)
        return undefined;
    if (reply.statusCode !== 200)
        throw requester.refusal(reply, subject, 'reading the manifest');
    const digest = headerOf(reply, 'docker-content-digest');
    // A registry that leaves the header out of HEAD answers: the digest of the manifest itself.
    return digest ?? (await getManifest(requester, repository, reference))?.digest;
}

;// CONCATENATED MODULE: ./lib/registry/push-check.js


/**
 * Proves that the credentials may push to a repository, without publishing anything: an upload session
 * is opened (the first request of every push) and cancelled at once. A token service may grant pull
 * alone to a login that lacks push rights, so only the registry's answer to this request tells; asked
 * before the first write, a refusal stops the run before any tag of the release exists.
 */
async function checkPush(requester, repository) {
    const scopes = [pushScope(repository.name)];
    const reply = await requester.request({ method: 'POST', url: `${repository.url}/blobs/uploads/`, headers: { 'content-length': '0' } }, scopes);
    const location = headerOf(reply, 'location');
    if (reply.statusCode !== 202 || !location) {
        throw requester.refusal(reply, repository.display, 'a push (opening an upload)');
    }
    // Best effort: a session left open is dropped by the registry's own purge of stale uploads.
    await requester
        .request({ method: 'DELETE', url: new URL(location, reply.url).toString() }, scopes)
        .catch(() => undefined);
}

;// CONCATENATED MODULE: ./lib/registry/tags.js


/** Every tag of a repository (following `Link` pagination); [] when the repository does not exist. */
async function listTags(requester, repository, pageSize) {
    const tags = [];
    const seen = new Set();
    let bytes = 0;
    let url = `${repository.url}/tags/list?n=${pageSize}`;
    while (url) {
        if (seen.has(url))
            throw listRefusal(repository, 'its pages link back to one already read');
        if (seen.size >= MAX_PAGES)
            throw listRefusal(repository, `it has more than ${MAX_PAGES} pages`);
        seen.add(url);
        const reply = await requester.request({ method: 'GET', url, bodyLimit: pageLimit(repository) }, [
            pullScope(repository.name),
        ]);
        bytes += reply.body.length;
        if (bytes > MAX_LIST_BYTES)
            throw listRefusal(repository, `it is longer than ${MAX_LIST_BYTES} bytes`);
        if (reply.statusCode === 404)
            return [];
        if (reply.statusCode !== 200)
            throw requester.refusal(reply, repository.display, 'listing tags');
        let body;
        try {
            body = JSON.parse(reply.body.toString('utf8'));
        }
        catch {
            throw new errors/* UserError */.y(repository.display, 'the registry answered the tag list with something that is not JSON');
        }
        if (body.tags !== undefined && body.tags !== null && !Array.isArray(body.tags)) {
            throw new errors/* UserError */.y(repository.display, 'the registry answered the tag list without a list of tags');
        }
        tags.push(...(body.tags ?? []).filter((tag) => typeof tag === 'string'));
        url = nextPage([reply.headers.link ?? []].flat().join(', '), url);
    }
    return tags;
}
/** Pages of one tag list at most: at 1000 tags a page, far more tags than a repository has. */
const MAX_PAGES = 1000;
/** Bytes of one page, and of all pages of a list, at most: a tag is at most 128 characters. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;
const MAX_LIST_BYTES = 64 * 1024 * 1024;
function listRefusal(repository, problem) {
    return new errors/* UserError */.y(repository.display, `the registry's tag list is not read to its end: ${problem}`, 'check the registry');
}
function pageLimit(repository) {
    return {
        bytes: MAX_PAGE_BYTES,
        refusal: () => listRefusal(repository, `a page is longer than ${MAX_PAGE_BYTES} bytes`),
    };
}
/** Follows `Link: </v2/...?last=x>; rel="next"` pagination. */
function nextPage(link, current) {
    const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link) : null;
    return match?.[1] ? new URL(match[1], current).toString() : undefined;
}

// EXTERNAL MODULE: ./lib/util/progress.js
var progress = __webpack_require__(46189);
;// CONCATENATED MODULE: ./lib/registry/chunks.js
/**
 * Regroups a stream into pieces of exactly `size` bytes (the last one shorter): the chunks of a chunked
 * upload. Each piece is copied in as it arrives, since the stream may reuse its buffers (see
 * BlobReader), and only the chunk being filled is held, so memory stays bounded whatever the blob's size.
 */
async function* chunksOf(stream, size) {
    // A new buffer per chunk, not one reused: a chunk goes out with a request that may be sent again.
    let chunk;
    let length = 0;
    for await (const piece of stream) {
        let rest = piece;
        while (rest.length > 0) {
            chunk ??= Buffer.allocUnsafe(size);
            const take = Math.min(size - length, rest.length);
            rest.copy(chunk, length, 0, take);
            length += take;
            rest = rest.subarray(take);
            if (length === size) {
                yield chunk;
                chunk = undefined;
                length = 0;
            }
        }
    }
    if (chunk && length > 0)
        yield chunk.subarray(0, length);
}

;// CONCATENATED MODULE: ./lib/registry/upload-session.js




/** One attempt of a step; a retryable answer is thrown so that the whole upload starts over. */
async function sendOnce(upload, call) {
    const reply = await upload.requester.send(call, upload.scopes);
    if (isRetryableStatus(reply.statusCode))
        throw new RetryableReply(reply);
    return reply;
}
async function startSession(upload) {
    const reply = await sendOnce(upload, {
        method: 'POST',
        url: `${upload.repository.url}/blobs/uploads/`,
        headers: { 'content-length': '0' },
    });
    const location = headerOf(reply, 'location');
    if (reply.statusCode !== 202 || !location) {
        throw upload.requester.refusal(reply, upload.subject, 'starting the upload of the blob');
    }
    const minChunk = Number(headerOf(reply, 'oci-chunk-min-length'));
    const session = {
        location: new URL(location, reply.url).toString(),
        minChunk: Number.isSafeInteger(minChunk) && minChunk > 0 ? minChunk : undefined,
        completed: false,
    };
    upload.sessions.push(session);
    return session;
}
/**
 * Cancels (DELETE) the sessions of an upload that failed for good, so the registry drops what they
 * received now rather than whenever it purges stale uploads. Best effort: one attempt each, and a
 * refusal or failure is ignored, since the upload's own error is what the user needs to see.
 */
async function cancelSessions(upload) {
    const open = upload.sessions.filter((session) => !session.completed);
    await Promise.all(open.map((session) => upload.requester
        .send({ method: 'DELETE', url: session.location }, upload.scopes)
        .catch(() => undefined)));
}
/**
 * The blob's bytes through a digest check, as the body of a request: got writes each chunk out before
 * it asks for the next, so the source may read every chunk into the same buffer. `failure()` tells a
 * bad blob or a failed read from a network error. The upload's progress starts over; when `counting`
 * is given, each chunk goes into it once the request asks for the next one, i.e. once it is written out.
 */
async function openChecked(upload, counting) {
    const { descriptor, subject } = upload;
    const check = new content_check/* ContentCheck */.S$(descriptor, (problem) => new errors/* UserError */.y(subject, `the blob is not what its descriptor says: ${problem}`, 'the source image is corrupt; rebuild it'));
    const source = await upload.open();
    upload.progress.restart();
    let readFailure;
    async function* read() {
        try {
            if (counting === undefined)
                return yield* source;
            for await (const chunk of source) {
                yield chunk;
                counting.advance(chunk.length);
            }
        }
        catch (error) {
            readFailure = error instanceof Error ? error : new Error(String(error));
            throw error;
        }
    }
    return {
        body: (0,content_check/* checkedChunks */.mM)(read(), check),
        failure: () => check.failure ?? readFailure,
        // The source may never have been read (a request that failed before its body): let go of it all the same.
        close: () => source.destroy(),
    };
}
/**
 * How long a registry may take to answer the request that completes an upload, once it is sent: it
 * may check, move or copy the whole blob first (minutes for gigabytes on object storage), so five
 * minutes and a second more per 10 MiB of blob. Bounded all the same: a registry that never answers fails.
 */
function completionWaitMs(size) {
    return 5 * 60_000 + Math.ceil(size / (10 * 1024 * 1024)) * 1000;
}
function withDigest(location, digest) {
    const url = new URL(location);
    url.searchParams.set('digest', digest);
    return url.toString();
}
/** The registry's digest of what it stored must be the blob's. */
function checkStored(upload, session, reply) {
    session.completed = true;
    const stored = headerOf(reply, 'docker-content-digest');
    if (stored && stored !== upload.descriptor.digest) {
        throw new errors/* UserError */.y(upload.subject, `the registry stored the blob as ${stored}`, 'the registry or a proxy in between alters content; check it');
    }
}

;// CONCATENATED MODULE: ./lib/registry/upload-chunked.js





/** The blob in PATCHes of a bounded size, each sent where the previous answer's Location says; then the closing PUT. */
async function chunked(upload, session) {
    const { descriptor, requester, subject } = upload;
    const size = chunkSizeOf(upload, session);
    // Counted below, as the registry takes each chunk, rather than as it is filled (up to a chunk ahead).
    const stream = await openChecked(upload);
    let offset = 0;
    try {
        for await (const chunk of chunksOf(stream.body, size)) {
            const reply = await sendOnce(upload, {
                method: 'PATCH',
                url: session.location,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-range': `${offset}-${offset + chunk.length - 1}`,
                },
                body: chunk,
            });
            if (reply.statusCode === 404 || reply.statusCode === 416) {
                throw new SessionLost(`HTTP ${reply.statusCode} for the chunk at ${offset}`);
            }
            if (reply.statusCode !== 202)
                throw requester.refusal(reply, subject, 'uploading a chunk of the blob');
            session.location = new URL(headerOf(reply, 'location') ?? session.location, reply.url).toString();
            offset += chunk.length;
            upload.progress.advance(chunk.length);
        }
    }
    catch (error) {
        throw stream.failure() ?? error;
    }
    finally {
        stream.close();
    }
    const reply = await sendOnce(upload, {
        method: 'PUT',
        url: withDigest(session.location, descriptor.digest),
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.alloc(0),
        answerWithinMs: completionWaitMs(descriptor.size),
    });
    if (reply.statusCode === 404)
        throw new SessionLost('HTTP 404 for the closing PUT');
    if (reply.statusCode !== 201)
        throw requester.refusal(reply, subject, 'completing the upload of the blob');
    checkStored(upload, session, reply);
}
/** The most a chunk may hold: each is a buffer in memory, whatever the registry asks for. */
const MAX_CHUNK_BYTES = 256 * 1024 * 1024;
/**
 * Bytes per PATCH: ours, or the registry's `OCI-Chunk-Min-Length` if larger, but never more than the
 * blob (its last chunk may be shorter), and refused above MAX_CHUNK_BYTES rather than allocated.
 */
function chunkSizeOf(upload, session) {
    const wanted = Math.max(session.minChunk ?? 0, upload.chunkSize);
    const size = Math.max(1, Math.min(wanted, upload.descriptor.size));
    if (size > MAX_CHUNK_BYTES) {
        throw new errors/* UserError */.y(upload.subject, `the registry asks for chunks of at least ${wanted} bytes (OCI-Chunk-Min-Length), more than the ${MAX_CHUNK_BYTES} this client holds in memory`, 'configure the registry for smaller chunks (or to take a blob in one PUT)');
    }
    return size;
}

;// CONCATENATED MODULE: ./lib/registry/upload-monolithic.js


/** The whole blob in one PUT. False when the registry refused it in a way that chunks may get around. */
async function monolithic(upload, session) {
    const { descriptor, requester, subject } = upload;
    const stream = await openChecked(upload, upload.progress);
    let reply;
    try {
        reply = await requester.send({
            method: 'PUT',
            url: withDigest(session.location, descriptor.digest),
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(descriptor.size) },
            body: stream.body,
            answerWithinMs: completionWaitMs(descriptor.size),
        }, upload.scopes);
    }
    catch (error) {
        throw stream.failure() ?? error;
    }
    finally {
        stream.close();
    }
    const failure = stream.failure();
    if (failure)
        throw failure;
    if (reply.statusCode === 201) {
        checkStored(upload, session, reply);
        return true;
    }
    // A token that expired while the bytes went up, or a session the registry dropped.
    if (reply.statusCode === 401 || reply.statusCode === 404)
        throw new SessionLost(`HTTP ${reply.statusCode} while uploading`);
    if (isRetryableStatus(reply.statusCode))
        throw new RetryableReply(reply);
    if (reply.statusCode === 403)
        throw requester.refusal(reply, subject, 'uploading the blob');
    const refused = requester.refusal(reply, subject, 'the upload in one piece');
    requester.logger.info(`${refused.message}; uploading it in chunks`);
    return false;
}

;// CONCATENATED MODULE: ./lib/registry/upload.js










/**
 * Uploads a blob the registry does not have: a session (POST), then the bytes in one streamed PUT
 * with their Content-Length — or in chunks (PATCH) when the registry asks for them with
 * `OCI-Chunk-Min-Length` or refuses the single PUT. The digest is computed while streaming; a wrong
 * blob fails before the upload is completed. A failed attempt starts over with a new session and
 * `open()`s the blob again; when the upload fails for good, its sessions are cancelled. A blob over
 * 64 MiB logs its progress (see startProgress), from zero again on each attempt; `now` is its clock.
 */
async function uploadBlob(requester, repository, descriptor, open, chunkSize, now) {
    const subject = referenceName(repository, descriptor.digest);
    const label = `${repository.display}: ${(0,oci_digest/* shortDigest */.VK)(descriptor.digest)}`;
    const upload = {
        requester,
        repository,
        descriptor,
        open,
        subject,
        scopes: [pushScope(repository.name)],
        chunkSize,
        sessions: [],
        progress: (0,progress/* startProgress */.ot)({ logger: requester.logger, now }, label, descriptor.size),
    };
    let lastFailure;
    try {
        await requester.retrying(`uploading ${subject}`, () => attempt(upload).catch((error) => {
            lastFailure = error;
            throw error;
        }));
        upload.progress.finish();
    }
    catch (error) {
        // Unless the registry cannot be reached: each DELETE would only wait out the same timeouts.
        if (networkErrorCode(lastFailure) === undefined)
            await cancelSessions(upload);
        if (error instanceof RetryableReply)
            throw requester.refusal(error.reply, subject, 'uploading the blob');
        if (error instanceof SessionLost) {
            throw new errors/* UserError */.y(subject, `the upload failed: ${error.message}`, 'retry the workflow; if it persists, check the registry');
        }
        throw error;
    }
}
/** One try of the whole upload, in a session of its own. */
async function attempt(upload) {
    const session = await startSession(upload);
    if (session.minChunk !== undefined)
        return chunked(upload, session);
    if (await monolithic(upload, session))
        return;
    await chunked(upload, await startSession(upload));
}

;// CONCATENATED MODULE: ./lib/registry/client.js









const MIB = 1024 * 1024;
/**
 * A client of one registry's OCI distribution API: tags, manifests and blobs, with the authentication
 * the registry asks for (anonymous, Basic, Bearer tokens), our retry policy, and digests checked on
 * everything that moves.
 */
class RegistryClient {
    registry;
    base;
    requester;
    uploads;
    pageSize;
    chunkSize;
    now;
    /** Per repository, the last tag list read in full: what `listedTags` answers from. */
    tagLists = new Map();
    /** Per repository, the listing on its way now, if any. */
    listings = new Map();
    constructor(registry, credentials, options = {}) {
        this.registry = registry;
        this.base = (0,endpoint/* registryEndpoint */.Fh)(registry, options.insecure);
        this.pageSize = options.pageSize ?? 1000;
        this.chunkSize = options.chunkSize ?? 8 * MIB;
        this.now = options.now;
        this.uploads = new limiter/* Limiter */.j(options.uploadConcurrency ?? 16);
        this.requester = clientRequester(registry, this.base, credentials, options);
    }
    /** Proves the credentials work (GET /v2/ and, for token registries, a token) without changing anything. */
    async checkAccess() {
        const reply = await this.requester.request({ method: 'GET', url: `${this.base}/v2/` }, []);
        if (reply.statusCode !== 200)
            throw this.requester.refusal(reply, this.registry, 'logging in');
    }
    /** Proves the credentials may push to `repository` (see push-check.ts); publishes nothing. */
    checkPush(repository) {
        return checkPush(this.requester, this.at(repository));
    }
    /** Every tag of a repository (following pagination); [] when the repository does not exist. */
    listTags(repository) {
        // A listing already on its way answers as well as a new one would: parts of a run that read the
        // same repository at once (the latest decision, the copy's before-read) share one request.
        const pending = this.listings.get(repository);
        if (pending !== undefined)
            return pending.then((tags) => [...tags]);
        const listed = listTags(this.requester, this.at(repository), this.pageSize);
        this.tagLists.set(repository, listed);
        this.listings.set(repository, listed);
        const settled = () => {
            if (this.listings.get(repository) === listed)
                this.listings.delete(repository);
        };
        listed.then(settled, () => {
            settled();
            // A failed listing is the caller's error; `listedTags` must not answer from it.
            if (this.tagLists.get(repository) === listed)
                this.tagLists.delete(repository);
        });
        return listed.then((tags) => [...tags]);
    }
    /**
     * The tags of a repository as this client last listed them (e.g. for `latest: auto`), listed now if
     * it never did: one request for any number of tags. A snapshot, so tags written since may be missing.
     * Undefined when the registry will not list them (some grant push but not listing).
     */
    async listedTags(repository) {
        try {
            return new Set(await (this.tagLists.get(repository) ?? this.listTags(repository)));
        }
        catch {
            return undefined;
        }
    }
    /** Lists the repository's tags now, for `listedTags` to answer from later (see RegistryReader). */
    async readTagsAhead(repository) {
        await this.listedTags(repository);
    }
    /** The digest a tag (or digest) points at, by HEAD; undefined when it does not exist. */
    manifestDigest(repository, reference) {
        return manifestDigest(this.requester, this.at(repository), reference);
    }
    /** A manifest of any of the four types, its digest checked; undefined when it does not exist. */
    getManifest(repository, reference) {
        return getManifest(this.requester, this.at(repository), reference);
    }
    /** Stores a manifest's exact bytes under a tag or digest; returns its digest, as the registry confirmed it. */
    putManifest(repository, reference, content) {
        return putManifest(this.requester, this.at(repository), reference, content);
    }
    /** putManifest, telling also whether the registry indexed the manifest's `subject` (see StoredManifest). */
    storeManifest(repository, reference, content) {
        return storeManifest(this.requester, this.at(repository), reference, content);
    }
    /** True when the repository holds the blob (HEAD). */
    hasBlob(repository, digest) {
        return hasBlob(this.requester, this.at(repository), digest);
    }
    /** Links a blob from another repository of this registry, no bytes sent; false when the registry would not. */
    mountBlob(repository, digest, fromRepository) {
        return mountBlob(this.requester, this.at(repository), digest, this.at(fromRepository));
    }
    /**
     * Uploads a blob from `open()` (called again when an attempt starts over), each chunk sent before
     * the next is read (see BlobReader); at most `uploadConcurrency` at once. A blob over 64 MiB logs its
     * progress through the client's logger.
     */
    uploadBlob(repository, descriptor, open) {
        return this.uploads.run(() => uploadBlob(this.requester, this.at(repository), descriptor, open, this.chunkSize, this.now));
    }
    /** Streams a blob; the stream fails at its end if the content does not have the digest. */
    openBlob(repository, digest) {
        return openBlob(this.requester, this.at(repository), digest);
    }
    at(repository) {
        return repositoryAt(this.registry, this.base, repository);
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./lib/image-drivers/layout-reader.js




const REF_NAME = 'org.opencontainers.image.ref.name';
/** Reads tags from an OCI layout target (`<repository>:<tag>` entries of its index.json), for `latest: auto`. */
class LayoutReader {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    async checkAccess() { }
    async checkPush() { }
    async listTags(repository) {
        const prefix = `${repository}:`;
        return (await this.entries()).flatMap(([name]) => name.startsWith(prefix) ? [name.slice(prefix.length)] : []);
    }
    async manifestDigest(repository, tag) {
        return (await this.entries()).find(([name]) => name === `${repository}:${tag}`)?.[1];
    }
    /** [ref name, digest] of every named entry; none when the layout does not exist yet. */
    async entries() {
        let text;
        try {
            text = await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, 'index.json'), 'utf8');
        }
        catch (error) {
            if ((0,errno/* isNotFound */.c4)(error))
                return [];
            if ((0,errno/* hasErrnoCode */.qk)(error, 'ENOTDIR') || (0,errno/* hasErrnoCode */.qk)(error, 'EISDIR')) {
                throw this.refused('is not an OCI image layout (a file stands where the directory or its index.json should be)');
            }
            throw error;
        }
        let index;
        try {
            index = JSON.parse(text);
        }
        catch {
            throw this.refused('has an index.json that is not JSON');
        }
        if (typeof index !== 'object' ||
            index === null ||
            (index.manifests !== undefined && !Array.isArray(index.manifests))) {
            throw this.refused('has an index.json that is not an OCI image index');
        }
        return (index.manifests ?? []).flatMap((entry) => {
            const name = entry.annotations?.[REF_NAME];
            return name ? [[name, entry.digest]] : [];
        });
    }
    /** The layout the action would write into is damaged: the user repairs or replaces it. */
    refused(problem) {
        return new errors/* UserError */.y(`registry: oci-layout:${this.dir}`, problem, 'repair the layout, or point registry at a new directory (the action creates the layout)');
    }
}

;// CONCATENATED MODULE: ./lib/action/image-wiring.js





/**
 * The image side of a run: the driver the configuration names, the reader of the target's tags, the
 * readers of mirrors. Loaded only by runs that publish images; each driver's own code only when chosen.
 */
async function imagePortsFor(config, logger, mask, workspace, 
/** The run's keyless signer (one certificate for image signatures and provenance), when it has one. */
keyless) {
    const clients = new Map();
    const target = config.registry;
    const isTarget = (registry) => target.kind === 'registry' && registry === target.host;
    const clientFor = (registry) => {
        let client = clients.get(registry);
        if (!client) {
            // The main registry uses the inputs' credentials; mirrors and sources elsewhere, what docker login stored.
            const credentials = isTarget(registry) ? config.credentials : dockerConfigCredentials(registry);
            if (credentials) {
                mask(credentials.password);
                mask((0,basic_auth/* basicAuthValue */.y)(credentials.username, credentials.password));
            }
            const loginHint = isTarget(registry)
                ? undefined
                : `log in to ${registry} before this step (docker login, or a login action): its credentials come from the docker client configuration`;
            // registry-insecure is about the target the user named: mirrors and sources elsewhere keep https.
            const insecure = isTarget(registry) && config.insecure;
            client = new RegistryClient(registry, credentials, { logger, insecure, loginHint });
            clients.set(registry, client);
        }
        return client;
    };
    const driver = config.imageDriver === 'registry'
        ? new (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(137)]).then(__webpack_require__.bind(__webpack_require__, 36137))).RegistryDriver(logger, clientFor, workspace)
        : new (await __webpack_require__.e(/* import() */ 10).then(__webpack_require__.bind(__webpack_require__, 79010))).DockerDriver(logger);
    const stores = (await __webpack_require__.e(/* import() */ 720).then(__webpack_require__.bind(__webpack_require__, 89720))).signatureStores(clientFor);
    const signing = config.imageSigning.kind === 'none'
        ? undefined
        : await imageSigningFor(config.imageSigning, stores, keyless);
    return {
        driver,
        signatureStores: stores,
        ...(signing ? { signing } : {}),
        registry: target.kind === 'oci-layout' ? new LayoutReader(target.dir) : clientFor(target.host),
        mirror: (registry) => ({
            checkAccess: async () => {
                // A registry answers GET /v2/ with an anonymous token, so a missing login would only show at the
                // first push, after the main registry got its tags: refuse it now.
                if (!dockerConfigCredentials(registry)) {
                    throw new errors/* UserError */.y('mirror-registries', `the docker client configuration holds no login for ${registry}`, `log in to ${registry} before this step (docker login, or a login action)`);
                }
                await clientFor(registry).checkAccess();
            },
            listTags: (repository) => clientFor(registry).listTags(repository),
            manifestDigest: (repository, tag) => clientFor(registry).manifestDigest(repository, tag),
        }),
    };
}
/**
 * The image signer the configuration names; the cosign key is decrypted here, at start-up, so a wrong
 * password fails before anything is pushed. Its code (and @sigstore/sign's) is loaded only by runs that sign.
 */
async function imageSigningFor(signing, stores, keyless) {
    const { imageSigning } = await __webpack_require__.e(/* import() */ 766).then(__webpack_require__.bind(__webpack_require__, 24766));
    if (signing.kind === 'keyless') {
        if (!keyless)
            throw new Error('keyless image signing needs the keyless signer');
        return imageSigning(await keyless(), stores);
    }
    const [{ readCosignKey }, { keyPayloadSigner }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(668), __webpack_require__.e(825)]).then(__webpack_require__.bind(__webpack_require__, 94825)),
        Promise.all(/* import() */[__webpack_require__.e(179), __webpack_require__.e(354)]).then(__webpack_require__.bind(__webpack_require__, 7354)),
    ]);
    return imageSigning(keyPayloadSigner(readCosignKey(signing.key, signing.password), signing.rekorUrl), stores);
}


/***/ }),

/***/ 117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ DigestCheck),
/* harmony export */   S$: () => (/* binding */ ContentCheck),
/* harmony export */   mM: () => (/* binding */ checkedChunks)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9501);



/**
 * Checks a blob's bytes against what it must be while they pass: `update` with each chunk (it throws
 * as soon as they run past the size), `verify` once they are all there. Its errors come from
 * `mismatch` and stay in `failure`, to tell a wrong blob from a failure of the transfer that moved it.
 */
class ContentCheck {
    expected;
    mismatch;
    hash;
    bytes = 0;
    verified = false;
    failure;
    constructor(expected, mismatch) {
        this.expected = expected;
        this.mismatch = mismatch;
        const algorithm = (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .algorithmOf */ .Hy)(expected.digest);
        if (!algorithm)
            throw mismatch(`cannot check the digest ${expected.digest} (sha256 and sha512 only)`);
        this.hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
    }
    /** True when the size is known: the check can tell the last chunk when it comes. */
    get sized() {
        return this.expected.size !== undefined;
    }
    /** True when the size is known and every byte of it is in: the digest can be checked now. */
    get complete() {
        return this.expected.size !== undefined && this.bytes === this.expected.size;
    }
    update(chunk) {
        this.bytes += chunk.length;
        const { size } = this.expected;
        if (size !== undefined && this.bytes > size)
            throw this.fail(`the content is longer than its ${size} bytes`);
        this.hash.update(chunk);
    }
    /** Throws unless the bytes so far are the whole content; the first call decides, later ones repeat it. */
    verify() {
        if (this.failure)
            throw this.failure;
        if (this.verified)
            return;
        const { size, digest } = this.expected;
        if (size !== undefined && this.bytes !== size) {
            throw this.fail(`the content has ${this.bytes} bytes, not ${size}`);
        }
        const actual = `${digest.slice(0, digest.indexOf(':'))}:${this.hash.digest('hex')}`;
        if (actual !== digest)
            throw this.fail(`the content has digest ${actual}`);
        this.verified = true;
    }
    fail(problem) {
        this.failure = this.mismatch(problem);
        return this.failure;
    }
}
/**
 * `chunks` through `check`, the last of them let out only once the content checked out: a reader
 * that counts on the whole content (an upload with its Content-Length, the closing PUT of a chunked
 * upload) never gets a wrong blob complete. With the size known the check is made when the last byte
 * is in and nothing is held back, so the chunks may share one buffer; without it each chunk waits for
 * the next (they must not share one).
 */
async function* checkedChunks(chunks, check) {
    let held;
    for await (const chunk of chunks) {
        check.update(chunk);
        if (check.complete)
            check.verify();
        if (check.sized) {
            yield chunk;
            continue;
        }
        if (held)
            yield held;
        held = chunk;
    }
    check.verify();
    if (held)
        yield held;
}
/** `checkedChunks` as a stream, for a reader that wants one (a blob read from a registry). */
class DigestCheck extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    check;
    held;
    constructor(check) {
        super();
        this.check = check;
    }
    get failure() {
        return this.check.failure;
    }
    _transform(chunk, _encoding, done) {
        try {
            this.check.update(chunk);
        }
        catch (error) {
            return done(error);
        }
        const previous = this.held;
        this.held = chunk;
        done(null, previous);
    }
    _flush(done) {
        try {
            this.check.verify();
        }
        catch (error) {
            return done(error);
        }
        done(null, this.held);
    }
}


/***/ }),

/***/ 50261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ INDEX_TYPES),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   eG: () => (/* binding */ IMAGE_TYPES),
/* harmony export */   mI: () => (/* binding */ MediaTypes)
/* harmony export */ });
/** The manifest and blob media types the registry driver reads and writes. */
const MediaTypes = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    ociLayer: 'application/vnd.oci.image.layer.v1.tar',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};
/** Manifests that list other manifests (multi-arch). */
const INDEX_TYPES = [MediaTypes.ociIndex, MediaTypes.dockerManifestList];
/** Manifests of one image (config + layers). */
const IMAGE_TYPES = [MediaTypes.ociManifest, MediaTypes.dockerManifest];
/** Every manifest type, as an Accept header value. */
const MANIFEST_ACCEPT = [...INDEX_TYPES, ...IMAGE_TYPES].join(', ');


/***/ }),

/***/ 90676:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
/** Runs at most `limit` tasks at a time; the others wait their turn, in order. */
class Limiter {
    limit;
    running = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`concurrency limit ${limit} is not a positive integer`);
    }
    async run(task) {
        if (this.running >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        else
            this.running++;
        try {
            return await task();
        }
        finally {
            // Hand the slot straight to the next task (running stays the same), or free it.
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.running--;
        }
    }
}


/***/ })

};
