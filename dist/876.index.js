export const id = 876;
export const ids = [876];
export const modules = {

/***/ 40876:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_GRACE_MS: () => (/* binding */ DEFAULT_GRACE_MS),
  RepositoryUpdater: () => (/* binding */ RepositoryUpdater)
});

// EXTERNAL MODULE: ./lib/util/all-in-order.js
var all_in_order = __webpack_require__(5078);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/indexes/apt-format.js + 7 modules
var apt_format = __webpack_require__(5857);
// EXTERNAL MODULE: ./lib/formats/apt/debian-version.js
var debian_version = __webpack_require__(42946);
// EXTERNAL MODULE: ./lib/package-layout/host-layout.js
var host_layout = __webpack_require__(10654);
// EXTERNAL MODULE: ./lib/indexes/old-files.js
var old_files = __webpack_require__(32499);
// EXTERNAL MODULE: ./lib/indexes/repository-files.js
var repository_files = __webpack_require__(27284);
// EXTERNAL MODULE: ./lib/indexes/size-retention.js
var size_retention = __webpack_require__(76072);
;// CONCATENATED MODULE: ./lib/indexes/bin-retention.js





/**
 * Retention for tarball trees (`bin-dev/<arch>/falco-<version>-<arch>.tar.gz`), which have no index.
 * By count: per package, variant and architecture, the newest versions stay. By size: versions (every
 * tarball of one, with what lies beside them) leave oldest first until the rest fit, never a version
 * the run publishes. The run's tarballs count as there: the plan asks before they are uploaded.
 * Architectures are `x86_64`, `aarch64` and `noarch`; `wasm-dev` has no retention setting, so it never
 * comes here (see `host-layout.ts`).
 */
async function tarballsPastLimit(store, root, limit, published) {
    const files = await repository_files/* RepositoryFiles */.Y.list(store, root);
    const keys = [...new Set([...files.keys, ...published.map((tarball) => tarball.path)])];
    const tarballs = keys.flatMap((key) => {
        const place = (0,host_layout/* placeOfPath */.Es)(key);
        // Not a tarball this layout puts here: someone else's file, left alone.
        return place === undefined || place.root !== root || place.kind !== 'tar.gz'
            ? []
            : [{ key, name: place.package }];
    });
    const doomed = 'bytes' in limit
        ? await overTotal(files, tarballs, limit.bytes, published)
        : overCount(tarballs, limit.versions);
    return { tarballs: doomed.sort(), files };
}
async function overTotal(files, tarballs, limit, published) {
    const own = new Map(published.map((tarball) => [tarball.path, tarball.bytes]));
    const sizes = await files.weigh(tarballs.map((t) => t.key).filter((key) => !own.has(key)));
    const beside = await files.besideBytes();
    const weighed = tarballs.map(({ key, name }) => ({
        path: key,
        version: name.version,
        bytes: (own.get(key) ?? sizes.get(key) ?? 0) + (beside.get(key) ?? 0),
    }));
    const publishing = new Set(tarballs.filter((t) => own.has(t.key)).map((t) => t.name.version));
    return [...(0,size_retention/* overSize */.y)(weighed, limit, publishing, debian_version/* compareDebianVersions */._K)];
}
function overCount(tarballs, keep) {
    const groups = new Map();
    for (const { key, name } of tarballs) {
        const group = `${name.name}\n${name.variant}\n${name.arch}`;
        const versions = groups.get(group) ?? new Map();
        versions.set(name.version, [...(versions.get(name.version) ?? []), key]);
        groups.set(group, versions);
    }
    const doomed = [];
    for (const versions of groups.values()) {
        const newestFirst = [...versions.keys()].sort((a, b) => (0,debian_version/* compareDebianVersions */._K)(b, a));
        for (const version of newestFirst.slice(keep))
            doomed.push(...(versions.get(version) ?? []));
    }
    return doomed;
}
/** Deletes the tarballs past the limit, with their signatures and provenance; returns their paths. */
async function pruneTarballs(store, root, limit, published) {
    const { tarballs } = await tarballsPastLimit(store, root, limit, published);
    await (0,old_files/* deletePackages */.P)(store, tarballs);
    return tarballs;
}

// EXTERNAL MODULE: ./lib/indexes/index-keeper.js + 4 modules
var index_keeper = __webpack_require__(3670);
// EXTERNAL MODULE: ./lib/indexes/indexed-package.js + 2 modules
var indexed_package = __webpack_require__(78585);
// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
;// CONCATENATED MODULE: ./lib/indexes/package-signatures.js

const ASC = 'application/pgp-signature';
/**
 * Writes `<package>.asc` beside each package: always for a package this run wrote (its content is
 * new), otherwise only where the signature is missing. Returns the signatures written.
 */
async function signPackages(target, signer, packages, written) {
    const signed = [];
    for (const pkg of packages) {
        const key = `${pkg.path}.asc`;
        if (!written.has(pkg.path) && (await target.store.head(key)) !== undefined)
            continue;
        // Streamed: a package can be a GiB, and signing must not hold it in memory.
        const signature = await signer.detachSignFile(pkg.localFile);
        await target.store.put(key, Buffer.from(signature, 'utf8'), { cacheControl: object_store/* NO_CACHE */.DQ, contentType: ASC });
        signed.push(key);
    }
    return signed;
}

// EXTERNAL MODULE: ./lib/indexes/retention.js
var indexes_retention = __webpack_require__(89530);
// EXTERNAL MODULE: ./lib/indexes/yum-format.js + 13 modules
var yum_format = __webpack_require__(67741);
;// CONCATENATED MODULE: ./lib/indexes/repository-updater.js










/** A day: far longer than any client takes between reading a Release and fetching what it lists. */
const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;
/**
 * Keeps the APT, YUM and tarball repositories of a package host: indexes the packages of the run,
 * checks before anything is written that every repository can be read and signed as it is, then
 * updates each one after its packages are published.
 */
class RepositoryUpdater {
    target;
    options;
    signing;
    /** The indexed formats; tarball trees (`bin`) have no index, only retention. */
    keepers = {
        apt: (0,index_keeper/* indexKeeper */.r)(apt_format/* APT_FORMAT */.O),
        yum: (0,index_keeper/* indexKeeper */.r)(yum_format/* YUM_FORMAT */.s),
    };
    constructor(
    /** The host's store, asked after the host's own checks (they tell whether conditional writes work). */
    target, options) {
        this.target = target;
        this.options = options;
    }
    get fingerprint() {
        return this.signing?.signer.fingerprint;
    }
    /**
     * Loads the signing key, reads every package's metadata and every touched repository's current
     * indexes: all that can fail does so here, before anything is written.
     */
    async prepare(packages) {
        if (this.options.loadSigning && this.signing === undefined) {
            this.signing = await this.options.loadSigning();
        }
        const indexed = packages.map(indexed_package/* indexPackage */.b);
        const byRoot = new Map();
        for (const pkg of indexed)
            byRoot.set(pkg.place.root, [...(byRoot.get(pkg.place.root) ?? []), pkg]);
        // Each repository is read on its own, all of them together.
        const planned = await (0,all_in_order/* allInOrder */.b)([...byRoot.values()].map((rootPackages) => async () => {
            const [{ place }] = rootPackages;
            const { root, format } = place;
            if (format !== 'bin') {
                await this.keepers[format].check(this.target(), root, this.signing !== undefined, rootPackages);
            }
            const limit = (0,indexes_retention/* limitFor */.Dg)(place, this.options.retention);
            const retention = limit === undefined
                ? undefined
                : { limit, deletes: await this.foresee(root, format, rootPackages, limit) };
            return { root, format, packages: rootPackages, retention };
        }));
        return planned.sort((a, b) => (a.root < b.root ? -1 : 1));
    }
    /** Every file retention would delete of a repository, as the host stands now (for the plan). */
    async foresee(root, format, packages, limit) {
        const { store } = this.target();
        if (format === 'bin') {
            const { tarballs, files } = await tarballsPastLimit(store, root, limit, await weighed(packages));
            return tarballs.flatMap((tarball) => files.filesOf(tarball));
        }
        const files = await repository_files/* RepositoryFiles */.Y.list(store, root);
        const pruning = await pruningFor(root, limit, async () => files);
        const removed = await this.keepers[format].foresee(this.target(), root, packages, pruning);
        return removed?.flatMap((pkg) => files.filesOf(pkg));
    }
    async update(repository, written) {
        const target = this.target();
        const { root, retention, packages } = repository;
        const limit = retention?.limit;
        const signing = this.signing;
        const packageSignatures = signing ? await signPackages(target, signing.signer, packages, written) : [];
        const signatures = packageSignatures.length;
        if (repository.format === 'bin') {
            const removed = limit === undefined ? [] : await pruneTarballs(target.store, root, limit, await weighed(packages));
            return { root, signatures, packageSignatures, removed };
        }
        // Weighed again now: the signatures just written, and whatever changed since the plan, count.
        const pruning = limit === undefined
            ? undefined
            : await pruningFor(root, limit, () => repository_files/* RepositoryFiles */.Y.list(target.store, root));
        const settings = {
            target,
            root,
            pruning,
            signing,
            date: this.options.date,
            graceMs: this.options.graceMs,
            now: () => new Date(),
            ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
        };
        const result = await this.keepers[repository.format].update(settings, packages);
        return { root, signatures, packageSignatures, ...result };
    }
}
/**
 * What an index update prunes by. A size limit weighs what lies beside each package too: the
 * repository is listed, and each signature and provenance bundle asked its size.
 */
async function pruningFor(root, limit, files) {
    if ('versions' in limit)
        return { limit, besideBytes: new Map() };
    const prefix = `${root}/`;
    const beside = await (await files()).besideBytes();
    // The index names packages relative to the root (`stable/falco-….deb`).
    return {
        limit,
        besideBytes: new Map([...beside].map(([pkg, bytes]) => [pkg.slice(prefix.length), bytes])),
    };
}
/** The run's tarballs with their sizes, read from the runner's files: the plan weighs them before upload. */
async function weighed(packages) {
    return Promise.all(packages.map(async (pkg) => ({ path: pkg.path, bytes: (await (0,promises_.stat)(pkg.localFile)).size })));
}


/***/ })

};
