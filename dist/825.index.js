export const id = 825;
export const ids = [825];
export const modules = {

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

/***/ 94825:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readCosignKey: () => (/* binding */ readCosignKey)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/signing/cosign-key-errors.js
var cosign_key_errors = __webpack_require__(82708);
// EXTERNAL MODULE: ./node_modules/tweetnacl/nacl-fast.js
var nacl_fast = __webpack_require__(80668);
;// CONCATENATED MODULE: ./lib/signing/base64.js
// Standard base64 with padding, as Go's encoding/pem and encoding/json write it.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The bytes of standard, padded base64, or undefined for anything else (Buffer.from skips bad characters). */
function decodeBase64(text) {
    return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

;// CONCATENATED MODULE: ./lib/signing/encrypted-envelope.js



/**
 * The only costs cosign writes (N = 2^15 by older versions, 2^16 by current ones, 2^17 for the
 * strongest setting) and the only ones it reads: a key file must not make the reader spend unbounded
 * memory or time.
 */
const SCRYPT_COSTS = [32768, 65536, 131072].map((N) => ({ N, r: 8, p: 1 }));
const KDF = 'scrypt';
const CIPHER = 'nacl/secretbox';
/** The envelope in the PEM block's bytes; anything else is a UserError about `cosign-key`. */
function parseEnvelope(bytes) {
    const json = parseJson(bytes);
    const kdf = objectAt(json, 'kdf');
    const cipher = objectAt(json, 'cipher');
    if (kdf.name !== KDF) {
        throw (0,cosign_key_errors/* badCosignKey */.qF)('is encrypted with a key derivation cosign does not use (it uses scrypt)');
    }
    if (cipher.name !== CIPHER) {
        throw (0,cosign_key_errors/* badCosignKey */.qF)('is encrypted with a cipher cosign does not use (it uses nacl/secretbox)');
    }
    const scrypt = scryptCost(objectAt(kdf, 'params'));
    const nonce = bytesAt(cipher, 'nonce');
    if (nonce.length !== nacl_fast.secretbox.nonceLength) {
        throw (0,cosign_key_errors/* badCosignKey */.qF)(`is damaged: its nonce is not ${nacl_fast.secretbox.nonceLength} bytes long`);
    }
    const ciphertext = bytesAt(json, 'ciphertext');
    if (ciphertext.length < nacl_fast.secretbox.overheadLength) {
        throw (0,cosign_key_errors/* badCosignKey */.qF)('is damaged: its ciphertext is shorter than an authenticator');
    }
    return { scrypt, salt: bytesAt(kdf, 'salt'), nonce, ciphertext };
}
function parseJson(bytes) {
    let value;
    try {
        value = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        // JSON.parse's message quotes the text it failed on.
        throw notAnEnvelope();
    }
    if (!isObject(value))
        throw notAnEnvelope();
    return value;
}
function scryptCost(params) {
    const known = SCRYPT_COSTS.find((cost) => cost.N === params.N && cost.r === params.r && cost.p === params.p);
    if (!known) {
        throw (0,cosign_key_errors/* badCosignKey */.qF)('asks for scrypt parameters cosign does not write (it writes N = 32768, 65536 or 131072 with r = 8 and p = 1)');
    }
    return known;
}
function objectAt(object, key) {
    const value = object[key];
    if (!isObject(value))
        throw notAnEnvelope();
    return value;
}
function bytesAt(object, key) {
    const value = object[key];
    const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
    if (!bytes)
        throw notAnEnvelope();
    return bytes;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function notAnEnvelope() {
    return (0,cosign_key_errors/* badCosignKey */.qF)('is not an encrypted cosign key: its PEM block holds no JSON of kdf, cipher and ciphertext');
}

;// CONCATENATED MODULE: ./lib/signing/open-envelope.js



/**
 * The plaintext of the envelope: the secretbox opened with the key scrypt derives from the password
 * (its UTF-8 bytes; empty is a valid password). A failed authentication is a UserError about
 * `cosign-password`.
 */
function openEnvelope(envelope, password) {
    const { N, r, p } = envelope.scrypt;
    const key = (0,external_node_crypto_.scryptSync)(Buffer.from(password, 'utf8'), envelope.salt, nacl_fast.secretbox.keyLength, {
        N,
        r,
        p,
        // What OpenSSL's scrypt allocates, 128·r·(N + p + 2) bytes: 128 MiB for cosign's strongest setting,
        // four times Node's default limit.
        maxmem: 128 * r * (N + p + 2),
    });
    const plaintext = nacl_fast.secretbox.open(envelope.ciphertext, envelope.nonce, key);
    key.fill(0);
    if (!plaintext)
        throw (0,cosign_key_errors/* wrongCosignPassword */.sZ)();
    return Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
}

;// CONCATENATED MODULE: ./lib/signing/pem-block.js

// Text around the block is skipped, as Go's pem.Decode (which cosign uses) skips it. Any whitespace may
// separate the lines: a secret pasted through a form can come back with its line breaks changed.
const BLOCK = /-----BEGIN ([A-Z0-9][A-Z0-9 ]*)-----([\s\S]*?)-----END \1-----/;
/**
 * The first PEM block of the text, or undefined if there is none or its body is not base64 (headers
 * such as `Proc-Type:` included: cosign writes none).
 */
function firstPemBlock(text) {
    const match = BLOCK.exec(text);
    if (!match)
        return undefined;
    const [, type = '', body = ''] = match;
    const bytes = decodeBase64(body.replace(/\s+/g, ''));
    return bytes && bytes.length > 0 ? { type, bytes } : undefined;
}

// EXTERNAL MODULE: ./lib/signing/signing-algorithm.js
var signing_algorithm = __webpack_require__(56896);
;// CONCATENATED MODULE: ./lib/signing/cosign-key.js






/** The PEM labels cosign writes and reads: SIGSTORE since cosign 2.0.1, COSIGN before (still read). */
const ENCRYPTED_TYPES = new Set([
    'ENCRYPTED SIGSTORE PRIVATE KEY',
    'ENCRYPTED COSIGN PRIVATE KEY',
]);
/** What `cosign import-key-pair` takes in; cosign signs only once it has encrypted them. */
const UNENCRYPTED_TYPES = new Set(['PRIVATE KEY', 'EC PRIVATE KEY', 'RSA PRIVATE KEY']);
/**
 * The key pair of the `cosign-key` input (the text of cosign.key), decrypted with `cosign-password`.
 * Every failure is a UserError naming one of the two inputs, and quoting neither.
 */
function readCosignKey(text, password) {
    const privateKey = parsePkcs8(openEnvelope(parseEnvelope(encryptedBlock(text)), password));
    const { keyDetails, hash } = (0,signing_algorithm/* signingAlgorithmOf */.I)(privateKey);
    const publicKey = (0,external_node_crypto_.createPublicKey)(privateKey);
    return {
        privateKey,
        publicKey,
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        keyDetails,
        sign: (data) => (0,external_node_crypto_.sign)(hash, data, privateKey),
    };
}
function encryptedBlock(text) {
    const block = firstPemBlock(text);
    if (!block)
        throw (0,cosign_key_errors/* badCosignKey */.qF)('is not a PEM private key');
    if (ENCRYPTED_TYPES.has(block.type))
        return block.bytes;
    if (UNENCRYPTED_TYPES.has(block.type)) {
        throw (0,cosign_key_errors/* badCosignKey */.qF)('is an unencrypted private key; cosign signs only with the encrypted keys it writes', 'encrypt it with `cosign import-key-pair --key <file>` and give the import-cosign.key that writes');
    }
    if (block.type === 'PUBLIC KEY') {
        throw (0,cosign_key_errors/* badCosignKey */.qF)('is a public key (cosign.pub); signing needs the private key', cosign_key_errors/* AS_COSIGN_WRITES_IT */.eF);
    }
    throw (0,cosign_key_errors/* badCosignKey */.qF)('holds a PEM block that is not a cosign private key');
}
/** Cosign encrypts the private key's PKCS#8 DER, whatever its type. */
function parsePkcs8(der) {
    try {
        return (0,external_node_crypto_.createPrivateKey)({ key: der, format: 'der', type: 'pkcs8' });
    }
    catch {
        throw (0,cosign_key_errors/* badCosignKey */.qF)('decrypts, but holds no PKCS#8 private key, so cosign cannot sign with it either', cosign_key_errors/* NEW_KEY_PAIR */.QE);
    }
    finally {
        der.fill(0);
    }
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


/***/ })

};
