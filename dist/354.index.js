export const id = 354;
export const ids = [354];
export const modules = {

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

/***/ 82708:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QE: () => (/* binding */ NEW_KEY_PAIR),
/* harmony export */   eF: () => (/* binding */ AS_COSIGN_WRITES_IT),
/* harmony export */   qF: () => (/* binding */ badCosignKey),
/* harmony export */   sZ: () => (/* binding */ wrongCosignPassword)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

// These inputs are secrets: no message may quote them, so none takes a value read from them.
const AS_COSIGN_WRITES_IT = 'give the contents of cosign.key as `cosign generate-key-pair` writes it, BEGIN and END lines included';
const NEW_KEY_PAIR = 'make a new pair with `cosign generate-key-pair`';
function badCosignKey(problem, remedy = AS_COSIGN_WRITES_IT) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('cosign-key', problem, remedy);
}
function wrongCosignPassword() {
    // A wrong password and a changed ciphertext fail the same authentication: nothing tells them apart.
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('cosign-password', 'does not decrypt cosign-key', 'give the password `cosign generate-key-pair` asked for (empty if none was set); if it is right, cosign-key is damaged or incomplete');
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

/***/ 91278:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ signedStatement)
/* harmony export */ });
/* harmony import */ var _oci_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73931);
/* harmony import */ var _cosign_annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61851);


/**
 * The signature of a serialized bundle (read from a registry, so checked field by field) when it is a
 * DSSE envelope over exactly `statement`; undefined for any other bundle.
 */
function signedStatement(bundle, statement) {
    if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(bundle))
        return undefined;
    const envelope = bundle['dsseEnvelope'];
    if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(envelope))
        return undefined;
    const { payload, payloadType, signatures } = envelope;
    if (typeof payload !== 'string' || typeof payloadType !== 'string' || !Array.isArray(signatures)) {
        return undefined;
    }
    if (!Buffer.from(payload, 'base64').equals(statement))
        return undefined;
    const first = signatures[0];
    const sig = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(first) ? first['sig'] : undefined;
    if (typeof sig !== 'string')
        return undefined;
    return {
        signedBytes: preAuthEncoding(payloadType, statement),
        signature: Buffer.from(sig, 'base64'),
        certificate: certificateOf(bundle['verificationMaterial']),
    };
}
/** DSSE's PAE: `DSSEv1 <len(type)> <type> <len(payload)> <payload>`. */
function preAuthEncoding(payloadType, payload) {
    const header = `DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `;
    return Buffer.concat([Buffer.from(header, 'utf8'), payload]);
}
/** The leaf certificate, as PEM: alone (bundle v0.3) or first of a chain (v0.2). */
function certificateOf(material) {
    if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(material))
        return undefined;
    const single = material['certificate'];
    const chain = material['x509CertificateChain'];
    const first = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(chain) && Array.isArray(chain['certificates']) ? chain['certificates'][0] : undefined;
    const rawBytes = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(single)
        ? single['rawBytes']
        : (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(first)
            ? first['rawBytes']
            : undefined;
    return typeof rawBytes === 'string' ? (0,_cosign_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .pem */ .p)(rawBytes) : undefined;
}


/***/ }),

/***/ 7354:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   keyPayloadSigner: () => (/* binding */ keyPayloadSigner)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _cosign_signatures_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43694);
/* harmony import */ var _dsse_statement_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91278);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _sigstore_payload_signer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32209);
/* harmony import */ var _signing_algorithm_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56896);






/** Signs as `cosign sign --key` does: the key's own signature, its public key named in the bundle by its sha256. */
function keyPayloadSigner(key, rekorUrl) {
    // cosign logs an Ed25519 key's signature as Ed25519ph, which node:crypto cannot make: a pure Ed25519
    // signature would be refused by Rekor after the images were pushed. Refused here, at start-up.
    if (key.keyDetails === 'PKIX_ED25519' && rekorUrl !== undefined) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('cosign-key', 'is an Ed25519 key, whose signatures cosign logs as Ed25519ph, which this action cannot make', 'use an ECDSA or RSA key (cosign generate-key-pair makes ECDSA P-256), or set transparency-log: false');
    }
    const fingerprint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(key.publicKey.export({ format: 'der', type: 'spki' }))
        .digest('hex');
    const { hash } = (0,_signing_algorithm_js__WEBPACK_IMPORTED_MODULE_5__/* .signingAlgorithmOf */ .I)(key.privateKey);
    const signer = {
        sign: async (data) => ({
            signature: key.sign(data),
            key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: fingerprint },
        }),
    };
    return (0,_sigstore_payload_signer_js__WEBPACK_IMPORTED_MODULE_4__/* .sigstorePayloadSigner */ .l)({
        kind: 'key',
        signer,
        rekorUrl,
        identity: async () => `public key sha256:${fingerprint}`,
        madeBy: async (existing, payload) => verifies(existing, payload, key.publicKey, hash),
        madeStatement: async (bundle, statement) => {
            const signed = (0,_dsse_statement_js__WEBPACK_IMPORTED_MODULE_2__/* .signedStatement */ .Q)(bundle, statement);
            return signed !== undefined && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(hash, signed.signedBytes, key.publicKey, signed.signature);
        },
        chain: async () => undefined,
    });
}
/** A layer is ours when it carries this payload and a signature this public key accepts. */
function verifies(existing, payload, publicKey, hash) {
    const signature = existing.annotations[_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNATURE_ANNOTATION */ .ZB];
    if (signature === undefined)
        return false;
    if (existing.digest !== `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(payload).digest('hex')}`)
        return false;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(hash, payload, publicKey, Buffer.from(signature, 'base64'));
}


/***/ }),

/***/ 56896:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ signingAlgorithmOf)
/* harmony export */ });
/* harmony import */ var _cosign_key_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82708);

const ECDSA_BY_CURVE = {
    prime256v1: { keyDetails: 'PKIX_ECDSA_P256_SHA_256', hash: 'sha256' },
    secp384r1: { keyDetails: 'PKIX_ECDSA_P384_SHA_384', hash: 'sha384' },
    secp521r1: { keyDetails: 'PKIX_ECDSA_P521_SHA_512', hash: 'sha512' },
};
const RSA_BY_BITS = {
    2048: { keyDetails: 'PKIX_RSA_PKCS1V15_2048_SHA256', hash: 'sha256' },
    3072: { keyDetails: 'PKIX_RSA_PKCS1V15_3072_SHA256', hash: 'sha256' },
    4096: { keyDetails: 'PKIX_RSA_PKCS1V15_4096_SHA256', hash: 'sha256' },
};
const ED25519 = { keyDetails: 'PKIX_ED25519', hash: null };
/** How cosign signs with this private key; a key cosign does not sign with is a UserError about `cosign-key`. */
function signingAlgorithmOf(privateKey) {
    const type = privateKey.asymmetricKeyType;
    const { namedCurve, modulusLength } = privateKey.asymmetricKeyDetails ?? {};
    const algorithm = type === 'ec' && namedCurve !== undefined
        ? ECDSA_BY_CURVE[namedCurve]
        : type === 'rsa' && modulusLength !== undefined
            ? RSA_BY_BITS[modulusLength]
            : type === 'ed25519'
                ? ED25519
                : undefined;
    if (algorithm)
        return algorithm;
    const named = type === 'ec' ? 'ECDSA' : type === 'rsa' ? 'RSA' : (type ?? 'unknown');
    const described = [named, namedCurve, modulusLength && `${modulusLength}-bit`].filter(Boolean).join(' ');
    throw (0,_cosign_key_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .badCosignKey */ .qF)(`holds a key of a type cosign does not sign with (${described}); it signs with ECDSA P-256, P-384 or P-521, RSA of 2048, 3072 or 4096 bits, or Ed25519`, _cosign_key_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NEW_KEY_PAIR */ .QE);
}


/***/ }),

/***/ 32209:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ SERVICE_OPTIONS),
/* harmony export */   l: () => (/* binding */ sigstorePayloadSigner)
/* harmony export */ });
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15179);


/** How long a request to Fulcio or Rekor may take, and how often it is tried again (their own retry). */
const SERVICE_OPTIONS = { timeout: 30_000, retry: { retries: 3, factor: 2, minTimeout: 500 } };
/** A PayloadSigner on @sigstore/sign's bundle builders: the same bundles `cosign` and `sigstore-js` write. */
function sigstorePayloadSigner(options) {
    const witnesses = options.rekorUrl === undefined
        ? []
        : [new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .RekorWitness */ .fU({ rekorBaseURL: options.rekorUrl, entryType: 'dsse', ...SERVICE_OPTIONS })];
    const messages = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .MessageSignatureBundleBuilder */ .z3({ signer: options.signer, witnesses });
    const statements = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .DSSEBundleBuilder */ .VV({ signer: options.signer, witnesses });
    const serialized = async (made) => (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__.bundleToJSON)(await made);
    return {
        kind: options.kind,
        identity: options.identity,
        madeBy: options.madeBy,
        madeStatement: options.madeStatement,
        chain: options.chain,
        signMessage: (payload) => serialized(messages.create({ data: payload })),
        signStatement: (statement) => serialized(statements.create({ data: statement, type: 'application/vnd.in-toto+json' })),
    };
}



/***/ })

};
