export const id = 872;
export const ids = [872];
export const modules = {

/***/ 83643:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ isDebianArchitecture)
/* harmony export */ });
/**
 * A Debian architecture name as dpkg-architecture lists them (amd64, arm64, all, musl-linux-amd64):
 * lowercase letters, digits and `-`. APT puts it in paths (`binary-<arch>/`) and in the Release's
 * space-separated Architectures: anything else could name a path outside the suite, or two architectures.
 */
const ARCHITECTURE = /^[a-z0-9][a-z0-9-]{0,31}$/;
function isDebianArchitecture(name) {
    return ARCHITECTURE.test(name);
}


/***/ }),

/***/ 66014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ isPrimaryFile)
/* harmony export */ });
/**
 * The files primary.xml lists (yum's rule, kept by createrepo_c): /etc/*, any *bin/*, sendmail — what yum
 * and dnf resolve file requires against without downloading filelists.
 */
function isPrimaryFile(path) {
    return path.startsWith('/etc/') || path === '/usr/lib/sendmail' || path.includes('bin/');
}


/***/ })

};
