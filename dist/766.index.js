export const id = 766;
export const ids = [766];
export const modules = {

/***/ 24766:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageSigning: () => (/* binding */ imageSigning)
});

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/signing/attach-referrer.js
var attach_referrer = __webpack_require__(89760);
// EXTERNAL MODULE: ./lib/signing/bundle-referrers.js
var bundle_referrers = __webpack_require__(46134);
// EXTERNAL MODULE: ./lib/signing/cosign-annotations.js
var cosign_annotations = __webpack_require__(61851);
// EXTERNAL MODULE: ./lib/signing/cosign-signatures.js
var cosign_signatures = __webpack_require__(43694);
// EXTERNAL MODULE: ./lib/oci/json.js
var json = __webpack_require__(73931);
;// CONCATENATED MODULE: ./lib/signing/listed-bundle-referrer.js


/** A bundle is a few kilobytes; anything far larger listed as one is not read. */
const MAX_BUNDLE_BYTES = 1024 * 1024;
/**
 * The digest of a bundle referrer of `subjectDigest` that `isOurs` recognises, among those its referrers
 * tag lists; undefined when none is. A registry that keeps the referrers API lists them there instead,
 * and has no such tag.
 */
async function listedBundleReferrer(store, subjectDigest, isOurs) {
    const index = await store.manifest((0,bundle_referrers/* referrersTag */.LN)(subjectDigest));
    const entries = index ? (0,json/* parseJsonObject */.dw)(index.bytes)?.['manifests'] : undefined;
    if (!Array.isArray(entries))
        return undefined;
    for (const entry of entries) {
        if (!(0,json/* isJsonObject */.OW)(entry) || entry['artifactType'] !== bundle_referrers/* BUNDLE_MEDIA_TYPE */.NV)
            continue;
        const digest = entry['digest'];
        if (typeof digest !== 'string')
            continue;
        const bundle = await bundleOf(store, digest);
        if (bundle !== undefined && (await isOurs(bundle)))
            return digest;
    }
    return undefined;
}
/** The parsed bundle layer of a referrer manifest; undefined when it has none. */
async function bundleOf(store, referrer) {
    const manifest = await store.manifest(referrer);
    const layers = manifest ? (0,json/* parseJsonObject */.dw)(manifest.bytes)?.['layers'] : undefined;
    const layer = Array.isArray(layers) ? layers[0] : undefined;
    if (!(0,json/* isJsonObject */.OW)(layer) || layer['mediaType'] !== bundle_referrers/* BUNDLE_MEDIA_TYPE */.NV)
        return undefined;
    const { digest, size } = layer;
    if (typeof digest !== 'string' || typeof size !== 'number' || size > MAX_BUNDLE_BYTES)
        return undefined;
    return (0,json/* parseJsonObject */.dw)(await store.blob(digest));
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
        predicateType: bundle_referrers/* COSIGN_SIGN_PREDICATE */.u,
        predicate: {},
    };
    return Buffer.from(JSON.stringify(statement), 'utf8');
}

;// CONCATENATED MODULE: ./lib/signing/image-signatures.js








/**
 * Signs images as `cosign sign --recursive` does, in both forms consumers read: cosign's `.sig` tag and
 * the Sigstore bundle as an OCI 1.1 referrer. Each digest is signed once per run and repository;
 * mirrors get the same signatures (named, like the image, after the main registry's repository). The
 * `.sig` manifest is written last: a digest whose `.sig` holds this signer's signature is done, and a
 * re-run leaves it.
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
        // The index and its images are independent of each other: signed at once (a handful of small
        // writes each, their wall time the round trips), the records kept in the index's order.
        const subjects = (0,attach_referrer/* manifestAndChildren */.qH)(digest, root);
        const signed = await Promise.all(subjects.map((subject) => this.signOne(store, subject, signedAs)));
        return signed.flat();
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
            if (!(await this.signer.madeBy(layer, payload)))
                continue;
            // The bundle was written before the `.sig`: it is there too, named as a first run names it.
            const statement = imageSignStatement(signedAs, digest);
            const referrer = await listedBundleReferrer(store, digest, (bundle) => this.signer.madeStatement(bundle, statement));
            return [
                ...(referrer ? [record('sigstore-bundle', `${store.name}@${referrer}`, 'present')] : []),
                record('cosign-signature', `${store.name}:${sigTag}`, 'present'),
            ];
        }
        const made = await this.makeOnce(digest, payload, signedAs);
        const referrer = await (0,attach_referrer/* attachReferrer */.vO)(store, subject, Buffer.from(JSON.stringify(made.bundle)), bundle_referrers/* COSIGN_SIGN_PREDICATE */.u, made.created);
        await store.write((0,cosign_signatures/* signatureManifest */.Mn)(existing, made.layer), sigTag);
        return [
            record('sigstore-bundle', `${store.name}@${referrer}`, 'signed'),
            record('cosign-signature', `${store.name}:${sigTag}`, 'signed'),
        ];
    }
    makeOnce(digest, payload, signedAs) {
        // The signatures name the repository too: one image pushed to two repositories is signed for each,
        // while a mirror, whose signatures name the main registry's repository, gets the same ones.
        const key = `${signedAs}@${digest}`;
        let made = this.made.get(key);
        if (!made) {
            made = this.make(digest, payload, signedAs);
            this.made.set(key, made);
            // A failure is reported by the step that awaited it; the next step may try again.
            made.catch(() => this.made.delete(key));
        }
        return made;
    }
    async make(digest, payload, signedAs) {
        const message = await this.signer.signMessage(payload);
        const annotations = (0,cosign_annotations/* cosignAnnotations */.i)(message, await this.signer.chain());
        const bundle = await this.signer.signStatement(imageSignStatement(signedAs, digest));
        return { layer: (0,cosign_signatures/* signatureLayer */.MU)(payload, annotations), bundle, created: new Date() };
    }
}

;// CONCATENATED MODULE: ./lib/action/image-signing.js

/** The image signer of a run: one PayloadSigner and the signatures it made (so mirrors get the same). */
function imageSigning(signer, storeFor) {
    const signatures = new ImageSignatures(signer);
    return {
        kind: signer.kind,
        prepare: () => signer.identity(),
        sign: (step, digest) => signatures.sign(storeFor(step.registry, step.repository), digest, step.signedAs),
    };
}


/***/ }),

/***/ 61851:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ cosignAnnotations),
/* harmony export */   p: () => (/* binding */ pem)
/* harmony export */ });
/* harmony import */ var _cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43694);

/**
 * cosign's annotations of a signature layer, from the message-signature bundle of the same signature:
 * the signature; keyless, the certificate and chain (PEM); with a log entry, the Rekor bundle cosign
 * checks offline (the signed entry timestamp with the entry it covers).
 */
function cosignAnnotations(bundle, chain) {
    const signature = bundle.messageSignature?.signature;
    if (!signature)
        throw new Error('a message-signature bundle has no signature');
    const annotations = { [_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .SIGNATURE_ANNOTATION */ .ZB]: signature };
    const material = bundle.verificationMaterial;
    const certificate = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
    if (certificate)
        annotations[_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .CERTIFICATE_ANNOTATION */ .oZ] = pem(certificate);
    if (chain)
        annotations[_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .CHAIN_ANNOTATION */ .CB] = chain;
    // The JSON form leaves an empty list out (protobuf's toJSON), whatever the type says: signed without a log.
    const entry = material.tlogEntries?.[0];
    const promise = entry?.inclusionPromise?.signedEntryTimestamp;
    if (entry && promise) {
        annotations[_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .REKOR_BUNDLE_ANNOTATION */ .BJ] = JSON.stringify({
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


/***/ })

};
