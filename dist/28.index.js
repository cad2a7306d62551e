export const id = 28;
export const ids = [28];
export const modules = {

/***/ 33028:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HttpStore: () => (/* binding */ HttpStore)
});

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./node_modules/got/dist/source/index.js + 41 modules
var source = __webpack_require__(98492);
// EXTERNAL MODULE: ./node_modules/got/dist/source/core/errors.js
var core_errors = __webpack_require__(3431);
// EXTERNAL MODULE: ./lib/util/retry.js
var util_retry = __webpack_require__(89294);
;// CONCATENATED MODULE: ./lib/stores/http-errors.js

/** The request as a message may show it: the method and the URL, which never holds a secret. */
function requestLabel(method, url) {
    return `${method} ${url}`;
}
/**
 * The error of an answer that is not what the store expected, as the user can act on it: 401 and 403
 * name the credential inputs; an answer still failing after the retries names the URL and how often.
 * The server's own words are not quoted: a misconfigured proxy may echo request headers back.
 */
function answerError(status, method, url, place, attempts, location) {
    const request = requestLabel(method, url);
    if (status === 401) {
        return place.hasCredentials
            ? new errors/* UserError */.y('package-host', `${place.baseUrl} refused the credentials (401 on ${request})`, `check ${place.credentialInputs}: the right ones for this server, not expired`)
            : new errors/* UserError */.y('package-host', `${place.baseUrl} asks for credentials (401 on ${request})`, `set ${place.credentialInputs} from secrets`);
    }
    if (status === 403) {
        return new errors/* UserError */.y('package-host', `${place.baseUrl} denied ${request} (403)`, `let the account of ${place.credentialInputs} read and deploy under ${place.baseUrl}, or check that they are that account's`);
    }
    if (status >= 300 && status < 400) {
        return new errors/* UserError */.y('package-host', `${request} was redirected (${status}${location === undefined ? '' : ` to ${shown(location, url)}`}); credentials are never sent after a redirect`, 'set package-host to the URL the server redirects to');
    }
    if (status === 405 || status === 501) {
        return new errors/* UserError */.y('package-host', `${place.baseUrl} does not take ${method} (${status} on ${url})`, 'point package-host at a location that accepts uploads (WebDAV PUT, an Artifactory or Nexus raw repository)');
    }
    const times = attempts > 1 ? `, ${attempts} times` : '';
    return new errors/* UserError */.y('package-host', `${request} failed: the server answered ${status}${times}`, status >= 500 ? 'check the server is healthy, then run again' : 'check package-host and the server');
}
/** A request that got no answer at all (refused, reset, timed out), after its retries. */
function unansweredError(method, url, code, attempts) {
    const times = attempts > 1 ? ` (${attempts} attempts)` : '';
    return new errors/* UserError */.y('package-host', `${requestLabel(method, url)} got no answer: ${code}${times}`, 'check package-host (scheme, host, port, certificate) and that the runner can reach it, then run again');
}
/** A redirect's target as a message may show it: origin and path only, resolved against the request. */
function shown(location, url) {
    try {
        const target = new URL(location, url);
        return `${target.origin}${target.pathname}`;
    }
    catch {
        return 'an unreadable location';
    }
}

// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
;// CONCATENATED MODULE: ./lib/stores/http-client.js





/** About 8 s of retries at most (plus what a `Retry-After` asks): a short outage, not a dead server. */
const DEFAULT_HTTP_RETRY = { limit: 4, baseMs: 250, maxMs: 4_000 };
/** Answers worth asking again: the server or a gateway in front of it is busy or briefly broken. */
const RETRIED_STATUSES = [408, 429, 500, 502, 503, 504, 521, 522, 524];
/**
 * WebDAV's listing method: got's type names only the methods of RFC 9110, but sends any name as given
 * (Node's HTTP client knows PROPFIND).
 */
const PROPFIND = 'PROPFIND';
/**
 * The store's HTTP exchanges, through got: the credentials on every request (the server's own host
 * only: redirects are not followed, so no Authorization ever goes elsewhere or over a downgraded
 * scheme), got's retries with jittered backoff for 5xx answers and broken connections, and answers
 * as they are for the store to read (404 is not an error to it).
 */
class HttpClient {
    place;
    retry;
    got;
    constructor(place, authorization, retry = DEFAULT_HTTP_RETRY) {
        this.place = place;
        this.retry = retry;
        this.got = source/* default */.Ay.extend({
            headers: {
                'user-agent': 'falco-release-publisher',
                ...(authorization === undefined ? {} : { authorization }),
            },
            followRedirect: false,
            throwHttpErrors: false,
            responseType: 'buffer',
            // Idle limits, not a total: a large package may take long to send, but a silent server is dead.
            timeout: { connect: 30_000, socket: 300_000, response: 300_000 },
            retry: {
                limit: retry.limit,
                methods: ['GET', 'HEAD', 'PUT', 'DELETE', PROPFIND],
                statusCodes: [...RETRIED_STATUSES],
                calculateDelay: ({ attemptCount, computedValue, retryAfter }) => {
                    if (computedValue === 0)
                        return 0;
                    if (retryAfter !== undefined)
                        return Math.min(retryAfter, util_retry/* MAX_RETRY_AFTER_MS */.yL);
                    return 1 + (0,util_retry/* backoffDelay */.EY)(attemptCount, retry.baseMs, retry.maxMs);
                },
            },
        });
    }
    /** Sends a request and returns the answer, whatever its status, once retries are over. */
    async send(request) {
        const { body } = request;
        try {
            return await this.got(request.url, {
                method: request.method,
                responseType: 'buffer',
                headers: { ...request.headers },
                body: typeof body === 'function' ? body() : body,
                ...(request.once === true ? { retry: { limit: 0 } } : {}),
                hooks: {
                    // A streamed body was used up by the failed attempt: the retry gets the file opened again.
                    beforeRetry: typeof body === 'function'
                        ? [
                            (error) => {
                                error.options.body = body();
                            },
                        ]
                        : [],
                },
            });
        }
        catch (error) {
            throw this.unanswered(error, request);
        }
    }
    /**
     * Opens a GET's body as a stream: 200 gives the stream, 404 undefined, anything else an error.
     * Retried as `send` is, until the answer's headers are in (nothing of the body is read before).
     */
    async open(url) {
        return (0,util_retry/* retryAndBackoff */.UE)(async () => {
            const stream = this.got.stream(url, { retry: { limit: 0 } });
            const response = await new Promise((resolve, reject) => {
                stream.once('response', resolve);
                stream.once('error', reject);
            }).catch((error) => {
                throw this.unanswered(error, { method: 'GET', url });
            });
            if (response.statusCode === 200)
                return stream;
            stream.destroy();
            if (response.statusCode === 404 || response.statusCode === 410)
                return undefined;
            throw new RetriableAnswer(response.statusCode, response.headers.location);
        }, (error) => error instanceof RetriableAnswer && RETRIED_STATUSES.includes(error.status), { retries: this.retry.limit, baseMs: this.retry.baseMs, maxMs: this.retry.maxMs, sleep: util_retry/* realSleep */.uk }).catch((error) => {
            if (!(error instanceof RetriableAnswer))
                throw error;
            throw answerError(error.status, 'GET', url, this.place, 1, error.location);
        });
    }
    /** The error of an answer the store cannot use, counting the attempts got made. */
    answerError(response, method, url) {
        return answerError(response.statusCode, method, url, this.place, response.retryCount + 1, response.headers.location);
    }
    /**
     * A request without an answer. A file that changed while it was sent is the user's to fix, as it
     * said; a conditional write may or may not have landed; anything else names the URL and the cause.
     */
    unanswered(error, request) {
        if (error instanceof core_errors/* RequestError */.GI && error.cause instanceof errors/* UserError */.y)
            return error.cause;
        if (error instanceof errors/* UserError */.y)
            return error;
        const code = error instanceof core_errors/* RequestError */.GI ? error.code : error instanceof Error ? error.message : '';
        if (request.once === true) {
            return new object_store/* WriteOutcomeUnknown */.cE(`${request.method} ${request.url} got no answer (${code})`);
        }
        const attempts = error instanceof core_errors/* RequestError */.GI ? (error.request?.retryCount ?? 0) + 1 : 1;
        return unansweredError(request.method, request.url, code, attempts);
    }
}
/** An answer `open` may ask again for (a 5xx), or must report. */
class RetriableAnswer extends Error {
    status;
    location;
    constructor(status, location) {
        super(`answered ${status}`);
        this.status = status;
        this.location = location;
    }
}

;// CONCATENATED MODULE: ./lib/stores/autoindex-listing.js
/**
 * Reads nginx's JSON folder listing: an array of `{ "name", "type": "file" | "directory", "mtime",
 * "size" }`. Undefined when the text is not one (an HTML listing, an error page), for the caller to
 * say the server offers no listing it can read.
 */
function parseAutoindex(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(parsed))
        return undefined;
    const entries = [];
    for (const item of parsed) {
        if (typeof item !== 'object' || item === null)
            return undefined;
        const { name, type, mtime } = item;
        if (typeof name !== 'string' || typeof type !== 'string')
            return undefined;
        const time = typeof mtime === 'string' ? Date.parse(mtime) : NaN;
        entries.push({
            name,
            directory: type === 'directory',
            lastModified: Number.isNaN(time) ? undefined : new Date(time),
        });
    }
    return entries;
}

;// CONCATENATED MODULE: ./lib/stores/webdav-multistatus.js
/** A namespace prefix, whatever the server chose (`D:`, `d:`, `lp1:`) or none with a default namespace. */
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
/** The text of each `<name>…</name>` in `xml`, by local name. */
function texts(xml, name) {
    const pattern = new RegExp(`<${PREFIX}${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${PREFIX}${name}\\s*>`, 'g');
    return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}
/** The five predefined entities and character references; hrefs and dates need no more. */
function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity) => {
        const lower = entity.toLowerCase();
        if (lower.startsWith('#x'))
            return String.fromCodePoint(parseInt(lower.slice(2), 16));
        if (lower.startsWith('#'))
            return String.fromCodePoint(parseInt(lower.slice(1), 10));
        return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
    });
}
/**
 * The resources of a multistatus answer: each `response`'s href, whether its `resourcetype` holds a
 * `collection`, and its `getlastmodified`. Elements are matched by local name, as the DAV: namespace's
 * prefix is the server's choice; nothing else of the XML is needed, so no general parser is.
 */
function parseMultistatus(xml) {
    return texts(xml, 'response').flatMap((response) => {
        const href = texts(response, 'href')[0];
        if (href === undefined)
            return [];
        const types = texts(response, 'resourcetype').join('');
        const collection = new RegExp(`<${PREFIX}collection[\\s/>]`).test(types) ||
            // A server that leaves out resourcetype still ends a folder's href with a slash.
            (types === '' && href.trim().endsWith('/'));
        const modified = texts(response, 'getlastmodified')[0];
        const time = modified === undefined ? NaN : Date.parse(decodeEntities(modified).trim());
        return [
            {
                href: decodeEntities(href.trim()),
                collection,
                lastModified: Number.isNaN(time) ? undefined : new Date(time),
            },
        ];
    });
}

;// CONCATENATED MODULE: ./lib/stores/http-listing.js




/** What PROPFIND asks for: only the two properties a listing needs, not every property of every file. */
const PROPFIND_BODY = '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getlastmodified/></D:prop></D:propfind>\n';
/** A file whose server gives no modification time counts as written now: grace periods then keep it. */
const UNKNOWN_TIME = () => new Date();
/**
 * Lists folders of an HTTP store, one level per request, walking down as far as a prefix needs.
 *
 * WebDAV `PROPFIND` with `Depth: 1` first: the standard way, which Artifactory, Apache's mod_dav and
 * nginx with its dav-ext module answer (`Depth: infinity` is refused by most servers, so each folder
 * is asked for on its own). A server that refuses the method (405, 501: nginx's own dav module has
 * PUT and DELETE but no PROPFIND) is asked for nginx's `autoindex_format json` listing instead, a GET
 * of the folder; which one works is learnt once per run. Nexus's raw repositories offer neither (only
 * an HTML browse page), so index keeping is refused there with what the server would need.
 */
class FolderLister {
    client;
    baseUrl;
    urlOf;
    mode = 'propfind';
    constructor(client, baseUrl, urlOf) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.urlOf = urlOf;
    }
    /** Every file under `prefix` (keys relative to the base), sorted by key; dot names are the store's own. */
    async entries(prefix) {
        const found = [];
        const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
        const walk = async (folder) => {
            for (const child of await this.children(folder)) {
                if (child.name.startsWith('.'))
                    continue;
                const key = folder === '' ? child.name : `${folder}/${child.name}`;
                if (!key.startsWith(prefix) && !prefix.startsWith(`${key}/`))
                    continue;
                if (child.folder)
                    await walk(key);
                else if (key.startsWith(prefix))
                    found.push({ key, lastModified: child.lastModified ?? UNKNOWN_TIME() });
            }
        };
        await walk(start);
        return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    /** The children of a folder (`''` is the base); none when it does not exist. */
    async children(folder) {
        const url = folder === '' ? this.baseUrl : `${this.urlOf(folder)}/`;
        if (this.mode === 'propfind') {
            const answer = await this.client.send({
                method: PROPFIND,
                url,
                headers: { depth: '1', 'content-type': 'application/xml; charset=utf-8' },
                body: Buffer.from(PROPFIND_BODY),
            });
            if (answer.statusCode === 207)
                return childrenOf(answer.body.toString('utf8'), url);
            if (answer.statusCode === 404)
                return [];
            if (![400, 405, 501].includes(answer.statusCode))
                throw this.client.answerError(answer, PROPFIND, url);
            this.mode = 'autoindex';
        }
        const answer = await this.client.send({ method: 'GET', url, headers: { accept: 'application/json' } });
        if (answer.statusCode === 404)
            return [];
        const listed = answer.statusCode === 200 ? parseAutoindex(answer.body.toString('utf8')) : undefined;
        if (listed !== undefined) {
            return listed.map((entry) => ({
                name: entry.name,
                folder: entry.directory,
                lastModified: entry.lastModified,
            }));
        }
        if (answer.statusCode !== 200 && answer.statusCode !== 403) {
            throw this.client.answerError(answer, 'GET', url);
        }
        throw new errors/* UserError */.y('package-host', `${this.baseUrl} lists no folders the action can read (PROPFIND refused; GET ${url} answered ${answer.statusCode} without a JSON listing), and keeping APT/YUM indexes needs to list them`, 'enable WebDAV PROPFIND (nginx: the dav-ext module, dav_ext_methods PROPFIND) or nginx `autoindex on; autoindex_format json;` for the package location');
    }
}
/** The direct children of `folderUrl` in a multistatus answer (which also lists the folder itself). */
function childrenOf(xml, folderUrl) {
    // Compared decoded: servers differ in what they percent-encode (`+`, `~`) and in the case of hex digits.
    const folderPath = decodedPath(folderUrl, folderUrl);
    if (folderPath === undefined)
        return [];
    return parseMultistatus(xml).flatMap((resource) => {
        const path = decodedPath(resource.href, folderUrl);
        if (path === undefined || !path.startsWith(folderPath))
            return [];
        const name = path.slice(folderPath.length).replace(/\/$/, '');
        if (name === '' || name.includes('/'))
            return [];
        return [{ name, folder: resource.collection, lastModified: resource.lastModified }];
    });
}
/** The decoded path of an href (absolute, or relative to `base`); undefined when unreadable. */
function decodedPath(href, base) {
    try {
        return new URL(href, base).pathname.split('/').map(decodeURIComponent).join('/');
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/stores/http-reads.js
// An HttpStore's reads: a missing file is undefined, an answer the user can act on a UserError.
const SHA256 = /^[a-f0-9]{64}$/;
/**
 * What the answer's headers say of a file. The ETag is kept exactly as the server wrote it (quotes,
 * `W/`), since an `If-Match` must send it back so; a server without ETags gets a stand-in from
 * Last-Modified and size, which only ever compares with another of its own. Artifactory (and other
 * stores that keep checksums) give the sha256 as `X-Checksum-Sha256`: the `sha256` metadata, so
 * "already published?" needs no download there.
 */
function infoOf(headers, size) {
    const etag = headers.etag ?? `last-modified ${headers['last-modified'] ?? '?'}, ${size} bytes`;
    const checksum = headerValue(headers['x-checksum-sha256'])?.toLowerCase();
    return {
        etag,
        size,
        metadata: checksum !== undefined && SHA256.test(checksum) ? { sha256: checksum } : {},
    };
}
async function headFile(client, url) {
    const answer = await client.send({ method: 'HEAD', url });
    if (answer.statusCode === 404 || answer.statusCode === 410)
        return undefined;
    if (answer.statusCode !== 200)
        throw client.answerError(answer, 'HEAD', url);
    return infoOf(answer.headers, Number(answer.headers['content-length'] ?? 0));
}
async function getFile(client, url) {
    const answer = await client.send({ method: 'GET', url });
    if (answer.statusCode === 404 || answer.statusCode === 410)
        return undefined;
    if (answer.statusCode !== 200)
        throw client.answerError(answer, 'GET', url);
    return { bytes: answer.body, info: infoOf(answer.headers, answer.body.length) };
}
function openFile(client, url) {
    return client.open(url);
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/util/sha256-hex.js
var sha256_hex = __webpack_require__(31385);
// EXTERNAL MODULE: ./lib/util/progress.js
var util_progress = __webpack_require__(46189);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/stores/s3-digest.js
var s3_digest = __webpack_require__(20259);
;// CONCATENATED MODULE: ./lib/stores/http-file-body.js




/** Bytes per read: few steps for a large package, one buffer of this size in flight. */
const READ_BYTES = 1024 * 1024;
/**
 * A local file as a PUT body that checks what it sends against what was planned: its sha256 is
 * computed as the bytes go, and the last chunk is held back until the whole file has been read and
 * found to be the planned size and sha256. A file changed since it was planned therefore never
 * reaches the server whole: the request ends short of its Content-Length, which a server discards,
 * and the error names the file.
 */
function verifiedFileBody(file, sha256, progress) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let held;
    let seen = 0;
    const verifier = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            seen += chunk.length;
            // Longer than planned: stop before the request could have its Content-Length of bytes.
            if (seen > file.size) {
                done((0,s3_digest/* changedSincePlanned */.f)(file.file));
                return;
            }
            const previous = held;
            held = chunk;
            if (previous !== undefined)
                progress.advance(previous.length);
            done(null, previous);
        },
        flush(done) {
            if (seen !== file.size || (sha256 !== undefined && hash.digest('hex') !== sha256)) {
                done((0,s3_digest/* changedSincePlanned */.f)(file.file));
                return;
            }
            if (held !== undefined)
                progress.advance(held.length);
            done(null, held);
        },
    });
    // A read error reaches the request through the verifier, which the request reads.
    return (0,external_node_stream_.pipeline)((0,external_node_fs_.createReadStream)(file.file, { highWaterMark: READ_BYTES }), verifier, () => undefined);
}

;// CONCATENATED MODULE: ./lib/stores/http-writes.js







/** Where the deploy-by-checksum probe writes: a name no publisher uses (dot names are never listed). */
const CHECKSUM_PROBE_KEY = '.falco-publisher/checksum-deploy-probe';
/**
 * Writes a file and returns its ETag. A local file whose sha256 is known goes first as Artifactory's
 * deploy-by-checksum, a PUT without a body: a server that already holds those bytes anywhere links
 * them in place (no upload at all), one that does not answers 404, and the body follows. Every body is
 * sent with its Content-Length and `X-Checksum-Sha256`, which a checksum-keeping server checks.
 */
async function putFile(context, key, body, options) {
    const url = context.urlOf(key);
    const announced = options.metadata?.['sha256'];
    if (Buffer.isBuffer(body))
        (0,s3_digest/* checkBytes */.A)(key, body, announced);
    const sha256 = Buffer.isBuffer(body) ? (0,sha256_hex/* sha256Hex */.f)(body) : announced;
    const conditions = {
        ...(options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch }),
        ...(options.ifNoneMatch === true ? { 'if-none-match': '*' } : {}),
    };
    const once = Object.keys(conditions).length > 0;
    if (!Buffer.isBuffer(body) && sha256 !== undefined && (await context.checksumDeploy())) {
        const answer = await context.client.send({
            method: 'PUT',
            url,
            headers: { ...conditions, 'x-checksum-deploy': 'true', 'x-checksum-sha256': sha256 },
            body: Buffer.alloc(0),
            once,
        });
        if (answer.statusCode !== 404)
            return written(context, answer, url, key, once);
    }
    const size = Buffer.isBuffer(body) ? body.length : body.size;
    const progress = (0,util_progress/* startProgress */.ot)(context.progress, key, size);
    const answer = await context.client.send({
        method: 'PUT',
        url,
        headers: {
            ...conditions,
            'content-type': options.contentType ?? 'application/octet-stream',
            'content-length': String(size),
            ...(sha256 === undefined ? {} : { 'x-checksum-sha256': sha256 }),
        },
        body: Buffer.isBuffer(body)
            ? body
            : () => {
                // Each attempt sends every byte again, and tells so.
                progress.restart();
                return verifiedFileBody(body, sha256, progress);
            },
        once,
    });
    const etag = await written(context, answer, url, key, once);
    progress.finish();
    return etag;
}
/** Deletes a file; one already gone is no failure. */
async function deleteFile(client, url) {
    const answer = await client.send({ method: 'DELETE', url });
    if (answer.statusCode < 300 || answer.statusCode === 404 || answer.statusCode === 410)
        return;
    throw client.answerError(answer, 'DELETE', url);
}
/**
 * Finds out once whether the server deploys by checksum, with a checksum nothing has (a random
 * one) at a probe name: a server that knows the header answers 404 and writes nothing. One that
 * does not know it takes the bodyless PUT as an empty file (nginx: 201), which is deleted again.
 * Asking per file instead would leave such empty files under real package names, which a server
 * that honours If-None-Match would then refuse to replace.
 */
async function probeChecksumDeploy(client, urlOf) {
    const url = urlOf(CHECKSUM_PROBE_KEY);
    const answer = await client.send({
        method: 'PUT',
        url,
        headers: { 'x-checksum-deploy': 'true', 'x-checksum-sha256': (0,sha256_hex/* sha256Hex */.f)((0,external_node_crypto_.randomBytes)(32)) },
        body: Buffer.alloc(0),
    });
    if (answer.statusCode === 404)
        return true;
    if (answer.statusCode < 300) {
        await deleteFile(client, url);
        return false;
    }
    // Credentials, redirects and servers still failing after the retries are the user's to know now.
    if ([401, 403].includes(answer.statusCode) || answer.statusCode >= 500 || answer.statusCode < 400) {
        throw client.answerError(answer, 'PUT', url);
    }
    return false; // 400, 405, 409, 411, 415...: the server refuses the form, so it does not know it.
}
/**
 * The ETag of a write the server took, or the error of one it did not. A lost condition is
 * PreconditionFailed; 501 to a conditional write is ConditionalWritesUnsupported; a 5xx to a
 * conditional write (sent once) may or may not have landed: WriteOutcomeUnknown.
 */
async function written(context, answer, url, key, conditional) {
    const status = answer.statusCode;
    if (status >= 200 && status < 300) {
        const etag = answer.headers.etag;
        if (etag !== undefined)
            return etag;
        // nginx's dav module answers a PUT without an ETag: the file's own answer has it.
        const info = await headFile(context.client, url);
        if (info === undefined)
            throw new object_store/* WriteOutcomeUnknown */.cE(`${key} is missing right after it was written`);
        return info.etag;
    }
    if (status === 412)
        throw new object_store/* PreconditionFailed */.OJ(`${key} changed since it was read (412)`);
    if (conditional && status === 501)
        throw new object_store/* ConditionalWritesUnsupported */.qR(`${url}: 501 to a conditional PUT`);
    if (conditional && status >= 500)
        throw new object_store/* WriteOutcomeUnknown */.cE(`PUT ${url} answered ${status}`);
    throw context.client.answerError(answer, 'PUT', url);
}

;// CONCATENATED MODULE: ./lib/stores/http-store.js





/** Where the listing check writes: a name no publisher uses, in the folder of the other probes. */
const LISTING_PROBE_KEY = '.falco-publisher/listing-probe';
/**
 * Any HTTP server that takes PUT (Artifactory, Nexus raw repositories, a WebDAV server such as nginx)
 * as an object store: a key is a path under the base URL (`deb/stable/x.deb`), read with HEAD and GET,
 * written with PUT, removed with DELETE, listed folder by folder. Conditional writes are sent as
 * `If-Match` / `If-None-Match: *`, for the host to find out whether the server keeps them (most take
 * and ignore them: nginx does).
 */
class HttpStore {
    options;
    description;
    client;
    lister;
    deploysByChecksum;
    constructor(options) {
        this.options = options;
        this.description = options.baseUrl;
        this.client = new HttpClient({
            baseUrl: options.baseUrl,
            credentialInputs: options.credentialInputs,
            hasCredentials: options.authorization !== undefined,
        }, options.authorization, options.retry ?? DEFAULT_HTTP_RETRY);
        this.lister = new FolderLister(this.client, options.baseUrl, (key) => this.urlOf(key));
    }
    /**
     * Whether the server deploys by checksum, asked once per run and remembered: the first write that
     * could use it asks (or the host's check, before anything is published).
     */
    checksumDeploy() {
        this.deploysByChecksum ??= probeChecksumDeploy(this.client, (key) => this.urlOf(key));
        return this.deploysByChecksum;
    }
    /**
     * Writes a probe file, lists its folder and deletes it again: a server whose listing the action cannot
     * read (or that leaves out what it holds) is found out before anything is published. A folder that
     * already exists is needed for this: a missing one answers 404 on any server.
     */
    async checkListing() {
        const [folder = '', name = ''] = LISTING_PROBE_KEY.split('/');
        await this.put(LISTING_PROBE_KEY, Buffer.alloc(0));
        try {
            const listed = await this.lister.children(folder);
            if (!listed.some((child) => child.name === name && !child.folder)) {
                throw new errors/* UserError */.y('package-host', `${this.description} lists folders without the files in them (${LISTING_PROBE_KEY} was written but not listed), and keeping APT/YUM indexes needs to list them`, 'check that the server lists folders with WebDAV PROPFIND or nginx `autoindex_format json`');
            }
        }
        finally {
            await this.delete(LISTING_PROBE_KEY);
        }
    }
    head(key) {
        return headFile(this.client, this.urlOf(key));
    }
    get(key) {
        return getFile(this.client, this.urlOf(key));
    }
    open(key) {
        return openFile(this.client, this.urlOf(key));
    }
    put(key, body, options = {}) {
        return putFile({
            client: this.client,
            urlOf: (path) => this.urlOf(path),
            progress: this.options.progress,
            checksumDeploy: () => this.checksumDeploy(),
        }, key, body, options);
    }
    delete(key) {
        return deleteFile(this.client, this.urlOf(key));
    }
    async list(prefix) {
        return (await this.entries(prefix)).map((entry) => entry.key);
    }
    entries(prefix) {
        return this.lister.entries(prefix);
    }
    /**
     * The URL of a key, each segment percent-encoded: a dev version's `+` goes as `%2B`, which every
     * server decodes to `+` (a raw `+` some read as a space).
     */
    urlOf(key) {
        const segments = key.split('/');
        if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
            throw new Error(`${key} is not a key inside ${this.options.baseUrl}`);
        }
        return this.options.baseUrl + segments.map(encodeURIComponent).join('/');
    }
}


/***/ }),

/***/ 20259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ checkBytes),
/* harmony export */   f: () => (/* binding */ changedSincePlanned)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);


/**
 * The `sha256` metadata of an object is what publishers and `existing` trust without reading it, so
 * it must be the digest of the bytes sent: a file rewritten since the plan hashed it (a build still
 * writing, another step) must not go up under the planned digest.
 */
function changedSincePlanned(file) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(file, 'changed while it was being published (its sha256 is no longer the one planned); nothing was written', 'make sure nothing rewrites the package files while the action runs, then run it again');
}
/** Bytes whose `sha256` metadata is not their digest: a defect of the caller, never the user's. */
function checkBytes(key, bytes, announced) {
    if (announced !== undefined && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') !== announced) {
        throw new Error(`${key}: the sha256 metadata is not the sha256 of the content`);
    }
}


/***/ })

};
