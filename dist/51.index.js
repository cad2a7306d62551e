export const id = 51;
export const ids = [51];
export const modules = {

/***/ 8051:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   signatureCheck: () => (/* binding */ signatureCheck)
/* harmony export */ });
/* harmony import */ var openpgp__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13074);
/* harmony import */ var _signing_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2638);


async function signatureCheck(publicKeyArmored) {
    const key = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readKey */ .YZ)({ armoredKey: publicKeyArmored, config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p });
    const ids = new Set(key.getKeyIDs().map((id) => id.toHex()));
    return {
        issuedByThisKey: async (given) => {
            try {
                const signature = 'armored' in given
                    ? await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readSignature */ .Bc)({ armoredSignature: given.armored, config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p })
                    : await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readSignature */ .Bc)({ binarySignature: given.binary, config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p });
                const issuers = signature.getSigningKeyIDs().map((id) => id.toHex());
                return issuers.length > 0 && issuers.every((id) => ids.has(id));
            }
            catch {
                return false; // unreadable: replaced like another key's
            }
        },
        clearSigned: async (armored, text) => {
            try {
                const message = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readCleartextMessage */ .cL)({ cleartextMessage: armored, config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p });
                const result = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .verify */ .MX)({
                    message,
                    verificationKeys: key,
                    expectSigned: true,
                    config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p,
                });
                // The text's last line end is not part of what is signed (see Signer.clearSign).
                return result.data === text.replace(/\n$/, '') && (await allValid(result.signatures, key));
            }
            catch {
                return false; // unreadable, another key's, or a bad signature: all mean "write it again"
            }
        },
        detached: async (armored, bytes) => {
            try {
                const signature = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .readSignature */ .Bc)({ armoredSignature: armored, config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p });
                const message = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .createMessage */ .oH)({ binary: bytes });
                const result = await (0,openpgp__WEBPACK_IMPORTED_MODULE_0__/* .verify */ .MX)({
                    message,
                    signature,
                    verificationKeys: key,
                    expectSigned: true,
                    config: _signing_config_js__WEBPACK_IMPORTED_MODULE_1__/* .SIGNING_CONFIG */ .p,
                });
                return await allValid(result.signatures, key);
            }
            catch {
                return false;
            }
        },
    };
}
/** expectSigned already throws on a bad signature; this also refuses a signature list that is empty. */
async function allValid(signatures, key) {
    if (signatures.length === 0)
        return false;
    const ids = new Set(key.getKeyIDs().map((id) => id.toHex()));
    for (const signature of signatures) {
        await signature.verified;
        if (!ids.has(signature.keyID.toHex()))
            return false;
    }
    return true;
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
