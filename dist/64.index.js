export const id = 64;
export const ids = [64];
export const modules = {

/***/ 7064:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S3Store: () => (/* binding */ S3Store)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
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
        // The SDK warns on the console when a streamed PUT fails, e.g. the 412 a create-only write gets when
        // another publisher was first: an expected answer this store turns into its own error, not news.
        logger: QUIET,
    });
}
const ignore = () => undefined;
const QUIET = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(9661);
// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(6519);
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
function isNotFound(error) {
    const failure = s3Failure(error);
    return failure?.status === 404 || failure?.code === 'NoSuchKey' || failure?.code === 'NotFound';
}
// What S3 and its look-alikes answer to keys that are wrong, expired or not allowed here.
const CREDENTIAL_CODES = new Set([
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId',
    'InvalidToken',
    'ExpiredToken',
    'TokenRefreshRequired',
    'AccessDenied',
    'AllAccessDisabled',
]);
/**
 * Turns a failure the user can fix into a UserError that names the bucket. It says which code the
 * store gave, never what the SDK quoted from the request: no secret can leak into a workflow log.
 */
function credentialsError(error, bucket) {
    const subject = `s3://${bucket}`;
    const remedy = 'check the AWS credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the role that ' +
        'aws-actions/configure-aws-credentials assumed), the region and s3-endpoint, and that they may write to the bucket';
    if (error instanceof Error && error.name === 'CredentialsProviderError') {
        return new errors/* UserError */.y(subject, 'no AWS credentials were found', remedy);
    }
    const failure = s3Failure(error);
    if (failure === undefined)
        return undefined;
    if (CREDENTIAL_CODES.has(failure.code) || failure.status === 401 || failure.status === 403) {
        return new errors/* UserError */.y(subject, `the store refused the request (${failure.status ?? '?'} ${failure.code})`, remedy);
    }
    if (failure.code === 'NoSuchBucket') {
        return new errors/* UserError */.y(subject, 'the bucket does not exist', 'create it, or fix the bucket in package-host');
    }
    return undefined;
}
/**
 * What a failed conditional PUT means. 412: someone else wrote first. 404 on If-Match: the object we
 * read is gone (AWS; radosgw says 412). 500: radosgw's answer to the loser of a real race, so re-read
 * and merge rather than fail. 501: the store has no conditional writes at all (Swift).
 */
function conditionalPutError(error, key, ifMatch) {
    const failure = s3Failure(error);
    if (failure === undefined)
        return undefined;
    if (failure.status === 412 || (ifMatch && failure.status === 404)) {
        return new object_store/* PreconditionFailed */.O(`${key} changed since it was read (${failure.status})`);
    }
    if (failure.status === 500) {
        return new object_store/* PreconditionFailed */.O(`${key}: the store failed a conditional write (500), as radosgw does to a race's loser`);
    }
    if (failure.status === 501 || failure.code === 'NotImplemented') {
        return new object_store/* ConditionalWritesUnsupported */.q(`${key}: the store does not implement conditional writes (If-Match / If-None-Match)`);
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./lib/stores/s3-upload.js


const MiB = 1024 * 1024;
/** Parts below 5 MiB are refused by S3 (except the last); 8 MiB is what `aws s3 cp` uses. */
const PART_SIZE = 8 * MiB;
/** Swift caps an upload at 1000 parts (AWS at 10000): bigger files get bigger parts. */
const MAX_PARTS = 1000;
/**
 * Parts in flight; their buffers, PART_SIZE × QUEUE_SIZE, are all the memory an upload adds whatever
 * the file's size. Against Swift, 3, 4 or 6 went no faster than 2 within the noise (a 1 GiB upload:
 * 0.81–0.89× of aws s3 cp's time either way), and each one more adds 8 MiB to the peak RSS.
 */
const QUEUE_SIZE = 2;
function partSize(size) {
    return Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS));
}
/**
 * Uploads a local file into the bucket: one PutObject up to a part's size, else a multipart upload
 * with parts sent in parallel. Each sender reads its parts from the file into one buffer of its own,
 * reused part after part: a new buffer per part (what lib-storage allocates) leaves dead parts to the
 * garbage collector, ~60 MiB of them at a time. Parts go as bytes, not streams, so the SDK can retry
 * one; a failed upload is aborted, leaving no parts behind.
 * Returns the ETag as the server gave it (empty from radosgw's CompleteMultipartUpload).
 */
async function uploadFile(client, params, file) {
    const size = partSize(file.size);
    const handle = await (0,promises_.open)(file.file, 'r');
    try {
        if (file.size <= size) {
            const body = await readPart(handle, file, Buffer.allocUnsafe(file.size), 0, file.size);
            return (await client.send(new dist_cjs/* PutObjectCommand */.wKZ({ ...params, Body: body }))).ETag;
        }
        return await uploadParts(client, params, handle, file, size);
    }
    finally {
        await handle.close();
    }
}
async function uploadParts(client, params, handle, file, size) {
    const { Bucket, Key } = params;
    const { UploadId } = await client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4(params));
    if (UploadId === undefined)
        throw new Error(`s3://${Bucket}/${Key}: the store started no multipart upload`);
    const count = Math.ceil(file.size / size);
    const parts = [];
    let next = 0;
    let failed = false;
    const send = async () => {
        const buffer = Buffer.allocUnsafe(size);
        // After one part fails the others stop taking new ones: the upload is lost anyway.
        while (!failed && next < count) {
            const index = next++;
            const start = index * size;
            const length = Math.min(size, file.size - start);
            const body = await readPart(handle, file, buffer, start, length);
            const part = await client.send(new dist_cjs/* UploadPartCommand */.iVK({
                Bucket,
                Key,
                UploadId,
                PartNumber: index + 1,
                Body: body,
                ContentLength: length,
            }));
            parts[index] = { ETag: part.ETag, PartNumber: index + 1 };
        }
    };
    const senders = Array.from({ length: Math.min(QUEUE_SIZE, count) }, () => send().catch((error) => {
        failed = true;
        throw error;
    }));
    // Every sender settles before an abort, so no part lands after it.
    const failure = (await Promise.allSettled(senders)).find((result) => result.status === 'rejected');
    try {
        if (failure !== undefined)
            throw failure.reason;
        const done = await client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
        return done.ETag;
    }
    catch (error) {
        await client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket, Key, UploadId })).catch(() => undefined);
        throw error;
    }
}
/** `length` bytes of the file from `position` into the start of `buffer`; the file must still hold them. */
async function readPart(handle, file, buffer, position, length) {
    let filled = 0;
    while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0) {
            throw new Error(`${file.file} ended at ${position + filled} of ${file.size} bytes: it changed while uploading`);
        }
        filled += bytesRead;
    }
    return buffer.subarray(0, length);
}

;// CONCATENATED MODULE: ./lib/stores/s3-store.js






/** ETags travel quoted in HTTP; the port keeps them bare (radosgw compares If-Match without quotes). */
function unquote(etag) {
    return (etag ?? '').replace(/^"|"$/g, '');
}
/** An S3 bucket (AWS or S3-compatible) under `s3://<bucket>/<prefix>`. */
class S3Store {
    description;
    bucket;
    prefix;
    client;
    /** For conditional PUTs: an attempt that timed out may have landed, so it is never repeated blindly. */
    onceClient;
    constructor(options) {
        this.bucket = options.bucket;
        this.prefix = options.prefix.replace(/^\/+|\/+$/g, '');
        this.description = `s3://${this.bucket}/${this.prefix}`;
        this.client = createS3Client(options, true);
        this.onceClient = createS3Client(options, false);
    }
    async head(key) {
        try {
            const output = await this.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: this.bucket, Key: this.keyOf(key) }));
            return { etag: unquote(output.ETag), size: output.ContentLength ?? 0, metadata: output.Metadata ?? {} };
        }
        catch (error) {
            if (isNotFound(error))
                return undefined;
            throw this.explain(error);
        }
    }
    async get(key) {
        try {
            const output = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: this.keyOf(key) }));
            const bytes = Buffer.from((await output.Body?.transformToByteArray()) ?? []);
            return {
                bytes,
                info: { etag: unquote(output.ETag), size: bytes.length, metadata: output.Metadata ?? {} },
            };
        }
        catch (error) {
            if (isNotFound(error))
                return undefined;
            throw this.explain(error);
        }
    }
    async open(key) {
        try {
            const output = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: this.keyOf(key) }));
            // In Node the SDK's body is the response stream itself: nothing is buffered.
            if (!(output.Body instanceof external_node_stream_.Readable))
                throw new Error(`${this.description}: ${key} came without a body stream`);
            return output.Body;
        }
        catch (error) {
            if (isNotFound(error))
                return undefined;
            throw this.explain(error);
        }
    }
    async put(key, body, options = {}) {
        const params = {
            Bucket: this.bucket,
            Key: this.keyOf(key),
            ContentType: options.contentType,
            CacheControl: options.cacheControl,
            Metadata: options.metadata === undefined ? undefined : { ...options.metadata },
        };
        const conditional = options.ifMatch !== undefined || options.ifNoneMatch === true;
        let etag;
        try {
            if (conditional) {
                etag = await this.putConditional(params, body, options);
            }
            else if (Buffer.isBuffer(body)) {
                etag = (await this.client.send(new dist_cjs/* PutObjectCommand */.wKZ({ ...params, Body: body }))).ETag;
            }
            else {
                etag = await uploadFile(this.client, params, body);
            }
        }
        catch (error) {
            throw ((conditional ? conditionalPutError(error, key, options.ifMatch !== undefined) : undefined) ??
                this.explain(error));
        }
        // radosgw completes a multipart upload with an empty ETag; HEAD has the real one.
        if (unquote(etag) !== '')
            return unquote(etag);
        const info = await this.head(key);
        if (info === undefined)
            throw new Error(`${this.description}: ${key} is missing right after it was written`);
        return info.etag;
    }
    async delete(key) {
        try {
            await this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.bucket, Key: this.keyOf(key) }));
        }
        catch (error) {
            if (isNotFound(error))
                return;
            throw this.explain(error);
        }
    }
    async list(prefix) {
        return (await this.entries(prefix)).map((entry) => entry.key);
    }
    async entries(prefix) {
        const found = [];
        const root = this.prefix === '' ? '' : `${this.prefix}/`;
        try {
            const pages = (0,dist_cjs/* paginateListObjectsV2 */.OqA)({ client: this.client }, { Bucket: this.bucket, Prefix: root + prefix.replace(/^\/+/, '') });
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
            throw this.explain(error);
        }
        return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    /**
     * One PutObject, tried once: a conditional write is part of a read-merge-write loop, and a repeat
     * after a lost response could fail against its own first attempt. A file body is streamed whole
     * (up to S3's 5 GiB single-PUT limit): new packages are created this way (If-None-Match), so they go up
     * in one PUT rather than multipart.
     */
    async putConditional(params, body, options) {
        const output = await this.onceClient.send(new dist_cjs/* PutObjectCommand */.wKZ({
            ...params,
            ...(Buffer.isBuffer(body)
                ? { Body: body }
                : { Body: (0,external_node_fs_.createReadStream)(body.file), ContentLength: body.size }),
            IfMatch: options.ifMatch === undefined ? undefined : unquote(options.ifMatch),
            IfNoneMatch: options.ifNoneMatch === true ? '*' : undefined,
        }));
        return output.ETag;
    }
    keyOf(key) {
        const relative = key.replace(/^\/+/, '');
        return this.prefix === '' ? relative : `${this.prefix}/${relative}`;
    }
    explain(error) {
        return credentialsError(error, this.bucket) ?? error;
    }
}


/***/ })

};
