export const id = 765;
export const ids = [765];
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


/***/ })

};
