export const id = 806;
export const ids = [806];
export const modules = {

/***/ 10806:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bintrayPortsFor: () => (/* binding */ bintrayPortsFor)
});

// EXTERNAL MODULE: ./lib/hosts/open-host.js + 10 modules
var open_host = __webpack_require__(35508);
// EXTERNAL MODULE: ./lib/package-layout/host-layout.js
var host_layout = __webpack_require__(10654);
;// CONCATENATED MODULE: ./lib/action/bintray-placement.js

/**
 * Where a path of the host layout goes on Bintray, as Falco had it there: the layout's root is the
 * repository (`deb`, `deb-dev`, `rpm`, `rpm-dev`, `bin`, `bin-dev`), the rest the path in it (debs under
 * `stable/`, rpms at the root, tarballs under `<arch>/`, `noarch/` included), the package its name and
 * the version its version. Falco's Bintray had no wasm repository: a wasm tarball goes into `bin[-dev]`
 * under `wasm/`, so it belongs to its version there and leaves with it when `bin=` prunes `bin-dev`.
 */
function bintrayFileOf(layoutPath) {
    const place = (0,host_layout/* placeOfPath */.Es)(layoutPath);
    // The plan made the path from the layout: one it cannot read back is a defect, not a user's mistake.
    if (place === undefined)
        throw new Error(`${layoutPath} is not a package path of the host layout`);
    const { package: name, tree, relative } = place;
    const wasm = name.kind === 'tar.gz' && name.arch === 'wasm';
    return {
        repository: wasm ? (tree === 'dev' ? 'bin-dev' : 'bin') : place.root,
        package: name.name,
        version: name.version,
        path: wasm ? `wasm/${relative}` : relative,
        ...(name.kind === 'deb' ? { debArchitecture: name.arch === 'aarch64' ? 'arm64' : 'amd64' } : {}),
    };
}

// EXTERNAL MODULE: ./lib/action/wiring.js + 1 modules
var wiring = __webpack_require__(27949);
;// CONCATENATED MODULE: ./lib/action/bintray-wiring.js



/**
 * The ports of a `bintray://` host: the host (told where each layout path goes on Bintray) and, when
 * `dev-retention` keeps anything there, the retention of its dev repositories. Loaded only for Bintray.
 */
async function bintrayPortsFor(config, location, logger) {
    const { bintray } = config;
    if (bintray === undefined)
        throw new Error('a bintray:// host needs its inputs');
    const tag = /^refs\/tags\/(.+)$/.exec(config.ref)?.[1];
    const host = await (0,open_host/* openPackageHost */.f)(location, { ...config, bintrayHost: { ...bintray, placement: bintrayFileOf, vcsTag: tag, released: new Date() } }, logger);
    // No repositories to keep or sign there: refuses signing-key, as for any such host.
    const ports = await (0,wiring/* packagePortsFor */.U)(host, config);
    if (config.packagePatterns.length === 0 || Object.keys(bintray.keep).length === 0)
        return ports;
    const [{ BintrayApi }, { BintrayVersions }, { BintrayRetention }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(492), __webpack_require__.e(765)]).then(__webpack_require__.bind(__webpack_require__, 23765)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(492), __webpack_require__.e(712)]).then(__webpack_require__.bind(__webpack_require__, 2712)),
        Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(492), __webpack_require__.e(168)]).then(__webpack_require__.bind(__webpack_require__, 20168)),
    ]);
    const versions = new BintrayVersions(location.subject, new BintrayApi({ ...bintray, logger }));
    return { ...ports, repositories: new BintrayRetention(versions, bintray.keep, bintrayFileOf) };
}


/***/ })

};
