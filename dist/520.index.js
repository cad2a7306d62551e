export const id = 520;
export const ids = [520];
export const modules = {

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


/***/ }),

/***/ 2520:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S3Store: () => (/* binding */ S3Store)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
;// CONCATENATED MODULE: ./lib/stores/s3-client.js

/**
 * A client that works on S3-compatible stores as well as on AWS: the SDK's default checksums stream
 * the body as aws-chunked with a trailing CRC, which Swift answers with 501, so checksums are only
 * sent where an operation requires them. `retries: false` gives a client that tries once, for requests
 * that must not be repeated blindly (a conditional PUT whose first attempt may have landed).
 */
function createS3Client(options, retries) {
    return new dist_cjs/* S3Client */.YxF({
        region: options.region ?? (options.endpoint === undefined ? undefined : 'us-east-1'),
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
        credentials: options.credentials,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(retries ? {} : { maxAttempts: 1 }),
        // The SDK waits forever by default: a store that stops answering would hold the job until the
        // workflow's own timeout. A request may take long while bytes move; 60 s of silence ends it (and a
        // retrying client asks again), as the registry client does.
        requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, socketTimeout: SILENCE_TIMEOUT_MS },
        // The SDK warns on the console when a streamed PUT fails, e.g. the 412 a create-only write gets when
        // another publisher was first: an expected answer this store turns into its own error, not news.
        logger: QUIET,
    });
}
const CONNECT_TIMEOUT_MS = 10_000;
const SILENCE_TIMEOUT_MS = 60_000;
const ignore = () => undefined;
const QUIET = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };

// EXTERNAL MODULE: ./lib/util/errno.js
var errno = __webpack_require__(85980);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/stores/s3-error-codes.js
/**
 * The S3 answers and connection failures the user can fix, by code, and the words the messages use for
 * what to do; s3-errors.ts classifies a failure by them.
 */
// What S3 and its look-alikes answer to keys that are wrong or expired.
const CREDENTIAL_CODES = new Set([
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId',
    'InvalidToken',
    'ExpiredToken',
    'TokenRefreshRequired',
]);
// ...to keys that are right but not allowed this.
const DENIED_CODES = new Set([
    'AccessDenied',
    'AllAccessDisabled',
    'AccountProblem',
]);
// ...to a request sent to the wrong region: AWS redirects (301) or names the region it expected.
const REGION_CODES = new Set([
    'PermanentRedirect',
    'AuthorizationHeaderMalformed',
    'IllegalLocationConstraintException',
]);
// Failures to reach the store at all that a wrong s3-endpoint (host, port, scheme, certificate) causes.
const UNREACHABLE_CODES = new Set([
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNREFUSED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPROTO',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** The credentials a message tells the user to check, named the ways a workflow gives them. */
const CREDENTIALS = 'AWS credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the role aws-actions/configure-aws-credentials assumed)';
/** What the credentials must be allowed, with the IAM actions that allow it. */
const MAY = 'read, write, list and delete objects in the bucket (s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket)';

;// CONCATENATED MODULE: ./lib/stores/s3-errors.js



/** The HTTP status and S3 error code of an SDK error, when it came from the server. */
function s3Failure(error) {
    if (!(error instanceof Error) || !('$metadata' in error))
        return undefined;
    const metadata = error.$metadata;
    const status = typeof metadata === 'object' && metadata !== null && 'httpStatusCode' in metadata
        ? metadata.httpStatusCode
        : undefined;
    return { status: typeof status === 'number' ? status : undefined, code: error.name };
}
/** The object is not there; a missing bucket (also a 404) is not this, but a mistake to report. */
function isNotFound(error) {
    const failure = s3Failure(error);
    if (failure === undefined || failure.code === 'NoSuchBucket')
        return false;
    return failure.status === 404 || failure.code === 'NoSuchKey' || failure.code === 'NotFound';
}
/**
 * Turns a failure the user can fix (credentials, permissions, bucket, region, endpoint, clock) into a
 * UserError that names the bucket and says what to do; undefined for anything else. It says which
 * code the store gave, never what the SDK quoted from the request: no secret can leak into a workflow log.
 */
function s3UserError(error, place) {
    const subject = `s3://${place.bucket}`;
    const local = unsentError(error, subject, place);
    if (local !== undefined)
        return local;
    const failure = s3Failure(error);
    return failure === undefined ? undefined : answerError(failure, subject, place);
}
/** A request that never reached the store: no credentials, no region, or no way to the endpoint. */
function unsentError(error, subject, place) {
    if (error instanceof Error && error.name === 'CredentialsProviderError') {
        return new errors/* UserError */.y(subject, 'no AWS credentials were found', `give the job ${CREDENTIALS}, e.g. with aws-actions/configure-aws-credentials`);
    }
    if (error instanceof Error && error.message === 'Region is missing') {
        return new errors/* UserError */.y(subject, 'no region is set', 'set s3-region, or AWS_REGION in the environment');
    }
    const unreachable = (0,errno/* errnoCode */.UK)(error);
    if (unreachable !== undefined && UNREACHABLE_CODES.has(unreachable)) {
        return new errors/* UserError */.y(subject, `the store at ${place.endpoint === undefined ? 'AWS S3' : originOf(place.endpoint)} cannot be reached (${unreachable})`, place.endpoint === undefined
            ? "check the runner's network, or set s3-endpoint for an S3-compatible store"
            : 'check s3-endpoint (scheme, host, port, certificate) and that the runner can reach it');
    }
    return undefined;
}
/** The store's answer, by its code and HTTP status, when it is one the user can fix. */
function answerError(failure, subject, place) {
    const answer = `(${failure.status ?? '?'} ${failure.code})`;
    if (failure.code === 'NoSuchBucket') {
        return new errors/* UserError */.y(subject, `the bucket does not exist ${answer}`, place.endpoint === undefined
            ? 'create it, or fix the bucket in package-host'
            : 'create it, or fix the bucket in package-host or s3-endpoint');
    }
    if (REGION_CODES.has(failure.code) || failure.status === 301) {
        return new errors/* UserError */.y(subject, `the bucket is in another region than the one asked ${answer}`, "set s3-region (or AWS_REGION) to the bucket's region");
    }
    if (failure.code === 'RequestTimeTooSkewed') {
        return new errors/* UserError */.y(subject, `the store refused the request because the runner's clock is off ${answer}`, "set the runner's clock right (NTP)");
    }
    if (CREDENTIAL_CODES.has(failure.code) || failure.status === 401) {
        return new errors/* UserError */.y(subject, `the store rejected the AWS credentials ${answer}`, `check the ${CREDENTIALS}: right keys, not expired, for this store and region`);
    }
    if (DENIED_CODES.has(failure.code)) {
        return new errors/* UserError */.y(subject, `the store denied access ${answer}`, `let the ${CREDENTIALS} ${MAY}`);
    }
    if (failure.status === 403) {
        // A HEAD's answer has no body, so no code: wrong keys and missing permissions look the same.
        return new errors/* UserError */.y(subject, `the store refused the request ${answer}`, `check the ${CREDENTIALS}, and that they may ${MAY}`);
    }
    return undefined;
}
/** The endpoint as it may be shown: scheme, host and port, never user info. */
function originOf(endpoint) {
    try {
        return new URL(endpoint).origin;
    }
    catch {
        return 's3-endpoint';
    }
}

// EXTERNAL MODULE: ./lib/util/limiter.js
var limiter = __webpack_require__(90676);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/util/byte-source.js
var byte_source = __webpack_require__(65292);
;// CONCATENATED MODULE: ./lib/stores/file-range-body.js


/** Bytes per read of a request body: few reads per part, and little memory per request in flight. */
const PIECE_BYTES = 1024 * 1024;
function pieceBuffers() {
    return [Buffer.allocUnsafe(PIECE_BYTES), Buffer.allocUnsafe(PIECE_BYTES)];
}
/**
 * `length` bytes of an open file from `start`, as a request body read piece by piece into `buffers`,
 * so a request in flight holds 2 MiB whatever its size, and the whole upload leaves no garbage: a
 * stream of fresh chunks (fs.createReadStream) had ~70 MiB of dead buffers waiting for the collector
 * by the end of a 1 GiB file, and spent twice the CPU. A piece is read only when the request asks for
 * more, which it does once everything before has gone to the socket (a 1 MiB write is always above
 * the socket's high-water mark, so the pipe waits for 'drain'): the buffer a piece is read into last
 * held the piece before the one just sent. Should that ever not hold, the store would refuse the body
 * for its sha256, never keep wrong bytes. `onPiece` is told each piece's size as it goes.
 */
function fileRangeBody(handle, range, buffers, onPiece) {
    let offset = 0;
    let turn = 0;
    return new external_node_stream_.Readable({
        // Nothing read ahead: a piece is read when the request takes one.
        highWaterMark: 0,
        read() {
            if (offset >= range.length) {
                this.push(null);
                return;
            }
            // The buffers take turns: this piece goes where the piece before last was.
            const buffer = buffers[turn];
            turn = turn === 0 ? 1 : 0;
            const size = Math.min(buffer.length, range.length - offset);
            (0,byte_source/* readFully */.lR)(handle, buffer, range.start + offset, size, (at) => {
                return new Error(`the file ended at byte ${at}, before the bytes planned`);
            }).then((piece) => {
                offset += size;
                onPiece?.(size);
                this.push(piece);
            }, (error) => this.destroy(error instanceof Error ? error : new Error(String(error))));
        },
    });
}

;// CONCATENATED MODULE: ./lib/stores/part-slots.js


/**
 * The parts a store has in flight, shared by every upload to it: however many packages go up at once,
 * at most `limit` parts do, each reading through its 2 MiB of buffers, which the next part reuses.
 */
class PartSlots {
    limiter;
    spare = [];
    constructor(limit) {
        this.limiter = new limiter/* Limiter */.j(limit);
    }
    run(task) {
        return this.limiter.run(async () => {
            const slot = { buffers: this.spare.pop() ?? pieceBuffers(), renew: () => undefined };
            slot.renew = () => {
                slot.buffers = pieceBuffers();
            };
            // Buffers go back only after a part that went through; a failed one's are left to the collector.
            const result = await task(slot);
            this.spare.push(slot.buffers);
            return result;
        });
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/util/file-pass.js + 2 modules
var file_pass = __webpack_require__(69011);
// EXTERNAL MODULE: ./lib/util/map-concurrent.js
var map_concurrent = __webpack_require__(57474);
// EXTERNAL MODULE: ./lib/util/sha256-file.js
var sha256_file = __webpack_require__(64292);
;// CONCATENATED MODULE: ./lib/stores/s3-abandoned-uploads.js

// A run killed mid-upload (a cancelled job, a lost runner) leaves its multipart upload open: parts
// stored and billed, listed by the store, until someone aborts them. The next run that uploads the same
// key clears them once its own upload completed — whatever they were writing is there then. Only older
// uploads of that exact key are touched, by the store's own clock, and failures are ignored: the
// release is published either way, and a bucket lifecycle rule (AbortIncompleteMultipartUpload)
// remains the backstop.
/** The open uploads of `key` begun before `ours` (listed while ours is still open, to know when it began). */
async function olderUploads(client, bucket, key, ours) {
    try {
        const listed = await client.send(new dist_cjs/* ListMultipartUploadsCommand */.mo2({ Bucket: bucket, Prefix: key }));
        const uploads = (listed.Uploads ?? []).filter((upload) => upload.Key === key);
        const started = uploads.find((upload) => upload.UploadId === ours)?.Initiated;
        if (started === undefined)
            return [];
        return uploads.flatMap((upload) => upload.UploadId !== undefined &&
            upload.UploadId !== ours &&
            upload.Initiated !== undefined &&
            upload.Initiated <= started
            ? [upload.UploadId]
            : []);
    }
    catch {
        return [];
    }
}
/** Aborts the uploads `olderUploads` found, once ours completed. */
async function abortUploads(client, bucket, key, uploadIds) {
    for (const uploadId of uploadIds) {
        await client
            .send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: bucket, Key: key, UploadId: uploadId }))
            .catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./lib/stores/s3-digest.js
var s3_digest = __webpack_require__(20259);
;// CONCATENATED MODULE: ./lib/stores/s3-payload-sha256.js

/**
 * Signs a streamed body with its sha256, known before it is sent, as `x-amz-content-sha256`: the store
 * hashes what it receives and refuses a body that is not that (Swift: BadDigest; radosgw and AWS:
 * XAmzContentSHA256Mismatch), so a file that changed since it was validated is never stored. Left to
 * itself the SDK sends a stream as UNSIGNED-PAYLOAD, which nobody checks, and hashes bytes once more.
 * Added to a command with `command.middlewareStack.add(payloadSha256(hex), PAYLOAD_SHA256)`.
 */
function payloadSha256(sha256) {
    return (next) => async (args) => {
        const { request } = args;
        if (typeof request === 'object' && request !== null && 'headers' in request) {
            request.headers['x-amz-content-sha256'] = sha256;
        }
        return next(args);
    };
}
/** Where in the SDK's stack the header goes: once the request is built, before it is signed. */
const PAYLOAD_SHA256 = { step: 'build', name: 'payloadSha256' };
/** The store refused a body because it is not the sha256 it was signed with. */
function isDigestRefusal(error) {
    const code = s3Failure(error)?.code;
    return code === 'BadDigest' || code === 'XAmzContentSHA256Mismatch';
}

// EXTERNAL MODULE: ./lib/util/retry.js
var retry = __webpack_require__(89294);
;// CONCATENATED MODULE: ./lib/stores/s3-send-again.js






/** What S3 and its look-alikes answer when the same request may well succeed a little later. */
const BUSY_CODES = new Set([
    'SlowDown',
    'RequestTimeout',
    'Throttling',
    'ThrottlingException',
    'ServiceUnavailable',
    'InternalError',
]);
/**
 * Sends a request whose body is streamed from a local file, and sends it again after a failure that
 * another attempt may not meet (a 5xx, throttling, a broken connection, a timeout): the SDK never sends
 * a stream twice, and only this side can open the file again. A body the store refused for its digest,
 * or a file whose size is no longer the one planned, means the file changed since it was validated:
 * that is said at once, never tried again.
 */
async function sendAgainOnFailure(file, send) {
    return (0,retry/* retryAndBackoff */.UE)(async () => {
        try {
            return await send();
        }
        catch (error) {
            throw await saidOfTheFile(error, file);
        }
    }, worthAnotherTry, { retries: 3, baseMs: 250, maxMs: 4_000, sleep: retry/* realSleep */.uk });
}
/**
 * What to say of a failed send of a file: that the file changed since it was validated, when the store
 * refused the body for its digest or the file's size is no longer the one planned; else the error.
 */
async function saidOfTheFile(error, file) {
    const changed = isDigestRefusal(error) || (await sizeNow(file.file)) !== file.size;
    return changed ? (0,s3_digest/* changedSincePlanned */.f)(file.file) : error;
}
function worthAnotherTry(error) {
    const failure = s3Failure(error);
    // Any answer has its status here, even one whose body is no S3 error document (a front's plain-text 502).
    if (failure?.status !== undefined)
        return failure.status >= 500 || BUSY_CODES.has(failure.code);
    // No answer: the connection broke, or the store said nothing for the client's socket timeout.
    return ((0,retry/* isRetryableNetworkCode */.EZ)((0,errno/* errnoCode */.UK)(error)) || (error instanceof Error && error.name === 'TimeoutError'));
}
async function sizeNow(file) {
    return (0,promises_.stat)(file).then(({ size }) => size, () => undefined);
}

;// CONCATENATED MODULE: ./lib/stores/s3-streamed-send.js
/**
 * Sends a request whose body streams from `body`, and ends the request as soon as the body fails (a
 * file that ends before its planned size, a read error). The SDK pipes the body into the request and
 * passes no body's error on: the request would wait, its bytes short of its Content-Length, for an
 * answer the store never gives, until the socket's timeout. The body's own error is what is thrown.
 */
async function sendStreamed(body, send) {
    const controller = new AbortController();
    // Kept for the body's whole life: an error it raises after the answer is then no uncaught one.
    body.on('error', (error) => controller.abort(error));
    try {
        return await send(controller.signal);
    }
    catch (error) {
        const reason = controller.signal.reason;
        throw controller.signal.aborted && reason instanceof Error ? reason : error;
    }
}

;// CONCATENATED MODULE: ./lib/stores/s3-upload.js











const MiB = 1024 * 1024;
/** Parts below 5 MiB are refused by S3 (except the last); 8 MiB is what `aws s3 cp` uses. */
const PART_SIZE = 8 * MiB;
/** Swift caps an upload at 1000 parts (AWS at 10000): bigger files get bigger parts. */
const MAX_PARTS = 1000;
/**
 * Parts in flight, for all the uploads to one store together (see PartSlots). Each is streamed from
 * the file through 2 MiB of buffers (file-range-body.ts), not held whole, so one more costs a socket
 * and 2 MiB. A 1 GiB upload to Swift 50 ms away, the whole action: 2 parts 11.9 s, 4 7.9 s, 6 7.4 s,
 * 8 6.6 s, 10 6.9 s, 12 6.8 s (the store is then the limit); `aws s3 cp`, 10 threads, about 7.5 s.
 */
const PARTS_AT_ONCE = 8;
/** The part size of a file of `size` bytes, or undefined when it goes up whole, in one PutObject. */
function uploadPartSize(size) {
    return size <= PART_SIZE ? undefined : Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS));
}
/**
 * Uploads a local file into the bucket: one PutObject up to a part's size, else a multipart upload of
 * parts sent in parallel. Every body is streamed from the file and signed with its sha256 (the whole
 * file's is the `sha256` metadata, each part's comes with the file as validation hashed it), so the
 * file is only read to be sent, and the store itself refuses bytes that are not the ones planned. A
 * file given without part digests is hashed first, in a read of its own. A failed upload is aborted,
 * leaving no parts behind. Each part goes into `progress` once the store has it.
 * Returns the ETag as the server gave it (empty from radosgw's CompleteMultipartUpload).
 */
async function uploadFile(client, slots, params, file, progress) {
    const announced = params.Metadata?.['sha256'];
    const partSize = uploadPartSize(file.size);
    const handle = await (0,promises_.open)(file.file, 'r');
    try {
        if (partSize === undefined) {
            const sha256 = announced ?? (await (0,sha256_file/* sha256File */.Q)(file.file));
            return await putWhole(client, params, { ...file, handle }, sha256);
        }
        const parts = givenParts(file, partSize) ?? (await digestsOf(file.file, partSize, announced));
        return await uploadParts(client, slots, params, { ...file, handle }, parts, progress);
    }
    finally {
        await handle.close();
    }
}
/** The part digests that came with the file, if they are of the parts this upload sends. */
function givenParts(file, partSize) {
    const { parts } = file;
    return parts?.partSize === partSize && parts.sha256.length === Math.ceil(file.size / partSize)
        ? parts
        : undefined;
}
/**
 * One PutObject of the whole file (a part's size at most, so no progress to tell), sent again from the
 * start of the file after a failure that allows it.
 */
async function putWhole(client, params, file, sha256) {
    return sendAgainOnFailure(file, async () => {
        const body = fileRangeBody(file.handle, { start: 0, length: file.size }, pieceBuffers());
        const command = new dist_cjs/* PutObjectCommand */.wKZ({ ...params, Body: body, ContentLength: file.size });
        command.middlewareStack.add(payloadSha256(sha256), PAYLOAD_SHA256);
        return (await sendStreamed(body, (abortSignal) => client.send(command, { abortSignal }))).ETag;
    });
}
async function uploadParts(client, slots, params, file, digests, progress) {
    const { Bucket, Key } = params;
    const { UploadId } = await client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4(params));
    if (UploadId === undefined)
        throw new Error(`s3://${Bucket}/${Key}: the store started no multipart upload`);
    const sendPart = (sha256, index) => {
        const start = index * digests.partSize;
        const length = Math.min(digests.partSize, file.size - start);
        return slots.run(async (slot) => {
            const ETag = await sendAgainOnFailure(file, async () => {
                const body = fileRangeBody(file.handle, { start, length }, slot.buffers);
                const command = new dist_cjs/* UploadPartCommand */.iVK({
                    Bucket,
                    Key,
                    UploadId,
                    PartNumber: index + 1,
                    Body: body,
                    ContentLength: length,
                });
                command.middlewareStack.add(payloadSha256(sha256), PAYLOAD_SHA256);
                try {
                    return (await sendStreamed(body, (abortSignal) => client.send(command, { abortSignal }))).ETag;
                }
                catch (error) {
                    slot.renew();
                    throw error;
                }
            });
            progress?.advance(length);
            return { ETag, PartNumber: index + 1 };
        });
    };
    try {
        // After a part fails no other starts (the upload is lost anyway), and every part under way settles
        // before the abort: none lands after it.
        const parts = await (0,map_concurrent/* mapConcurrent */._)(digests.sha256, PARTS_AT_ONCE, sendPart);
        const abandoned = await olderUploads(client, Bucket ?? '', Key ?? '', UploadId);
        const done = await client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
        await abortUploads(client, Bucket ?? '', Key ?? '', abandoned);
        return done.ETag;
    }
    catch (error) {
        await client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket, Key, UploadId })).catch(() => undefined);
        throw error;
    }
}
/**
 * The part digests of a file no validation hashed in parts (a file re-signed by this run, or one a host
 * puts of its own), with the whole file's sha256 from the same read checked against the one announced.
 */
async function digestsOf(file, size, announced) {
    const pass = await (0,file_pass/* passOverFile */.y)(file, { hashes: ['sha256'], partSize: () => size });
    if (pass.parts === undefined || (announced !== undefined && pass.digests.sha256 !== announced)) {
        throw (0,s3_digest/* changedSincePlanned */.f)(file);
    }
    return pass.parts;
}

;// CONCATENATED MODULE: ./lib/stores/s3-bucket.js




/**
 * Where an S3Store's objects are (a bucket, a root inside it) and the clients it sends with; what its
 * reads, writes and listings share.
 */
class S3Bucket {
    name;
    /** `s3://<bucket>/<prefix>`, for messages. */
    description;
    client;
    /** For conditional PUTs: an attempt that timed out may have landed, so it is never repeated blindly. */
    onceClient;
    /** Where uploads over 64 MiB tell their progress. */
    progress;
    /** The parts in flight to this bucket, whatever the number of files going up at once. */
    partSlots = new PartSlots(PARTS_AT_ONCE);
    prefix;
    place;
    constructor(options) {
        this.name = options.bucket;
        this.prefix = options.prefix.replace(/^\/+|\/+$/g, '');
        this.description = `s3://${this.name}/${this.prefix}`;
        this.place = {
            bucket: options.bucket,
            ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
        };
        this.client = createS3Client(options, true);
        this.onceClient = createS3Client(options, false);
        this.progress = options.progress;
    }
    /** What every object key of the store starts with: the prefix and a slash, or nothing. */
    get root() {
        return this.prefix === '' ? '' : `${this.prefix}/`;
    }
    /** The object key in the bucket of a store key. */
    keyOf(key) {
        const relative = key.replace(/^\/+/, '');
        return this.prefix === '' ? relative : `${this.prefix}/${relative}`;
    }
    /** A failure the user can fix as a UserError that says what to do; anything else as it is. */
    explain(error) {
        return s3UserError(error, this.place) ?? error;
    }
}
/** ETags travel quoted in HTTP; the port keeps them bare (radosgw compares If-Match without quotes). */
function unquote(etag) {
    return (etag ?? '').replace(/^"|"$/g, '');
}

;// CONCATENATED MODULE: ./lib/stores/s3-listing.js

/** Every object of the store under `prefix`, page after page: keys relative to the store's root, sorted. */
async function listObjects(bucket, prefix) {
    const found = [];
    const root = bucket.root;
    try {
        const pages = (0,dist_cjs/* paginateListObjectsV2 */.OqA)({ client: bucket.client }, { Bucket: bucket.name, Prefix: root + prefix.replace(/^\/+/, '') });
        for await (const page of pages) {
            for (const object of page.Contents ?? []) {
                if (object.Key === undefined)
                    continue;
                found.push({
                    key: object.Key.slice(root.length),
                    lastModified: object.LastModified ?? new Date(0),
                });
            }
        }
    }
    catch (error) {
        throw bucket.explain(error);
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

;// CONCATENATED MODULE: ./lib/stores/s3-reads.js




// An S3Store's reads: a missing object is undefined, a failure the user can fix a UserError.
async function headObject(bucket, key) {
    try {
        const output = await bucket.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: bucket.name, Key: bucket.keyOf(key) }));
        return { etag: unquote(output.ETag), size: output.ContentLength ?? 0, metadata: output.Metadata ?? {} };
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw bucket.explain(error);
    }
}
async function getObject(bucket, key) {
    try {
        const output = await bucket.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket.name, Key: bucket.keyOf(key) }));
        const bytes = Buffer.from((await output.Body?.transformToByteArray()) ?? []);
        return {
            bytes,
            info: { etag: unquote(output.ETag), size: bytes.length, metadata: output.Metadata ?? {} },
        };
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw bucket.explain(error);
    }
}
async function openObject(bucket, key) {
    try {
        const output = await bucket.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket.name, Key: bucket.keyOf(key) }));
        // In Node the SDK's body is the response stream itself: nothing is buffered.
        if (!(output.Body instanceof external_node_stream_.Readable))
            throw new Error(`${bucket.description}: ${key} came without a body stream`);
        return output.Body;
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw bucket.explain(error);
    }
}

// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
;// CONCATENATED MODULE: ./lib/stores/s3-conditional-errors.js



/** AWS's answers to a conditional write that overlapped another one: nothing was written, re-read and retry. */
const CONFLICT_CODES = new Set(['ConditionalRequestConflict', 'OperationAborted']);
/** Connections broken after the request may have reached the store: the write may have landed. */
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
/**
 * What a failed conditional PUT means. 412: someone else wrote first. 404 on If-Match: the object we
 * read is gone (AWS; radosgw says 412). 409 ConditionalRequestConflict: another conditional write
 * overlapped ours (AWS), which did not land. 500 and other server errors, or a broken connection: the
 * write may or may not have landed (radosgw answers 500 to a race's loser, AWS sometimes InternalError),
 * so the writer must look before it goes on. 501: the store has no conditional writes at all (Swift).
 */
function conditionalPutError(error, key, ifMatch) {
    const failure = s3Failure(error);
    if (failure === undefined) {
        const broken = (0,errno/* errnoCode */.UK)(error) ?? (error instanceof Error ? error.name : undefined);
        if (broken !== undefined && (BROKEN_CODES.has(broken) || broken === 'TimeoutError')) {
            return new object_store/* WriteOutcomeUnknown */.cE(`${key}: the connection broke during a conditional write (${broken})`);
        }
        return undefined;
    }
    const answer = `${failure.status ?? '?'} ${failure.code}`;
    if (failure.status === 412 || (ifMatch && failure.status === 404 && failure.code !== 'NoSuchBucket')) {
        return new object_store/* PreconditionFailed */.OJ(`${key} changed since it was read (${answer})`);
    }
    if (failure.status === 409 && CONFLICT_CODES.has(failure.code)) {
        return new object_store/* PreconditionFailed */.OJ(`${key}: another conditional write overlapped this one (${answer})`);
    }
    if (failure.status === 501 || failure.code === 'NotImplemented') {
        return new object_store/* ConditionalWritesUnsupported */.qR(`${key}: the store does not implement conditional writes (If-Match / If-None-Match)`);
    }
    if (failure.status !== undefined && failure.status >= 500) {
        return new object_store/* WriteOutcomeUnknown */.cE(`${key}: the store failed a conditional write (${answer}); it may have landed`);
    }
    return undefined;
}

// EXTERNAL MODULE: ./lib/util/progress.js
var util_progress = __webpack_require__(46189);
;// CONCATENATED MODULE: ./lib/stores/s3-writes.js














/**
 * Writes an object and returns its ETag: bytes in one PutObject, a file as `uploadFile` sends it, and a
 * conditional write in one PutObject tried once. A file over 64 MiB tells its progress through the
 * bucket's logger, from the start again on each call (StoreHost's next attempt of a write).
 */
async function putObject(bucket, key, body, options) {
    const params = {
        Bucket: bucket.name,
        Key: bucket.keyOf(key),
        ContentType: options.contentType,
        CacheControl: options.cacheControl,
        Metadata: options.metadata === undefined ? undefined : { ...options.metadata },
    };
    const conditional = options.ifMatch !== undefined || options.ifNoneMatch === true;
    if (Buffer.isBuffer(body))
        (0,s3_digest/* checkBytes */.A)(key, body, options.metadata?.['sha256']);
    const progress = !Buffer.isBuffer(body) && (0,util_progress/* reportsProgress */.LI)(bucket.progress, body.size)
        ? (0,util_progress/* startProgress */.ot)(bucket.progress, key, body.size)
        : undefined;
    let etag;
    try {
        if (conditional) {
            etag = await putConditional(bucket, params, body, options, progress);
        }
        else if (Buffer.isBuffer(body)) {
            etag = (await bucket.client.send(new dist_cjs/* PutObjectCommand */.wKZ({ ...params, Body: body }))).ETag;
        }
        else {
            etag = await uploadFile(bucket.client, bucket.partSlots, params, body, progress);
        }
        progress?.finish();
    }
    catch (error) {
        throw ((conditional ? conditionalPutError(error, key, options.ifMatch !== undefined) : undefined) ??
            bucket.explain(error));
    }
    // radosgw completes a multipart upload with an empty ETag; HEAD has the real one.
    if (unquote(etag) !== '')
        return unquote(etag);
    const info = await headObject(bucket, key);
    if (info === undefined)
        throw new Error(`${bucket.description}: ${key} is missing right after it was written`);
    return info.etag;
}
/** Deletes an object; one already gone is no failure. */
async function deleteObject(bucket, key) {
    try {
        await bucket.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: bucket.name, Key: bucket.keyOf(key) }));
    }
    catch (error) {
        if (isNotFound(error))
            return;
        throw bucket.explain(error);
    }
}
/**
 * One PutObject, tried once: a conditional write is part of a read-merge-write loop, and a repeat
 * after a lost response could fail against its own first attempt. A file body is streamed whole
 * (up to S3's 5 GiB single-PUT limit): new packages are created this way (If-None-Match), so they go up
 * in one PUT rather than multipart. It is signed with the sha256 its metadata announces, which
 * validation took: the store refuses the bytes if the file changed since, and the file is read once.
 */
async function putConditional(bucket, params, body, options, progress) {
    const conditions = {
        IfMatch: options.ifMatch === undefined ? undefined : unquote(options.ifMatch),
        IfNoneMatch: options.ifNoneMatch === true ? '*' : undefined,
    };
    if (Buffer.isBuffer(body)) {
        return (await bucket.onceClient.send(new dist_cjs/* PutObjectCommand */.wKZ({ ...params, ...conditions, Body: body })))
            .ETag;
    }
    const announced = options.metadata?.['sha256'];
    const sha256 = announced ?? (await (0,sha256_file/* sha256File */.Q)(body.file));
    // Timed from when the bytes go, not while a file without announced sha256 was hashed.
    if (announced === undefined)
        progress?.restart();
    const handle = await (0,promises_.open)(body.file, 'r');
    try {
        const stream = fileRangeBody(handle, { start: 0, length: body.size }, pieceBuffers(), (bytes) => progress?.advance(bytes));
        const command = new dist_cjs/* PutObjectCommand */.wKZ({
            ...params,
            ...conditions,
            Body: stream,
            ContentLength: body.size,
        });
        command.middlewareStack.add(payloadSha256(sha256), PAYLOAD_SHA256);
        return (await sendStreamed(stream, (abortSignal) => bucket.onceClient.send(command, { abortSignal })))
            .ETag;
    }
    catch (error) {
        throw await saidOfTheFile(error, body);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./lib/stores/s3-store.js





/** An S3 bucket (AWS or S3-compatible) under `s3://<bucket>/<prefix>`. */
class S3Store {
    description;
    bucket;
    constructor(options) {
        this.bucket = new S3Bucket(options);
        this.description = this.bucket.description;
    }
    head(key) {
        return headObject(this.bucket, key);
    }
    get(key) {
        return getObject(this.bucket, key);
    }
    open(key) {
        return openObject(this.bucket, key);
    }
    uploadPartSize(size) {
        return uploadPartSize(size);
    }
    put(key, body, options = {}) {
        return putObject(this.bucket, key, body, options);
    }
    delete(key) {
        return deleteObject(this.bucket, key);
    }
    async list(prefix) {
        return (await this.entries(prefix)).map((entry) => entry.key);
    }
    entries(prefix) {
        return listObjects(this.bucket, prefix);
    }
}


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
