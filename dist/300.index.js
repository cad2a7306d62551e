export const id = 300;
export const ids = [300];
export const modules = {

/***/ 23300:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revertLatest: () => (/* binding */ revertLatest)
/* harmony export */ });
/* harmony import */ var _image_drivers_image_target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31906);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _execute_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64681);
/* harmony import */ var _plan_describe_step_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21414);
/* harmony import */ var _published_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85356);





/**
 * `mode: revert-latest`: moves every `latest<suffix>` tag of the `images` lines back to the digest the
 * release `version` has (`<version><suffix>`), on the registry and every mirror. Each move is a manifest
 * PUT of a manifest the repository already holds: no blob moves. A version that was never published
 * to every repository is refused before any write.
 */
async function revertLatest(config, loading, logger) {
    if (config.mode.kind !== 'revert-latest')
        throw new Error('revertLatest needs mode revert-latest');
    const { version } = config.mode;
    logger.info(`revert latest to ${version}`);
    const ports = await loading;
    const images = ports.images;
    if (!images)
        throw new Error('revert-latest needs the image ports');
    try {
        await checkReverting(config, images, version);
        const plan = revertPlan(config, version);
        const base = {
            mode: 'revert-latest',
            release: { version, channel: 'stable' },
            latest: { latest: true, reason: `latest goes back to ${version} (mode: revert-latest)` },
            packageVersion: undefined,
            tags: plan.flatMap((step) => (step.step === 'move-tag' ? [step.target] : [])),
            plan,
            dryRun: config.dryRun,
            packageHost: undefined,
        };
        if (config.dryRun) {
            await logger.group('Plan (dry run: nothing is published)', async () => {
                plan.forEach((step) => logger.info((0,_plan_describe_step_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStep */ .E)(step)));
            });
            return { ...base, ...(0,_published_js__WEBPACK_IMPORTED_MODULE_3__/* .nothingExecuted */ .l)() };
        }
        // No latest re-check: going back is the point.
        return { ...base, ...(await (0,_execute_js__WEBPACK_IMPORTED_MODULE_1__/* .execute */ .g)(plan, ports, config.credentials, logger, undefined)) };
    }
    finally {
        await images.driver.close?.();
    }
}
/** The tags latest goes back to exist in every repository; the credentials may push; mirrors have a login. */
async function checkReverting(config, images, version) {
    if (config.credentials)
        await images.registry.checkAccess();
    for (const line of revertedLines(config)) {
        const tag = `${version}${line.suffix}`;
        if ((await images.registry.manifestDigest(line.repository, tag)) === undefined) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('version', `${(0,_image_drivers_image_target_js__WEBPACK_IMPORTED_MODULE_4__/* .imageReference */ .rA)(config.registry, line.repository, tag)} does not exist: ${version} was never published there`, 'give a version this repository has (its tags are the versions published)');
        }
        if (config.credentials && !config.dryRun)
            await images.registry.checkPush(line.repository);
    }
    for (const mirror of config.mirrors)
        await images.mirror(mirror).checkAccess();
}
/** The lines that have a latest tag: a `tags=` line's fixed tags are never latest. */
function revertedLines(config) {
    return config.images.filter((line) => line.fixedTags === undefined);
}
function revertPlan(config, version) {
    const steps = [];
    if (config.credentials) {
        steps.push({
            step: 'login',
            registry: (0,_image_drivers_image_target_js__WEBPACK_IMPORTED_MODULE_4__/* .targetName */ .je)(config.registry),
            username: config.credentials.username,
        });
    }
    for (const registry of [config.registry, ...config.mirrors.map(_image_drivers_image_target_js__WEBPACK_IMPORTED_MODULE_4__/* .registryHost */ .U$)]) {
        for (const line of revertedLines(config)) {
            const tag = `latest${line.suffix}`;
            // From the main registry's version tag: its manifest is what latest held when that release was latest.
            const source = `docker://${(0,_image_drivers_image_target_js__WEBPACK_IMPORTED_MODULE_4__/* .imageReference */ .rA)(config.registry, line.repository, `${version}${line.suffix}`)}`;
            const step = {
                step: 'move-tag',
                source,
                target: (0,_image_drivers_image_target_js__WEBPACK_IMPORTED_MODULE_4__/* .imageReference */ .rA)(registry, line.repository, tag),
                registry,
                repository: line.repository,
                tag,
            };
            steps.push(step);
        }
    }
    return steps;
}


/***/ })

};
