export const id = 273;
export const ids = [273];
export const modules = {

/***/ 1273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageSigning: () => (/* binding */ imageSigning)
});

// EXTERNAL MODULE: ./lib/oci/layout-target.js + 4 modules
var layout_target = __webpack_require__(97152);
// EXTERNAL MODULE: ./lib/oci/json.js
var json = __webpack_require__(73931);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/signing/oci-artifact.js
var oci_artifact = __webpack_require__(73257);
;// CONCATENATED MODULE: ./lib/signing/bundle-referrers.js


const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** The statement cosign signs for an image in its bundle format; build provenance is the other kind written. */
const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
const SLSA_PROVENANCE_PREDICATE = 'https://slsa.dev/provenance/v1';
const EMPTY_CONFIG = (0,oci_artifact/* blobOf */.DE)('application/vnd.oci.empty.v1+json', Buffer.from('{}'));
/**
 * A Sigstore bundle attached to an image as an OCI 1.1 referrer, as cosign and actions/attest attach
 * them: an artifact manifest whose `subject` is the image and whose one layer is the bundle.
 */
function bundleReferrer(subject, bundle, predicateType, created) {
    const layer = (0,oci_artifact/* blobOf */.DE)(BUNDLE_MEDIA_TYPE, bundle);
    const manifest = {
        schemaVersion: 2,
        mediaType: oci_artifact/* OCI_MANIFEST */.EG,
        artifactType: BUNDLE_MEDIA_TYPE,
        config: EMPTY_CONFIG.descriptor,
        layers: [layer.descriptor],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': predicateType,
            'org.opencontainers.image.created': created.toISOString(),
        },
    };
    return (0,oci_artifact/* artifactOf */.qB)(manifest, [EMPTY_CONFIG, layer]);
}
/** The referrers tag schema: a registry without the referrers API lists an image's referrers in the index tagged `sha256-<hex>`. */
function referrersTag(subjectDigest) {
    return (0,oci_artifact/* digestTag */.t9)(subjectDigest);
}
/** The referrers index with `referrer` added (once), every entry already there kept. */
function referrersIndex(existing, referrer) {
    const entries = existingEntries(existing).filter((entry) => entry['digest'] !== referrer.digest);
    const parsed = (0,json/* parseJsonObject */.dw)(referrer.bytes);
    const annotations = parsed?.['annotations'];
    entries.push({
        mediaType: referrer.mediaType,
        digest: referrer.digest,
        size: referrer.bytes.length,
        artifactType: parsed?.['artifactType'],
        ...((0,json/* isJsonObject */.OW)(annotations) ? { annotations } : {}),
    });
    return (0,oci_artifact/* artifactOf */.qB)({ schemaVersion: 2, mediaType: oci_artifact/* OCI_INDEX */.$p, manifests: entries }, []);
}
function existingEntries(existing) {
    const manifests = existing ? (0,json/* parseJsonObject */.dw)(existing)?.['manifests'] : undefined;
    return Array.isArray(manifests) ? manifests.filter(json/* isJsonObject */.OW).map((entry) => ({ ...entry })) : [];
}

// EXTERNAL MODULE: ./lib/signing/cosign-signatures.js
var cosign_signatures = __webpack_require__(43694);
;// CONCATENATED MODULE: ./lib/signing/cosign-annotations.js

/**
 * cosign's annotations of a signature layer, from the message-signature bundle of the same signature:
 * the signature; keyless, the certificate and chain (PEM); with a log entry, the Rekor bundle cosign
 * checks offline (the signed entry timestamp with the entry it covers).
 */
function cosignAnnotations(bundle, chain) {
    const signature = bundle.messageSignature?.signature;
    if (!signature)
        throw new Error('a message-signature bundle has no signature');
    const annotations = { [cosign_signatures/* SIGNATURE_ANNOTATION */.ZB]: signature };
    const material = bundle.verificationMaterial;
    const certificate = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
    if (certificate)
        annotations[cosign_signatures/* CERTIFICATE_ANNOTATION */.oZ] = pem(certificate);
    if (chain)
        annotations[cosign_signatures/* CHAIN_ANNOTATION */.CB] = chain;
    const entry = material.tlogEntries[0];
    const promise = entry?.inclusionPromise?.signedEntryTimestamp;
    if (entry && promise) {
        annotations[cosign_signatures/* REKOR_BUNDLE_ANNOTATION */.BJ] = JSON.stringify({
            SignedEntryTimestamp: promise,
            Payload: {
                body: entry.canonicalizedBody,
                integratedTime: Number(entry.integratedTime),
                logIndex: Number(entry.logIndex),
                logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
            },
        });
    }
    return annotations;
}
/** A DER certificate (base64) as PEM. */
function pem(base64Der) {
    const lines = base64Der.match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

// EXTERNAL MODULE: ./lib/signing/simple-signing.js
var simple_signing = __webpack_require__(21451);
;// CONCATENATED MODULE: ./lib/signing/sign-statement.js

/**
 * The in-toto statement cosign's bundle format signs for an image: the image named by its repository,
 * its digest the subject, no predicate. A verifier checks the subject digest against the image.
 */
function imageSignStatement(dockerReference, digest) {
    const [algorithm, hex] = digest.split(':');
    const statement = {
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: dockerReference, digest: { [algorithm ?? 'sha256']: hex } }],
        predicateType: COSIGN_SIGN_PREDICATE,
        predicate: {},
    };
    return Buffer.from(JSON.stringify(statement), 'utf8');
}

;// CONCATENATED MODULE: ./lib/signing/image-signatures.js







/**
 * Signs images as `cosign sign --recursive` does, in both forms consumers read: cosign's `.sig` tag and
 * the Sigstore bundle as an OCI 1.1 referrer. Each digest is signed once per run; mirrors get the same
 * signatures (named, like the image, after the main registry's repository). The `.sig` manifest is
 * written last: a digest whose `.sig` holds this signer's signature is done, and a re-run leaves it.
 */
class ImageSignatures {
    signer;
    made = new Map();
    constructor(signer) {
        this.signer = signer;
    }
    /** Signs the manifest `digest` names in `store` and, for an index, each of its images. */
    async sign(store, digest, signedAs) {
        const root = await store.manifest(digest);
        if (root === undefined) {
            throw new errors/* UserError */.y(store.name, `holds no manifest ${digest} to sign`, 'run again: the push did not land');
        }
        const subjects = [
            { mediaType: root.mediaType, digest, size: root.bytes.length },
            ...childrenOf(root.bytes),
        ];
        const records = [];
        for (const subject of subjects)
            records.push(...(await this.signOne(store, subject, signedAs)));
        return records;
    }
    async signOne(store, subject, signedAs) {
        const { digest } = subject;
        const payload = (0,simple_signing/* simpleSigningPayload */.K)(signedAs, digest);
        const sigTag = (0,cosign_signatures/* signatureTag */.bG)(digest);
        const existing = (await store.manifest(sigTag))?.bytes;
        const signer = await this.signer.identity();
        const record = (kind, where, state) => ({
            subject: `${store.name}@${digest}`,
            digest,
            kind,
            where,
            signer,
            state,
        });
        for (const layer of (0,cosign_signatures/* existingSignatures */.p9)(existing)) {
            if (await this.signer.madeBy(layer, payload))
                return [record('cosign-signature', `${store.name}:${sigTag}`, 'present')];
        }
        const made = await this.makeOnce(digest, payload, signedAs);
        const referrer = bundleReferrer(subject, Buffer.from(JSON.stringify(made.bundle)), COSIGN_SIGN_PREDICATE, made.created);
        const { indexesReferrers } = await store.write(referrer, referrer.digest);
        if (!indexesReferrers) {
            const tag = referrersTag(digest);
            await store.write(referrersIndex((await store.manifest(tag))?.bytes, referrer), tag);
        }
        await store.write((0,cosign_signatures/* signatureManifest */.Mn)(existing, made.layer), sigTag);
        return [
            record('sigstore-bundle', `${store.name}@${referrer.digest}`, 'signed'),
            record('cosign-signature', `${store.name}:${sigTag}`, 'signed'),
        ];
    }
    makeOnce(digest, payload, signedAs) {
        let made = this.made.get(digest);
        if (!made) {
            made = this.make(digest, payload, signedAs);
            this.made.set(digest, made);
            // A failure is reported by the step that awaited it; the next step may try again.
            made.catch(() => this.made.delete(digest));
        }
        return made;
    }
    async make(digest, payload, signedAs) {
        const message = await this.signer.signMessage(payload);
        const annotations = cosignAnnotations(message, await this.signer.chain());
        const bundle = await this.signer.signStatement(imageSignStatement(signedAs, digest));
        return { layer: (0,cosign_signatures/* signatureLayer */.MU)(payload, annotations), bundle, created: new Date() };
    }
}
/** The images an index lists (none for an image manifest). */
function childrenOf(bytes) {
    const manifests = (0,json/* parseJsonObject */.dw)(bytes)?.['manifests'];
    if (!Array.isArray(manifests))
        return [];
    return manifests.flatMap((entry) => {
        if (!(0,json/* isJsonObject */.OW)(entry))
            return [];
        const { mediaType, digest, size } = entry;
        if (typeof mediaType !== 'string' || typeof digest !== 'string' || typeof size !== 'number')
            return [];
        return [{ mediaType, digest, size }];
    });
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/oci/digest.js
var oci_digest = __webpack_require__(9501);
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
    constructor(client, registry, repository) {
        this.client = client;
        this.repository = repository;
        this.name = `${registry}/${repository}`;
    }
    async manifest(reference) {
        return this.client.getManifest(this.repository, reference);
    }
    async write(artifact, reference) {
        for (const { descriptor, bytes } of artifact.blobs) {
            if (await this.client.hasBlob(this.repository, descriptor.digest))
                continue;
            await this.client.uploadBlob(this.repository, descriptor, async () => external_node_stream_.Readable.from([bytes]));
        }
        const stored = await this.client.storeManifest(this.repository, reference, {
            bytes: artifact.bytes,
            mediaType: artifact.mediaType,
        });
        return { indexesReferrers: stored.indexesReferrers };
    }
}

;// CONCATENATED MODULE: ./lib/action/image-signing.js




/**
 * The image signer of a run: one PayloadSigner, the signatures it made (so mirrors get the same), and a
 * signature store per repository, on the registry client the pushes use (same credentials).
 */
function imageSigning(signer, clientFor) {
    const signatures = new ImageSignatures(signer);
    const layouts = new Map();
    const storeFor = (registry, repository) => {
        if (registry.kind === 'registry') {
            return new RegistrySignatureStore(clientFor(registry.host), registry.host, repository);
        }
        let layout = layouts.get(registry.dir);
        if (!layout) {
            layout = new layout_target/* OciLayoutTarget */.l(registry.dir);
            layouts.set(registry.dir, layout);
        }
        return new LayoutSignatureStore(layout, repository);
    };
    return {
        kind: signer.kind,
        prepare: () => signer.identity(),
        sign: (step, digest) => signatures.sign(storeFor(step.registry, step.repository), digest, step.signedAs),
    };
}


/***/ }),

/***/ 73931:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JM: () => (/* binding */ stringRecord),
/* harmony export */   OW: () => (/* binding */ isJsonObject),
/* harmony export */   dw: () => (/* binding */ parseJsonObject)
/* harmony export */ });
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Parses bytes that must hold a JSON object; undefined when they do not (the caller names the file). */
function parseJsonObject(bytes) {
    let value;
    try {
        value = JSON.parse(bytes.toString());
    }
    catch {
        return undefined;
    }
    return isJsonObject(value) ? value : undefined;
}
/** The string fields of an object (annotations, labels); undefined when any value is not a string. */
function stringRecord(value) {
    if (!isJsonObject(value))
        return undefined;
    const record = {};
    for (const [key, field] of Object.entries(value)) {
        if (typeof field !== 'string')
            return undefined;
        record[key] = field;
    }
    return record;
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
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./lib/oci/content-check.js
var content_check = __webpack_require__(117);
;// CONCATENATED MODULE: ./lib/oci/checked-write.js


/**
 * Writes a blob's chunks into `file` through `check`, each one on its way before the next is asked for
 * (the reader may reuse its buffer), and ends the file once the whole content checked out.
 */
async function writeChecked(reader, check, file) {
    // A failed write reports to its callback; without a listener the 'error' it also emits would throw.
    file.on('error', () => undefined);
    try {
        for await (const chunk of (0,content_check/* checkedChunks */.mM)(reader, check)) {
            await new Promise((resolve, reject) => {
                file.write(chunk, (error) => (error ? reject(error) : resolve()));
            });
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
    subject;
    ready;
    constructor(dir) {
        this.dir = dir;
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
     * its size is cut off at once. Different blobs may be written concurrently.
     */
    async writeBlob(descriptor, open) {
        const digest = this.parse(descriptor.digest);
        if (await this.hasBlob(descriptor.digest))
            return;
        await this.ensureLayout();
        const path = (0,layout_files/* blobPath */.nD)(this.dir, digest);
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, layout_files/* BLOBS_DIR */.xl, digest.algorithm), { recursive: true });
        const check = new content_check/* ContentCheck */.S$(descriptor, (problem) => new errors/* UserError */.y(this.subject, `blob ${descriptor.digest} is not what its descriptor says: ${problem}`, 'the source is damaged or changed while it was copied; nothing was written'));
        // The blob's temporary file goes in blobs/ itself: the rename stays on one filesystem.
        await (0,atomic_file/* writeFileAtomic */.Z)(path, async (file) => writeChecked(await open(), check, file), undefined, (0,external_node_path_.join)(this.dir, layout_files/* BLOBS_DIR */.xl));
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


/***/ }),

/***/ 43694:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ REKOR_BUNDLE_ANNOTATION),
/* harmony export */   CB: () => (/* binding */ CHAIN_ANNOTATION),
/* harmony export */   MU: () => (/* binding */ signatureLayer),
/* harmony export */   Mn: () => (/* binding */ signatureManifest),
/* harmony export */   ZB: () => (/* binding */ SIGNATURE_ANNOTATION),
/* harmony export */   bG: () => (/* binding */ signatureTag),
/* harmony export */   oZ: () => (/* binding */ CERTIFICATE_ANNOTATION),
/* harmony export */   p9: () => (/* binding */ existingSignatures)
/* harmony export */ });
/* unused harmony export SIMPLE_SIGNING */
/* harmony import */ var _oci_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73931);
/* harmony import */ var _oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73257);


/** cosign's classic scheme: the signatures of `sha256:<hex>` are the layers of the manifest tagged `sha256-<hex>.sig`. */
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
const REKOR_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
function signatureTag(digest) {
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .digestTag */ .t9)(digest, '.sig');
}
/** One signature: the payload blob, annotated with the signature (and, keyless, certificate, chain, log entry). */
function signatureLayer(payload, annotations) {
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .blobOf */ .DE)(SIMPLE_SIGNING, payload, annotations);
}
/** The signature layers of a `.sig` manifest (none when there is none, or it is not cosign's). */
function existingSignatures(manifest) {
    const layers = manifest ? (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(manifest)?.['layers'] : undefined;
    if (!Array.isArray(layers))
        return [];
    return layers.flatMap((layer) => {
        if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(layer) || layer['mediaType'] !== SIMPLE_SIGNING)
            return [];
        const digest = layer['digest'];
        const annotations = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stringRecord */ .JM)(layer['annotations']) ?? {};
        return typeof digest === 'string' ? [{ digest, annotations }] : [];
    });
}
/**
 * The `.sig` manifest with `layer` added after the layers already there (other signers' signatures are
 * kept, as `cosign sign` keeps them). Its config is the image config cosign writes: one diff id per layer.
 */
function signatureManifest(existing, layer) {
    const kept = keptLayers(existing);
    const layers = [...kept, layer.descriptor];
    const config = (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .blobOf */ .DE)('application/vnd.oci.image.config.v1+json', Buffer.from(JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((descriptor) => descriptor.digest) },
        config: {},
    })));
    const manifest = {
        schemaVersion: 2,
        mediaType: _oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .OCI_MANIFEST */ .EG,
        config: config.descriptor,
        layers,
    };
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactOf */ .qB)(manifest, [config, layer]);
}
/** The descriptors of the layers an existing `.sig` manifest has: their blobs are already stored beside it. */
function keptLayers(existing) {
    const layers = existing ? (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(existing)?.['layers'] : undefined;
    if (!Array.isArray(layers))
        return [];
    return layers.flatMap((layer) => {
        if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(layer))
            return [];
        const { mediaType, digest, size } = layer;
        if (typeof mediaType !== 'string' || typeof digest !== 'string' || typeof size !== 'number')
            return [];
        const annotations = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stringRecord */ .JM)(layer['annotations']);
        return [{ mediaType, digest, size, ...(annotations ? { annotations } : {}) }];
    });
}


/***/ }),

/***/ 73257:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   DE: () => (/* binding */ blobOf),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   qB: () => (/* binding */ artifactOf),
/* harmony export */   t9: () => (/* binding */ digestTag)
/* harmony export */ });
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9501);

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** A blob's descriptor from its bytes. */
function blobOf(mediaType, bytes, annotations) {
    const descriptor = {
        mediaType,
        digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestBytes */ .QN)(bytes),
        size: bytes.length,
        ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
    };
    return { descriptor, bytes };
}
/** A manifest's bytes are its JSON as written here: what is written is what its digest names. */
function artifactOf(manifest, blobs) {
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const mediaType = manifest.mediaType ?? OCI_MANIFEST;
    return { mediaType, digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestBytes */ .QN)(bytes), bytes, blobs };
}
/** `sha256:<hex>` → `sha256-<hex>`: the tag form of a digest, as cosign and the referrers tag schema name them. */
function digestTag(digest, suffix = '') {
    return `${digest.replace(':', '-')}${suffix}`;
}


/***/ })

};
