export const id = 787;
export const ids = [787];
export const modules = {

/***/ 32168:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   maintainHost: () => (/* binding */ maintainHost)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _package_layout_package_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52461);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99661);
/* harmony import */ var _execute_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64681);
/* harmony import */ var _plan_describe_step_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21414);
/* harmony import */ var _published_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(85356);
/* harmony import */ var _report_package_host_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46884);







/**
 * `mode: unpublish` and `mode: resign`: work on the repositories the package host already has. Both
 * read every repository first (the plan), and write only once all of them could be read and the
 * signing key loaded; both end with the CDN invalidation when a distribution is named. Images are
 * never touched.
 */
async function maintainHost(config, loading, logger) {
    const { mode } = config;
    if (mode.kind !== 'unpublish' && mode.kind !== 'resign')
        throw new Error('maintainHost needs unpublish or resign');
    logger.info(mode.kind === 'unpublish' ? `unpublish ${mode.version}` : 'sign every repository again');
    const ports = await loading;
    const { host, maintenance } = ports;
    if (!host || !maintenance)
        throw new Error(`mode ${mode.kind} needs the package host and its repositories`);
    // Conditional writes found out (or refused without serialized: true) before any repository is read.
    await host.check?.();
    const steps = mode.kind === 'unpublish'
        ? await unpublishSteps(mode, maintenance, host.description)
        : await resignSteps(maintenance);
    const plan = withCdn(steps, config);
    const packageHost = (0,_report_package_host_js__WEBPACK_IMPORTED_MODULE_5__/* .nameHost */ .u)(host, config.s3Endpoint);
    const result = {
        mode: mode.kind,
        release: mode.kind === 'unpublish'
            ? { version: mode.version, channel: channelOf(mode.version) }
            : { version: '', channel: 'stable' },
        latest: { latest: false, reason: `mode ${mode.kind} moves no image tag` },
        packageVersion: mode.kind === 'unpublish' ? mode.version : undefined,
        tags: [],
        plan,
        dryRun: config.dryRun,
        packageHost,
        ...(0,_published_js__WEBPACK_IMPORTED_MODULE_6__/* .nothingExecuted */ .l)(),
    };
    if (config.dryRun) {
        await logger.group('Plan (dry run: nothing is changed)', async () => {
            logger.info(`host     ${(0,_report_package_host_js__WEBPACK_IMPORTED_MODULE_5__/* .describeHost */ .Y)(packageHost)}`);
            plan.forEach((step) => logger.info((0,_plan_describe_step_js__WEBPACK_IMPORTED_MODULE_4__/* .describeStep */ .E)(step)));
        });
        return result;
    }
    logger.info(`host ${(0,_report_package_host_js__WEBPACK_IMPORTED_MODULE_5__/* .describeHost */ .Y)(packageHost)}`);
    return { ...result, ...(await (0,_execute_js__WEBPACK_IMPORTED_MODULE_3__/* .execute */ .g)(plan, ports, undefined, logger)) };
}
/** One withdraw step per repository holding packages of the version (and of the patterns, if any). */
async function unpublishSteps(mode, maintenance, host) {
    const { version, patterns } = mode;
    const planned = await maintenance.planWithdrawals((place) => isOfVersion(place, version) && matchesAny(place, patterns));
    if (planned.length === 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('version', `no package of ${version}${patterns.length > 0 ? ` matching packages` : ''} is on ${host}`, 'check the version and patterns against the host (a version already unpublished has nothing left to remove)');
    }
    const picked = planned.flatMap((withdrawal) => withdrawal.packages);
    for (const pattern of patterns) {
        if (!picked.some((path) => matchesPattern(path, pattern))) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y('packages', `'${pattern}' matches no package of ${version} on ${host}`, `give file-name patterns of the packages to remove, e.g. falco-${version}-x86_64.deb or *.rpm`);
        }
    }
    return planned.map((withdrawal) => ({
        step: 'withdraw-packages',
        ...withdrawal,
        signedBy: maintenance.fingerprint,
    }));
}
async function resignSteps(maintenance) {
    const planned = await maintenance.planResignings();
    const signedBy = maintenance.fingerprint;
    if (signedBy === undefined)
        throw new Error('re-signing planned without a signing key');
    return planned.map((resigning) => ({ step: 'resign-repository', ...resigning, signedBy }));
}
/** The CDN's cached copies of what the run replaced or deleted, dropped once everything is written. */
function withCdn(steps, config) {
    if (config.cloudfront === undefined)
        return steps;
    const { distribution, root, wait } = config.cloudfront;
    const cdn = { step: 'invalidate-cdn', distribution, root, wait };
    return [...steps, cdn];
}
/**
 * The file name's version is the one given: read with it as the expected version, so a variant
 * (`-static`) and a prerelease (`-rc1`) are told apart as when the package was published.
 */
function isOfVersion(place, version) {
    try {
        return (0,_package_layout_package_name_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePackageName */ .R)(place.package.fileName, version).version === version;
    }
    catch {
        return false;
    }
}
function matchesAny(place, patterns) {
    return patterns.length === 0 || patterns.some((pattern) => matchesPattern(place.path, pattern));
}
/** A pattern with a `/` is matched against the host path (`deb/stable/*.deb`), any other against the file name. */
function matchesPattern(path, pattern) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.posix.matchesGlob(pattern.includes('/') ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(path), pattern);
}
/** Where a version's packages live: a version with a suffix (`-rc1`, a dev build) is in the dev trees. */
function channelOf(version) {
    return /^\d+\.\d+\.\d+$/.test(version) ? 'stable' : 'dev';
}


/***/ })

};
