export const id = 228;
export const ids = [228];
export const modules = {

/***/ 8994:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ readSigningKey)
/* harmony export */ });
/* harmony import */ var openpgp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3074);
/* harmony import */ var _signing_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2638);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9661);



const EXPORT_HINT = 'paste the whole output of `gpg --armor --export-secret-keys <fingerprint>`, BEGIN and END lines included';
/**
 * The private key of the `signing-key` input, decrypted and checked to sign at `date`. Every failure
 * is a UserError in our own words: openpgp's messages could quote the input, and this input is a secret.
 */
async function readSigningKey(armoredKey, passphrase, date) {
    const key = await parse(armoredKey);
    if (!key.isPrivate()) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-key', 'is a public key; signing needs the private key', EXPORT_HINT);
    }
    if (key.keyPacket.version !== 4) {
        // gpgv 2.2 and 2.4 (apt on Debian 12, Ubuntu 24.04 and older) verify only v4 signatures.
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-key', `is a version ${key.keyPacket.version} key, which the apt and dnf of most distributions cannot verify`, 'use a v4 key (what `gpg --full-generate-key` makes)');
    }
    const unlocked = await unlock(key, passphrase);
    await requireSigningKey(unlocked, date);
    return unlocked;
}
async function parse(armoredKey) {
    try {
        return await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readKey */ .YZ)({ armoredKey: armoredKey.trim(), config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p });
    }
    catch {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-key', 'is not an OpenPGP key in ASCII armor', EXPORT_HINT);
    }
}
async function unlock(key, passphrase) {
    // An unprotected key ignores any passphrase: rotating to such a key need not touch the other secret.
    if (key.isDecrypted())
        return key;
    // Action inputs are '' when unset, so empty means missing.
    if (!passphrase) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-passphrase', 'is not set, but the signing key is protected by a passphrase', "set it to the key's passphrase");
    }
    try {
        return await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .decryptKey */ .Vw)({ privateKey: key, passphrase, config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p });
    }
    catch {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-passphrase', 'does not unlock the signing key (a wrong passphrase, or a protection openpgp.js cannot read)', "check that it is this key's passphrase");
    }
}
/** Fails unless the key has a valid, signing-capable (sub)key at `date`: not expired, not revoked. */
async function requireSigningKey(key, date) {
    const fingerprint = key.getFingerprint().toUpperCase();
    try {
        await key.verifyPrimaryKey(date, undefined, _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p);
    }
    catch {
        const problem = (await key.isRevoked(undefined, undefined, date, _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p))
            ? 'is revoked'
            : `is expired or not valid at ${date.toISOString()}`;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-key', `${fingerprint} ${problem}`, 'sign with a current key');
    }
    const signingKey = await key.getSigningKey(undefined, date, undefined, _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p).catch(() => {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-key', `${fingerprint} has no valid key that can sign (no signing subkey, or all expired, revoked or too weak)`, 'add a signing subkey (`gpg --quick-add-key <fingerprint> rsa3072 sign`) or sign with another key');
    });
    const { algorithm } = signingKey.getAlgorithmInfo();
    if (!VERIFIABLE.has(algorithm)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('signing-key', `${fingerprint} signs with ${algorithm}, which gpgv 2.2 (apt on Debian 12 and Ubuntu 22.04) cannot verify`, "use RSA (3072 bits or more) or gpg's Ed25519 (EdDSA, algorithm 22)");
    }
}
/**
 * The signature algorithms gpgv 2.2 verifies. RFC 9580's Ed25519 (algorithm 27), which openpgp.js
 * generates by default, is not among them: its signatures fail on Debian 12 with "Invalid public key algorithm".
 */
const VERIFIABLE = new Set(['rsaEncryptSign', 'rsaSign', 'dsa', 'ecdsa', 'eddsaLegacy']);


/***/ }),

/***/ 228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadSigner: () => (/* binding */ loadSigner)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream_web__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7830);
/* harmony import */ var openpgp__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3074);
/* harmony import */ var _read_signing_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8994);
/* harmony import */ var _signing_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2638);






/**
 * Bytes per read when a file is signed as a stream. What memory it takes is garbage, not data: every
 * chunk is a new buffer that lives until the next young-generation GC, which comes sooner when there
 * are more (smaller) chunks. Signing 1 GiB peaked at ~90-107 MiB RSS with 32 KiB reads, for ~30% more CPU
 * than 64 KiB reads took (~107-110 MiB); 16 KiB (~94-98 MiB) cost more CPU again for no clear gain.
 */
const FILE_CHUNK = 32 * 1024;
/** Reads the `signing-key` input (decrypting it with `signing-passphrase`); throws a UserError if it cannot sign. */
async function loadSigner(armoredKey, passphrase, options = {}) {
    const { date } = options;
    const key = await (0,_read_signing_key_js__WEBPACK_IMPORTED_MODULE_4__/* .readSigningKey */ .j)(armoredKey, passphrase, date ?? new Date());
    return {
        fingerprint: key.getFingerprint().toUpperCase(),
        publicKeyArmored: key.toPublic().armor(_signing_config_js__WEBPACK_IMPORTED_MODULE_5__/* .SIGNING_CONFIG */ .p),
        // As gpg --clearsign writes it: the text's last line end is the one before the signature (RFC 4880
        // leaves it out of the signed text), and lines end in LF — openpgp writes CRLF, but the signature
        // covers the canonical CRLF form either way.
        clearSign: async (text) => (await signWith(key, await (0,openpgp__WEBPACK_IMPORTED_MODULE_3__/* .createCleartextMessage */ .w7)({ text: text.replace(/\n$/, '') }), date)).replace(/\r\n/g, '\n'),
        detachSign: async (bytes) => {
            const binary = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
            return signWith(key, await (0,openpgp__WEBPACK_IMPORTED_MODULE_3__/* .createMessage */ .oH)({ binary }), date, true);
        },
        detachSignFile: (path) => detachSignStream(key, path, date),
        detachSignBinary: async (bytes) => (0,openpgp__WEBPACK_IMPORTED_MODULE_3__/* .sign */ ._S)({
            message: await (0,openpgp__WEBPACK_IMPORTED_MODULE_3__/* .createMessage */ .oH)({ binary: bytes }),
            signingKeys: key,
            detached: true,
            format: 'binary',
            config: _signing_config_js__WEBPACK_IMPORTED_MODULE_5__/* .SIGNING_CONFIG */ .p,
            date,
        }),
    };
}
/**
 * openpgp hashes a streamed message as its data is read, but `sign` with a detached signature in
 * armored or binary format reads that data itself and keeps all of it (the whole file in memory).
 * Asking for the signature object instead leaves the reading to us: the data is read here and
 * dropped, while the signature's armor waits for the hash to finish.
 */
async function detachSignStream(key, path, date) {
    const binary = node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.toWeb((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { highWaterMark: FILE_CHUNK }));
    const message = await (0,openpgp__WEBPACK_IMPORTED_MODULE_3__/* .createMessage */ .oH)({ binary });
    const signature = await (0,openpgp__WEBPACK_IMPORTED_MODULE_3__/* .sign */ ._S)({
        message,
        signingKeys: key,
        detached: true,
        format: 'object',
        config: _signing_config_js__WEBPACK_IMPORTED_MODULE_5__/* .SIGNING_CONFIG */ .p,
        date,
    }).catch(async (error) => {
        await binary.cancel().catch(() => undefined); // closes the file nobody will read
        throw error;
    });
    // Typed as a string, the armor of a streamed message is a stream that ends once the hash is done.
    // Both are awaited together: a read error fails the armor too, and neither rejection goes unhandled.
    const armored = signature.armor(_signing_config_js__WEBPACK_IMPORTED_MODULE_5__/* .SIGNING_CONFIG */ .p);
    const [text] = await Promise.all([readText(armored), drain(message.getLiteralData())]);
    return text;
}
/** Reads a stream to its end, dropping the chunks: openpgp hashes each on its way here. */
async function drain(data) {
    // Nothing else reads the file: without this stream the signature would wait for its hash forever.
    if (!(data instanceof node_stream_web__WEBPACK_IMPORTED_MODULE_2__.ReadableStream))
        throw new Error('openpgp gave no stream of the data to sign');
    // A reader, not `for await`: openpgp points the stream's methods at its hashing tee, but not its async iterator.
    const reader = data.getReader();
    while (!(await reader.read()).done)
        continue;
}
async function readText(armored) {
    if (typeof armored === 'string')
        return armored;
    if (!(armored instanceof node_stream_web__WEBPACK_IMPORTED_MODULE_2__.ReadableStream))
        throw new Error('openpgp returned no signature');
    let text = '';
    const reader = armored.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        text += String(chunk.value);
    return text;
}
function signWith(key, message, date, detached = false) {
    return (0,openpgp__WEBPACK_IMPORTED_MODULE_3__/* .sign */ ._S)({ message, signingKeys: key, detached, format: 'armored', config: _signing_config_js__WEBPACK_IMPORTED_MODULE_5__/* .SIGNING_CONFIG */ .p, date });
}


/***/ }),

/***/ 2638:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ SIGNING_CONFIG)
/* harmony export */ });
/* harmony import */ var openpgp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3074);

/** openpgp's defaults, with the two choices apt and reproducible output need. */
const SIGNING_CONFIG = {
    ...openpgp__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W,
    // apt refuses SHA-1 signatures; openpgp never picks less than SHA-256, and asking for SHA-512
    // keeps it so should its default ever change.
    preferredHashAlgorithm: openpgp__WEBPACK_IMPORTED_MODULE_0__/* .enums */ .vP.hash.sha512,
    // openpgp salts every signature with a random notation by default (against fault attacks on
    // EdDSA); without it, a re-run that signs the same bytes at the same date writes the same files.
    nonDeterministicSignaturesViaNotation: false,
};


/***/ })

};
