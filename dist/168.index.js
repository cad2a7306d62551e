export const id = 168;
export const ids = [168,765,712];
export const modules = {

/***/ 20168:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BintrayRetention: () => (/* binding */ BintrayRetention)
/* harmony export */ });
/* harmony import */ var _hosts_bintray_bintray_versions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2712);
/* harmony import */ var _package_layout_host_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10654);


/** The dev repositories of Bintray and the `dev-retention` setting of each; stable ones are never pruned. */
const SETTING_OF = {
    'deb-dev': 'deb',
    'rpm-dev': 'rpm',
    'bin-dev': 'bin',
};
/**
 * Dev retention on Bintray, as the plan's repository steps: Bintray indexes its repositories itself,
 * so a step here only prunes (its format is `bin`: the publisher writes no index). For each dev
 * repository the run publishes to and `dev-retention` names, it keeps the newest N versions of each
 * package (as Bintray lists them, newest first; never a version the run publishes) and deletes the
 * rest through the versions API, after every package of the run is published.
 */
class BintrayRetention {
    versions;
    keep;
    placement;
    fingerprint = undefined;
    constructor(versions, keep, placement) {
        this.versions = versions;
        this.keep = keep;
        this.placement = placement;
    }
    /** One step per pruned dev repository, with every file it would delete as Bintray stands now. */
    async prepare(packages) {
        const byRepository = new Map();
        for (const { path, localFile } of packages) {
            const { repository } = this.placement(path);
            const place = (0,_package_layout_host_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .placeOfPath */ .Es)(path);
            if (place === undefined || this.limitOf(repository) === undefined)
                continue;
            byRepository.set(repository, [...(byRepository.get(repository) ?? []), { path, place, localFile }]);
        }
        const planned = [];
        for (const [root, rootPackages] of byRepository) {
            const versions = this.limitOf(root) ?? 0;
            const doomed = await this.doomed(root, rootPackages, versions);
            planned.push({
                root,
                format: 'bin',
                packages: rootPackages,
                retention: { limit: { versions }, deletes: doomed.flatMap(({ files }) => files) },
            });
        }
        return planned.sort((a, b) => (a.root < b.root ? -1 : 1));
    }
    /** Asked again now (another publisher may have added or pruned versions since the plan), then deleted. */
    async update(repository) {
        const { root } = repository;
        const limit = repository.retention?.limit;
        const removed = [];
        if (limit !== undefined && 'versions' in limit) {
            for (const { of, version, files } of await this.doomed(root, repository.packages, limit.versions)) {
                if (await this.versions.delete(of, version))
                    removed.push(...files);
            }
        }
        return { root, signatures: 0, packageSignatures: [], removed };
    }
    limitOf(repository) {
        const setting = SETTING_OF[repository];
        return setting === undefined ? undefined : this.keep[setting];
    }
    /** Per package of the run in the repository: its versions past the newest `keep`, with their files. */
    async doomed(repository, packages, keep) {
        const publishing = new Map();
        for (const { path } of packages) {
            const file = this.placement(path);
            publishing.set(file.package, (publishing.get(file.package) ?? new Set()).add(file.version));
        }
        const doomed = [];
        for (const [name, versions] of [...publishing].sort(([a], [b]) => (a < b ? -1 : 1))) {
            const of = { repository, package: name };
            const past = (0,_hosts_bintray_bintray_versions_js__WEBPACK_IMPORTED_MODULE_0__.versionsPastLimit)(await this.versions.list(of), keep, versions);
            if (past.length === 0)
                continue;
            const files = await this.versions.files(of);
            for (const version of past) {
                const own = files
                    .filter((file) => file.version === version)
                    .map((file) => `${repository}/${file.path}`);
                doomed.push({ of, version, files: own.sort() });
            }
        }
        return doomed;
    }
}


/***/ }),

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


/***/ }),

/***/ 2712:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BintrayVersions: () => (/* binding */ BintrayVersions),
/* harmony export */   versionsPastLimit: () => (/* binding */ versionsPastLimit)
/* harmony export */ });
/* harmony import */ var _bintray_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10634);
/* harmony import */ var _bintray_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34693);
/* harmony import */ var _bintray_refusals_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5456);



/**
 * The versions API, for dev retention: Bintray lists a package's versions newest first and deletes a
 * version with all its files, so retention keeps the newest N versions and deletes the rest, one
 * request each. Sizes are not what a version is kept by (see the action's Bintray retention).
 */
class BintrayVersions {
    subject;
    api;
    constructor(subject, api) {
        this.subject = subject;
        this.api = api;
    }
    /** The package's versions, newest first (Get Package). */
    async list(of) {
        const reply = await this.api.request('GET', (0,_bintray_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .packagePath */ .C0)(this.subject, of.repository, of.package));
        if (reply.status !== 200)
            throw (0,_bintray_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .refusal */ .x)(reply, `list the versions of ${name(of)}`, this.api.url);
        return (0,_bintray_files_js__WEBPACK_IMPORTED_MODULE_0__/* .parseVersions */ .J)(reply, this.api.url);
    }
    /** Every file of the package, of every version, unpublished ones too (Get Package Files). */
    async files(of) {
        const path = `${(0,_bintray_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .packagePath */ .C0)(this.subject, of.repository, of.package)}/files?include_unpublished=1`;
        const reply = await this.api.request('GET', path);
        if (reply.status !== 200)
            throw (0,_bintray_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .refusal */ .x)(reply, `list the files of ${name(of)}`, this.api.url);
        return (0,_bintray_files_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFiles */ .B)(reply, this.api.url);
    }
    /** Deletes a version and its files; false when it was gone already (another publisher's retention). */
    async delete(of, version) {
        const path = (0,_bintray_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .versionPath */ .qW)(this.subject, of.repository, of.package, version);
        const reply = await this.api.request('DELETE', path);
        if (reply.status === 200 || reply.status === 204)
            return true;
        if (reply.status === 404)
            return false;
        throw (0,_bintray_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .refusal */ .x)(reply, `delete ${name(of)}/${version}`, this.api.url);
    }
}
/**
 * The versions past the newest `keep`, from a list newest first, never one the run publishes (a
 * re-run of an older build keeps its version). The run's versions not listed yet count as newest: the
 * run is about to make them.
 */
function versionsPastLimit(newestFirst, keep, publishing) {
    const coming = [...publishing].filter((version) => !newestFirst.includes(version));
    const all = [...coming, ...newestFirst];
    return all.slice(keep).filter((version) => !publishing.has(version));
}
function name(of) {
    return `${of.repository}/${of.package}`;
}


/***/ })

};
