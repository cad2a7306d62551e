export const id = 995;
export const ids = [995];
export const modules = {

/***/ 82995:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadSigning: () => (/* binding */ loadSigning)
/* harmony export */ });
/** Reads the signing key and makes the check from its public half: the OpenPGP code loads only here. */
async function loadSigning(armoredKey, passphrase) {
    const [{ loadSigner }, { signatureCheck }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(321)]).then(__webpack_require__.bind(__webpack_require__, 73321)),
        Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(51)]).then(__webpack_require__.bind(__webpack_require__, 8051)),
    ]);
    const signer = await loadSigner(armoredKey, passphrase);
    return { signer, check: await signatureCheck(signer.publicKeyArmored) };
}


/***/ })

};
