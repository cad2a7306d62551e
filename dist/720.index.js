export const id = 720;
export const ids = [720];
export const modules = {

/***/ 89720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  signatureStores: () => (/* binding */ signatureStores)
});

// EXTERNAL MODULE: ./lib/oci/layout-target.js + 4 modules
var layout_target = __webpack_require__(97152);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/oci/digest.js
var oci_digest = __webpack_require__(9501);
// EXTERNAL MODULE: ./lib/oci/json.js
var json = __webpack_require__(73931);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/signing/layout-signature-store.js




/**
 * One name inside an OCI image layout as a signature store: signature and referrers tags are index.json
 * entries `<repository>:sha256-<hex>[.sig]`, as `cosign save` and oras lay them out. A layout has no
 * referrers API, so its referrers are always listed by tag.
 */
class LayoutSignatureStore {
    layout;
    repository;
    name;
    constructor(layout, repository) {
        this.layout = layout;
        this.repository = repository;
        this.name = `${layout.dir} ${repository}`;
    }
    async manifest(reference) {
        const digest = (0,oci_digest/* isDigest */.Bc)(reference)
            ? reference
            : await this.layout.tagDigest(`${this.repository}:${reference}`);
        const bytes = digest === undefined ? undefined : await this.layout.readSmallBlob(digest);
        if (bytes === undefined)
            return undefined;
        const mediaType = (0,json/* parseJsonObject */.dw)(bytes)?.['mediaType'];
        return {
            mediaType: typeof mediaType === 'string' ? mediaType : 'application/vnd.oci.image.manifest.v1+json',
            bytes,
        };
    }
    async blob(digest) {
        const bytes = await this.layout.readSmallBlob(digest);
        if (bytes === undefined) {
            throw new errors/* UserError */.y(this.layout.dir, `lists ${digest} but holds no such blob`, 'check the layout');
        }
        return bytes;
    }
    async write(artifact, reference) {
        for (const { descriptor, bytes } of artifact.blobs) {
            await this.layout.writeBlob(descriptor, async () => external_node_stream_.Readable.from([bytes]));
        }
        const digest = await this.layout.putManifest(artifact.bytes, artifact.mediaType);
        if (!(0,oci_digest/* isDigest */.Bc)(reference)) {
            await this.layout.tag(`${this.repository}:${reference}`, {
                mediaType: artifact.mediaType,
                digest,
                size: artifact.bytes.length,
            });
        }
        return { indexesReferrers: false };
    }
}

;// CONCATENATED MODULE: ./lib/signing/registry-signature-store.js

/** One repository of a registry as a signature store: signatures live beside the image they sign. */
class RegistrySignatureStore {
    client;
    repository;
    name;
    /** Blobs stored here by this run (the empty config every referrer shares): not sent again. */
    stored = new Set();
    constructor(client, registry, repository) {
        this.client = client;
        this.repository = repository;
        this.name = `${registry}/${repository}`;
    }
    async manifest(reference) {
        return this.client.getManifest(this.repository, reference);
    }
    async blob(digest) {
        // The client checks the digest as the stream ends.
        const chunks = [];
        for await (const chunk of await this.client.openBlob(this.repository, digest))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    async write(artifact, reference) {
        // No HEAD first: a signature's blobs are a few hundred bytes, almost always new (a bundle, a config
        // naming its layers), and storing one that is there already changes nothing. The HEAD would cost a
        // round trip to save one.
        for (const { descriptor, bytes } of artifact.blobs) {
            if (this.stored.has(descriptor.digest))
                continue;
            await this.client.uploadBlob(this.repository, descriptor, async () => external_node_stream_.Readable.from([bytes]));
            this.stored.add(descriptor.digest);
        }
        const stored = await this.client.storeManifest(this.repository, reference, {
            bytes: artifact.bytes,
            mediaType: artifact.mediaType,
        });
        return { indexesReferrers: stored.indexesReferrers };
    }
}

;// CONCATENATED MODULE: ./lib/action/signature-stores.js



/** One store per repository for the run, so what it learns (the blobs it stored) serves every step. */
function signatureStores(clientFor) {
    const layouts = new Map();
    const registries = new Map();
    return (registry, repository) => {
        if (registry.kind === 'registry') {
            const key = `${registry.host}/${repository}`;
            let store = registries.get(key);
            if (!store) {
                store = new RegistrySignatureStore(clientFor(registry.host), registry.host, repository);
                registries.set(key, store);
            }
            return store;
        }
        let layout = layouts.get(registry.dir);
        if (!layout) {
            layout = new layout_target/* OciLayoutTarget */.l(registry.dir);
            layouts.set(registry.dir, layout);
        }
        return new LayoutSignatureStore(layout, repository);
    };
}


/***/ }),

/***/ 21013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EP: () => (/* binding */ REF_NAME_ANNOTATION),
/* harmony export */   K$: () => (/* binding */ INDEX_FILE),
/* harmony export */   gI: () => (/* binding */ LAYOUT_FILE),
/* harmony export */   nD: () => (/* binding */ blobPath),
/* harmony export */   w9: () => (/* binding */ LAYOUT_VERSION),
/* harmony export */   xl: () => (/* binding */ BLOBS_DIR)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);

/** The names an OCI image layout is made of (image-spec, image-layout.md). */
const LAYOUT_FILE = 'oci-layout';
const INDEX_FILE = 'index.json';
const BLOBS_DIR = 'blobs';
const LAYOUT_VERSION = '1.0.0';
/** The annotation by which index.json names an image: what skopeo's `oci:<dir>:<ref>` looks up. */
const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
/** blobs/<alg>/<hex>: a checked digest has no `/` or `..`, so this stays inside the layout. */
function blobPath(dir, digest) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, BLOBS_DIR, digest.algorithm, digest.hex);
}


/***/ }),

/***/ 97152:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ OciLayoutTarget)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/util/atomic-file.js
var atomic_file = __webpack_require__(13854);
// EXTERNAL MODULE: ./lib/util/errno.js
var errno = __webpack_require__(85980);
// EXTERNAL MODULE: ./lib/util/progress.js
var util_progress = __webpack_require__(46189);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./lib/oci/content-check.js
var content_check = __webpack_require__(117);
;// CONCATENATED MODULE: ./lib/oci/checked-write.js


/**
 * Writes a blob's chunks into `file` through `check`, each one on its way before the next is asked for
 * (the reader may reuse its buffer), and ends the file once the whole content checked out. Each chunk
 * goes into `progress` once it is written.
 */
async function writeChecked(reader, check, file, progress) {
    // A failed write reports to its callback; without a listener the 'error' it also emits would throw.
    file.on('error', () => undefined);
    try {
        for await (const chunk of (0,content_check/* checkedChunks */.mM)(reader, check)) {
            await new Promise((resolve, reject) => {
                file.write(chunk, (error) => (error ? reject(error) : resolve()));
            });
            progress?.advance(chunk.length);
        }
    }
    finally {
        reader.destroy();
    }
    file.end();
    await (0,external_node_stream_promises_.finished)(file);
}

// EXTERNAL MODULE: ./lib/oci/digest.js
var oci_digest = __webpack_require__(9501);
// EXTERNAL MODULE: ./lib/oci/json.js
var json = __webpack_require__(73931);
// EXTERNAL MODULE: ./lib/oci/layout-files.js
var layout_files = __webpack_require__(21013);
;// CONCATENATED MODULE: ./lib/oci/layout-path-error.js


/**
 * The error for a layout path that runs through a file (the target names a file, or blobs/ is one):
 * the user names another directory or moves the file. Any other error is returned as it is.
 */
function layoutPathError(error, dir, subject) {
    if (!(0,errno/* hasErrnoCode */.qk)(error, 'ENOTDIR') && !(0,errno/* hasErrnoCode */.qk)(error, 'EEXIST'))
        return error;
    return new errors/* UserError */.y(subject, `${dir} is not a directory, or holds a file where the layout needs one (blobs/)`, 'name a directory for the layout (it is created if it does not exist)');
}

;// CONCATENATED MODULE: ./lib/oci/layout-skeleton.js








/**
 * Creates a layout's skeleton (blobs/ and its oci-layout file) where it is missing; refuses a
 * directory whose oci-layout names another version.
 */
async function createLayoutSkeleton(dir, subject) {
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, layout_files/* BLOBS_DIR */.xl), { recursive: true }).catch((error) => {
        throw layoutPathError(error, dir, subject);
    });
    const file = (0,external_node_path_.join)(dir, layout_files/* LAYOUT_FILE */.gI);
    const existing = await (0,promises_.readFile)(file).catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    });
    if (existing === undefined) {
        await (0,atomic_file/* writeFileAtomic */.Z)(file, Buffer.from(JSON.stringify({ imageLayoutVersion: layout_files/* LAYOUT_VERSION */.w9 })));
        return;
    }
    const version = (0,json/* parseJsonObject */.dw)(existing)?.['imageLayoutVersion'];
    if (typeof version !== 'string' || !version.startsWith('1.')) {
        throw new errors/* UserError */.y(subject, `${layout_files/* LAYOUT_FILE */.gI} gives no supported imageLayoutVersion (1.x)`);
    }
}

// EXTERNAL MODULE: ./lib/oci/media-types.js
var media_types = __webpack_require__(50261);
;// CONCATENATED MODULE: ./lib/oci/layout-target-index.js









/**
 * The ref-name grammar of the image-layout spec (`component ("/" component)*`), which skopeo also
 * enforces: a name outside it would be written but could not be read back with `oci:<dir>:<name>`.
 */
const COMPONENT = '[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*';
const REF_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/**
 * index.json rewrites of one directory, chained: each reads the file the previous one wrote, so two
 * tags set at once both survive. Keyed by absolute path, so two targets over one directory share it.
 */
const indexQueues = new Map();
function isRefName(name) {
    return REF_NAME.test(name);
}
/** The name index.json gives an entry (its ref-name annotation), or undefined. */
function refName(entry) {
    const annotations = (0,json/* isJsonObject */.OW)(entry) ? entry['annotations'] : undefined;
    const name = (0,json/* isJsonObject */.OW)(annotations) ? annotations[layout_files/* REF_NAME_ANNOTATION */.EP] : undefined;
    return typeof name === 'string' ? name : undefined;
}
/** `entries` with `entry` named `name`: the entry of that name is replaced in its place, or `entry` comes last. */
function withNamedEntry(entries, name, entry) {
    const others = entries.filter((other) => refName(other) !== name);
    const at = entries.findIndex((other) => refName(other) === name);
    return at < 0 ? [...others, entry] : [...others.slice(0, at), entry, ...others.slice(at)];
}
/** index.json with its manifests list; undefined when there is none yet. */
async function readTargetIndex(dir, subject) {
    const bytes = await (0,promises_.readFile)((0,external_node_path_.join)(dir, layout_files/* INDEX_FILE */.K$)).catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw layoutPathError(error, dir, subject);
    });
    if (bytes === undefined)
        return undefined;
    const index = (0,json/* parseJsonObject */.dw)(bytes);
    const manifests = index?.['manifests'];
    if (index === undefined || !Array.isArray(manifests)) {
        // Never overwritten: it may hold the user's other images.
        throw new errors/* UserError */.y(subject, `${layout_files/* INDEX_FILE */.K$} is not an image index with a manifests list`);
    }
    return { index, manifests };
}
/** Rewrites index.json's manifests list, one rewrite at a time per directory (see indexQueues). */
async function updateTargetIndex(dir, subject, change) {
    const key = (0,external_node_path_.resolve)(dir);
    const previous = indexQueues.get(key) ?? Promise.resolve();
    const next = previous
        .catch(() => undefined) // the previous writer's failure is its caller's
        .then(async () => {
        const current = await readTargetIndex(dir, subject);
        const index = current?.index ?? { schemaVersion: 2, mediaType: media_types/* MediaTypes */.mI.ociIndex };
        // Other fields of an existing index.json (its annotations...) are kept as they are.
        const updated = { ...index, manifests: change(current?.manifests ?? []) };
        await (0,atomic_file/* writeFileAtomic */.Z)((0,external_node_path_.join)(dir, layout_files/* INDEX_FILE */.K$), Buffer.from(JSON.stringify(updated)));
    });
    indexQueues.set(key, next);
    try {
        await next;
    }
    finally {
        if (indexQueues.get(key) === next)
            indexQueues.delete(key);
    }
}

;// CONCATENATED MODULE: ./lib/oci/layout-target.js















/**
 * An OCI image layout written in place: blobs (manifests too) land atomically under blobs/<alg>/<hex>,
 * each checked against its digest while it streams; index.json names images by
 * `org.opencontainers.image.ref.name`, as skopeo's `oci:<dir>:<ref>` reads them.
 */
class OciLayoutTarget {
    dir;
    progress;
    subject;
    ready;
    constructor(dir, 
    /** Where the progress of blobs over 64 MiB is told; nowhere when absent. */
    progress) {
        this.dir = dir;
        this.progress = progress;
        this.subject = `oci-layout:${dir}`;
    }
    async hasBlob(digest) {
        try {
            return (await (0,promises_.stat)(this.blobPath(digest))).isFile();
        }
        catch (error) {
            if ((0,errno/* isNotFound */.c4)(error))
                return false;
            throw layoutPathError(error, this.dir, this.subject);
        }
    }
    /**
     * Writes a blob into the layout unless it is there already (then `open` is not called). What
     * arrives must have the descriptor's digest and size, or nothing is written; a blob that runs past
     * its size is cut off at once. Different blobs may be written concurrently. A blob over 64 MiB logs
     * its progress.
     */
    async writeBlob(descriptor, open) {
        const digest = this.parse(descriptor.digest);
        if (await this.hasBlob(descriptor.digest))
            return;
        await this.ensureLayout();
        const path = (0,layout_files/* blobPath */.nD)(this.dir, digest);
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, layout_files/* BLOBS_DIR */.xl, digest.algorithm), { recursive: true });
        const check = new content_check/* ContentCheck */.S$(descriptor, (problem) => new errors/* UserError */.y(this.subject, `blob ${descriptor.digest} is not what its descriptor says: ${problem}`, 'the source is damaged or changed while it was copied; nothing was written'));
        const progress = (0,util_progress/* startProgress */.ot)(this.progress, `${this.subject}: ${(0,oci_digest/* shortDigest */.VK)(descriptor.digest)}`, descriptor.size);
        // The blob's temporary file goes in blobs/ itself: the rename stays on one filesystem.
        await (0,atomic_file/* writeFileAtomic */.Z)(path, async (file) => writeChecked(await open(), check, file, progress), undefined, (0,external_node_path_.join)(this.dir, layout_files/* BLOBS_DIR */.xl));
        progress.finish();
    }
    hasManifest(digest) {
        return this.hasBlob(digest);
    }
    /** Stores a manifest's exact bytes as a blob; returns its digest. */
    async putManifest(bytes, mediaType) {
        const own = (0,json/* parseJsonObject */.dw)(bytes)?.['mediaType'];
        if (own !== undefined && own !== mediaType) {
            throw new errors/* UserError */.y(this.subject, `a manifest that says it is ${String(own)} was given as ${mediaType}`);
        }
        const digest = (0,oci_digest/* digestBytes */.QN)(bytes);
        await this.writeBlob({ mediaType, digest, size: bytes.length }, async () => external_node_stream_.Readable.from([bytes]));
        return digest;
    }
    /**
     * Points `name` at a manifest the layout holds: index.json's entry of that name is replaced (in its
     * place), every other entry is kept, and the file is swapped atomically.
     */
    async tag(name, descriptor) {
        if (!isRefName(name)) {
            throw new errors/* UserError */.y(this.subject, `'${name}' is not a valid image-layout ref name`, 'use letters, digits and . _ - : @ + between them, components separated by /');
        }
        if (!(await this.hasManifest(descriptor.digest))) {
            throw new errors/* UserError */.y(this.subject, `cannot tag ${name}: the layout does not hold ${descriptor.digest}`);
        }
        await this.ensureLayout();
        const entry = {
            mediaType: descriptor.mediaType,
            digest: descriptor.digest,
            size: descriptor.size,
            ...(descriptor.platform === undefined ? {} : { platform: descriptor.platform }),
            annotations: { ...descriptor.annotations, [layout_files/* REF_NAME_ANNOTATION */.EP]: name },
        };
        await updateTargetIndex(this.dir, this.subject, (entries) => withNamedEntry(entries, name, entry));
    }
    /** A small blob's bytes (a manifest), checked against its digest; undefined when the layout lacks it. */
    async readSmallBlob(digest) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(this.blobPath(digest));
        }
        catch (error) {
            if ((0,errno/* isNotFound */.c4)(error))
                return undefined;
            throw layoutPathError(error, this.dir, this.subject);
        }
        if ((0,oci_digest/* digestBytes */.QN)(bytes, this.parse(digest).algorithm) !== digest) {
            throw new errors/* UserError */.y(this.subject, `the blob ${digest} does not have its digest`, 'check the layout');
        }
        return bytes;
    }
    /** The digest index.json names `name` with, or undefined. */
    async tagDigest(name) {
        const index = await readTargetIndex(this.dir, this.subject);
        const entry = index?.manifests.find((other) => refName(other) === name);
        const digest = (0,json/* isJsonObject */.OW)(entry) ? entry['digest'] : undefined;
        return typeof digest === 'string' ? digest : undefined;
    }
    parse(digest) {
        const parsed = (0,oci_digest/* parseDigest */.m)(digest);
        if (parsed === undefined)
            throw new errors/* UserError */.y(this.subject, `malformed digest ${digest}`);
        return parsed;
    }
    blobPath(digest) {
        return (0,layout_files/* blobPath */.nD)(this.dir, this.parse(digest));
    }
    /** Creates the layout's skeleton once (see createLayoutSkeleton). */
    ensureLayout() {
        this.ready ??= createLayoutSkeleton(this.dir, this.subject);
        // A failed attempt (a permission error...) may be retried by the next call.
        this.ready.catch(() => {
            this.ready = undefined;
        });
        return this.ready;
    }
}


/***/ })

};
