export const id = 235;
export const ids = [235];
export const modules = {

/***/ 3607:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ StaleRead),
/* harmony export */   q: () => (/* binding */ compareAndSwap)
/* harmony export */ });
/* harmony import */ var _stores_object_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6519);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9294);
/* harmony import */ var _store_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(232);



/** Thrown by a proposal that read a state changing under it (an index not matching its Release). */
class StaleRead extends Error {
    name = 'StaleRead';
}
const ATTEMPTS = 30;
/**
 * Read → propose → write the referenced files → replace the state key only if it is still what was
 * read (If-Match, or If-None-Match when creating it). When another publisher got there first, its state
 * is read again and the proposal made anew on top of it, so neither loses the other's packages.
 */
async function compareAndSwap(target, key, propose, options = {}) {
    const attempts = options.attempts ?? ATTEMPTS;
    const sleep = options.sleep ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .uk;
    for (let attempt = 1;; attempt++) {
        try {
            const read = await target.store.get(key);
            const current = read && { bytes: read.bytes, etag: read.info.etag };
            const proposal = await propose(current);
            if (proposal.next === undefined)
                return { result: proposal.result, changed: false, etag: current?.etag };
            for (const file of proposal.files)
                await (0,_store_file_js__WEBPACK_IMPORTED_MODULE_1__/* .putContentAddressed */ .QZ)(target, file);
            const condition = !target.conditional
                ? {}
                : current
                    ? { ifMatch: current.etag }
                    : { ifNoneMatch: true };
            const etag = await target.store.put(key, proposal.next, {
                ...condition,
                cacheControl: _store_file_js__WEBPACK_IMPORTED_MODULE_1__/* .NO_CACHE */ .DQ,
                contentType: proposal.contentType,
            });
            return { result: proposal.result, changed: true, etag };
        }
        catch (error) {
            if (!(error instanceof _stores_object_store_js__WEBPACK_IMPORTED_MODULE_2__/* .PreconditionFailed */ .O || error instanceof StaleRead))
                throw error;
            if (attempt >= attempts) {
                throw new Error(`${key} changed under each of ${attempts} attempts to update it: too many publishers at once`, { cause: error });
            }
            options.onConflict?.(attempt);
            await sleep(50 + (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffDelay */ .EY)(attempt, 100, 3_000));
        }
    }
}


/***/ }),

/***/ 7235:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadSigning: () => (/* binding */ loadSigning),
  updateIndex: () => (/* binding */ updateIndex)
});

// EXTERNAL MODULE: ./lib/repository/compare-and-swap.js
var compare_and_swap = __webpack_require__(3607);
// EXTERNAL MODULE: ./lib/repository/old-files.js
var old_files = __webpack_require__(6543);
;// CONCATENATED MODULE: ./lib/repository/settle.js
const ROUNDS = 30;
/**
 * Brings the derived files in line with the state key, then checks the state did not change meanwhile.
 * If it did, another publisher committed after us and our files may describe the older state: they are
 * derived again from the newer one. The last publisher to finish thus always leaves a consistent set.
 */
async function settleDerived(store, key, derive) {
    let written = 0;
    for (let round = 1; round <= ROUNDS; round++) {
        const read = await store.get(key);
        if (read === undefined)
            return written;
        for (const file of await derive({ bytes: read.bytes, etag: read.info.etag })) {
            const existing = await store.get(file.key);
            if (await file.matches(existing?.bytes))
                continue;
            const bytes = await file.produce();
            if (bytes === undefined)
                await store.delete(file.key);
            else
                await store.put(file.key, bytes, { cacheControl: file.cacheControl, contentType: file.contentType });
            written++;
        }
        if ((await store.head(key))?.etag === read.info.etag)
            return written;
    }
    throw new Error(`${key} kept changing while its signatures and plain-name indexes were written: run again`);
}

// EXTERNAL MODULE: ./lib/repository/store-file.js
var store_file = __webpack_require__(232);
;// CONCATENATED MODULE: ./lib/repository/index-update.js




/** Reads the signing key and makes the check from its public half: the OpenPGP code loads only here. */
async function loadSigning(armoredKey, passphrase) {
    const [{ loadSigner }, { signatureCheck }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(15)]).then(__webpack_require__.bind(__webpack_require__, 4015)),
        Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 3702)),
    ]);
    const signer = await loadSigner(armoredKey, passphrase);
    return { signer, check: await signatureCheck(signer.publicKeyArmored) };
}
/**
 * Updates one repository: its state file by compare-and-swap (the content-addressed indexes it lists
 * written first, proposed again on top of whatever another publisher committed meanwhile), then the
 * plain-name indexes and signatures derived from whatever state is current, then the packages
 * retention removed, then content-addressed files no state lists past their grace period.
 */
async function updateIndex(update, format) {
    const { target, root } = update;
    const key = `${root}/${format.stateKey}`;
    let conflicts = 0;
    const swap = await (0,compare_and_swap/* compareAndSwap */.q)(target, key, async (current) => {
        const state = !current
            ? format.empty
            : current.etag === update.known?.etag
                ? update.known.state
                : await format.read(target.store, root, current.bytes);
        const change = format.propose(state, update.added, update.keep, update.date);
        return {
            files: (change?.files ?? []).map((file) => ({
                key: `${root}/${file.path}`,
                bytes: Buffer.from(file.bytes),
                cacheControl: store_file/* IMMUTABLE */.hb,
                contentType: file.contentType,
            })),
            next: change?.next,
            contentType: format.stateContentType,
            result: change,
        };
    }, { onConflict: () => conflicts++, ...(update.sleep ? { sleep: update.sleep } : {}) });
    const derivedWritten = await settleDerived(target.store, key, async (current) => format.derived(target.store, root, current.bytes, update.signing));
    const removed = (swap.changed ? (swap.result?.removed ?? []) : []).map((path) => `${root}/${path}`);
    await (0,old_files/* deletePackages */.P)(target.store, removed);
    const state = await target.store.get(key);
    const listed = new Set(state === undefined ? [] : format.listed(state.bytes).map((path) => `${root}/${path}`));
    const expired = await (0,old_files/* deleteUnlisted */.m)(target.store, { prefix: `${root}/${format.oldFiles.directory}/`, pattern: format.oldFiles.pattern }, listed, update.graceMs, update.now());
    return { changed: swap.changed, conflicts, derivedWritten, removed, expired };
}


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ deletePackages),
/* harmony export */   m: () => (/* binding */ deleteUnlisted)
/* harmony export */ });
/**
 * Deletes content-addressed files (by-hash indexes, hash-named repodata) that the current state no
 * longer lists, once they are older than the grace period: a client that read the previous Release or
 * repomd.xml moments ago can still fetch what it lists, and a publisher that has written the files of
 * its next state but not yet committed it never has them deleted under it.
 */
async function deleteUnlisted(store, candidates, listed, graceMs, now) {
    const deleted = [];
    for (const object of await store.entries(candidates.prefix)) {
        if (!candidates.pattern.test(object.key) || listed.has(object.key))
            continue;
        if (now.getTime() - object.lastModified.getTime() < graceMs)
            continue;
        await store.delete(object.key);
        deleted.push(object.key);
    }
    return deleted;
}
/** Deletes packages that retention took out of the indexes, with their signatures. */
async function deletePackages(store, paths) {
    for (const path of paths) {
        await store.delete(path);
        await store.delete(`${path}.asc`);
    }
}


/***/ }),

/***/ 232:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ NO_CACHE),
/* harmony export */   QZ: () => (/* binding */ putContentAddressed),
/* harmony export */   hb: () => (/* binding */ IMMUTABLE)
/* harmony export */ });
/* harmony import */ var _stores_object_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6519);

/** Indexes and signatures change under their name: clients must ask again every time. */
const NO_CACHE = 'no-cache';
/** Content-addressed files (by-hash indexes, hash-named repodata) and packages never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Writes a file whose name is its content's hash: if the name exists, the content is the same, so it
 * is left alone (and a racing publisher writing the same bytes is no conflict).
 */
async function putContentAddressed(target, file) {
    if ((await target.store.head(file.key)) !== undefined)
        return;
    try {
        await target.store.put(file.key, file.bytes, {
            ...(target.conditional ? { ifNoneMatch: true } : {}),
            cacheControl: file.cacheControl,
            ...(file.contentType ? { contentType: file.contentType } : {}),
        });
    }
    catch (error) {
        if (error instanceof _stores_object_store_js__WEBPACK_IMPORTED_MODULE_0__/* .PreconditionFailed */ .O)
            return;
        throw error;
    }
}


/***/ }),

/***/ 9294:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   UE: () => (/* binding */ retryAndBackoff),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
/* unused harmony export MAX_RETRY_AFTER_MS */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);

/** A server that asks for longer than this is waited for this long, then asked again. */
const MAX_RETRY_AFTER_MS = 60_000;
const realSleep = (ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms);
/**
 * Exponential backoff with full jitter (a uniform wait in [0, min(max, base·2^n)]): retries of many
 * clients spread out instead of hitting a recovering server together.
 */
function backoffDelay(retry, baseMs, maxMs, random = Math.random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
    return Math.floor(random() * ceiling);
}
/** A `Retry-After` value (delay-seconds or an HTTP-date) in milliseconds from `now`; undefined when unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    // Only an HTTP-date has a weekday or month name: Date.parse would also read "1.5" as a year.
    if (!/[a-z]/i.test(text) || Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * Runs `fn` until it succeeds, `isRetryable` says no, or the retries are used up; the last error is
 * thrown. `fn` gets the attempt number (0 first), e.g. to restart what the failed attempt left.
 */
async function retryAndBackoff(fn, isRetryable, options) {
    for (let attempt = 0;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            const verdict = attempt < options.retries ? isRetryable(error) : false;
            if (verdict === false)
                throw error;
            const delayMs = verdict === true
                ? backoffDelay(attempt, options.baseMs, options.maxMs, options.random)
                : Math.min(verdict.afterMs, MAX_RETRY_AFTER_MS);
            options.onRetry?.(error, delayMs, attempt + 1);
            await options.sleep(delayMs);
        }
    }
}


/***/ })

};
