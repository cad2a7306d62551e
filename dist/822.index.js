export const id = 822;
export const ids = [822];
export const modules = {

/***/ 14822:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HttpHost: () => (/* binding */ HttpHost)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var _store_host_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21357);



/**
 * Packages on any HTTP server that takes PUT, laid out like Falco's download server: a StoreHost over
 * an HttpStore, so packages, APT/YUM indexes, signatures and retention work as on S3. What differs is
 * knowing what is already there: most servers keep no sha256 of their files (Artifactory does, as
 * `X-Checksum-Sha256`), so a file is downloaded and hashed only when its size is the local file's.
 */
class HttpHost {
    store;
    description;
    host;
    constructor(store, 
    /** The workflow already serializes publishers: a server without conditional writes may keep indexes. */
    serialized) {
        this.store = store;
        this.host = new _store_host_js__WEBPACK_IMPORTED_MODULE_2__/* .StoreHost */ .C(store, serialized);
        this.description = store.description;
    }
    /**
     * Before anything is published: the credentials and the right to write (the deploy-by-checksum probe
     * is a write, so a 401 or 403 is found here), conditional writes (refused without `serialized`
     * when the server ignores them), and a folder listing, which keeping indexes needs.
     */
    async check() {
        await this.store.checksumDeploy();
        await this.host.check();
        await this.store.checkListing();
    }
    repositoryStore() {
        return this.host.repositoryStore();
    }
    async existing(path, local) {
        const info = await this.store.head(path);
        if (info === undefined)
            return undefined;
        const recorded = info.metadata['sha256'];
        if (recorded !== undefined)
            return recorded;
        if (local !== undefined && info.size !== local.size)
            return `size ${info.size}`;
        const body = await this.store.open(path);
        if (body === undefined)
            return undefined;
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(body, hash);
        return hash.digest('hex');
    }
    put(path, localFile, options) {
        return this.host.put(path, localFile, options);
    }
}


/***/ })

};
