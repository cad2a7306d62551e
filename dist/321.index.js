export const id = 321;
export const ids = [321];
export const modules = {

/***/ 73321:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadSigner: () => (/* binding */ loadSigner)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/web"
var web_ = __webpack_require__(37830);
// EXTERNAL MODULE: ./node_modules/openpgp/dist/node/openpgp.mjs
var openpgp = __webpack_require__(13074);
// EXTERNAL MODULE: ./lib/formats/openpgp/signing-config.js
var signing_config = __webpack_require__(2638);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/formats/openpgp/read-signing-key.js



const EXPORT_HINT = 'paste the whole output of `gpg --armor --export-secret-keys <fingerprint>`, BEGIN and END lines included';
/**
 * The private key of the `signing-key` input, decrypted and checked to sign at `date`. Every failure
 * is a UserError in our own words: openpgp's messages could quote the input, and this input is a secret.
 */
async function readSigningKey(armoredKey, passphrase, date) {
    const key = await parse(armoredKey);
    if (!key.isPrivate()) {
        throw new errors/* UserError */.y('signing-key', 'is a public key; signing needs the private key', EXPORT_HINT);
    }
    if (key.keyPacket.version !== 4) {
        // gpgv 2.2 and 2.4 (apt on Debian 12, Ubuntu 24.04 and older) verify only v4 signatures.
        throw new errors/* UserError */.y('signing-key', `is a version ${key.keyPacket.version} key, which the apt and dnf of most distributions cannot verify`, 'use a v4 key (what `gpg --full-generate-key` makes)');
    }
    const unlocked = await unlock(key, passphrase);
    await requireSigningKey(unlocked, date);
    return unlocked;
}
async function parse(armoredKey) {
    try {
        return await (0,openpgp/* readKey */.YZ)({ armoredKey: armoredKey.trim(), config: signing_config/* SIGNING_CONFIG */.p });
    }
    catch {
        throw new errors/* UserError */.y('signing-key', 'is not an OpenPGP key in ASCII armor', EXPORT_HINT);
    }
}
async function unlock(key, passphrase) {
    // An unprotected key ignores any passphrase: rotating to such a key need not touch the other secret.
    if (key.isDecrypted())
        return key;
    // Action inputs are '' when unset, so empty means missing.
    if (!passphrase) {
        throw new errors/* UserError */.y('signing-passphrase', 'is not set, but the signing key is protected by a passphrase', "set it to the key's passphrase");
    }
    try {
        return await (0,openpgp/* decryptKey */.Vw)({ privateKey: key, passphrase, config: signing_config/* SIGNING_CONFIG */.p });
    }
    catch {
        throw new errors/* UserError */.y('signing-passphrase', 'does not unlock the signing key (a wrong passphrase, or a protection openpgp.js cannot read)', "check that it is this key's passphrase");
    }
}
/** Fails unless the key has a valid, signing-capable (sub)key at `date`: not expired, not revoked. */
async function requireSigningKey(key, date) {
    const fingerprint = key.getFingerprint().toUpperCase();
    try {
        await key.verifyPrimaryKey(date, undefined, signing_config/* SIGNING_CONFIG */.p);
    }
    catch {
        const problem = (await key.isRevoked(undefined, undefined, date, signing_config/* SIGNING_CONFIG */.p))
            ? 'is revoked'
            : `is expired or not valid at ${date.toISOString()}`;
        throw new errors/* UserError */.y('signing-key', `${fingerprint} ${problem}`, 'sign with a current key');
    }
    const signingKey = await key.getSigningKey(undefined, date, undefined, signing_config/* SIGNING_CONFIG */.p).catch(() => {
        throw new errors/* UserError */.y('signing-key', `${fingerprint} has no valid key that can sign (no signing subkey, or all expired, revoked or too weak)`, 'add a signing subkey (`gpg --quick-add-key <fingerprint> rsa3072 sign`) or sign with another key');
    });
    const { algorithm } = signingKey.getAlgorithmInfo();
    if (!VERIFIABLE.has(algorithm)) {
        throw new errors/* UserError */.y('signing-key', `${fingerprint} signs with ${algorithm}, which gpgv 2.2 (apt on Debian 12 and Ubuntu 22.04) cannot verify`, "use RSA (3072 bits or more) or gpg's Ed25519 (EdDSA, algorithm 22)");
    }
}
/**
 * The signature algorithms gpgv 2.2 verifies. RFC 9580's Ed25519 (algorithm 27), which openpgp.js
 * generates by default, is not among them: its signatures fail on Debian 12 with "Invalid public key algorithm".
 */
const VERIFIABLE = new Set(['rsaEncryptSign', 'rsaSign', 'dsa', 'ecdsa', 'eddsaLegacy']);

;// CONCATENATED MODULE: ./lib/formats/openpgp/stable-signing-date.js
/**
 * A signature time that depends on the key alone, for signatures that must come out the same on every
 * run (an rpm's header signature is part of the published bytes: a new time would make a new file).
 * The earliest of the key's own dates (its creation, and each self- or binding signature's) at which it
 * can sign: a signing subkey or a later binding makes the primary key's creation too early. Undefined
 * when the key cannot sign at any of them (then it cannot sign now either, which the key check reports).
 */
async function stableSigningDate(key) {
    const dates = new Set([key.getCreationTime().getTime()]);
    for (const user of key.users) {
        for (const signature of user.selfCertifications) {
            if (signature.created)
                dates.add(signature.created.getTime());
        }
    }
    for (const subkey of key.subkeys) {
        dates.add(subkey.getCreationTime().getTime());
        for (const signature of subkey.bindingSignatures) {
            if (signature.created)
                dates.add(signature.created.getTime());
        }
    }
    for (const time of [...dates].sort((a, b) => a - b)) {
        const date = new Date(time);
        try {
            await key.getSigningKey(undefined, date);
            return date;
        }
        catch {
            // Not yet able to sign at this date: try the next.
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/formats/openpgp/signer.js







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
    const key = await readSigningKey(armoredKey, passphrase, date ?? new Date());
    let stable;
    return {
        fingerprint: key.getFingerprint().toUpperCase(),
        publicKeyArmored: key.toPublic().armor(signing_config/* SIGNING_CONFIG */.p),
        // As gpg --clearsign writes it: the text's last line end is the one before the signature (RFC 4880
        // leaves it out of the signed text), and lines end in LF — openpgp writes CRLF, but the signature
        // covers the canonical CRLF form either way.
        clearSign: async (text) => (await signWith(key, await (0,openpgp/* createCleartextMessage */.w7)({ text: text.replace(/\n$/, '') }), date)).replace(/\r\n/g, '\n'),
        detachSign: async (bytes) => {
            const binary = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
            return signWith(key, await (0,openpgp/* createMessage */.oH)({ binary }), date, true);
        },
        detachSignFile: (path) => detachSignStream(key, path, date),
        detachSignBinary: (bytes) => signBinary(key, bytes, date),
        signStably: async (bytes) => {
            stable ??= stableSigningDate(key);
            return signBinary(key, bytes, (await stable) ?? date);
        },
    };
}
async function signBinary(key, bytes, date) {
    return (0,openpgp/* sign */._S)({
        message: await (0,openpgp/* createMessage */.oH)({ binary: bytes }),
        signingKeys: key,
        detached: true,
        format: 'binary',
        config: signing_config/* SIGNING_CONFIG */.p,
        date,
    });
}
/**
 * openpgp hashes a streamed message as its data is read, but `sign` with a detached signature in
 * armored or binary format reads that data itself and keeps all of it (the whole file in memory).
 * Asking for the signature object instead leaves the reading to us: the data is read here and
 * dropped, while the signature's armor waits for the hash to finish.
 */
async function detachSignStream(key, path, date) {
    const binary = external_node_stream_.Readable.toWeb((0,external_node_fs_.createReadStream)(path, { highWaterMark: FILE_CHUNK }));
    const message = await (0,openpgp/* createMessage */.oH)({ binary });
    const signature = await (0,openpgp/* sign */._S)({
        message,
        signingKeys: key,
        detached: true,
        format: 'object',
        config: signing_config/* SIGNING_CONFIG */.p,
        date,
    }).catch(async (error) => {
        await binary.cancel().catch(() => undefined); // closes the file nobody will read
        throw error;
    });
    // Typed as a string, the armor of a streamed message is a stream that ends once the hash is done.
    // Both are awaited together: a read error fails the armor too, and neither rejection goes unhandled.
    const armored = signature.armor(signing_config/* SIGNING_CONFIG */.p);
    const [text] = await Promise.all([readText(armored), drain(message.getLiteralData())]);
    return text;
}
/** Reads a stream to its end, dropping the chunks: openpgp hashes each on its way here. */
async function drain(data) {
    // Nothing else reads the file: without this stream the signature would wait for its hash forever.
    if (!(data instanceof web_.ReadableStream))
        throw new Error('openpgp gave no stream of the data to sign');
    // A reader, not `for await`: openpgp points the stream's methods at its hashing tee, but not its async iterator.
    const reader = data.getReader();
    while (!(await reader.read()).done)
        continue;
}
async function readText(armored) {
    if (typeof armored === 'string')
        return armored;
    if (!(armored instanceof web_.ReadableStream))
        throw new Error('openpgp returned no signature');
    let text = '';
    const reader = armored.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        text += String(chunk.value);
    return text;
}
function signWith(key, message, date, detached = false) {
    return (0,openpgp/* sign */._S)({ message, signingKeys: key, detached, format: 'armored', config: signing_config/* SIGNING_CONFIG */.p, date });
}


/***/ }),

/***/ 2638:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ SIGNING_CONFIG)
/* harmony export */ });
/* harmony import */ var openpgp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13074);

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
