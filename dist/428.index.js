export const id = 428;
export const ids = [428,765];
export const modules = {

/***/ 23765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BintrayApi: () => (/* binding */ BintrayApi),
/* harmony export */   messageOf: () => (/* binding */ messageOf)
/* harmony export */ });
/* harmony import */ var got__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98492);
/* harmony import */ var got__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3431);
/* harmony import */ var _util_basic_auth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23237);
/* harmony import */ var _util_errno_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(85980);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89294);





/** Answers are JSON lists of files and versions; a package's whole file list fits in this many times over. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** "Not now" rather than "no": rate limiting and server failures. */
function retryableStatus(status) {
    return status === 429 || status >= 500;
}
/** A retryable answer, thrown so the retry loop sees it. */
class RetryableAnswer extends Error {
    reply;
    constructor(reply) {
        super(`HTTP ${reply.status}`);
        this.reply = reply;
    }
}
/**
 * Bintray's REST API, with HTTP Basic authentication (user and API key) on every request. 5xx, 429 and
 * broken connections are asked again with exponential backoff (a `Retry-After` is honoured); when
 * they last, one UserError says what was asked and what the server answered. Other answers, refusals
 * included, go back to the caller, who knows what they mean there.
 */
class BintrayApi {
    options;
    url;
    authorization;
    http;
    constructor(options) {
        this.options = options;
        this.url = options.apiUrl;
        this.authorization = `Basic ${(0,_util_basic_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .basicAuthValue */ .y)(options.username, options.apiKey)}`;
        this.http = got__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .Ay.extend({
            throwHttpErrors: false,
            followRedirect: false,
            retry: { limit: 0 },
            headers: { 'user-agent': 'falco-release-publisher' },
            // A large package may take minutes to send: only silence is limited.
            timeout: { lookup: 10_000, connect: 10_000, secureConnect: 10_000, socket: 60_000, response: 120_000 },
        });
    }
    /** `path` is already encoded (see bintray-paths.ts), from the API's root: `/packages/…`. */
    async request(method, path, request = {}) {
        const retries = this.options.retries ?? 4;
        const what = `${method} ${path.replace(/;.*$/, '')}`;
        try {
            return await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAndBackoff */ .UE)(() => this.once(method, path, request), (error) => {
                if (error instanceof RetryableAnswer) {
                    const afterMs = (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(error.reply.retryAfter);
                    return afterMs === undefined ? true : { afterMs };
                }
                const code = networkCode(error);
                return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableNetworkCode */ .EZ)(code);
            }, {
                retries,
                baseMs: this.options.backoffMs ?? 500,
                maxMs: 10_000,
                sleep: this.options.sleep ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realSleep */ .uk,
                onRetry: (error, delayMs, n) => this.options.logger?.warning(`Bintray ${what}: ${describe(error)}; retry ${n} of ${retries} in ${(delayMs / 1000).toFixed(1)} s`),
            });
        }
        catch (error) {
            if (error instanceof RetryableAnswer) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`package-host (${this.url})`, `${what} was answered ${error.reply.status}${messageSuffix(error.reply)} ${retries + 1} times`, 'the server is failing or overloaded: run again later (what is published stays, a re-run skips it)');
            }
            const code = networkCode(error);
            if (code !== undefined) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`package-host (${this.url})`, `${what} failed: ${code}${(0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableNetworkCode */ .EZ)(code) ? ` (${retries + 1} times)` : ''}`, 'check that bintray-api-url is reachable from the runner, then run again');
            }
            throw error;
        }
    }
    async once(method, path, request) {
        const body = request.body?.();
        const call = this.http(`${this.url}${path}`, {
            method,
            headers: { ...request.headers, authorization: this.authorization },
            ...(body === undefined ? {} : { body }),
            responseType: 'buffer',
        });
        let tooLarge = false;
        call.on('downloadProgress', ({ transferred }) => {
            if (tooLarge || transferred <= MAX_ANSWER_BYTES)
                return;
            tooLarge = true;
            call.cancel();
        });
        let response;
        try {
            response = await call;
        }
        catch (error) {
            if (!tooLarge)
                throw error;
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`package-host (${this.url})`, `the answer to ${method} ${path.replace(/;.*$/, '')} is over ${MAX_ANSWER_BYTES} bytes`, 'check that bintray-api-url is a Bintray-compatible API');
        }
        const reply = { status: response.statusCode, body: response.body };
        if (retryableStatus(reply.status)) {
            const header = response.headers['retry-after'];
            throw new RetryableAnswer({ ...reply, retryAfter: Array.isArray(header) ? header[0] : header });
        }
        return reply;
    }
}
/** Bintray's `message` of an answer, if it has one. */
function messageOf(reply) {
    try {
        const parsed = JSON.parse(reply.body.toString('utf8'));
        if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
            const { message } = parsed;
            return typeof message === 'string' ? message.slice(0, 500) : undefined;
        }
    }
    catch {
        // Not JSON: a proxy's page, say nothing of it.
    }
    return undefined;
}
function messageSuffix(reply) {
    const message = messageOf(reply);
    return message === undefined ? '' : ` (${message})`;
}
/** The code of a failure to talk to the server; undefined when a request body (a file) failed instead. */
function networkCode(error) {
    if (error instanceof got__WEBPACK_IMPORTED_MODULE_4__/* .UploadError */ .oW)
        return undefined;
    if (error instanceof got__WEBPACK_IMPORTED_MODULE_4__/* .RequestError */ .GI && error.response === undefined)
        return error.code || error.message;
    const code = (0,_util_errno_js__WEBPACK_IMPORTED_MODULE_5__/* .errnoCode */ .UK)(error);
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableNetworkCode */ .EZ)(code) ? code : undefined;
}
function describe(error) {
    if (error instanceof RetryableAnswer)
        return `HTTP ${error.reply.status}${messageSuffix(error.reply)}`;
    return networkCode(error) ?? String(error);
}


/***/ }),

/***/ 10634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ parseFiles),
/* harmony export */   J: () => (/* binding */ parseVersions)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/**
 * Reads a file list of the API (`…/files`, `…/versions/<v>/files`): a JSON array of objects with at
 * least `path`, `version`, `sha256` and `size`. An entry without them is not a file we can compare.
 */
function parseFiles(reply, url) {
    let parsed;
    try {
        parsed = JSON.parse(reply.body.toString('utf8'));
    }
    catch {
        parsed = undefined;
    }
    if (!Array.isArray(parsed))
        throw unreadable(url, 'a file list that is not a JSON array');
    return parsed.map((entry) => {
        const file = entry;
        const { path, version, sha256, size } = file ?? {};
        if (typeof path !== 'string' ||
            typeof version !== 'string' ||
            typeof sha256 !== 'string' ||
            !/^[a-f0-9]{64}$/i.test(sha256) ||
            typeof size !== 'number') {
            throw unreadable(url, 'a file without path, version, sha256 or size');
        }
        return { path, version, sha256: sha256.toLowerCase(), size };
    });
}
/** Reads Get Package's `versions` (newest first, as Bintray lists them). */
function parseVersions(reply, url) {
    let parsed;
    try {
        parsed = JSON.parse(reply.body.toString('utf8'));
    }
    catch {
        parsed = undefined;
    }
    const versions = parsed?.versions;
    if (!Array.isArray(versions) || !versions.every((version) => typeof version === 'string')) {
        throw unreadable(url, 'a package without a list of versions');
    }
    return versions;
}
function unreadable(url, what) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('package-host', `${url} answered ${what}`, 'check that bintray-api-url is a Bintray-compatible API');
}


/***/ }),

/***/ 3428:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BintrayHost: () => (/* binding */ BintrayHost)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/util/progress.js
var util_progress = __webpack_require__(46189);
// EXTERNAL MODULE: ./lib/hosts/bintray/bintray-files.js
var bintray_files = __webpack_require__(10634);
// EXTERNAL MODULE: ./lib/hosts/bintray/bintray-paths.js
var bintray_paths = __webpack_require__(34693);
// EXTERNAL MODULE: ./lib/hosts/bintray/bintray-refusals.js
var bintray_refusals = __webpack_require__(5456);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./lib/hosts/bintray/bintray-upload-body.js



/**
 * A package file on its way up, streamed: each attempt reads it anew, and its bytes are hashed (and
 * counted for the progress lines) as they go, so what was sent can be compared with what was planned.
 */
class UploadBody {
    file;
    progress;
    hash = (0,external_node_crypto_.createHash)('sha256');
    constructor(file, progress) {
        this.file = file;
        this.progress = progress;
    }
    /** A fresh stream of the file, for one attempt. */
    open() {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        this.hash = hash;
        const progress = this.progress;
        progress.restart();
        const counted = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                hash.update(chunk);
                progress.advance(chunk.length);
                done(null, chunk);
            },
        });
        // A read failure destroys the counted stream with it, which fails the request.
        return (0,external_node_stream_.pipeline)((0,external_node_fs_.createReadStream)(this.file), counted, () => undefined);
    }
    /** The sha256 (hex) of the bytes the last attempt sent. */
    sentSha256() {
        return this.hash.copy().digest('hex');
    }
}

;// CONCATENATED MODULE: ./lib/hosts/bintray/bintray-host.js







/**
 * Packages on Bintray (`package-host: bintray://<subject>`), or a server that speaks its API. Files go
 * into versions of packages (`falco` 0.26.0) in the repositories `deb`, `rpm`, `bin` and their `-dev`
 * twins; the version is made when a run first needs it, and each file is published as it is uploaded.
 * Bintray indexes its APT and YUM repositories itself: this host has no `repositoryStore`, so the plan
 * has no index step (dev retention deletes versions instead, see the action's Bintray retention).
 */
class BintrayHost {
    subject;
    api;
    options;
    description;
    /** Per repository and package: checked once that Bintray has it (it makes no package on upload). */
    packages = new Map();
    /** Per version: its files by path and sha256, as they were before the run. */
    files = new Map();
    /** Per version: made (or found) once. */
    versions = new Map();
    constructor(subject, api, options) {
        this.subject = subject;
        this.api = api;
        this.options = options;
        this.description = `bintray://${subject} (${api.url})`;
    }
    /**
     * The credentials, before anything else: listing the subject's repositories needs the user and API
     * key Bintray accepts, so a wrong key fails here, naming the inputs, with nothing written.
     */
    async check() {
        const path = (0,bintray_paths/* subjectPath */.Ij)(this.subject);
        const reply = await this.api.request('GET', path);
        if (reply.status === 200)
            return;
        throw (0,bintray_refusals/* refusal */.x)(reply, `list the repositories of ${this.subject}`, this.api.url, `check the subject in package-host (bintray://<subject>: the user or organization)`);
    }
    async existing(path) {
        const file = this.options.placement(path);
        await this.packageThere(file);
        const files = await once(this.files, versionKey(file), () => this.readFiles(file));
        return files.get(file.path);
    }
    async put(path, localFile, options) {
        const file = this.options.placement(path);
        await once(this.versions, versionKey(file), () => this.makeVersion(file));
        const { size } = await (0,promises_.stat)(localFile);
        const progress = (0,util_progress/* startProgress */.ot)(this.options.progress, `upload ${path}`, size);
        const body = new UploadBody(localFile, progress);
        const reply = await this.api.request('PUT', (0,bintray_paths/* uploadPath */.zK)(this.subject, file, options.replace), {
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
            body: () => body.open(),
        });
        if (reply.status === 200 || reply.status === 201) {
            progress.finish();
            if (body.sentSha256() === options.sha256)
                return;
            // Published already (publish=1): said plainly, so the next run, which sees other bytes there, is understood.
            throw new errors/* UserError */.y(localFile, `changed while it was being published (its sha256 is no longer the one planned); Bintray now holds the changed bytes at ${where(file)}/${file.path}`, 'make sure nothing rewrites the package files while the action runs, then run again with overwrite: true');
        }
        if (reply.status === 409 && !options.replace) {
            // Published since the plan: by someone else, or by an attempt of ours whose answer was lost (a 5xx).
            const there = (await this.readFiles(file)).get(file.path);
            if (there === options.sha256)
                return;
            throw new errors/* UserError */.y(`packages: ${path}`, 'was published with different content by someone else meanwhile', 'publish a new version, or set overwrite: true');
        }
        throw (0,bintray_refusals/* refusal */.x)(reply, `upload ${where(file)}/${file.path}`, this.api.url);
    }
    /** Bintray answers 404 for a missing repository or package alike; its message says which. */
    packageThere(file) {
        return once(this.packages, `${file.repository}/${file.package}`, async () => {
            const reply = await this.api.request('GET', (0,bintray_paths/* packagePath */.C0)(this.subject, file.repository, file.package));
            if (reply.status === 200)
                return;
            throw (0,bintray_refusals/* refusal */.x)(reply, `find the package ${file.package} in the repository ${file.repository} of ${this.subject}`, this.api.url, `create the repository ${file.repository} and its package ${file.package} first (Bintray makes neither on upload), or check package-host`);
        });
    }
    /** The files of a version (unpublished ones too: a name they hold is taken), by path; none before it exists. */
    async readFiles(file) {
        const path = `${(0,bintray_paths/* versionPath */.qW)(this.subject, file.repository, file.package, file.version)}/files?include_unpublished=1`;
        const reply = await this.api.request('GET', path);
        if (reply.status === 404)
            return new Map();
        if (reply.status !== 200)
            throw (0,bintray_refusals/* refusal */.x)(reply, `list the files of ${where(file)}`, this.api.url);
        return new Map((0,bintray_files/* parseFiles */.B)(reply, this.api.url).map((remote) => [remote.path, remote.sha256]));
    }
    /** HEAD, then POST when it is not there; a 409 means another publisher (or a lost answer) made it. */
    async makeVersion(file) {
        const { subject, api } = this;
        const head = await api.request('HEAD', (0,bintray_paths/* versionPath */.qW)(subject, file.repository, file.package, file.version));
        if (head.status === 200)
            return;
        if (head.status !== 404)
            throw (0,bintray_refusals/* refusal */.x)(head, `look up ${where(file)}`, api.url);
        const body = JSON.stringify({
            name: file.version,
            desc: `${file.package} ${file.version}`,
            vcs_tag: this.options.vcsTag ?? file.version,
            released: this.options.released.toISOString(),
        });
        const made = await api.request('POST', `${(0,bintray_paths/* packagePath */.C0)(subject, file.repository, file.package)}/versions`, {
            headers: { 'content-type': 'application/json' },
            body: () => Buffer.from(body),
        });
        if (made.status === 201 || made.status === 200 || made.status === 409)
            return;
        throw (0,bintray_refusals/* refusal */.x)(made, `create ${where(file)}`, api.url);
    }
}
/** `deb-dev/falco/0.27.0-12+abc1234`: a version as a person reads it. */
function where(file) {
    return `${file.repository}/${file.package}/${file.version}`;
}
function versionKey(file) {
    return `${file.repository}/${file.package}/${file.version}`;
}
/** Runs `make` once per key; a failure is not kept, so a later call asks again. */
function once(cache, key, make) {
    const known = cache.get(key);
    if (known !== undefined)
        return known;
    const made = make();
    cache.set(key, made);
    made.catch(() => cache.delete(key));
    return made;
}


/***/ }),

/***/ 34693:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ packagePath),
/* harmony export */   Ij: () => (/* binding */ subjectPath),
/* harmony export */   qW: () => (/* binding */ versionPath),
/* harmony export */   zK: () => (/* binding */ uploadPath)
/* harmony export */ });
/**
 * The API's paths, each name percent-encoded as one segment: a dev version's `+` is `%2B` (a `+` left
 * as it is may be read as a space), and a `;` in a name could not pass for a matrix parameter.
 */
const segment = (name) => encodeURIComponent(name);
/** `/repos/<subject>`: the subject's repositories. */
function subjectPath(subject) {
    return `/repos/${segment(subject)}`;
}
/** `/packages/<subject>/<repository>/<package>`. */
function packagePath(subject, repository, pkg) {
    return `/packages/${segment(subject)}/${segment(repository)}/${segment(pkg)}`;
}
/** `/packages/<subject>/<repository>/<package>/versions/<version>`. */
function versionPath(subject, repository, pkg, version) {
    return `${packagePath(subject, repository, pkg)}/versions/${segment(version)}`;
}
/**
 * The upload of a file: `/content/<subject>/<repository>/<package>/<version>/<path>` with Bintray's
 * matrix parameters. `publish=1` makes it downloadable at once; `override=1` (only when replacing)
 * lets it take the place of a file already there; a .deb gets the three `deb_*` parameters Bintray
 * requires of it to index it in its APT repository (`stable main`, its architecture).
 */
function uploadPath(subject, file, replace) {
    const folders = file.path.split('/').map(segment).join('/');
    const params = [
        'publish=1',
        ...(replace ? ['override=1'] : []),
        ...(file.debArchitecture === undefined
            ? []
            : ['deb_distribution=stable', 'deb_component=main', `deb_architecture=${file.debArchitecture}`]),
    ];
    return `/content/${segment(subject)}/${segment(file.repository)}/${segment(file.package)}/${segment(file.version)}/${folders};${params.join(';')}`;
}


/***/ }),

/***/ 5456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ refusal)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _bintray_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23765);


/** The inputs a 401 or 403 is about. */
const CREDENTIALS = 'package-host-username / package-host-password';
/**
 * A refusal of the API as one UserError: what was asked, Bintray's status and message, and what to do.
 * `what` says the request in words (`list the repositories of falcosecurity`); `notFound` is the
 * remedy for a 404 there, when one can mean something the user can fix.
 */
function refusal(reply, what, url, notFound) {
    const said = (0,_bintray_api_js__WEBPACK_IMPORTED_MODULE_1__.messageOf)(reply);
    const answer = `${reply.status}${said === undefined ? '' : `: ${said}`}`;
    if (reply.status === 401) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(CREDENTIALS, `${url} refused the credentials (${answer}) to ${what}`, 'check the user name and its API key (not the account password)');
    }
    if (reply.status === 403) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(CREDENTIALS, `the user may not ${what} (${answer})`, 'give the user the right to publish in the repository, or use an API key of a user who has it');
    }
    if (reply.status === 404 && notFound !== undefined) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('package-host', `${url} could not ${what} (${answer})`, notFound);
    }
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('package-host', `${url} could not ${what} (${answer})`, 'check the server, then run again');
}


/***/ })

};
