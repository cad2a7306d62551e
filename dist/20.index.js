export const id = 20;
export const ids = [20];
export const modules = {

/***/ 64681:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ execute)
});

// UNUSED EXPORTS: waves

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/cdn/cdn-path.js
/**
 * Where a file of the package host is in the distribution's URL space, as an invalidation names it.
 *
 * `root` is the host's root as a URL path: `/packages` for `s3://bucket/packages` behind a distribution
 * whose origin is the whole bucket, `` when the origin path is the host's prefix itself.
 */
function cdnPaths(root, hostPath) {
    const path = `${root}/${encodeUnsafe(hostPath)}`;
    // S3 reads a bare `+` in a URL as a space, so clients send a dev version's `+` as `%2B`; others send it
    // as it is. The cache keeps each spelling apart, and an invalidation matches the spelling it names.
    return path.includes('+') ? [path, path.replace(/\+/g, '%2B')] : [path];
}
/**
 * CloudFront wants non-ASCII characters and RFC 1738's unsafe ones URL-encoded, and every other character
 * as it is (an encoded one would not match what the cache holds). `*` and `?` are encoded too: bare,
 * one would be a wildcard, the other the start of a query string; a client asks for such a file encoded.
 */
function encodeUnsafe(path) {
    let encoded = '';
    for (const char of path) {
        encoded += SAFE.test(char)
            ? char
            : [...Buffer.from(char, 'utf8')]
                .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
                .join('');
    }
    return encoded;
}
/** Printable ASCII less RFC 1738's unsafe characters (space, `"<>#%{}|\^~[]` and backquote), `*` and `?`. */
const SAFE = /^[!$&'()+,\-./0-9:;=@A-Z_a-z]$/;

;// CONCATENATED MODULE: ./lib/cdn/invalidation-batch.js
const CLOUDFRONT_LIMITS = { files: 3000, wildcards: 15, pathLength: 4000 };
/**
 * Fits the paths into one request under the limits: each file by its path while they fit, otherwise the
 * folders with the most files by their wildcard (one wildcard costs what one file does), and the whole
 * host (`<everything>/*`) when even that needs more wildcards than allowed. A wildcard invalidates more
 * than the run changed, so it is the fallback, never the rule.
 */
function fitInvalidation(groups, everything, limits = CLOUDFRONT_LIMITS) {
    const byFolder = new Map();
    for (const group of groups) {
        const paths = byFolder.get(group.folder) ?? new Set();
        for (const path of group.paths)
            paths.add(path);
        if (paths.size > 0)
            byFolder.set(group.folder, paths);
    }
    // A path too long to name goes under its folder's wildcard.
    const wildcarded = new Set([...byFolder].filter(([, paths]) => [...paths].some((p) => p.length > limits.pathLength)).map(([f]) => f));
    const named = () => [...byFolder].reduce((sum, [folder, paths]) => sum + (wildcarded.has(folder) ? 0 : paths.size), 0);
    while (named() > limits.files) {
        const [largest] = [...byFolder]
            .filter(([folder]) => !wildcarded.has(folder))
            .sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1));
        if (largest === undefined)
            break;
        wildcarded.add(largest[0]);
    }
    if (wildcarded.size > limits.wildcards)
        return { items: [`${everything}/*`], wildcarded: [everything] };
    const folders = [...wildcarded].sort();
    const files = [...byFolder]
        .filter(([folder]) => !wildcarded.has(folder))
        .flatMap(([, paths]) => [...paths])
        .sort();
    return { items: [...folders.map((folder) => `${folder}/*`), ...files], wildcarded: folders };
}

;// CONCATENATED MODULE: ./lib/action/cdn-invalidation.js


/**
 * The host paths this run wrote over, whose earlier content a cache may still serve: the indexes, their
 * plain-name copies and signatures a repository update replaced, and each replaced package with the
 * `.asc` and provenance bundle written for it. A file created where there was none has nothing cached
 * (content-addressed indexes, a new version's packages), and a deleted one is listed by no index any more.
 * A replaced package's `.asc` counts as replaced even if the package had none before: one path too
 * many costs nothing, one too few serves a signature that no longer matches.
 */
function replacedHostPaths(writes) {
    const paths = new Set();
    for (const report of writes.repositories)
        for (const path of report.rewritten ?? [])
            paths.add(path);
    const asc = new Set(writes.repositories.flatMap((report) => report.packageSignatures));
    const bundles = new Set(writes.signatures
        .filter((record) => record.kind === 'provenance' && record.state === 'signed')
        .map((record) => record.where));
    for (const pkg of writes.replacedPackages) {
        paths.add(pkg);
        if (asc.has(`${pkg}.asc`))
            paths.add(`${pkg}.asc`);
        if (bundles.has(`${pkg}.sigstore.json`))
            paths.add(`${pkg}.sigstore.json`);
    }
    return [...paths].sort();
}
/**
 * The distribution's paths for host paths, in one request under CloudFront's limits: each file (both
 * spellings of a `+`), or where they do not fit, a repository's wildcard (`/packages/deb-dev/*`).
 */
function invalidationItems(root, hostPaths) {
    const groups = new Map();
    for (const path of hostPaths) {
        const folder = `${root}/${path.split('/')[0] ?? ''}`;
        groups.set(folder, [...(groups.get(folder) ?? []), ...cdnPaths(root, path)]);
    }
    const pathGroups = [...groups].map(([folder, paths]) => ({ folder, paths }));
    return fitInvalidation(pathGroups, root);
}
/** Invalidates what the run replaced (nothing is asked when it replaced nothing), and waits if told to. */
async function invalidateCdn(step, invalidator, writes, logger) {
    const hostPaths = replacedHostPaths(writes);
    if (hostPaths.length === 0) {
        logger.info(`${invalidator.description}: the run replaced no file a cache may hold, nothing to invalidate`);
        return { distribution: step.distribution, hostPaths, items: [], id: undefined, status: undefined };
    }
    const { items, wildcarded } = invalidationItems(step.root, hostPaths);
    for (const folder of wildcarded) {
        logger.info(`${folder}/*: too many files to name each under CloudFront's limits, so the whole folder`);
    }
    logger.info(`invalidating ${items.length} path${items.length === 1 ? '' : 's'}:`);
    for (const item of items)
        logger.info(`  ${item}`);
    const made = await invalidator.invalidate(items);
    logger.info(`${invalidator.description}: invalidation ${made.id} ${made.status}`);
    if (!step.wait || made.status === 'Completed') {
        return { distribution: step.distribution, hostPaths, items, id: made.id, status: made.status };
    }
    await invalidator.waitUntilCompleted(made.id);
    logger.info(`invalidation ${made.id} completed`);
    return { distribution: step.distribution, hostPaths, items, id: made.id, status: 'Completed' };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/image-drivers/image-target.js
var image_target = __webpack_require__(31906);
// EXTERNAL MODULE: ./lib/signing/attach-referrer.js
var attach_referrer = __webpack_require__(89760);
// EXTERNAL MODULE: ./lib/signing/bundle-referrers.js
var bundle_referrers = __webpack_require__(46134);
;// CONCATENATED MODULE: ./lib/signing/in-toto.js
/**
 * in-toto attestation statements (spec v1): what a signature over a set of artifacts says about them.
 * The statement is the DSSE payload; its bytes are what gets signed.
 */
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** The DSSE payload type of an in-toto statement. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * The bytes that get signed: compact JSON with every object's keys in code-unit order, so one statement
 * always signs to the same payload however its objects were built. Arrays keep their order.
 */
function statementBytes(statement) {
    return Buffer.from(stableJson(statement), 'utf8');
}
function stableJson(value) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean')
        return JSON.stringify(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new Error(`a statement cannot hold the number ${value}`);
        return JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (typeof value === 'object') {
        // Absent optional fields are left out, as JSON.stringify leaves out undefined properties.
        const members = Object.entries(value)
            .filter(([, member]) => member !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, member]) => `${JSON.stringify(key)}:${stableJson(member)}`);
        return `{${members.join(',')}}`;
    }
    throw new Error(`a statement holds only JSON values, not ${typeof value}`);
}

;// CONCATENATED MODULE: ./lib/signing/provenance-subjects.js

const SHA256_HEX = /^[0-9a-f]{64}$/;
/**
 * An image as `actions/attest` names a registry subject: the fully-qualified repository, lower case,
 * without a tag (the digest pins the image): `docker.io/falcosecurity/falco`. Docker Hub is always
 * `docker.io`, the name that action asks for, whichever of its host names the target was given as.
 */
function imageSubject(registryHost, repository, manifestDigest) {
    const host = registryHost.toLowerCase() === 'index.docker.io' ? 'docker.io' : registryHost;
    const hex = manifestDigest.startsWith('sha256:') ? manifestDigest.slice('sha256:'.length) : '';
    return { name: `${host}/${repository}`.toLowerCase(), digest: { sha256: checkedHex(hex, manifestDigest) } };
}
/** A package as `actions/attest` names a file subject: by its file name, without the directories. */
function packageSubject(path, sha256) {
    return { name: (0,external_node_path_.basename)(path), digest: { sha256: checkedHex(sha256, sha256) } };
}
/**
 * Subjects in a stable order (by name, then digest, in code-unit order), each name and digest once:
 * the statement then depends only on what was published, not on the order the steps ran in.
 */
function sortedSubjects(subjects) {
    const unique = new Map(subjects.map((subject) => [`${subject.digest.sha256} ${subject.name}`, subject]));
    return [...unique.values()].sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.digest.sha256, b.digest.sha256));
}
const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
// Digests come from what this action hashed or pushed: a malformed one is a defect, not a user's mistake.
function checkedHex(hex, given) {
    if (!SHA256_HEX.test(hex))
        throw new Error(`a provenance subject needs a sha256 digest, not ${given}`);
    return hex;
}

;// CONCATENATED MODULE: ./lib/signing/provenance.js


const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/** The SLSA build type of a GitHub Actions workflow run: it fixes the meaning of the parameters below. */
const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
/** The provenance of everything one run published, from the run's own description. */
function provenancePredicate(context) {
    const repositoryUrl = `${context.serverUrl}/${context.repository}`;
    return {
        buildDefinition: {
            buildType: GITHUB_WORKFLOW_BUILD_TYPE,
            externalParameters: {
                workflow: { ref: context.ref, repository: repositoryUrl, path: context.workflowPath },
            },
            internalParameters: {
                github: {
                    event_name: context.eventName,
                    repository_id: context.repositoryId,
                    repository_owner_id: context.repositoryOwnerId,
                    runner_environment: context.runnerEnvironment,
                },
            },
            resolvedDependencies: [
                { uri: `git+${repositoryUrl}@${context.ref}`, digest: { gitCommit: context.sha } },
            ],
        },
        runDetails: {
            builder: { id: `${context.serverUrl}/${context.builderWorkflowRef}` },
            metadata: {
                invocationId: `${repositoryUrl}/actions/runs/${context.runId}/attempts/${context.runAttempt}`,
            },
        },
    };
}
/**
 * One statement for all the subjects a run published (images by manifest digest, packages by content),
 * each once and in a stable order. A statement must speak of something, so an empty list is a defect.
 */
function provenanceStatement(subjects, context) {
    if (subjects.length === 0)
        throw new Error('a provenance statement needs at least one subject');
    return {
        _type: IN_TOTO_STATEMENT_V1,
        subject: sortedSubjects(subjects),
        predicateType: SLSA_PROVENANCE_V1,
        predicate: provenancePredicate(context),
    };
}

;// CONCATENATED MODULE: ./lib/action/provenance-attestation.js










/**
 * Attests build provenance for a run: one SLSA statement naming every image digest (each index and its
 * images) and every package, signed keyless once, attached to each image as a referrer on every registry
 * and written beside each package as `<path>.sigstore.json`. Where it is already there (a re-run), it is
 * left alone; when it is everywhere, nothing is signed.
 */
async function attestProvenance(step, context) {
    const { places, subjects } = await findPlaces(step, context);
    const missing = places.filter((place) => !place.present);
    const signer = await context.port.signer.identity();
    let bundle;
    if (missing.length > 0) {
        const statement = statementBytes(provenanceStatement(subjects, context.port.runner));
        bundle = Buffer.from(JSON.stringify(await context.port.signer.signStatement(statement)));
    }
    const created = new Date();
    const records = [];
    const staging = bundle ? await (0,promises_.mkdtemp)((0,external_node_path_.join)(context.port.tempDir, 'provenance-')) : undefined;
    try {
        for (const place of places) {
            const base = {
                kind: 'provenance',
                signer,
                state: place.present ? 'present' : 'signed',
            };
            if (place.kind === 'image') {
                const where = place.present || !bundle
                    ? `${place.store.name}:${place.subject.digest.replace(':', '-')}`
                    : `${place.store.name}@${await (0,attach_referrer/* attachReferrer */.vO)(place.store, place.subject, bundle, bundle_referrers/* SLSA_PROVENANCE_PREDICATE */.ON, created)}`;
                records.push({
                    ...base,
                    subject: `${place.store.name}@${place.subject.digest}`,
                    digest: place.subject.digest,
                    where,
                });
            }
            else {
                const path = `${place.path}.sigstore.json`;
                if (!place.present && bundle && staging) {
                    await putBundle(context.host, path, bundle, staging, place.stale);
                }
                records.push({ ...base, subject: place.path, digest: `sha256:${place.sha256}`, where: path });
            }
        }
    }
    finally {
        if (staging)
            await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
    return records;
}
/** Every digest and package the statement names, and whether each already has its provenance. */
async function findPlaces(step, context) {
    const places = [];
    const subjects = [];
    const main = step.images[0] ? (0,image_target/* targetName */.je)(step.images[0].registry) : undefined;
    for (const image of step.images) {
        if (!context.stores)
            throw new Error('provenance of images needs the signature stores');
        const store = context.stores(image.registry, image.repository);
        const digest = await context.digestOf(image);
        const content = await store.manifest(digest);
        if (content === undefined)
            throw new errors/* UserError */.y(image.target, `holds no manifest ${digest} to attest`, 'run again');
        for (const subject of (0,attach_referrer/* manifestAndChildren */.qH)(digest, content)) {
            const present = await (0,attach_referrer/* hasReferrer */.IX)(store, subject.digest, bundle_referrers/* SLSA_PROVENANCE_PREDICATE */.ON);
            places.push({ kind: 'image', store, subject, present });
            if ((0,image_target/* targetName */.je)(image.registry) === main) {
                const host = image.registry.kind === 'registry' ? image.registry.host : (0,image_target/* targetName */.je)(image.registry);
                subjects.push(imageSubject(host, image.repository, subject.digest));
            }
        }
    }
    for (const pkg of step.packages) {
        if (!context.host)
            throw new Error('provenance of packages needs the package host');
        const there = (await context.host.existing(`${pkg.path}.sigstore.json`)) !== undefined;
        const stale = there && pkg.replaced;
        places.push({ kind: 'package', path: pkg.path, sha256: pkg.sha256, present: there && !stale, stale });
        subjects.push(packageSubject(pkg.path, pkg.sha256));
    }
    return { places, subjects };
}
/** The host takes files: the bundle is staged in the runner's temp first. */
async function putBundle(host, path, bundle, staging, replace) {
    if (!host)
        throw new Error('provenance of packages needs the package host');
    const file = (0,external_node_path_.join)(staging, path.replaceAll('/', '_'));
    await (0,promises_.writeFile)(file, bundle);
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bundle).digest('hex');
    await host.put(path, file, { sha256, replace });
}

;// CONCATENATED MODULE: ./lib/action/report/repository-report.js
/** One log line of what a repository update did. */
function describeRepositoryReport(report) {
    const parts = [
        report.changed === undefined ? undefined : report.changed ? 'indexes updated' : 'indexes already current',
        report.conflicts
            ? `${report.conflicts} concurrent update${report.conflicts > 1 ? 's' : ''} merged`
            : undefined,
        report.signatures
            ? `${report.signatures} package signature${report.signatures > 1 ? 's' : ''} written`
            : undefined,
        report.headersSigned?.length
            ? `${report.headersSigned.length} rpm header signature${report.headersSigned.length > 1 ? 's' : ''} made again`
            : undefined,
        report.derivedWritten ? `${report.derivedWritten} signature/plain index file(s) written` : undefined,
        report.removed.length > 0 ? `removed ${report.removed.join(', ')}` : undefined,
        report.expired?.length
            ? `${report.expired.length} index file(s) past their grace period deleted`
            : undefined,
    ];
    return `${report.root}: ${parts.filter(Boolean).join('; ') || 'nothing to do'}`;
}

// EXTERNAL MODULE: ./lib/action/published.js
var published = __webpack_require__(85356);
;// CONCATENATED MODULE: ./lib/util/buffered-logger.js
/**
 * For work that runs beside other work: a runner's log groups cannot interleave, so each piece of work
 * logs here and its groups are written whole once it is done. Lines outside any group are kept in place.
 */
function bufferedLogger() {
    const entries = [];
    let current;
    const add = (level, message) => {
        (current?.lines ?? entries).push({ level, message });
    };
    return {
        info: (message) => add('info', message),
        warning: (message) => add('warning', message),
        debug: (message) => add('debug', message),
        async group(title, fn) {
            // A group inside a group is flattened, as the runner's log does.
            if (current !== undefined)
                return fn();
            current = { title, lines: [] };
            entries.push(current);
            try {
                return await fn();
            }
            finally {
                current = undefined;
            }
        },
        async replay(to) {
            const say = (line) => to[line.level](line.message);
            for (const entry of entries) {
                if ('title' in entry)
                    await to.group(entry.title, async () => entry.lines.forEach(say));
                else
                    say(entry);
            }
        },
    };
}

// EXTERNAL MODULE: ./lib/util/map-concurrent.js
var map_concurrent = __webpack_require__(57474);
;// CONCATENATED MODULE: ./lib/action/steps-at-once.js
/**
 * How many steps of one wave (image tags, package uploads, repository updates) run at once. At
 * 20–100 ms a request, a release's dozen tags one after another spend most of their time waiting;
 * eight at a time lets Falco's 4 images go to the main registry and, as each tag lands, to a mirror,
 * while staying far below what registries allow one client (Docker Hub counts pulls, not requests, but
 * throttles bursts; each registry's client still sends at most 16 blob uploads at once). Memory does
 * not grow with it: an S3 store has at most 8 parts in flight over all its uploads (PartSlots), 2 MiB
 * each. 4 at once: a whole release at 50 ms a request took ~0.8 s longer.
 */
const STEPS_AT_ONCE = 8;

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
// EXTERNAL MODULE: ./lib/action/release/latest.js
var latest = __webpack_require__(41245);
;// CONCATENATED MODULE: ./lib/action/recheck-latest.js



/**
 * `latest: auto` decided at validation that this release is the newest stable one. A release published
 * since (by another run) must keep its `latest`: right before a `latest<suffix>` tag moves, its
 * repository's tags are read again, and the move is refused if a higher stable version is there now.
 */
async function refuseLatestBackwards(step, reader, version) {
    if (!step.tag.startsWith('latest'))
        return;
    const suffix = step.tag.slice('latest'.length);
    const now = (0,latest/* stableVersionsIn */.Y)(await reader.listTags(step.repository), [suffix]);
    const newest = now.filter((published) => semver.gt(published, version)).sort(semver.rcompare)[0];
    if (newest === undefined)
        return;
    throw new errors/* UserError */.y(step.target, `${newest} was published while this run went on, so moving it to ${version} would take it backwards: it stays`, `nothing to undo: the version tags of ${version} are published, and latest stays with ${newest}`);
}

// EXTERNAL MODULE: ./lib/action/release/floating.js
var floating = __webpack_require__(36188);
;// CONCATENATED MODULE: ./lib/action/recheck-series.js



/**
 * A series tag (`X`, `X.Y`) was decided at validation to move to this release, the highest of its series
 * then. A release of the series published since (by another run) must keep it: right before the tag
 * moves, its repository's tags are read again, and the move is refused if a higher one is there now.
 */
async function refuseSeriesBackwards(step, reader) {
    const { series } = step;
    if (series === undefined)
        return;
    const now = (0,latest/* stableVersionsIn */.Y)(await reader.listTags(step.repository), [series.suffix]);
    const newer = (0,floating/* newerInSeries */.es)(series.version, series.scope, now);
    if (newer === undefined)
        return;
    throw new errors/* UserError */.y(step.target, `${newer} was published while this run went on, so moving ${step.tag} to ${series.version} would take it backwards: it stays`, `nothing to undo: the version tags of ${series.version} are published, and ${step.tag} stays with ${newer}`);
}

;// CONCATENATED MODULE: ./lib/action/execute.js











/**
 * Runs the plan in order; the first failure stops it, so floating tags never move after a failure.
 * Pushes run one at a time on purpose: Falco's images share base layers, and docker uploads a shared
 * layer once and mounts it for the next repository only when the pushes follow each other.
 */
async function execute(plan, ports, credentials, logger, 
/** Set when `latest: auto` moves latest for this version: re-checked right before each latest tag moves. */
latestFor) {
    const run = new Execution(plan, ports, credentials, logger, latestFor);
    for (const wave of waves(plan, ports.images?.driver.concurrentPushes === true)) {
        if (wave.length === 1)
            await run.step(wave[0]);
        else
            await run.together(wave);
    }
    return run.executed;
}
/**
 * Steps that may run at once, kept in plan order: a run of image steps of one kind (the main
 * registry's, then the mirrors': a mirror that copies from the main registry's tag starts once that
 * tag is there, see `together`), of package uploads, or of repository updates (each its own root).
 * Every other step, and every image step of a driver whose pushes must follow each other, is a wave of
 * its own. The phases themselves stay in order: version tags → packages → indexes → floating tags,
 * and a failure stops the run before the next wave.
 */
function waves(plan, concurrentImages) {
    const keyOf = (step) => {
        if ((step.step === 'push' || step.step === 'move-tag') && concurrentImages)
            return step.step;
        if (step.step === 'publish-package' || step.step === 'update-repository')
            return step.step;
        return undefined;
    };
    const grouped = [];
    let lastKey;
    for (const step of plan) {
        const key = keyOf(step);
        const last = grouped.at(-1);
        if (key !== undefined && key === lastKey && last !== undefined)
            last.push(step);
        else
            grouped.push([step]);
        lastKey = key;
    }
    return grouped;
}
function landing() {
    let resolve = () => undefined;
    let reject = () => undefined;
    const promise = new Promise((done, fail) => {
        resolve = () => done(undefined);
        reject = fail;
    });
    // Nobody may wait for it: its failure is reported by its own step, not as an unhandled rejection.
    promise.catch(() => undefined);
    return { promise, resolve, reject };
}
/** The landing of each image step of a wave, by step and by `docker://<reference>` (how a mirror names its source). */
function tagsWrittenBy(wave) {
    const ofStep = new Map();
    const ofReference = new Map();
    for (const step of wave) {
        if (step.step !== 'push' && step.step !== 'move-tag')
            continue;
        const landed = landing();
        ofStep.set(step, landed);
        ofReference.set(`docker://${step.target}`, landed);
    }
    return { ofStep, ofReference };
}
/** One run of a plan: what it published so far, and what later steps need of earlier ones. */
class Execution {
    ports;
    credentials;
    logger;
    latestFor;
    executed = (0,published/* nothingExecuted */.l)();
    /** Package paths this run wrote: their signatures are written anew. */
    written = new Set();
    /** Package paths this run wrote over another build: a cache may hold the old one. */
    replaced = new Set();
    /** The digest each source got first: all its tags must get the same. */
    digestOfSource = new Map();
    /** The plan starts with the main registry; mirrors follow it. Only the main registry is read back. */
    primaryRegistry;
    constructor(plan, ports, credentials, logger, latestFor) {
        this.ports = ports;
        this.credentials = credentials;
        this.logger = logger;
        this.latestFor = latestFor;
        const primary = plan.find((step) => step.step === 'push' || step.step === 'move-tag');
        this.primaryRegistry =
            primary?.step === 'push' || primary?.step === 'move-tag' ? (0,image_target/* targetName */.je)(primary.registry) : undefined;
    }
    /**
     * The steps of a wave at once, at most STEPS_AT_ONCE in flight. Each logs into a buffer and records
     * into its own results, which join the run's in plan order once all are done: the log and the outputs
     * read the same whatever order they finished in. The first failure stops new steps from starting; the
     * ones already started finish (none is left writing), and what they did is still reported. An image
     * step whose source is a tag another step of the wave writes (a mirror copying the main registry's
     * tag) waits for that step, and fails with it: steps start in plan order, so the one it waits for has
     * always started.
     */
    async together(wave) {
        const views = wave.map(() => ({ logger: bufferedLogger(), executed: (0,published/* nothingExecuted */.l)() }));
        const written = tagsWrittenBy(wave);
        try {
            await (0,map_concurrent/* mapConcurrent */._)(wave, STEPS_AT_ONCE, async (step, index) => {
                const landed = written.ofStep.get(step);
                try {
                    const source = step.step === 'push' || step.step === 'move-tag' ? step.source : undefined;
                    const upstream = source === undefined ? undefined : written.ofReference.get(source);
                    if (upstream !== undefined)
                        await upstream.promise;
                    // A view of this run with its own log and results; the sets later steps read stay shared.
                    const view = Object.create(this, {
                        logger: { value: views[index]?.logger },
                        executed: { value: views[index]?.executed },
                    });
                    await view.step(step);
                    landed?.resolve();
                }
                catch (error) {
                    landed?.reject(error);
                    throw error;
                }
            });
        }
        finally {
            for (const { logger, executed } of views) {
                await logger.replay(this.logger);
                (0,published/* mergeExecuted */.a)(this.executed, executed);
            }
        }
    }
    async step(step) {
        switch (step.step) {
            case 'login': {
                const { credentials, ports } = this;
                if (!credentials || !ports.images)
                    throw new Error('a login step needs credentials and an image driver');
                const { driver } = ports.images;
                await this.logger.group(`Log in to ${step.registry}`, () => driver.login(step.registry, credentials));
                return;
            }
            case 'push':
            case 'move-tag':
                return this.image(step);
            case 'sign-image':
                return this.sign(step);
            case 'publish-package':
                return this.package(step);
            case 'update-repository':
                return this.repository(step);
            case 'attest-provenance':
                return this.attest(step);
            case 'withdraw-packages':
                return this.withdraw(step);
            case 'resign-repository':
                return this.resign(step);
            case 'invalidate-cdn':
                return this.invalidate(step);
        }
    }
    async image(step) {
        const { images } = this.ports;
        if (!images)
            throw new Error('an image step needs an image driver');
        const title = `${step.step === 'push' ? 'Push' : 'Move'} ${step.target}`;
        const { digest, changed, before } = await this.logger.group(title, () => this.pushVerified(step, images));
        const first = this.digestOfSource.get(step.source);
        if (first !== undefined && first !== digest) {
            throw new errors/* UserError */.y(step.target, `got digest ${digest}, but other tags of ${step.source} got ${first}`, 'the source image changed during the run: rebuild and publish again');
        }
        this.digestOfSource.set(step.source, digest);
        this.executed.images.push({ ref: step.target, digest });
        this.executed.tagChanges.push({ ref: step.target, before, after: digest });
        if (changed)
            this.executed.changedTags.push(step.target);
    }
    /**
     * Pushes, then reads the tag back from the registry: users once got a `latest` that lagged (falco#823).
     * Whether the push changed the tag comes from the driver, or else from the tag's digest read before.
     */
    async pushVerified(step, images) {
        const primary = (0,image_target/* targetName */.je)(step.registry) === this.primaryRegistry;
        const { driver } = images;
        // The main registry's versions decided latest (see readLatest): they are read again for mirrors too.
        if (step.step === 'move-tag' && this.latestFor !== undefined) {
            await refuseLatestBackwards(step, images.registry, this.latestFor);
        }
        // Series tags are always decided by comparing versions: always checked again.
        if (step.step === 'move-tag')
            await refuseSeriesBackwards(step, images.registry);
        // One HEAD per tag, only for a driver that cannot tell (the registry driver reads the tag before copying anyway).
        const reader = primary ? images.registry : images.mirror((0,image_target/* targetName */.je)(step.registry));
        const read = driver.reportsChanges ? undefined : await reader.manifestDigest(step.repository, step.tag);
        const pushed = await driver.push(step.source, step.target, step);
        const { digest } = pushed;
        const before = pushed.before ? pushed.before.digest : read;
        const changed = pushed.changed ?? before !== digest;
        if (driver.verifiesDigests || !primary)
            return { digest, changed, before };
        const served = await images.registry.manifestDigest(step.repository, step.tag);
        if (served !== digest) {
            throw new errors/* UserError */.y(step.target, `the registry serves ${served ?? 'nothing'} after pushing ${digest}`, 'check for another publisher writing the same tag, then run again');
        }
        this.logger.info(`pushed ${step.source} as ${step.target}; the registry serves ${digest}${changed ? '' : ', as before'}`);
        return { digest, changed, before };
    }
    /** Signs the digest the step's tag got in this run (read from the registry when the run did not push it). */
    async sign(step) {
        const signing = this.ports.images?.signing;
        if (!signing)
            throw new Error('a sign-image step needs an image signer');
        const pushed = this.executed.images.findLast((image) => image.ref === step.target)?.digest;
        const records = await this.logger.group(`Sign ${step.target}`, async () => {
            const digest = pushed ?? (await this.readerFor(step).manifestDigest(step.repository, step.tag));
            if (digest === undefined)
                throw new errors/* UserError */.y(step.target, 'is not in the registry: nothing to sign');
            const made = await signing.sign(step, digest);
            for (const record of made) {
                this.logger.info(`${record.kind} of ${record.digest}: ${record.state === 'signed' ? 'written to' : 'already in'} ${record.where}`);
            }
            return made;
        });
        this.executed.signatures.push(...records);
    }
    async attest(step) {
        const { provenance, host, images } = this.ports;
        if (!provenance)
            throw new Error('an attest-provenance step needs the provenance port');
        const records = await this.logger.group('Attest build provenance', async () => {
            const made = await attestProvenance(step, {
                port: provenance,
                stores: images?.signatureStores,
                host,
                digestOf: async (image) => {
                    const pushed = this.executed.images.findLast((done) => done.ref === image.target)?.digest;
                    const digest = pushed ?? (await this.readerFor(image).manifestDigest(image.repository, image.tag));
                    if (digest === undefined)
                        throw new errors/* UserError */.y(image.target, 'is not in the registry: nothing to attest');
                    return digest;
                },
            });
            const written = made.filter((record) => record.state === 'signed').length;
            this.logger.info(`build provenance: ${written} written, ${made.length - written} already there, signed by ${made[0]?.signer ?? '—'}`);
            return made;
        });
        this.executed.signatures.push(...records);
    }
    readerFor(step) {
        const images = this.ports.images;
        if (!images)
            throw new Error('a sign-image step needs image ports');
        return (0,image_target/* targetName */.je)(step.registry) === this.primaryRegistry
            ? images.registry
            : images.mirror((0,image_target/* targetName */.je)(step.registry));
    }
    async package(step) {
        const { host } = this.ports;
        await this.logger.group(`Publish ${step.path}`, async () => {
            if (step.action === 'skip') {
                this.logger.info(`${step.path} is already published with sha256 ${step.sha256}: skipped`);
                return;
            }
            if (!host)
                throw new Error('a package step needs a package host');
            await host.put(step.path, step.localFile, {
                sha256: step.sha256,
                replace: step.action === 'replace',
                ...(step.parts ? { parts: step.parts } : {}),
            });
            this.written.add(step.path);
            if (step.action === 'replace')
                this.replaced.add(step.path);
            this.logger.info(`${step.action === 'replace' ? 'replaced' : 'uploaded'} ${step.path} (${step.size} bytes, sha256 ${step.sha256})`);
        });
        this.executed.packages.push({ file: step.file, path: step.path, sha256: step.sha256, size: step.size });
    }
    async invalidate(step) {
        const { cdn } = this.ports;
        if (!cdn)
            throw new Error('an invalidate-cdn step needs the CDN port');
        const { repositories, signatures } = this.executed;
        this.executed.cdnInvalidation = await this.logger.group(`Invalidate ${cdn.description}`, () => invalidateCdn(step, cdn, { replacedPackages: this.replaced, repositories, signatures }, this.logger));
    }
    async withdraw(step) {
        const { maintenance } = this.ports;
        if (!maintenance)
            throw new Error('a withdraw step needs the maintenance port');
        const report = await this.logger.group(`Withdraw ${step.packages.length} package(s) from ${step.root}`, async () => {
            const done = await maintenance.withdraw(step);
            this.logger.info(describeRepositoryReport(done));
            return done;
        });
        this.executed.repositories.push(report);
    }
    async resign(step) {
        const { maintenance } = this.ports;
        if (!maintenance)
            throw new Error('a resign step needs the maintenance port');
        const report = await this.logger.group(`Sign ${step.root} again`, async () => {
            const done = await maintenance.resign(step);
            this.logger.info(describeRepositoryReport(done));
            return done;
        });
        this.executed.repositories.push(report);
    }
    async repository(step) {
        const { repositories } = this.ports;
        if (!repositories)
            throw new Error('a repository step needs the repositories port');
        const report = await this.logger.group(`Update ${step.root} (${step.format})`, async () => {
            const done = await repositories.update(step.repository, this.written);
            this.logger.info(describeRepositoryReport(done));
            return done;
        });
        this.executed.repositories.push(report);
    }
}


/***/ }),

/***/ 63020:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: run

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(57264);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/image-drivers/image-target.js
var image_target = __webpack_require__(31906);
// EXTERNAL MODULE: ./lib/image-drivers/source-spec.js
var source_spec = __webpack_require__(24728);
;// CONCATENATED MODULE: ./lib/action/release/docker-tag.js
/** The grammar of an image tag (distribution spec): a word character, then up to 127 of [\w.-]. */
const TAG = /^[\w][\w.-]{0,127}$/;
function isValidTag(tag) {
    return TAG.test(tag);
}

;// CONCATENATED MODULE: ./lib/action/release/image-line-options.js


const LINE_FORMAT = '<source> <repository> [suffix=<suffix>] [floating=major,minor], or <source> <repository> tags=<tag>,<tag>…';
const SUFFIX = /^[\w.-]{1,64}$/;
const OPTION = /^(suffix|tags|floating)=(.*)$/;
/** Reads `suffix=`, `tags=` and `floating=`, each at most once; `tags=` stands alone (see fixedTagsOf). */
function parseLineOptions(options, where) {
    const given = new Map();
    for (const option of options) {
        const match = OPTION.exec(option);
        if (!match)
            throw new errors/* UserError */.y(where, `unknown option '${option}'`, `write ${LINE_FORMAT}`);
        const [, name = '', value = ''] = match;
        if (given.has(name))
            throw new errors/* UserError */.y(where, `gives ${name}= twice`, `write ${LINE_FORMAT}`);
        given.set(name, value);
    }
    const suffix = given.get('suffix');
    if (suffix !== undefined && !SUFFIX.test(suffix)) {
        throw new errors/* UserError */.y(where, `suffix '${suffix}' cannot be part of an image tag`, 'use letters, digits, _, . and -, e.g. suffix=-slim');
    }
    const tags = given.get('tags');
    if (tags !== undefined) {
        // The line's tags are exactly these: a suffix or a series would have no version tag to go with.
        const other = ['suffix', 'floating'].find((name) => given.has(name));
        if (other !== undefined) {
            throw new errors/* UserError */.y(where, `gives tags= with ${other}=`, `tags= names every tag of its line in full: write the ${other === 'suffix' ? 'suffix into each tag' : 'series tags on a line of their own'}`);
        }
        return { suffix: '', fixedTags: fixedTagsOf(tags, where) };
    }
    const floating = given.get('floating');
    return {
        suffix: suffix ?? '',
        ...(floating === undefined ? {} : { floating: scopesOf(floating, where) }),
    };
}
function fixedTagsOf(value, where) {
    const tags = value.split(',');
    const seen = new Set();
    for (const tag of tags) {
        if (!isValidTag(tag)) {
            throw new errors/* UserError */.y(where, tag === ''
                ? `tags= has an empty tag in '${value}'`
                : `tags= names '${tag}', which is not an image tag`, 'write tags=<tag>,<tag>… with each tag of letters, digits, _, . and - (at most 128, not starting with . or -)');
        }
        if (seen.has(tag))
            throw new errors/* UserError */.y(where, `tags= names '${tag}' twice`, 'name each tag once');
        seen.add(tag);
    }
    return tags;
}
function scopesOf(value, where) {
    const names = value.split(',');
    const unknown = names.find((name) => name !== 'major' && name !== 'minor');
    if (unknown !== undefined) {
        throw new errors/* UserError */.y(where, `floating= names '${unknown}'`, 'write floating=major (X), floating=minor (X.Y) or floating=major,minor');
    }
    if (new Set(names).size !== names.length) {
        throw new errors/* UserError */.y(where, `floating= names a series twice in '${value}'`, 'name major and minor once each');
    }
    return ['major', 'minor'].filter((scope) => names.includes(scope));
}

;// CONCATENATED MODULE: ./lib/action/release/image-lines.js


/** Repository path grammar of the distribution spec (lowercase components joined by `/`). */
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/** What a versioned line's tags look like once its suffix is off: `0.26.0`, `0.27.0-rc1`, `0`, `0.39`. */
const VERSION_LIKE = /^v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/;
/** Parses the `images` input: one image per line, blank lines and `#` comments ignored. */
function parseImageLines(text) {
    const numbered = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const content = raw.replace(/(^|\s)#.*$/, '').trim();
        if (content === '')
            return;
        numbered.push({ line: parseLine(content, index + 1), number: index + 1 });
    });
    rejectDuplicates(numbered);
    rejectFixedTagsOfVersionedLines(numbered);
    return numbered.map(({ line }) => line);
}
function parseLine(content, lineNumber) {
    const where = `images (line ${lineNumber})`;
    const [source, repository, ...options] = content.split(/\s+/);
    if (!source || !repository) {
        throw new errors/* UserError */.y(where, `'${content}' names no repository`, `write ${LINE_FORMAT}`);
    }
    if (!REPOSITORY.test(repository)) {
        throw new errors/* UserError */.y(where, `'${repository}' is not a repository name`, 'use lowercase path components such as falcosecurity/falco (the registry goes in the registry input)');
    }
    return { source, repository, ...parseLineOptions(options, where) };
}
/**
 * Two versioned lines with the same repository and suffix would write the same tags from two images;
 * two `tags=` lines may share a repository, not a tag.
 */
function rejectDuplicates(lines) {
    const seen = new Map();
    for (const { line, number } of lines) {
        const keys = line.fixedTags
            ? line.fixedTags.map((tag) => ({ key: `${line.repository}:${tag}`, what: `${line.repository}:${tag}` }))
            : [
                {
                    key: `${line.repository}\u0000${line.suffix}`,
                    what: `${line.repository}${line.suffix ? ` with suffix ${line.suffix}` : ''}`,
                },
            ];
        for (const { key, what } of keys) {
            const earlier = seen.get(key);
            if (earlier !== undefined) {
                throw new errors/* UserError */.y(`images (line ${number})`, `${what} is listed twice (also on line ${earlier})`, line.fixedTags
                    ? 'name each tag of a repository on one line'
                    : 'give each repository one line per suffix');
            }
            seen.set(key, number);
        }
    }
}
/**
 * A fixed tag is never compared as a version; in a repository whose versioned lines `latest: auto` and
 * `floating=` read, one that looks like a version or is their `latest` would be, and would collide.
 */
function rejectFixedTagsOfVersionedLines(lines) {
    const versioned = lines.filter(({ line }) => !line.fixedTags);
    for (const { line, number } of lines) {
        for (const tag of line.fixedTags ?? []) {
            for (const other of versioned) {
                const { repository, suffix } = other.line;
                if (repository !== line.repository || !tag.endsWith(suffix))
                    continue;
                const bare = tag.slice(0, tag.length - suffix.length);
                if (bare !== 'latest' && !VERSION_LIKE.test(bare))
                    continue;
                throw new errors/* UserError */.y(`images (line ${number})`, `tags= names '${tag}', a ${bare === 'latest' ? 'latest' : 'version'} tag of ${repository} that line ${other.number} publishes by release`, 'give fixed tags names that are not versions nor latest (e.g. stable, builder), or let the release rules move it');
            }
        }
    }
}

;// CONCATENATED MODULE: ./lib/action/inputs/input-values.js

/** A multi-line input's entries: trimmed, without blank lines and `#` comments. */
function lines(value) {
    return value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/** `true` or `false` (any case); empty is false. */
function input_values_boolean(name, value) {
    const normalized = value.trim().toLowerCase();
    if (normalized === '' || normalized === 'false')
        return false;
    if (normalized === 'true')
        return true;
    throw new errors/* UserError */.y(name, `'${value}' is not a boolean`, 'write true or false');
}
/** One of the accepted words (any case). */
function oneOf(name, value, accepted) {
    const found = accepted.find((candidate) => candidate === value.trim().toLowerCase());
    if (found === undefined) {
        throw new errors/* UserError */.y(name, `'${value}' is not accepted`, `write one of: ${accepted.join(', ')}`);
    }
    return found;
}

;// CONCATENATED MODULE: ./lib/action/inputs/image-inputs.js






const REGISTRY = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::\d{1,5})?$/;
function readImageInputs(input, workspace) {
    const images = parseImageLines(input('images'));
    const imageDriver = oneOf('image-driver', input('image-driver') || 'docker', [
        'docker',
        'registry',
    ]);
    const registry = readRegistry(input('registry') || 'docker.io', imageDriver, workspace);
    const mirrors = readMirrors(lines(input('mirror-registries')), registry);
    // The registry driver's sources are checked for their form here; that they exist, before any write.
    if (imageDriver === 'registry')
        for (const line of images)
            (0,source_spec/* parseSource */.P)(line.source, workspace);
    const credentials = readCredentials(input('registry-username'), input('registry-password'));
    if (credentials && registry.kind === 'oci-layout') {
        throw new errors/* UserError */.y('registry-username', 'is set, but the registry is an OCI layout, which takes no credentials', 'remove registry-username and registry-password (sources in registries use the docker login of the job)');
    }
    const insecure = input_values_boolean('registry-insecure', input('registry-insecure'));
    return { images, imageDriver, registry, mirrors, insecure, credentials };
}
/** `host[:port]`, or for the registry driver `oci-layout:<dir>` (made absolute against the workspace). */
function readRegistry(value, driver, workspace) {
    if (value.startsWith(image_target/* LAYOUT_PREFIX */.A$)) {
        if (driver !== 'registry') {
            throw new errors/* UserError */.y('registry', `'${value}' needs image-driver: registry`, 'set image-driver: registry, or use a registry host');
        }
        const dir = value.slice(image_target/* LAYOUT_PREFIX */.A$.length);
        if (dir === '')
            throw new errors/* UserError */.y('registry', `'${value}' names no directory`, 'write oci-layout:<dir>');
        return { kind: 'oci-layout', dir: (0,external_node_path_.isAbsolute)(dir) ? dir : (0,external_node_path_.resolve)(workspace, dir) };
    }
    const host = value.toLowerCase();
    if (!REGISTRY.test(host)) {
        throw new errors/* UserError */.y('registry', `'${value}' is not a registry host`, 'write host[:port], e.g. docker.io, or oci-layout:<dir>');
    }
    return { kind: 'registry', host };
}
/** One registry host per line, none of them the registry itself, and only beside a registry. */
function readMirrors(given, registry) {
    const mirrors = given.map((mirror) => {
        const host = mirror.toLowerCase();
        if (!REGISTRY.test(host)) {
            throw new errors/* UserError */.y('mirror-registries', `'${mirror}' is not a registry host`, 'write one host[:port] per line, e.g. public.ecr.aws');
        }
        if (registry.kind === 'registry' && host === registry.host) {
            throw new errors/* UserError */.y('mirror-registries', `'${mirror}' is the registry itself`, 'list only other registries');
        }
        return host;
    });
    if (mirrors.length > 0 && registry.kind === 'oci-layout') {
        throw new errors/* UserError */.y('mirror-registries', 'cannot mirror an OCI layout', 'set registry to a registry host, or remove mirror-registries');
    }
    return mirrors;
}
function readCredentials(username, password) {
    if (!username && !password)
        return undefined;
    if (!username)
        throw new errors/* UserError */.y('registry-username', 'is empty but registry-password is set', 'set both or neither');
    if (!password)
        throw new errors/* UserError */.y('registry-password', 'is empty but registry-username is set', 'set both or neither');
    return { username, password };
}

// EXTERNAL MODULE: ./lib/registry/endpoint.js
var registry_endpoint = __webpack_require__(34210);
;// CONCATENATED MODULE: ./lib/action/inputs/cdn-inputs.js



/** The variable AWS SDKs read a CloudFront endpoint from; here it points the action at a stand-in. */
const CLOUDFRONT_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_CLOUDFRONT';
/**
 * The CloudFront inputs, checked against the package host: only an S3 bucket can be a distribution's
 * origin as the action lays it out, and the origin path must contain the bucket prefix, or the
 * invalidated paths would name files the distribution does not serve.
 */
function readCloudFrontInputs(input, host, env) {
    const distribution = input('cloudfront-distribution').trim();
    const waitValue = input('cloudfront-wait');
    const originPath = input('cloudfront-origin-path').trim();
    if (distribution === '') {
        // A runner passes every input's default: `cloudfront-wait: false` is what an unset input reads as.
        const wait = input_values_boolean('cloudfront-wait', waitValue);
        const given = [wait && 'cloudfront-wait', originPath && 'cloudfront-origin-path'].find(Boolean);
        if (given) {
            throw new errors/* UserError */.y(given, 'is set, but cloudfront-distribution is empty', `set cloudfront-distribution, or remove ${given}`);
        }
        return undefined;
    }
    checkDistribution(distribution);
    if (host?.kind !== 's3') {
        throw new errors/* UserError */.y('cloudfront-distribution', 'is set, but package-host is not s3://…', 'remove cloudfront-distribution, or publish to the s3://<bucket>/<prefix> the distribution serves');
    }
    return {
        distribution,
        wait: input_values_boolean('cloudfront-wait', waitValue),
        root: rootInDistribution(host.prefix, originPath),
        endpoint: readEndpoint(env[CLOUDFRONT_ENDPOINT_VARIABLE]),
    };
}
/** CloudFront's distribution IDs are upper-case letters and digits (E2QWRUHEXAMPLE). */
function checkDistribution(distribution) {
    if (/^[A-Z0-9]{1,64}$/.test(distribution))
        return;
    throw new errors/* UserError */.y('cloudfront-distribution', distribution.includes('.')
        ? `'${distribution}' is a domain name, not a distribution ID`
        : `'${distribution}' is not a distribution ID`, "write the distribution's ID as the CloudFront console shows it, e.g. E2QWRUHEXAMPLE");
}
/**
 * The distribution serves the object `<origin path>/<p>` at `/<p>`: the host's root (`<prefix>/`) is at
 * its prefix less the origin path. The origin path is written as the console shows it (`/packages`).
 */
function rootInDistribution(prefix, originPath) {
    if (originPath === '')
        return prefix === '' ? '' : `/${prefix}`;
    if (!/^\/\S*[^/]$/.test(originPath) || originPath.includes('*')) {
        throw new errors/* UserError */.y('cloudfront-origin-path', `'${originPath}' is not an origin path`, "write the distribution origin's path as the console shows it, starting with / and not ending with one (e.g. /packages), or leave it empty");
    }
    const origin = originPath.slice(1);
    if (prefix === origin)
        return '';
    if (prefix.startsWith(`${origin}/`))
        return `/${prefix.slice(origin.length + 1)}`;
    throw new errors/* UserError */.y('cloudfront-origin-path', `'${originPath}' does not contain the package host's prefix '${prefix}', so the distribution does not serve the packages`, `set the origin path the distribution in front of s3://…/${prefix} has, or leave it empty when its origin is the whole bucket`);
}
/** A stand-in endpoint is for tests: on loopback, so the credentials' signatures go nowhere else. */
function readEndpoint(value) {
    const endpoint = value?.trim() ?? '';
    if (endpoint === '')
        return undefined;
    const match = /^http:\/\/([^/\s]+)\/?$/.exec(endpoint);
    if (!match || !(0,registry_endpoint/* isLoopback */.U9)(match[1] ?? '')) {
        throw new errors/* UserError */.y(CLOUDFRONT_ENDPOINT_VARIABLE, `'${endpoint}' is not a loopback http URL`, 'unset it: it points the action at a local CloudFront stand-in (e.g. http://127.0.0.1:8080) and nothing else');
    }
    return endpoint.replace(/\/$/, '');
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./lib/hosts/location.js



const ACCEPTED = 'accepted: s3://<bucket>/<prefix>, https://<host>/<path>, bintray://<subject>, github-release, file:///abs/dir, /abs/dir or ./rel/dir';
/** The one `package-host` value that is a word, not a place. */
const GITHUB_RELEASE = 'github-release';
/** S3's bucket naming rules (DNS-style, as path-style S3-compatible stores also require). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** `.`, `..`, `./dir`, `../dir`: a directory the user meant to be relative to the workspace. */
const EXPLICITLY_RELATIVE = /^\.\.?(\/|$)/;
/** Parses `package-host`; relative directories are taken from the workspace. */
function parseHostLocation(value, workspace) {
    if (value === GITHUB_RELEASE)
        return { kind: 'github-release' };
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value)?.[1]?.toLowerCase();
    if (scheme === undefined) {
        // `s3:bucket` or `https:/x` is a mistyped URL, not a directory named so.
        if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(value)) {
            throw new errors/* UserError */.y('package-host', `'${value}' is not a URL (no //) nor a directory`, ACCEPTED);
        }
        if ((0,external_node_path_.isAbsolute)(value))
            return { kind: 'directory', path: value };
        if (!EXPLICITLY_RELATIVE.test(value))
            throw ambiguous(value);
        return { kind: 'directory', path: (0,external_node_path_.resolve)(workspace, value) };
    }
    if (scheme === 'file') {
        let path;
        try {
            path = (0,external_node_url_.fileURLToPath)(value);
        }
        catch {
            throw new errors/* UserError */.y('package-host', `'${value}' is not a file URL`, ACCEPTED);
        }
        return { kind: 'directory', path };
    }
    if (scheme === 's3') {
        const [bucket = '', ...rest] = value.slice('s3://'.length).split('/');
        if (!BUCKET.test(bucket)) {
            throw new errors/* UserError */.y('package-host', `'${bucket}' is not an S3 bucket name`, ACCEPTED);
        }
        return { kind: 's3', bucket, prefix: rest.filter(Boolean).join('/') };
    }
    if (scheme === 'http' || scheme === 'https')
        return parseHttpLocation(value);
    if (scheme === 'bintray')
        return { kind: 'bintray', subject: bintraySubject(value) };
    throw new errors/* UserError */.y('package-host', `the scheme '${scheme}://' has no adapter`, ACCEPTED);
}
/** A Bintray user or organization name, as Bintray spelled them. */
const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * `bintray://<subject>`: the repositories (`deb`, `rpm-dev`, ...) follow from the layout, so a path
 * after the subject would be silently ignored, and is refused instead.
 */
function bintraySubject(value) {
    const [subject = '', ...rest] = value.slice('bintray://'.length).split('/');
    if (!SUBJECT.test(subject)) {
        throw new errors/* UserError */.y('package-host', `'${subject}' is not a Bintray subject (user or organization)`, ACCEPTED);
    }
    if (rest.some(Boolean)) {
        throw new errors/* UserError */.y('package-host', `'${value}' names more than a subject`, `write bintray://${subject}: the repositories (deb, deb-dev, rpm, rpm-dev, bin, bin-dev) follow from each package`);
    }
    return subject;
}
/**
 * An HTTP(S) base URL. Credentials in it are refused without repeating the value: a password written
 * there would end up in logs and the summary, which show the host's URL.
 */
function parseHttpLocation(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* UserError */.y('package-host', 'is not a valid http(s) URL', 'write e.g. https://repo.example.com/falco');
    }
    if (url.username !== '' || url.password !== '') {
        throw new errors/* UserError */.y('package-host', 'holds credentials in its URL', 'remove them from the URL and set package-host-username and package-host-password (or package-host-token) from secrets');
    }
    if (url.search !== '' || url.hash !== '') {
        throw new errors/* UserError */.y('package-host', `'${url.origin}${url.pathname}' is followed by a query or fragment`, 'give the base URL only, e.g. https://repo.example.com/falco');
    }
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    return { kind: 'http', url: `${url.origin}${path}` };
}
/** True for a host that never leaves the machine: plain http to it exposes nothing. */
function isLoopbackUrl(url) {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
/**
 * `falco-distribution/packages` reads as a bucket with its `s3://` forgotten just as well as a folder:
 * taken as a folder, the packages would silently land in the workspace and never reach the bucket.
 */
function ambiguous(value) {
    const path = value.replace(/\/+$/, '');
    const folder = `./${path}`;
    if (!BUCKET.test(path.split('/')[0] ?? '')) {
        return new errors/* UserError */.y('package-host', `'${value}' is a relative folder without ./`, `write ${folder} for a folder in the workspace`);
    }
    return new errors/* UserError */.y('package-host', `'${value}' could be a folder or a bucket`, `write ${folder} for a folder in the workspace, or s3://${path} for an S3 bucket`);
}

// EXTERNAL MODULE: ./lib/indexes/retention.js
var indexes_retention = __webpack_require__(89530);
;// CONCATENATED MODULE: ./lib/action/inputs/host-credential-inputs.js

/**
 * The package host's credentials: `package-host-username` and `package-host-password` (HTTP Basic),
 * or `package-host-token` (a bearer token), never both kinds; undefined when none is set. Half a pair
 * is refused here, before anything is asked of the host, rather than sent as an anonymous request.
 */
function readHostCredentials(input) {
    const username = input('package-host-username').trim();
    const password = input('package-host-password');
    const token = input('package-host-token').trim();
    if (token !== '') {
        if (username !== '' || password !== '') {
            throw new errors/* UserError */.y('package-host-token', 'is set together with package-host-username / package-host-password', 'set either a token (sent as Bearer) or a user and password (HTTP Basic), not both');
        }
        return { kind: 'bearer', token };
    }
    if (username === '' && password === '')
        return undefined;
    if (password === '') {
        throw new errors/* UserError */.y('package-host-password', 'is empty but package-host-username is set', 'set package-host-password from a secret, or remove package-host-username');
    }
    if (username === '') {
        throw new errors/* UserError */.y('package-host-username', 'is empty but package-host-password is set', 'set package-host-username to the account the password belongs to');
    }
    // HTTP Basic joins the two with a colon: one in the user name would move part of it into the password.
    if (username.includes(':')) {
        throw new errors/* UserError */.y('package-host-username', 'contains a colon, which HTTP Basic authentication cannot carry', 'use the account name without it, or a token in package-host-token');
    }
    return { kind: 'basic', username, password };
}

;// CONCATENATED MODULE: ./lib/hosts/bintray/bintray-inputs.js

/** Where Bintray's API was; a compatible server stands in through `bintray-api-url`. */
const DEFAULT_BINTRAY_API_URL = 'https://api.bintray.com';
/** Hosts a plain http:// API may be on: the machine itself, where nothing crosses a network. */
const LOOPBACK = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/i;
/**
 * Reads the Bintray inputs (always, so every input is read once). For another host the credentials
 * are left to it (an HTTP host reads the same two), but an API URL other than the default is a mistake.
 */
function readBintrayInputs(input, bintray) {
    const username = input('package-host-username').trim();
    const apiKey = input('package-host-password');
    const url = input('bintray-api-url').trim();
    if (!bintray) {
        if (url !== '' && url.replace(/\/+$/, '') !== DEFAULT_BINTRAY_API_URL) {
            throw new errors/* UserError */.y('bintray-api-url', 'is set, but package-host is not bintray://…', 'remove bintray-api-url, or publish to bintray://<subject>');
        }
        return undefined;
    }
    if (username === '') {
        throw new errors/* UserError */.y('package-host-username', 'is empty, but package-host is bintray://…', 'set it to the Bintray user whose API key package-host-password holds');
    }
    if (apiKey === '') {
        throw new errors/* UserError */.y('package-host-password', 'is empty, but package-host is bintray://…', "set it to the Bintray user's API key, from a secret");
    }
    return { apiUrl: apiUrlOf(url || DEFAULT_BINTRAY_API_URL), username, apiKey };
}
/** https, or http on loopback only: the API key travels in every request's Basic authorization. */
function apiUrlOf(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* UserError */.y('bintray-api-url', `'${value}' is not a URL`, `write e.g. ${DEFAULT_BINTRAY_API_URL}`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new errors/* UserError */.y('bintray-api-url', 'carries credentials', 'remove them from the URL: the user and API key go in package-host-username and package-host-password');
    }
    if (url.search !== '' || url.hash !== '') {
        throw new errors/* UserError */.y('bintray-api-url', `'${value}' has a query or fragment`, 'give the API base URL only');
    }
    const plain = url.protocol === 'http:';
    if (!(url.protocol === 'https:' || (plain && LOOPBACK.test(url.hostname)))) {
        throw new errors/* UserError */.y('bintray-api-url', `'${value}' is not https`, plain ? 'use https (plain http only on loopback: the API key is in every request)' : 'use an https URL');
    }
    return url.toString().replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./lib/action/inputs/bintray-retention.js


/**
 * Falco's own cleanup of its Bintray dev repositories (2020): the newest 50 versions in deb-dev and
 * rpm-dev, 10 in bin-dev.
 */
const BINTRAY_DEFAULT_KEEP = { deb: 50, rpm: 50, bin: 10 };
/**
 * `dev-retention` on Bintray. Bintray keeps files in versions and deletes a version whole, and its
 * versions API tells no version's size, so a count maps one to one (`deb=50`: the newest 50 versions
 * of each package in deb-dev), and a size cannot be honoured: refused, before anything is published.
 * The input's default (`deb=10GiB,rpm=10GiB`, which a runner passes when the workflow says nothing)
 * stands for "not given" and means Falco's Bintray rule, `deb=50,rpm=50,bin=10`; `none` keeps all.
 */
function bintrayKeep(retention) {
    if (sameRetention(retention, indexes_retention/* DEFAULT_RETENTION */.xh))
        return BINTRAY_DEFAULT_KEEP;
    const keep = {};
    for (const [kind, limit] of Object.entries(retention)) {
        if (limit === undefined)
            continue;
        if ('bytes' in limit) {
            throw new errors/* UserError */.y('dev-retention', `'${kind}=${(0,indexes_retention/* formatBytes */.z3)(limit.bytes).replace(' ', '')}' is a total size, but Bintray keeps versions by count only (its versions API tells no size)`, `write a count of versions, e.g. ${describeKeep(BINTRAY_DEFAULT_KEEP)} (Falco's rule on Bintray), or none`);
        }
        keep[kind] = limit.versions;
    }
    return keep;
}
/** `deb=50,rpm=50,bin=10`. */
function describeKeep(keep) {
    return Object.entries(keep)
        .map(([kind, versions]) => `${kind}=${versions}`)
        .join(',');
}
function sameRetention(a, b) {
    const kinds = ['deb', 'rpm', 'bin'];
    return kinds.every((kind) => JSON.stringify(a[kind]) === JSON.stringify(b[kind]));
}

;// CONCATENATED MODULE: ./lib/action/inputs/package-inputs.js







function readPackageInputs(input, workspace) {
    const packagePatterns = lines(input('packages'));
    const hostValue = input('package-host').trim();
    const packageHost = hostValue ? parseHostLocation(hostValue, workspace) : undefined;
    if (packagePatterns.length > 0 && !packageHost) {
        throw new errors/* UserError */.y('package-host', 'is empty but packages are given', 'set package-host, e.g. ./out/packages');
    }
    const retention = (0,indexes_retention/* parseRetention */.Ay)(input('dev-retention'));
    const bintray = readBintrayInputs(input, packageHost?.kind === 'bintray');
    return {
        packagePatterns,
        packageHost,
        ...readS3Options(input, packageHost),
        ...readHttpOptions(input, packageHost),
        overwrite: input_values_boolean('overwrite', input('overwrite')),
        ...readSigning(input),
        retention,
        bintray: bintray && { ...bintray, keep: bintrayKeep(retention) },
    };
}
/** The S3 inputs, which only an `s3://` package host uses: set for another host, they are a mistake. */
function readS3Options(input, host) {
    const s3Endpoint = package_inputs_readEndpoint(input('s3-endpoint'));
    const s3Region = input('s3-region').trim() || undefined;
    const serialized = input_values_boolean('serialized', input('serialized'));
    if (host?.kind !== 's3') {
        // serialized also serves an http(s):// host, whose server may ignore conditional writes too.
        const given = [
            s3Endpoint && 's3-endpoint',
            s3Region && 's3-region',
            serialized && host?.kind !== 'http' && 'serialized',
        ].find(Boolean);
        if (given)
            throw new errors/* UserError */.y(given, 'is set, but package-host is not s3://…', `remove ${given}, or publish to s3://<bucket>/<prefix>`);
    }
    if (s3Region !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(s3Region)) {
        throw new errors/* UserError */.y('s3-region', `'${s3Region}' is not a region`, 'write e.g. us-east-1');
    }
    return { s3Endpoint, s3Region, serialized };
}
/**
 * The inputs of an http(s):// host: its credentials, and `package-host-insecure`, without which plain
 * http is refused off loopback (the credentials and the packages would cross the network in clear).
 */
function readHttpOptions(input, host) {
    const credentials = readHostCredentials(input);
    const insecure = input_values_boolean('package-host-insecure', input('package-host-insecure'));
    if (host?.kind !== 'http') {
        if (insecure) {
            throw new errors/* UserError */.y('package-host-insecure', 'is set, but package-host is not an http(s):// URL', 'remove package-host-insecure');
        }
        // Bintray takes a user and an API key (Basic), never a token.
        if (credentials !== undefined &&
            (host === undefined ||
                host.kind === 'directory' ||
                host.kind === 's3' ||
                (host.kind === 'bintray' && credentials.kind === 'bearer'))) {
            const inputs = credentials.kind === 'basic' ? 'package-host-username / package-host-password' : 'package-host-token';
            throw new errors/* UserError */.y(inputs, `${credentials.kind === 'basic' ? 'are' : 'is'} set, but package-host takes no credentials`, `remove ${inputs}: an s3:// host takes the AWS environment's, a directory none, bintray:// a user and API key`);
        }
    }
    else if (host.url.startsWith('http://') && !isLoopbackUrl(host.url) && !insecure) {
        throw new errors/* UserError */.y('package-host', `${host.url} is plain http off this machine: the credentials and packages would cross the network unencrypted`, 'use https://, or set package-host-insecure: true for a trusted network');
    }
    return credentials === undefined ? {} : { packageHostCredentials: credentials };
}
function package_inputs_readEndpoint(value) {
    const endpoint = value.trim();
    if (endpoint === '')
        return undefined;
    if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(endpoint)) {
        throw new errors/* UserError */.y('s3-endpoint', `'${endpoint}' is not an http(s) URL`, 'write e.g. https://s3.example.com');
    }
    return endpoint;
}
/** The key is checked (that it can sign) when the repositories are prepared, before any write. */
function readSigning(input) {
    const signingKey = input('signing-key').trim() || undefined;
    const signingPassphrase = input('signing-passphrase') || undefined;
    if (signingPassphrase !== undefined && signingKey === undefined) {
        throw new errors/* UserError */.y('signing-passphrase', 'is set, but signing-key is empty', 'set signing-key to the armored private key (or remove signing-passphrase)');
    }
    const headers = oneOf('rpm-header-signatures', input('rpm-header-signatures').trim() || 'auto', [
        'auto',
        'true',
        'false',
    ]);
    if (headers === 'true' && signingKey === undefined) {
        throw new errors/* UserError */.y('rpm-header-signatures', "is 'true', but signing-key is empty", "set signing-key to the armored private key, or rpm-header-signatures to 'auto' or 'false'");
    }
    // dnf with gpgcheck=1 (Falco's documented .repo) refuses an rpm whose header is not signed.
    return {
        signingKey,
        signingPassphrase,
        rpmHeaderSignatures: headers !== 'false' && signingKey !== undefined,
    };
}

;// CONCATENATED MODULE: ./lib/action/inputs/github-inputs.js



const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_DEV_RELEASE = 'dev';
/** GitHub's owner and repository names: letters, digits, `-` (owners), also `.` and `_` (repositories). */
const github_inputs_REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
/** A tag name git accepts and a URL path keeps as it is (no spaces, `~`, `^`, `:`, `..`, `@{`). */
const github_inputs_TAG = /^(?!.*\.\.)(?!.*@\{)(?![./-])[A-Za-z0-9._+/-]+(?<![./])$/;
/**
 * Reads the GitHub release inputs. Every one is read whatever the host (the runner passes all their
 * defaults), and one set to something else than its default with another host is a mistake: refused.
 */
function readGitHubReleaseInputs(input, env, host) {
    const token = input('github-token').trim();
    const repository = input('github-repository').trim();
    const createValue = input('github-release-create').trim();
    const devRelease = input('github-dev-release').trim() || DEFAULT_DEV_RELEASE;
    const notes = oneOf('github-release-notes', input('github-release-notes').trim() || 'none', [
        'append',
        'none',
    ]);
    // Unset reads as true: the release of a tag is created unless the user says not to.
    const create = createValue === '' || input_values_boolean('github-release-create', createValue);
    if (host?.kind !== 'github-release') {
        const given = [
            repository && 'github-repository',
            !create && 'github-release-create',
            devRelease !== DEFAULT_DEV_RELEASE && 'github-dev-release',
            notes !== 'none' && 'github-release-notes',
        ].find(Boolean);
        if (given) {
            throw new errors/* UserError */.y(given, 'is set, but package-host is not github-release', `remove ${given}, or set package-host: github-release`);
        }
        // `github-token` is not refused: its default, the job's token, is always there.
        return undefined;
    }
    if (token === '') {
        throw new errors/* UserError */.y('github-token', 'is empty', 'pass a token that may write the repository, e.g. ${{ github.token }} with permissions: contents: write');
    }
    const [owner, repo] = ownerAndRepo(repository, env.GITHUB_REPOSITORY);
    if (!github_inputs_TAG.test(devRelease)) {
        throw new errors/* UserError */.y('github-dev-release', `'${devRelease}' is not a tag name`, 'write e.g. dev');
    }
    return { token, owner, repo, apiUrl: apiUrl(env.GITHUB_API_URL), create, devRelease, notes };
}
function ownerAndRepo(input, runner) {
    const value = input || runner?.trim() || '';
    if (value === '') {
        throw new errors/* UserError */.y('github-repository', 'is empty and the runner names no GITHUB_REPOSITORY', 'set github-repository to <owner>/<repository>');
    }
    const match = github_inputs_REPOSITORY.exec(value);
    if (!match) {
        throw new errors/* UserError */.y(input ? 'github-repository' : 'GITHUB_REPOSITORY', `'${value}' is not <owner>/<repository>`, 'write e.g. falcosecurity/falco');
    }
    return [match[1] ?? '', match[2] ?? ''];
}
/** The API's URL: https, or http on loopback only, since the token goes with every request. */
function apiUrl(value) {
    const text = value?.trim() || DEFAULT_API_URL;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new errors/* UserError */.y('GITHUB_API_URL', 'is not a URL', `leave it to the runner (${DEFAULT_API_URL})`);
    }
    // Checked first: the value is echoed below, and must not be when it holds a password.
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
        throw new errors/* UserError */.y('GITHUB_API_URL', 'carries credentials, a query or a fragment', 'give the bare API URL');
    }
    const plainAllowed = url.protocol === 'http:' && (0,registry_endpoint/* isLoopback */.U9)(url.host);
    if (url.protocol !== 'https:' && !plainAllowed) {
        throw new errors/* UserError */.y('GITHUB_API_URL', `'${text}' is not https`, 'the token would travel in clear: use the https URL of the API');
    }
    return text.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./lib/signing/provenance-context.js
var provenance_context = __webpack_require__(85206);
;// CONCATENATED MODULE: ./lib/action/inputs/signing-inputs.js




/** The public-good Sigstore instance: what `cosign sign` uses when told nothing else. */
const PUBLIC_FULCIO = 'https://fulcio.sigstore.dev';
const PUBLIC_REKOR = 'https://rekor.sigstore.dev';
/** The image-signing inputs, checked together: each mode has its own secrets, refused in the other. */
function readSigningInputs(input, env, hasImages) {
    const kind = oneOf('image-signing', input('image-signing').trim() || 'none', [
        'none',
        'keyless',
        'key',
    ]);
    const key = input('cosign-key').trim();
    const password = input('cosign-password');
    const fulcioUrl = serviceUrl('sigstore-fulcio-url', input('sigstore-fulcio-url'), PUBLIC_FULCIO);
    const rekorUrl = serviceUrl('sigstore-rekor-url', input('sigstore-rekor-url'), PUBLIC_REKOR);
    const logged = input('transparency-log').trim() === '' || input_values_boolean('transparency-log', input('transparency-log'));
    if (kind !== 'key' && (key || password)) {
        throw new errors/* UserError */.y(key ? 'cosign-key' : 'cosign-password', `is set, but image-signing is '${kind}'`, 'set image-signing: key to sign with the cosign key, or remove cosign-key and cosign-password');
    }
    if (kind !== 'none' && !hasImages) {
        throw new errors/* UserError */.y('image-signing', `is '${kind}', but images is empty`, 'set images, or image-signing: none');
    }
    const provenance = input_values_boolean('provenance', input('provenance'))
        ? { fulcioUrl, rekorUrl, oidc: runnerOidc(env, 'provenance', "is 'true'") }
        : undefined;
    if (provenance)
        (0,provenance_context.runnerContext)(env);
    return {
        imageSigning: readImageSigning(kind, { key, password, logged, fulcioUrl, rekorUrl }, env),
        provenance,
    };
}
function readImageSigning(kind, given, env) {
    const { key, password, logged, fulcioUrl, rekorUrl } = given;
    switch (kind) {
        case 'none':
            return { kind };
        case 'keyless': {
            if (!logged) {
                throw new errors/* UserError */.y('transparency-log', "is 'false', but keyless signatures are only checkable through their log entry", 'remove transparency-log, or sign with image-signing: key');
            }
            return { kind, fulcioUrl, rekorUrl, oidc: runnerOidc(env, 'image-signing', "is 'keyless'") };
        }
        case 'key':
            if (!key) {
                throw new errors/* UserError */.y('cosign-key', "is empty, but image-signing is 'key'", 'set cosign-key to the contents of cosign.key (from a secret), or use image-signing: keyless');
            }
            return { kind, key, password, rekorUrl: logged ? rekorUrl : undefined };
    }
}
/** Refused up front: without the token service, keyless signing would fail after the images were pushed. */
function runnerOidc(env, input, setting) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestToken) {
        throw new errors/* UserError */.y(input, `${setting}, but the runner gives this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)`, 'add `permissions: id-token: write` to the job');
    }
    return { requestUrl, requestToken };
}
/** https, or plain http only on loopback (a private Sigstore for tests). */
function serviceUrl(name, value, fallback) {
    const given = value.trim();
    if (given === '')
        return fallback;
    let url;
    try {
        url = new URL(given);
    }
    catch {
        throw new errors/* UserError */.y(name, `'${given}' is not a URL`, 'write e.g. https://fulcio.example.com');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (0,registry_endpoint/* isLoopback */.U9)(url.host))) {
        throw new errors/* UserError */.y(name, `'${given}' is not https`, 'use an https URL (plain http only on loopback)');
    }
    return given.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
;// CONCATENATED MODULE: ./lib/action/inputs/mode-inputs.js



const MODES = ['publish', 'revert-latest', 'unpublish', 'resign'];
/** A version as Falco's file names spell it: 0.39.1, 0.40.0-rc1, 0.40.0-12+abc1234. */
const PACKAGE_VERSION = /^\d+\.\d+\.\d+(?:[-~+][0-9A-Za-z.+~-]+)?$/;
/**
 * `mode` and `version`, checked against what each mode touches: `revert-latest` image tags only,
 * `unpublish` and `resign` the package host only (images are never deleted, nor signed again here).
 * For `unpublish`, `packages` holds file-name patterns on the host, not files of the workspace.
 */
function readModeInputs(input, given) {
    const kind = oneOf('mode', input('mode').trim() || 'publish', MODES);
    const version = input('version').trim();
    const packages = lines(input('packages'));
    switch (kind) {
        case 'publish':
            if (version)
                refuse('version', "is set, but mode is 'publish'", 'remove version (a publish takes its version from the ref)');
            return { kind };
        case 'revert-latest':
            return readRevert(version, packages.length, given);
        case 'unpublish':
            return readUnpublish(version, packages, given);
        case 'resign':
            return readResign(version, packages.length, given);
    }
}
function readRevert(version, packages, given) {
    if (!version) {
        refuse('version', "is empty, but mode is 'revert-latest'", 'set version to the stable release latest goes back to, e.g. 0.39.1');
    }
    const parsed = semver.parse(version.replace(/^v/, ''));
    if (!parsed)
        throw new errors/* UserError */.y('version', `'${version}' is not a version`, 'write x.y.z, e.g. 0.39.1');
    if (parsed.prerelease.length > 0) {
        refuse('version', `'${version}' is a prerelease, which latest never names`, 'give a stable version, e.g. 0.39.1');
    }
    if (given.images === 0) {
        refuse('images', "is empty, but mode is 'revert-latest'", 'give the images lines whose latest tags go back');
    }
    if (packages > 0 || given.signing) {
        refuse(packages > 0 ? 'packages' : 'image-signing', "is set, but mode 'revert-latest' only moves image tags", 'remove it: the release it reverts to was published, and signed, when it was released');
    }
    return { kind: 'revert-latest', version: parsed.version };
}
function readUnpublish(version, patterns, given) {
    if (!version) {
        refuse('version', "is empty, but mode is 'unpublish'", 'set version to the release whose packages leave the host, e.g. 0.39.1');
    }
    const bare = version.replace(/^v/, '');
    if (!PACKAGE_VERSION.test(bare)) {
        refuse('version', `'${version}' is not a version`, 'write it as the package file names do, e.g. 0.39.1 or 0.40.0-rc1');
    }
    refuseImages('unpublish', given, 'images are never deleted: to move latest back, use mode: revert-latest');
    if (!given.packageHost) {
        refuse('package-host', "is empty, but mode is 'unpublish'", 'set package-host to the host the packages are removed from');
    }
    return { kind: 'unpublish', version: bare, patterns };
}
function readResign(version, packages, given) {
    if (version)
        refuse('version', "is set, but mode 'resign' signs every version", 'remove version');
    if (packages > 0) {
        refuse('packages', "is set, but mode 'resign' signs every package the host has", 'remove packages');
    }
    refuseImages('resign', given, 'mode resign signs the package host; image signatures are made when images are published');
    if (!given.packageHost) {
        refuse('package-host', "is empty, but mode is 'resign'", 'set package-host to the host whose repositories are signed again');
    }
    if (!given.signingKey) {
        refuse('signing-key', "is empty, but mode is 'resign'", 'pass the new key, e.g. signing-key: ${{ secrets.SIGNING_KEY }}');
    }
    return { kind: 'resign' };
}
function refuseImages(mode, given, remedy) {
    if (given.images > 0)
        refuse('images', `is set, but mode '${mode}' touches packages only`, remedy);
    if (given.signing)
        refuse('image-signing', `is set, but mode '${mode}' touches packages only`, remedy);
}
function refuse(subject, problem, remedy) {
    throw new errors/* UserError */.y(subject, problem, remedy);
}

;// CONCATENATED MODULE: ./lib/action/inputs/edit-distance.js
/** The Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/** The candidate nearest to `name`, if one is near enough to be a typo of it (a third of its letters). */
function closest(name, candidates) {
    const limit = Math.max(1, Math.floor(name.length / 3));
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(name, candidate);
        if (distance <= limit && (best === undefined || distance < best.distance))
            best = { candidate, distance };
    }
    return best?.candidate;
}

;// CONCATENATED MODULE: ./lib/action/inputs/input-names.js
/** Every input of action.yml, in its order (`__tests__/contract.test.ts` checks the two agree). */
const INPUT_NAMES = [
    'ref',
    'dev-branch',
    'images',
    'image-driver',
    'registry',
    'mirror-registries',
    'registry-insecure',
    'registry-username',
    'registry-password',
    'latest',
    'image-signing',
    'cosign-key',
    'cosign-password',
    'sigstore-fulcio-url',
    'sigstore-rekor-url',
    'transparency-log',
    'provenance',
    'packages',
    'package-host',
    'package-host-username',
    'package-host-password',
    'package-host-token',
    'package-host-insecure',
    'bintray-api-url',
    's3-endpoint',
    's3-region',
    'serialized',
    'cloudfront-distribution',
    'cloudfront-wait',
    'cloudfront-origin-path',
    'github-token',
    'github-repository',
    'github-release-create',
    'github-dev-release',
    'github-release-notes',
    'signing-key',
    'signing-passphrase',
    'rpm-header-signatures',
    'dev-retention',
    'overwrite',
    'mode',
    'version',
    'dry-run',
];

;// CONCATENATED MODULE: ./lib/action/inputs/unknown-inputs.js



/** The variable a runner passes an input in: `INPUT_` and the name uppercased, spaces as `_`. */
function variableOf(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
const KNOWN = new Set(INPUT_NAMES.map(variableOf));
/**
 * Refuses an `INPUT_*` variable that names no input: a misspelt `with:` key (`dry_run`) only earns a
 * warning from the runner, and the run would otherwise go on as if it was not set (publishing for real).
 */
function rejectUnknownInputs(env) {
    const unknown = Object.keys(env)
        .filter((variable) => variable.toUpperCase().startsWith('INPUT_') && !KNOWN.has(variable.toUpperCase()))
        .map((variable) => variable.slice('INPUT_'.length).toLowerCase())
        .sort();
    const name = unknown[0];
    if (name === undefined)
        return;
    const suggestion = closest(name, INPUT_NAMES);
    throw new errors/* UserError */.y(name, 'is not an input of this action', suggestion === undefined ? `its inputs are ${INPUT_NAMES.join(', ')}` : `did you mean ${suggestion}?`);
}

;// CONCATENATED MODULE: ./lib/action/inputs.js










function readInputs(input, env = {}) {
    rejectUnknownInputs(env);
    const ref = input('ref') || env.GITHUB_REF || '';
    const devBranch = input('dev-branch') || 'master';
    if (!isValidTag(devBranch)) {
        throw new errors/* UserError */.y('dev-branch', `'${devBranch}' cannot be an image tag`, 'use a branch whose name has only letters, digits, _, . and -');
    }
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const images = readImageInputs(input, workspace);
    const latest = oneOf('latest', input('latest') || 'auto', ['auto', 'true', 'false']);
    const packages = readPackageInputs(input, workspace);
    const cloudfront = readCloudFrontInputs(input, packages.packageHost, env);
    const signing = readSigningInputs(input, env, images.images.length > 0);
    const githubRelease = readGitHubReleaseInputs(input, env, packages.packageHost);
    const mode = readModeInputs(input, {
        images: images.images.length,
        signing: signing.imageSigning.kind !== 'none' || signing.provenance !== undefined,
        packageHost: packages.packageHost !== undefined,
        signingKey: packages.signingKey !== undefined,
    });
    const keepsHost = mode.kind === 'unpublish' || mode.kind === 'resign';
    // Unpublishing and re-signing name what they work on in their own inputs: the ref says nothing to them.
    if (ref === '' && !keepsHost)
        throw new errors/* UserError */.y('ref', 'is empty', 'run on a tag or branch push, or set ref');
    if (!keepsHost && images.images.length === 0 && packages.packagePatterns.length === 0) {
        throw new errors/* UserError */.y('images', 'nothing to publish: images and packages are both empty', 'set images, packages, or both');
    }
    return {
        ref,
        devBranch,
        ...images,
        // Reverting copies manifests inside the registry: the registry driver does it with no daemon and no blob moves.
        ...(mode.kind === 'revert-latest' ? { imageDriver: 'registry' } : {}),
        mode,
        latest,
        ...packages,
        // Unpublishing reads `packages` as file-name patterns on the host (see the mode): no workspace files.
        ...(keepsHost ? { packagePatterns: [] } : {}),
        cloudfront,
        ...(githubRelease ? { githubRelease } : {}),
        ...signing,
        dryRun: input_values_boolean('dry-run', input('dry-run')),
    };
}

// EXTERNAL MODULE: ./lib/action/wiring.js + 1 modules
var wiring = __webpack_require__(27949);
;// CONCATENATED MODULE: ./lib/action/release/ref.js



const TAG_PREFIX = 'refs/tags/';
const BRANCH_PREFIX = 'refs/heads/';
/** MAJOR.MINOR.PATCH with an optional prerelease; build metadata is refused separately to say why. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
function accepted(devBranch) {
    return `publish from refs/tags/<MAJOR.MINOR.PATCH> (stable), refs/tags/<MAJOR.MINOR.PATCH-PRERELEASE> (prerelease) or refs/heads/${devBranch} (dev)`;
}
/** Reads the release from the ref that triggered the workflow. */
function parseRef(ref, devBranch) {
    if (ref.startsWith(TAG_PREFIX))
        return parseTag(ref, ref.slice(TAG_PREFIX.length), devBranch);
    if (ref === `${BRANCH_PREFIX}${devBranch}`) {
        if (!isValidTag(devBranch)) {
            throw new errors/* UserError */.y('dev-branch', `'${devBranch}' cannot be an image tag`, 'use a branch whose name has only letters, digits, _, . and -');
        }
        return { version: devBranch, channel: 'dev' };
    }
    throw new errors/* UserError */.y('ref', `'${ref}' is not a release`, accepted(devBranch));
}
function parseTag(ref, tag, devBranch) {
    const version = tag.startsWith('v') ? tag.slice(1) : tag;
    if (version.includes('+')) {
        throw new errors/* UserError */.y('ref', `'${ref}' carries build metadata ('+…'), which an image tag cannot hold`, 'tag the release without the +… part');
    }
    const parsed = VERSION.test(version) ? semver.parse(version) : null;
    if (!parsed)
        throw new errors/* UserError */.y('ref', `'${ref}' is not a semantic version`, accepted(devBranch));
    return { version: parsed.version, channel: parsed.prerelease.length > 0 ? 'prerelease' : 'stable' };
}

// EXTERNAL MODULE: ./lib/action/release/floating.js
var release_floating = __webpack_require__(36188);
;// CONCATENATED MODULE: ./lib/action/release/tags.js



/**
 * Tags per channel: stable → `<v><suffix>` (+ `X.Y<suffix>`, `X<suffix>` for the series `floating=` asks
 * for and that move, + `latest<suffix>` when latest moves); prerelease → `<v><suffix>`; dev →
 * `<branch><suffix>`. A suffixed line never yields a bare tag. A `tags=` line gets its tags, on any run.
 */
function tagsFor(release, line, moveLatest, series = release_floating/* NO_SERIES_MOVES */.X0) {
    if (line.fixedTags)
        return checked({ line, fixed: [...line.fixedTags], floating: [] });
    const fixed = [];
    const floating = [];
    const seriesTags = [];
    if (release.channel === 'dev')
        floating.push(release.version + line.suffix);
    else
        fixed.push(release.version + line.suffix);
    if (release.channel === 'stable') {
        for (const scope of release_floating/* SERIES_SCOPES */._s) {
            if (!line.floating?.includes(scope) || !series[scope].moves)
                continue;
            const tag = (0,release_floating/* seriesName */.f_)(release.version, scope) + line.suffix;
            floating.push(tag);
            seriesTags.push({ tag, scope, version: release.version });
        }
    }
    if (moveLatest && release.channel === 'stable')
        floating.push(`latest${line.suffix}`);
    return checked({ line, fixed, floating, ...(seriesTags.length > 0 ? { series: seriesTags } : {}) });
}
function checked(tags) {
    for (const tag of [...tags.fixed, ...tags.floating]) {
        if (!isValidTag(tag)) {
            throw new errors/* UserError */.y('images', `tag '${tag}' for ${tags.line.repository} is not a valid image tag`, 'shorten the suffix or the version (at most 128 characters of letters, digits, _, . and -)');
        }
    }
    return tags;
}

// EXTERNAL MODULE: ./lib/signing/simple-signing.js
var simple_signing = __webpack_require__(21451);
;// CONCATENATED MODULE: ./lib/action/plan/plan.js



/**
 * Orders the publish: log in → push the fixed (version) tags → publish packages → update the
 * repository indexes → move the floating tags last, so a run that fails part-way never leaves `latest` or `master` pointing at a half release.
 */
function buildPlan(input) {
    const steps = [];
    if (input.username && input.images.length > 0) {
        steps.push({ step: 'login', registry: (0,image_target/* targetName */.je)(input.registry), username: input.username });
    }
    const mirrors = input.mirrors ?? [];
    const phase = (kind, tagsOf) => {
        for (const registry of [input.registry, ...mirrors.map(image_target/* registryHost */.U$)]) {
            for (const lineTags of input.images) {
                for (const tag of tagsOf(lineTags)) {
                    const source = registry !== input.registry && input.mirrorFrom === 'registry'
                        ? `docker://${(0,image_target/* imageReference */.rA)(input.registry, lineTags.line.repository, tag)}`
                        : lineTags.line.source;
                    const series = lineTags.series?.find((follows) => follows.tag === tag);
                    const step = imageStep(kind, registry, { ...lineTags.line, source }, tag);
                    steps.push(series === undefined
                        ? step
                        : {
                            ...step,
                            series: { scope: series.scope, version: series.version, suffix: lineTags.line.suffix },
                        });
                }
            }
        }
    };
    phase('push', (tags) => tags.fixed);
    signPhase(steps, input, 'fixed');
    for (const pkg of input.packages)
        steps.push(packageStep(pkg, input.overwrite));
    // Indexes after every package they list is in place; floating tags after the indexes.
    for (const repository of input.repositories ?? []) {
        steps.push({
            step: 'update-repository',
            root: repository.root,
            format: repository.format,
            repository,
            retention: repository.retention,
            signedBy: input.signedBy,
        });
    }
    // A release's version tags are in place: provenance before floating tags; a dev build's after its branch
    // tag (a `tags=` line beside it has its tags already, but the branch tags are not there before they move).
    const devImages = input.images.some((tags) => tags.fixed.length === 0);
    if (!devImages)
        attestPhase(steps, input);
    phase('move-tag', (tags) => tags.floating);
    signPhase(steps, input, 'floating');
    if (devImages)
        attestPhase(steps, input);
    cdnPhase(steps, input);
    rejectCollisions(steps);
    return steps;
}
/** The invalidation right after the last step that writes to the package host; none without one. */
function cdnPhase(steps, input) {
    if (input.cdn === undefined)
        return;
    const last = steps.findLastIndex((step) => step.step === 'publish-package' ||
        step.step === 'update-repository' ||
        (step.step === 'attest-provenance' && step.packages.length > 0));
    if (last === -1)
        return;
    steps.splice(last + 1, 0, { step: 'invalidate-cdn', ...input.cdn });
}
/**
 * One sign step per image line and registry, on the digest its first tag of the kind got: the version
 * tag (after all version tags, before packages and floating tags), or for a dev build, which has only
 * its branch tag, that tag (after it moved). Mirrors sign after the main registry, with its signatures.
 */
function signPhase(steps, input, kind) {
    const signing = input.imageSigning;
    if (signing === undefined)
        return;
    for (const registry of [input.registry, ...(input.mirrors ?? []).map(image_target/* registryHost */.U$)]) {
        for (const lineTags of input.images) {
            // A line with a version tag was signed through it; floating tags then carry the same digest.
            if (kind === 'floating' && lineTags.fixed.length > 0)
                continue;
            const tag = lineTags[kind][0];
            if (tag === undefined)
                continue;
            const { repository } = lineTags.line;
            const target = (0,image_target/* imageReference */.rA)(registry, repository, tag);
            const signedAs = input.registry.kind === 'registry' ? (0,simple_signing/* dockerReferenceOf */.v)(input.registry.host, repository) : repository;
            steps.push({
                step: 'sign-image',
                source: lineTags.line.source,
                target,
                registry,
                repository,
                tag,
                signedAs,
                signing,
            });
        }
    }
}
/** The one attest-provenance step: every line on every registry by its first tag, every package. */
function attestPhase(steps, input) {
    if (!input.provenance)
        return;
    const images = [input.registry, ...(input.mirrors ?? []).map(image_target/* registryHost */.U$)].flatMap((registry) => input.images.flatMap((lineTags) => {
        const tag = lineTags.fixed[0] ?? lineTags.floating[0];
        if (tag === undefined)
            return [];
        const { repository } = lineTags.line;
        return [{ target: (0,image_target/* imageReference */.rA)(registry, repository, tag), registry, repository, tag }];
    }));
    const packages = input.packages.map(({ file, path, sha256, existing }) => ({
        file,
        path,
        sha256,
        replaced: existing === 'different',
    }));
    if (images.length > 0 || packages.length > 0)
        steps.push({ step: 'attest-provenance', images, packages });
}
function imageStep(step, registry, line, tag) {
    const target = (0,image_target/* imageReference */.rA)(registry, line.repository, tag);
    return { step, source: line.source, target, registry, repository: line.repository, tag };
}
function packageStep(pkg, overwrite) {
    if (pkg.existing === 'different' && !overwrite) {
        throw new errors/* UserError */.y(`packages: ${pkg.path}`, 'is already published with different content', 'publish a new version, or set overwrite: true to replace it');
    }
    const action = pkg.existing === 'absent' ? 'upload' : pkg.existing === 'same' ? 'skip' : 'replace';
    return {
        step: 'publish-package',
        file: pkg.file,
        localFile: pkg.localFile,
        path: pkg.path,
        sha256: pkg.sha256,
        size: pkg.size,
        action,
        ...(pkg.headerSigned ? { headerSigned: true } : {}),
        ...(pkg.parts ? { parts: pkg.parts } : {}),
    };
}
/** Two steps writing one image tag or one package path would publish whichever ran last. */
function rejectCollisions(steps) {
    const written = new Map();
    for (const step of steps) {
        const [target, from] = step.step === 'publish-package'
            ? [step.path, step.file]
            : step.step === 'push' || step.step === 'move-tag'
                ? [step.target, step.source]
                : [undefined, undefined];
        if (target === undefined)
            continue;
        const earlier = written.get(target);
        if (earlier !== undefined) {
            throw new errors/* UserError */.y(target, `would be written twice (from ${earlier} and ${from})`, 'give each image line and package file a distinct target');
        }
        written.set(target, from ?? '');
    }
}

// EXTERNAL MODULE: ./lib/action/execute.js + 12 modules
var execute = __webpack_require__(64681);
// EXTERNAL MODULE: ./lib/action/published.js
var published = __webpack_require__(85356);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./lib/action/release/package-version.js

/**
 * Checks that every package belongs to this release and returns the packages' version: the release
 * version for stable and prerelease; for dev, the one version all packages share (`0.27.0-12+abc1234`).
 */
function packageVersion(release, packages) {
    if (release.channel !== 'dev') {
        for (const pkg of packages) {
            if (pkg.version !== release.version) {
                throw new errors/* UserError */.y(`packages: ${pkg.fileName}`, `carries version ${pkg.version}, but the release is ${release.version}`, 'publish only the packages built for this release');
            }
        }
        return packages.length > 0 ? release.version : undefined;
    }
    const versions = [...new Set(packages.map((pkg) => pkg.version))];
    if (versions.length > 1) {
        throw new errors/* UserError */.y('packages', `a dev build must carry one version, found ${versions.join(', ')}`, 'publish only the packages of this build');
    }
    return versions[0];
}

;// CONCATENATED MODULE: ./lib/action/release/release.js
/** The trees of the package host a channel publishes to: prereleases go to the dev trees, as dev builds. */
function treeOf(channel) {
    return channel === 'stable' ? 'stable' : 'dev';
}

// EXTERNAL MODULE: ./lib/package-layout/host-layout.js
var host_layout = __webpack_require__(10654);
// EXTERNAL MODULE: ./lib/util/all-in-order.js
var all_in_order = __webpack_require__(5078);
// EXTERNAL MODULE: ./lib/util/file-pass.js + 2 modules
var file_pass = __webpack_require__(69011);
;// CONCATENATED MODULE: ./lib/action/validate/inside-workspace.js



const REMEDY = 'publish only what the job built: move or copy the package into the workspace';
/**
 * Every package file is in the workspace, once links are followed: a pattern or a symlink that reaches
 * outside it (another job's files, the runner's, a checked-out link to /etc) publishes what this build
 * did not make. Files are read, never written, so this is checked once, before anything is.
 */
async function checkInsideWorkspace(files, workspace) {
    if (files.length === 0)
        return;
    const root = await (0,promises_.realpath)(workspace);
    for (const file of files) {
        const target = await (0,promises_.realpath)(file);
        const inside = (0,external_node_path_.relative)(root, target);
        if (inside !== '' && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside))
            continue;
        // Through a link of its own or of a folder on its way.
        const link = target !== (0,external_node_path_.resolve)(file);
        throw new errors/* UserError */.y(`packages: ${(0,external_node_path_.basename)(file)}`, link
            ? `is a link to ${target}, which is outside the workspace (${root})`
            : `is ${file}, which is outside the workspace (${root})`, REMEDY);
    }
}

// EXTERNAL MODULE: ./lib/package-layout/package-name.js
var package_name = __webpack_require__(52461);
// EXTERNAL MODULE: ./lib/action/validate/find-packages.js
var find_packages = __webpack_require__(75106);
;// CONCATENATED MODULE: ./lib/action/validate/name-packages.js




/**
 * Parses each file's name as a package name. A file that is no package (a checksum beside the packages)
 * was matched by too wide a pattern: the error then suggests an exclusion built from that pattern,
 * `!<the pattern's folder>/*<the file's extension>`.
 */
async function namePackages(files, expectedVersion, patterns) {
    const named = [];
    for (const file of files) {
        try {
            named.push({ file, name: (0,package_name/* parsePackageName */.R)((0,external_node_path_.basename)(file), expectedVersion) });
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.y))
                throw error;
            const pattern = await (0,find_packages/* patternMatching */.Q)(file, patterns);
            if (pattern === undefined)
                throw error;
            const exclusion = exclusionFor(pattern, (0,external_node_path_.basename)(file));
            const remedy = `${error.remedy ? `${error.remedy}, ` : ''}or leave it out with ${exclusion}`;
            throw new errors/* UserError */.y(error.subject, error.problem, remedy);
        }
    }
    return named;
}
/** `build/release/falco-*` and `falco-0.40.0-x86_64.tar.gz.sha256` → `!build/release/*.sha256`. */
function exclusionFor(pattern, fileName) {
    const folder = external_node_path_.posix.dirname(pattern);
    const extension = (0,external_node_path_.extname)(fileName);
    const name = extension === '' ? fileName : `*${extension}`;
    return `!${folder === '.' ? '' : `${folder}/`}${name}`;
}

// EXTERNAL MODULE: ./lib/formats/apt/debian-version.js
var debian_version = __webpack_require__(42946);
// EXTERNAL MODULE: ./lib/formats/rpm/rpm-version.js
var rpm_version = __webpack_require__(75638);
;// CONCATENATED MODULE: ./lib/action/validate/contents-agree.js



/** The architecture each kind of package states for a file-name architecture, as Falco's CPack build writes it. */
const DEB_ARCH = { x86_64: 'amd64', aarch64: 'arm64' };
const RPM_ARCH = { x86_64: 'x86_64', aarch64: 'aarch64' };
/**
 * Checks a .deb's control fields against its file name: Falco's CPack names the file
 * `<Package>-<Version>-<arch>.deb`, the version exactly as the control file has it (compared as dpkg does).
 */
function checkDebAgrees(name, control) {
    const says = (field, value) => `its control file says ${field} ${value}`;
    if (control.package !== name.name) {
        throw disagreement(name, says('Package', control.package), name.name, 'name');
    }
    if ((0,debian_version/* compareDebianVersions */._K)(control.version, name.version) !== 0) {
        throw disagreement(name, says('Version', control.version), name.version, 'version');
    }
    const arch = DEB_ARCH[name.arch];
    if (control.architecture !== arch) {
        throw disagreement(name, says('Architecture', control.architecture), `${name.arch} (${arch})`, 'architecture', name.arch);
    }
}
/**
 * Checks an .rpm's header against its file name: Falco's CPack names the file `<name>-<version>-<arch>.rpm`
 * where the file's version is `<Version>-<Release>`, or `<Version>` alone when Release is 1
 * (`falco-0.26.0-x86_64.rpm` is 0.26.0-1, `falco-0.27.0-12+abc1234-x86_64.rpm` is 0.27.0-12+abc1234);
 * no epoch. Versions and releases are compared as rpm does.
 */
function checkRpmAgrees(name, rpm) {
    const says = (field, value) => `its rpm header says ${field} ${value}`;
    if (rpm.name !== name.name)
        throw disagreement(name, says('name', rpm.name), name.name, 'name');
    const [version = name.version, release = '1'] = name.version.split(/-(.*)/s);
    const epoch = rpm.epoch ?? 0;
    if (epoch !== 0 || (0,rpm_version/* rpmvercmp */.Lb)(rpm.version, version) !== 0 || (0,rpm_version/* rpmvercmp */.Lb)(rpm.release, release) !== 0) {
        const actual = `${epoch !== 0 ? `${epoch}:` : ''}${rpm.version}-${rpm.release}`;
        const expected = `${version}-${release}`;
        const named = expected === name.version ? name.version : `${name.version} (${expected})`;
        throw disagreement(name, says('version-release', actual), named, 'version', name.version);
    }
    const arch = RPM_ARCH[name.arch];
    if (rpm.arch !== arch)
        throw disagreement(name, says('arch', rpm.arch), name.arch, 'architecture');
}
/** `its control file says Version 0.39.0, its name says 0.40.0 — rebuild the package for 0.40.0, ...`. */
function disagreement(name, inside, named, what, target = named) {
    const rebuild = what === 'name' ? `rebuild the package as ${target}` : `rebuild the package for ${target}`;
    return new errors/* UserError */.y(`packages: ${name.fileName}`, `${inside}, its name says ${named}`, `${rebuild}, or publish the file under its own ${what}`);
}

;// CONCATENATED MODULE: ./lib/action/validate/package-contents.js

/**
 * Reads every .deb's control file and every .rpm's header, with their hashes, and checks that they say
 * what the file name says (name, version, architecture): a renamed package would otherwise be published
 * under a version it is not. What is read here is what the repositories index, so each package is read
 * once (with its upload parts hashed too, when the host takes it in parts of `partSize`). The readers
 * are loaded only when there are such packages; a tarball has nothing to read.
 */
async function readPackageContents(files, partSize) {
    const packages = files.filter((named) => named.name.kind === 'deb' || named.name.kind === 'rpm');
    const read = new Map();
    if (packages.length === 0)
        return read;
    const formats = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(642), __webpack_require__.e(352), __webpack_require__.e(872)]).then(__webpack_require__.bind(__webpack_require__, 32352));
    for (const { file, name } of packages) {
        const once = await formats.readPackageOnce(file, name.kind === 'deb' ? 'deb' : 'rpm', partSize);
        const { contents } = once;
        if (contents.kind === 'deb')
            checkDebAgrees(name, contents.control);
        else
            checkRpmAgrees(name, contents.rpm);
        read.set(file, once);
    }
    return read;
}

;// CONCATENATED MODULE: ./lib/action/validate/prepare-packages.js










/**
 * Names, versions, what each package says inside, checksums and what the host already holds, for every
 * package file: all checked before anything is published. `patterns` are the ones that found the files,
 * for the advice on a file that is no package.
 */
async function preparePackages(release, files, host, workspace, patterns = [], rpmHeaders) {
    await checkInsideWorkspace(files, workspace);
    const expected = release.channel === 'dev' ? undefined : release.version;
    const names = await namePackages(files, expected, patterns);
    const version = packageVersion(release, names.map(({ name }) => name));
    // With header signatures, the signed copy is the package from here on: hashed, indexed, published.
    const local = await signedCopies(names, rpmHeaders);
    // A host that takes files in parts has each part hashed in the same read as the whole file.
    const partSize = host?.uploadPartSize?.bind(host);
    const localOf = (given) => local.get(given) ?? given;
    const pathOf = (name) => (0,host_layout/* packagePath */.C0)(treeOf(release.channel), name);
    // What the host holds at each path is asked while the files are read: one round trip for all.
    const [contents, existing] = await (0,all_in_order/* allInOrder */.b)([
        // The names agree with the release (above); the contents must agree with the names.
        () => readPackageContents(names.map(({ file, name }) => ({ file: localOf(file), name })), partSize),
        () => (0,all_in_order/* allInOrder */.b)(names.map(({ file, name }) => async () => host === undefined
            ? undefined
            : host.existing(pathOf(name), { size: (await (0,promises_.stat)(localOf(file))).size }))),
    ]);
    const packages = await (0,all_in_order/* allInOrder */.b)(names.map(({ file: given, name }, i) => async () => {
        const file = localOf(given);
        const read = contents.get(file);
        // A .deb or .rpm was hashed with its contents; a tarball is hashed here.
        const { sha256, size, parts } = read === undefined ? await hashOf(file, partSize) : { ...read.contents.hashes, parts: read.parts };
        const there = existing[i];
        return {
            file: displayPath(given, workspace),
            localFile: file,
            path: pathOf(name),
            sha256,
            size,
            existing: there === undefined ? 'absent' : there === sha256 ? 'same' : 'different',
            contents: read?.contents,
            ...(local.has(given) ? { headerSigned: true } : {}),
            ...(parts === undefined ? {} : { parts }),
        };
    }));
    // In the plan, packages follow the host's layout (deb, rpm, bin), not the order the globs found them.
    packages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { version, packages };
}
/** Each .rpm → its header-signed copy (none without header signing). */
async function signedCopies(names, rpmHeaders) {
    const copies = new Map();
    if (rpmHeaders === undefined)
        return copies;
    for (const { file, name } of names) {
        if (name.kind === 'rpm')
            copies.set(file, await rpmHeaders.sign(file));
    }
    return copies;
}
async function hashOf(file, partSize) {
    const pass = await (0,file_pass/* passOverFile */.y)(file, { hashes: ['sha256'], partSize });
    return { sha256: pass.digests.sha256, size: pass.size, parts: pass.parts };
}
/** Paths inside the workspace are shown relative to it, as the user wrote the pattern. */
function displayPath(file, workspace) {
    const inside = (0,external_node_path_.relative)(workspace, file);
    return inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside) ? file : inside;
}

// EXTERNAL MODULE: ./lib/action/release/latest.js
var release_latest = __webpack_require__(41245);
;// CONCATENATED MODULE: ./lib/action/validate/read-moving-tags.js


/**
 * Decides `latest` and the series tags once for the whole release. They need the registry only for a
 * stable release with `latest: auto` or a `floating=` line: the stable versions already in every target
 * repository of a versioned line, read once through their tag lists. `tags=` lines take no part.
 */
async function readMovingTags(mode, release, images, registry) {
    const versioned = images.filter((line) => line.fixedTags === undefined);
    // Not decided by versions; also refuses `latest: true` for a prerelease, with images or without.
    const told = mode !== 'auto' || release.channel !== 'stable' ? (0,release_latest/* decideLatest */.O)(mode, release, []) : undefined;
    const withSeries = versioned.some((line) => line.floating !== undefined);
    const needsVersions = versioned.length > 0 && release.channel === 'stable' && (told === undefined || withSeries);
    const published = needsVersions ? await publishedVersions(versioned, registry) : [];
    const latest = versioned.length === 0
        ? {
            latest: false,
            reason: `${images.length === 0 ? 'no images' : 'only tags= images'}: no latest tags to move`,
        }
        : (told ?? (0,release_latest/* decideLatest */.O)(mode, release, published));
    return { latest, series: withSeries ? (0,release_floating/* decideSeries */.MT)(release, published) : release_floating/* NO_SERIES_MOVES */.X0 };
}
/** The stable versions in the lines' repositories, each read once and counted through its lines' suffixes. */
async function publishedVersions(lines, registry) {
    if (registry === undefined)
        throw new Error('images to publish, but no reader of their registry');
    const suffixesByRepository = new Map();
    for (const line of lines) {
        suffixesByRepository.set(line.repository, [
            ...(suffixesByRepository.get(line.repository) ?? []),
            line.suffix,
        ]);
    }
    const published = await Promise.all([...suffixesByRepository].map(async ([repository, suffixes]) => (0,release_latest/* stableVersionsIn */.Y)(await registry.listTags(repository), suffixes)));
    return published.flat();
}

;// CONCATENATED MODULE: ./lib/action/validate/check-images.js


/**
 * Every source image exists, the registry takes the credentials and every mirror has a login: checked
 * before anything is pushed, since a refusal after the version tags would leave a half release.
 */
async function checkImages(config, images, logger) {
    // Independent reads, at once; a refusal is still reported in this order whichever comes first.
    await (0,all_in_order/* allInOrder */.b)([
        () => checkSources(config, images, logger),
        async () => (config.credentials ? images.registry.checkAccess() : undefined),
        // A mirror that refuses us would fail the run after the main registry already has the version tags.
        () => (0,all_in_order/* allInOrder */.b)(config.mirrors.map((mirror) => () => images.mirror(mirror).checkAccess())),
        () => listTargetTags(config, images),
    ]);
    await checkPushRights(config, images);
}
/**
 * The registry driver reads each target repository's tag list before its first copy there (to tell new
 * tags from moved ones): read now, beside the checks, it costs no round trip of its own. Only a read
 * for later: a registry that will not list them is the push's to deal with.
 */
async function listTargetTags(config, images) {
    if (images.driver.reportsChanges !== true || config.dryRun)
        return;
    const repositories = [...new Set(config.images.map((line) => line.repository))];
    const readers = [images.registry, ...config.mirrors.map((mirror) => images.mirror(mirror))];
    await Promise.all(readers.flatMap((reader) => repositories.map((repository) => reader.readTagsAhead?.(repository))));
}
async function checkSources(config, images, logger) {
    const check = await images.driver.checkSources(config.images.map((line) => line.source));
    if (check.unavailable !== undefined) {
        if (!config.dryRun) {
            throw new errors/* UserError */.y(`image-driver: ${images.driver.name}`, `cannot reach its backend: ${check.unavailable}`, 'start the docker daemon, or build the images earlier in this job');
        }
        logger.warning(`source images not checked (${images.driver.name} unavailable: ${check.unavailable})`);
    }
    if (check.missing.length > 0) {
        throw new errors/* UserError */.y('images', `source image${check.missing.length > 1 ? 's' : ''} not found: ${check.missing.join(', ')}`, 'build or pull them earlier in the job, or fix the source names');
    }
}
/**
 * A login may be good yet lack push rights (a token service grants pull alone): found out now, not at
 * the first push, by opening and cancelling an upload session per repository. Only once every read
 * check passed (a run refused for a missing source opens none), and never in a dry run.
 */
async function checkPushRights(config, images) {
    if (!config.credentials || config.dryRun)
        return;
    const repositories = [...new Set(config.images.map((line) => line.repository))];
    await (0,all_in_order/* allInOrder */.b)(repositories.map((repository) => () => images.registry.checkPush(repository)));
}

// EXTERNAL MODULE: ./lib/action/plan/describe-step.js
var describe_step = __webpack_require__(21414);
// EXTERNAL MODULE: ./lib/action/report/package-host.js
var package_host = __webpack_require__(46884);
;// CONCATENATED MODULE: ./lib/action/publish.js












/**
 * The whole publish: validate everything (ref, package files and names, what the host holds, source
 * images, credentials, latest) → plan → execute. Nothing is written before the plan exists.
 */
async function publish(config, loading, logger, workspace) {
    const release = parseRef(config.ref, config.devBranch);
    logger.info(`release ${release.version} (${release.channel}) from ${config.ref}`);
    // The adapters' code may still be loading (see portsFor): the run has said what it publishes meanwhile.
    const ports = await loading;
    try {
        return await validateAndRun(config, release, ports, logger, workspace);
    }
    finally {
        // The header-signed rpms are copies made for this run: published or not, they go.
        await ports.rpmHeaders?.close();
    }
}
async function validateAndRun(config, release, ports, logger, workspace) {
    const planned = await validateAndPlan(config, release, ports, logger, workspace);
    const { plan, packageHost, latest } = planned;
    if (config.dryRun) {
        await logger.group('Plan (dry run: nothing is published)', async () => {
            if (packageHost)
                logger.info(`host     ${(0,package_host/* describeHost */.Y)(packageHost)}`);
            plan.forEach((step) => logger.info((0,describe_step/* describeStep */.E)(step)));
        });
        return { ...planned, ...(0,published/* nothingExecuted */.l)() };
    }
    if (packageHost)
        logger.info(`packages go to ${(0,package_host/* describeHost */.Y)(packageHost)}`);
    try {
        // Decided by comparing versions: checked again before latest moves (a newer release may appear meanwhile).
        const latestFor = config.latest === 'auto' && latest.latest ? release.version : undefined;
        const executed = await (0,execute/* execute */.g)(plan, ports, config.credentials, logger, latestFor);
        // The smallest hook for a host that records the run as a whole (a GitHub release's notes and its
        // dev assets): it needs what every step published, so it comes after the plan, floating tags too.
        await ports.host?.finish?.({ images: executed.images, packages: executed.packages });
        return { ...planned, ...executed };
    }
    finally {
        await ports.images?.driver.close?.();
    }
}
/**
 * Validates everything (package files and names, what the host holds, source images, credentials,
 * latest, the repositories) and builds the plan. Nothing is written here.
 */
async function validateAndPlan(config, release, ports, logger, workspace) {
    // The wiring gives image ports exactly when the configuration has images.
    const images = config.images.length > 0 ? ports.images : undefined;
    // Three reads that need nothing of each other go together: at tens of ms a request, the registry's
    // answers arrive while the packages are hashed. Each still fails the run before anything is written.
    const [prepared, , moving] = await (0,all_in_order/* allInOrder */.b)([
        async () => {
            const files = config.packagePatterns.length > 0 ? await ports.findFiles(config.packagePatterns) : [];
            if (files.length > 0)
                await ports.host?.check?.();
            return preparePackages(release, files, ports.host, workspace, config.packagePatterns, ports.rpmHeaders);
        },
        async () => (images ? checkImages(config, images, logger) : undefined),
        () => readMovingTags(config.latest, release, config.images, images?.registry),
    ]);
    // Keyless: the runner's token and a Fulcio certificate, now, so a refusal comes before any push.
    if (images?.signing && !config.dryRun)
        logger.info(`images are signed by ${await images.signing.prepare()}`);
    const { latest } = moving;
    if (images)
        logger.info(latest.reason);
    for (const scope of release_floating/* SERIES_SCOPES */._s) {
        if (config.images.some((line) => line.floating?.includes(scope)))
            logger.info(moving.series[scope].reason);
    }
    const planInput = {
        registry: config.registry,
        mirrors: config.mirrors,
        // The registry driver copies mirrors from the tags just pushed; docker pushes its local image again.
        mirrorFrom: config.imageDriver === 'registry' ? 'registry' : 'source',
        username: config.credentials?.username,
        images: config.images.map((line) => tagsFor(release, line, latest.latest, moving.series)),
        packages: prepared.packages,
        overwrite: config.overwrite,
        imageSigning: images?.signing?.kind,
        provenance: ports.provenance !== undefined,
        cdn: config.cloudfront && {
            distribution: config.cloudfront.distribution,
            root: config.cloudfront.root,
            wait: config.cloudfront.wait,
        },
    };
    // The plan without repositories first: it refuses what it can (a package published with other
    // content) before the slower reads of package metadata, the signing key and the current indexes.
    buildPlan(planInput);
    const repositories = ports.repositories && prepared.packages.length > 0
        ? await ports.repositories.prepare(prepared.packages)
        : [];
    const plan = buildPlan({ ...planInput, repositories, signedBy: ports.repositories?.fingerprint });
    const tags = plan.flatMap((step) => step.step === 'push' || step.step === 'move-tag' ? [step.target] : []);
    const packageHost = ports.host && prepared.packages.length > 0 ? (0,package_host/* nameHost */.u)(ports.host, config.s3Endpoint) : undefined;
    return {
        release,
        latest,
        packageVersion: prepared.version,
        tags,
        plan,
        dryRun: config.dryRun,
        packageHost,
    };
}

;// CONCATENATED MODULE: ./lib/action/report/outputs.js

/** The action's outputs, as strings (the contract documented in action.yml). */
function outputsOf(result) {
    return {
        version: result.release.version,
        channel: result.release.channel,
        // The decision, not the effect: a re-run after a later step failed, or a dry run, must give a workflow
        // the same answer as the first run, or its steps that announce the latest release would be skipped.
        // What this run actually moved is `changed-tags`.
        latest: String(result.latest.latest),
        tags: result.tags.join('\n'),
        'changed-tags': result.changedTags.join('\n'),
        images: JSON.stringify(result.images),
        packages: JSON.stringify(result.packages),
        'package-version': result.packageVersion ?? '',
        'package-host': result.packageHost?.description ?? '',
        signatures: JSON.stringify(result.signatures),
        plan: JSON.stringify(result.plan.map(planEntry)),
        'dry-run': String(result.dryRun),
    };
}
/**
 * A step as the `plan` output shows it: image steps name their registry as the `registry` input does,
 * repository steps name their packages by host path.
 */
function planEntry(step) {
    if (step.step === 'push' || step.step === 'move-tag' || step.step === 'sign-image')
        return { ...step, registry: (0,image_target/* targetName */.je)(step.registry) };
    if (step.step !== 'update-repository')
        return withoutLocalDetails(step);
    const { repository, ...rest } = step;
    return { ...rest, packages: repository.packages.map((pkg) => pkg.path) };
}
/**
 * The runner's absolute paths say nothing to the reader of a plan (`file` already names the package),
 * nor do the sha256 of each upload part (a 1 GiB package has 128).
 */
function withoutLocalDetails(step) {
    const { localFile: _file, parts: _parts, ...rest } = step;
    return rest;
}

;// CONCATENATED MODULE: ./lib/action/report/summary-tables.js


/** Markdown table rows: a header, its rule, the rows, a blank line. */
function table(header, rows) {
    if (rows.length === 0)
        return [];
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line), ''];
}
function code(value) {
    return value ? `\`${value}\`` : '—';
}
function summary_tables_escape(text) {
    return text.replace(/[|<>]/g, (c) => `\\${c}`);
}
/**
 * Every tag with the digest it held before and holds now: `new`, `moved` or `unchanged`. A dry run
 * has pushed nothing: its tags are listed as planned.
 */
function tagTable(result) {
    if (result.tagChanges.length === 0) {
        return table(['tag', 'planned'], result.tags.map((tag) => [code(tag), result.dryRun ? 'to be pushed' : '—']));
    }
    return table(['tag', 'before', 'after', 'change'], result.tagChanges.map(({ ref, before, after }) => [
        code(ref),
        code(before),
        code(after),
        before === undefined ? 'new' : before === after ? 'unchanged' : 'moved',
    ]));
}
/** Each repository the run updated, with the versions it added and the versions retention took out. */
function repositoryTable(result) {
    const added = new Map();
    for (const step of result.plan) {
        if (step.step !== 'update-repository')
            continue;
        added.set(step.root, versionsOf(step.repository.packages.map((pkg) => pkg.path)));
    }
    return table(['repository', 'versions added', 'versions removed', 'indexes'], result.repositories.map((repository) => [
        code(repository.root),
        list(added.get(repository.root)),
        list(versionsOf(repository.removed)),
        repository.changed === undefined ? 'no index' : repository.changed ? 'updated' : 'already current',
    ]));
}
/** The versions of the package paths (a signature or other file beside a package counts as its version). */
function versionsOf(paths) {
    const versions = new Set();
    for (const path of paths) {
        try {
            versions.add((0,package_name/* parsePackageName */.R)((0,external_node_path_.basename)(path).replace(/\.(asc|sigstore\.json)$/, '')).version);
        }
        catch {
            // Not a package name (an index file): no version to show.
        }
    }
    return versions;
}
function list(versions) {
    return versions && versions.size > 0 ? [...versions].map((version) => code(version)).join(', ') : '—';
}
/**
 * What `mode: unpublish` or `mode: resign` does to each repository, from the plan (so a dry run shows
 * it too), with whether it is done.
 */
function maintenanceTable(result) {
    const state = (root) => result.dryRun
        ? 'planned'
        : result.repositories.some((done) => done.root === root)
            ? 'done'
            : 'not reached';
    const withdrawals = result.plan.flatMap((step) => (step.step === 'withdraw-packages' ? [step] : []));
    const resignings = result.plan.flatMap((step) => (step.step === 'resign-repository' ? [step] : []));
    return [
        ...table(['repository', 'versions removed', 'packages removed', 'files deleted', 'state'], withdrawals.map((step) => [
            code(step.root),
            list(versionsOf(step.packages)),
            step.packages.map((path) => code((0,external_node_path_.basename)(path))).join(', '),
            String(step.deletes.length),
            state(step.root),
        ])),
        ...table([
            'repository',
            'packages',
            'rpm headers signed',
            '.asc signed',
            'index files signed',
            'signed by',
            'state',
        ], resignings.map((step) => [
            code(step.root),
            String(step.packages.length),
            String(step.rpmHeaders.length),
            String(step.signatures.length),
            String(step.indexes.length),
            code(step.signedBy),
            state(step.root),
        ])),
    ];
}

;// CONCATENATED MODULE: ./lib/action/report/summary.js


/** The job summary: what was published (or planned), as markdown tables. */
function renderSummary(result) {
    const { release } = result;
    if (result.mode === 'unpublish' || result.mode === 'resign')
        return renderMaintenance(result);
    const out = [
        `## Falco ${release.version} (${release.channel})${result.dryRun ? ' — dry run, nothing published' : ''}`,
        '',
        `latest: **${result.latest.latest}** — ${summary_tables_escape(result.latest.reason)}`,
        '',
    ];
    if (result.packageHost)
        out.push(`package host: \`${(0,package_host/* describeHost */.Y)(result.packageHost)}\``, '');
    out.push(...tagTable(result));
    const packages = result.plan.flatMap((step) => (step.step === 'publish-package' ? [step] : []));
    if (packages.length > 0) {
        out.push(`Packages${result.packageVersion ? ` (version ${result.packageVersion})` : ''}:`, '');
        out.push('| package | path | size | sha256 | action |', '|---|---|---|---|---|');
        for (const pkg of packages) {
            out.push(`| ${summary_tables_escape(pkg.file)} | \`${pkg.path}\` | ${pkg.size} | \`${pkg.sha256}\` | ${pkg.action} |`);
        }
        out.push('');
    }
    out.push(...repositoryTable(result));
    out.push(...cdnLine(result), ...signatureTable(result));
    return out.join('\n');
}
/** `mode: unpublish` and `mode: resign`: what each repository lost or had signed again, and the CDN. */
function renderMaintenance(result) {
    const title = result.mode === 'unpublish'
        ? `## Falco ${result.release.version} unpublished from the package host`
        : '## Package repositories signed again';
    const out = [`${title}${result.dryRun ? ' — dry run, nothing changed' : ''}`, ''];
    if (result.packageHost)
        out.push(`package host: \`${(0,package_host/* describeHost */.Y)(result.packageHost)}\``, '');
    out.push(...maintenanceTable(result), ...cdnLine(result));
    return out.join('\n');
}
function cdnLine(result) {
    const cdn = result.cdnInvalidation;
    if (!cdn)
        return [];
    const what = cdn.id === undefined
        ? 'nothing to invalidate (the run replaced no file a cache may hold)'
        : `invalidation \`${cdn.id}\` of ${cdn.items.length} path${cdn.items.length === 1 ? '' : 's'}, ${cdn.status}`;
    return [`CloudFront distribution \`${cdn.distribution}\`: ${what}`, ''];
}
/** One row per signature: what is signed, how, where it is stored, by whom; or, in a dry run, what would be. */
function signatureTable(result) {
    const planned = result.plan.flatMap((step) => step.step === 'sign-image'
        ? [`- sign \`${step.target}\` and its images, ${step.signing}`]
        : step.step === 'attest-provenance'
            ? [`- attest build provenance of ${step.images.length} images and ${step.packages.length} packages`]
            : []);
    if (planned.length === 0)
        return [];
    if (result.signatures.length === 0)
        return ['Signatures (planned):', '', ...planned, ''];
    const rows = result.signatures.map((s) => `| \`${s.subject}\` | ${s.kind} | \`${s.where}\` | ${summary_tables_escape(s.signer)} | ${s.state} |`);
    return ['| signed | kind | stored at | signer | state |', '|---|---|---|---|---|', ...rows, ''];
}

// EXTERNAL MODULE: ./lib/util/basic-auth.js
var basic_auth = __webpack_require__(23237);
;// CONCATENATED MODULE: ./lib/action/local-log.js
// Outside a runner nobody reads the workflow commands @actions/core writes to stdout: a person at a
// terminal would see `::add-mask::` with the secret in it and every `::debug::` line. This shows the log
// as a runner displays it instead, and hides the secrets as the runner's masking would.
/** What `::add-mask::` and every other command's data escape (%, CR, LF), undone. */
function unescapeData(data) {
    return data.replace(/%(25|0D|0A)/gi, (code) => code === '%25' ? '%' : code.toUpperCase() === '%0D' ? '\r' : '\n');
}
/** How a runner titles an annotation in the log. */
const ANNOTATIONS = {
    error: 'Error',
    warning: 'Warning',
    notice: 'Notice',
};
/** The log of one run outside a runner: the secrets registered with `::add-mask::`, and its streams. */
class LocalLog {
    showDebug;
    secrets = new Set();
    constructor(showDebug = false) {
        this.showDebug = showDebug;
    }
    /** A filter of one stream's text, write by write: a command counts only at the start of a line. */
    stream() {
        let atLineStart = true;
        return (text) => {
            let shown = '';
            for (const segment of text.split(/(?<=\n)/)) {
                shown += atLineStart ? this.line(segment) : segment;
                atLineStart = segment.endsWith('\n');
            }
            // The whole write at once: a secret of many lines is hidden as one.
            return this.redact(shown);
        };
    }
    /** One line (with its line end, if written yet) as a runner displays it; '' when it shows nothing. */
    line(segment) {
        const end = /\r?\n$/.exec(segment)?.[0] ?? '';
        const command = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(segment.slice(0, segment.length - end.length));
        if (!command)
            return segment;
        const [, name = '', data = ''] = command;
        const value = unescapeData(data);
        switch (name) {
            case 'add-mask':
                if (value.trim() !== '')
                    this.secrets.add(value);
                return '';
            case 'debug':
                return this.showDebug ? `Debug: ${value}${end}` : '';
            case 'group':
                return `${value}${end}`;
            case 'endgroup':
                return '';
            default: {
                const title = ANNOTATIONS[name];
                return title === undefined ? segment : `${title}: ${value}${end}`;
            }
        }
    }
    /** Every registered secret replaced with `***`, the longest first (a whole key before its lines). */
    redact(text) {
        let redacted = text;
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            redacted = redacted.split(secret).join('***');
        }
        return redacted;
    }
}
/** Routes everything written to `stream` through `filter` (strings and bytes alike). */
function filterWrites(stream, filter) {
    const write = stream.write.bind(stream);
    const filtered = (chunk, encodingOrCallback, callback) => {
        const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
        const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
        const text = typeof chunk === 'string' ? Buffer.from(chunk, encoding).toString() : Buffer.from(chunk).toString();
        return write(filter(text), done);
    };
    stream.write = filtered;
}
/** Outside a runner: stdout and stderr show what a runner would display of them. */
function showLocalLog(env) {
    const log = new LocalLog(env.RUNNER_DEBUG === '1');
    filterWrites(process.stdout, log.stream());
    filterWrites(process.stderr, log.stream());
}

;// CONCATENATED MODULE: ./lib/action/main.js









const coreLogger = {
    info: (message) => core/* info */.pq(message),
    warning: (message) => core/* warning */.$e(message),
    debug: (message) => core/* debug */.Yz(message),
    group: (title, fn) => core/* group */.Os(title, fn),
};
/** The entry's start: outside a runner the log is shown as a runner would display it, then the action. */
async function main() {
    if (process.env.GITHUB_ACTIONS !== 'true')
        showLocalLog(process.env);
    await run();
}
/** The action: inputs → release → plan → publish → outputs. The one place that fails the step. */
async function run() {
    try {
        maskSecrets();
        // A password is taken as given: spaces at its ends are part of it.
        const config = readInputs((name) => core/* getInput */.V4(name, { trimWhitespace: name !== 'cosign-password' }), process.env);
        const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
        // Built once publish has said which release it publishes (it awaits them right after): loading a
        // chunk of the bundle reads and compiles it at once, which would hold back that first line.
        const ports = Promise.resolve().then(() => (0,wiring/* portsFor */.B)(config, coreLogger, (secret) => core/* setSecret */.Pq(secret), workspace));
        // A bad ref fails publish before it awaits the ports: their failure is then not the one to report.
        ports.catch(() => undefined);
        const result = config.mode.kind === 'revert-latest'
            ? await (await __webpack_require__.e(/* import() */ 300).then(__webpack_require__.bind(__webpack_require__, 23300))).revertLatest(config, ports, coreLogger)
            : config.mode.kind === 'unpublish' || config.mode.kind === 'resign'
                ? await (await __webpack_require__.e(/* import() */ 787).then(__webpack_require__.bind(__webpack_require__, 32168))).maintainHost(config, ports, coreLogger)
                : await publish(config, ports, coreLogger, workspace);
        for (const [name, value] of Object.entries(outputsOf(result)))
            core/* setOutput */.uH(name, value);
        // Outside a runner (local runs, the demo) there is no summary file to write to.
        if (process.env.GITHUB_STEP_SUMMARY)
            await core/* summary */.z.addRaw(renderSummary(result)).write();
    }
    catch (error) {
        if (error instanceof errors/* UserError */.y)
            core/* setFailed */.C1(error.message);
        else
            core/* setFailed */.C1(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
}
/** Masked before anything can print them: the runner then hides them in every log line. */
function maskSecrets() {
    const username = core/* getInput */.V4('registry-username');
    const password = core/* getInput */.V4('registry-password');
    if (password) {
        core/* setSecret */.Pq(password);
        core/* setSecret */.Pq((0,basic_auth/* basicAuthValue */.y)(username, password));
    }
    // The package host's password (an HTTP host's, Bintray's API key) goes as HTTP Basic too, its token as Bearer.
    const hostUsername = core/* getInput */.V4('package-host-username');
    const hostPassword = core/* getInput */.V4('package-host-password');
    if (hostPassword) {
        core/* setSecret */.Pq(hostPassword);
        core/* setSecret */.Pq((0,basic_auth/* basicAuthValue */.y)(hostUsername, hostPassword));
    }
    const hostToken = core/* getInput */.V4('package-host-token');
    if (hostToken)
        core/* setSecret */.Pq(hostToken);
    // The signing key is many lines: each one is masked too, as a log may show a key line by line.
    const signingKey = core/* getInput */.V4('signing-key');
    for (const secret of [signingKey, ...signingKey.split(/\r?\n/).filter((line) => line.trim().length >= 8)]) {
        if (secret.trim())
            core/* setSecret */.Pq(secret.trim());
    }
    // The cosign key is masked whole and line by line, like the signing key; its password too.
    const cosignKey = core/* getInput */.V4('cosign-key');
    for (const secret of [cosignKey, ...cosignKey.split(/\r?\n/).filter((line) => line.trim().length >= 8)]) {
        if (secret.trim())
            core/* setSecret */.Pq(secret.trim());
    }
    const cosignPassword = core/* getInput */.V4('cosign-password');
    if (cosignPassword)
        core/* setSecret */.Pq(cosignPassword);
    const passphrase = core/* getInput */.V4('signing-passphrase');
    if (passphrase)
        core/* setSecret */.Pq(passphrase);
    // The job's token by default: masked even when another host is used, since it is always passed.
    const githubToken = core/* getInput */.V4('github-token');
    if (githubToken)
        core/* setSecret */.Pq(githubToken);
    // The S3 host reads the standard AWS variables (what aws-actions/configure-aws-credentials sets).
    // ACTIONS_ID_TOKEN_REQUEST_TOKEN lets its holder ask for OIDC tokens in the workflow's name.
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
        const secret = process.env[name];
        if (secret)
            core/* setSecret */.Pq(secret);
    }
}


/***/ }),

/***/ 21414:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ describeStep)
/* harmony export */ });
/* harmony import */ var _indexes_retention_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89530);

/** Where the files retention would delete are listed: under the step, one a line. */
const UNDER_STEP = '\n           ';
/** One line per step, as the dry run prints the plan. */
function describeStep(step) {
    switch (step.step) {
        case 'login':
            return `login    ${step.registry} as ${step.username}`;
        case 'push':
            return `push     ${step.source} → ${step.target}`;
        case 'sign-image':
            return `sign     ${step.target} (${step.signing}: cosign .sig tag and Sigstore bundle referrer, index and its images)`;
        case 'publish-package':
            return `package  ${step.file} → ${step.path} (${step.action}${step.headerSigned ? ', header signed' : ''}, sha256 ${step.sha256})`;
        case 'update-repository': {
            const count = step.repository.packages.length;
            const index = { apt: 'APT indexes', yum: 'YUM repodata', bin: 'no index' }[step.format];
            const keep = step.retention === undefined ? '' : `, keep ${(0,_indexes_retention_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLimit */ .XW)(step.retention.limit)}`;
            const signed = step.signedBy === undefined ? 'unsigned' : `signed by ${step.signedBy}`;
            return `index    ${step.root}: ${count} package${count === 1 ? '' : 's'} (${index}${keep}, ${signed})${deletions(step.retention)}`;
        }
        case 'withdraw-packages': {
            const index = { apt: 'APT indexes', yum: 'YUM repodata', bin: 'no index' }[step.format];
            const signed = step.signedBy === undefined ? 'unsigned' : `signed again by ${step.signedBy}`;
            const count = plural(step.packages.length, 'package');
            return `withdraw ${step.root}: ${count} (${index}, ${signed}); deletes ${plural(step.deletes.length, 'file')}:${listed(step.deletes)}`;
        }
        case 'resign-repository': {
            const parts = [
                step.rpmHeaders.length > 0
                    ? `${plural(step.rpmHeaders.length, 'rpm header')} (the rpms replaced)`
                    : '',
                step.signatures.length > 0 ? plural(step.signatures.length, '.asc signature') : '',
                step.indexes.length > 0 ? plural(step.indexes.length, 'index file') : '',
                step.staleBundles.length > 0
                    ? `${plural(step.staleBundles.length, 'provenance bundle')} of the old rpm bytes deleted`
                    : '',
            ].filter(Boolean);
            const what = parts.length === 0 ? 'nothing to sign again' : parts.join(', ');
            const files = [...step.rpmHeaders, ...step.signatures.map((pkg) => `${pkg}.asc`), ...step.indexes];
            return `resign   ${step.root}: ${plural(step.packages.length, 'package')}, signed by ${step.signedBy}: ${what}${listed([...new Set(files)])}`;
        }
        case 'attest-provenance':
            return `attest   build provenance of ${step.images.length} image${step.images.length === 1 ? '' : 's'} and ${step.packages.length} package${step.packages.length === 1 ? '' : 's'} (keyless, referrers and <file>.sigstore.json)`;
        case 'invalidate-cdn':
            return `cdn      invalidate what this run replaces (indexes, their signatures, replaced packages) in CloudFront distribution ${step.distribution}${step.wait ? ', and wait until it completes' : ''}`;
        case 'move-tag': {
            // A series tag says what it follows: it moves only while that release still leads the series.
            const series = step.series === undefined ? '' : ` (${step.series.scope} series, led by ${step.series.version})`;
            return `move     ${step.source} → ${step.target}${series}`;
        }
    }
}
/** Every file retention would delete, so a dry run shows what leaves the host before it does. */
function deletions(retention) {
    if (retention === undefined)
        return '';
    const { deletes } = retention;
    if (deletes === undefined)
        return '; what retention deletes is not foreseen (another publisher was rewriting the repository)';
    if (deletes.length === 0)
        return '; retention deletes nothing';
    const files = `${deletes.length} file${deletes.length === 1 ? '' : 's'}`;
    return `; retention deletes ${files}:${deletes.map((path) => `${UNDER_STEP}${path}`).join('')}`;
}
/** `1 package`, `3 packages`. */
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** Paths under the step, one a line. */
function listed(paths) {
    return paths.map((path) => `${UNDER_STEP}${path}`).join('');
}


/***/ }),

/***/ 85356:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ mergeExecuted),
/* harmony export */   l: () => (/* binding */ nothingExecuted)
/* harmony export */ });
/** What a run that published nothing (a dry run, before execution) reports: every list empty. */
function nothingExecuted() {
    return { images: [], changedTags: [], tagChanges: [], packages: [], repositories: [], signatures: [] };
}
/** Appends what one part of a run did to the whole run's record. */
function mergeExecuted(into, part) {
    into.images.push(...part.images);
    into.changedTags.push(...part.changedTags);
    into.tagChanges.push(...part.tagChanges);
    into.packages.push(...part.packages);
    into.repositories.push(...part.repositories);
    into.signatures.push(...part.signatures);
    if (part.cdnInvalidation !== undefined)
        into.cdnInvalidation = part.cdnInvalidation;
}


/***/ }),

/***/ 36188:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ decideSeries),
/* harmony export */   X0: () => (/* binding */ NO_SERIES_MOVES),
/* harmony export */   _s: () => (/* binding */ SERIES_SCOPES),
/* harmony export */   es: () => (/* binding */ newerInSeries),
/* harmony export */   f_: () => (/* binding */ seriesName)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);

/** The scopes in the order their tags move: the narrower series first, `latest` after both. */
const SERIES_SCOPES = ['minor', 'major'];
/** The decision for a run that moves no series tag (no `floating=` line). */
const NO_SERIES_MOVES = {
    major: { moves: false, reason: 'no image line has floating=' },
    minor: { moves: false, reason: 'no image line has floating=' },
};
/** `0` (major) or `0.39` (minor) for the stable version `0.39.2`. */
function seriesName(version, scope) {
    const parsed = semver__WEBPACK_IMPORTED_MODULE_0__.parse(version);
    if (!parsed)
        throw new Error(`'${version}' is not a version, so it has no series`);
    return scope === 'major' ? `${parsed.major}` : `${parsed.major}.${parsed.minor}`;
}
/** The highest of `published` in the series of `version` that is above it; undefined when there is none. */
function newerInSeries(version, scope, published) {
    const series = seriesName(version, scope);
    return published
        .filter((other) => seriesName(other, scope) === series && semver__WEBPACK_IMPORTED_MODULE_0__.gt(other, version))
        .sort(semver__WEBPACK_IMPORTED_MODULE_0__.rcompare)[0];
}
/**
 * `X` and `X.Y` move only for a stable release that is the highest (semver) of its series among the
 * stable versions already published: a backport 0.39.2 after 0.40.0 moves `0.39`, but not `0`.
 */
function decideSeries(release, published) {
    if (release.channel !== 'stable') {
        const stays = {
            moves: false,
            reason: `${release.version} is a ${release.channel} build: no series tag moves`,
        };
        return { major: stays, minor: stays };
    }
    const decide = (scope) => {
        const series = seriesName(release.version, scope);
        const newer = newerInSeries(release.version, scope, published);
        if (newer !== undefined) {
            return {
                moves: false,
                reason: `${release.version} is older than the published ${newer}: ${series} stays`,
            };
        }
        return { moves: true, reason: `${release.version} is the highest ${series} release: ${series} moves` };
    };
    return { major: decide('major'), minor: decide('minor') };
}


/***/ }),

/***/ 41245:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ decideLatest),
/* harmony export */   Y: () => (/* binding */ stableVersionsIn)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);


/**
 * Stable versions found among a repository's tags, for the lines that publish there with `suffixes`.
 * A tag counts when, without one of those suffixes, it is a plain MAJOR.MINOR.PATCH (a leading `v`
 * allowed): `0.26.0-slim` counts for the `-slim` line, and is a prerelease (ignored) for the bare line.
 */
function stableVersionsIn(tags, suffixes) {
    const versions = new Set();
    for (const tag of tags) {
        for (const suffix of suffixes) {
            if (!tag.endsWith(suffix))
                continue;
            const bare = tag.slice(0, tag.length - suffix.length);
            const parsed = semver__WEBPACK_IMPORTED_MODULE_0__.parse(bare.startsWith('v') ? bare.slice(1) : bare);
            if (parsed && parsed.prerelease.length === 0 && parsed.build.length === 0)
                versions.add(parsed.version);
        }
    }
    return [...versions];
}
/**
 * Whether `latest` moves, decided once per release so all images move together. `auto` moves it only
 * for a stable release at least as high (semver) as every stable version already published: a backport
 * (0.25.1 after 0.26.0) must not steal it.
 */
function decideLatest(mode, release, published) {
    if (mode === 'false')
        return { latest: false, reason: 'the latest input is false: latest stays' };
    if (mode === 'true') {
        if (release.channel !== 'stable') {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('latest', `'true' is not allowed for a ${release.channel} build (${release.version})`, 'only a stable release can move latest: use auto or false');
        }
        return { latest: true, reason: 'the latest input is true: latest moves' };
    }
    if (release.channel !== 'stable') {
        return { latest: false, reason: `${release.version} is a ${release.channel} build: latest stays` };
    }
    const newer = published.filter((version) => semver__WEBPACK_IMPORTED_MODULE_0__.gt(version, release.version)).sort(semver__WEBPACK_IMPORTED_MODULE_0__.rcompare);
    if (newer.length > 0) {
        return {
            latest: false,
            reason: `${release.version} is older than the published ${newer[0]}: latest stays`,
        };
    }
    const highest = [...published].sort(semver__WEBPACK_IMPORTED_MODULE_0__.rcompare)[0];
    return {
        latest: true,
        reason: highest
            ? `${release.version} is the highest stable version (highest published before: ${highest})`
            : `${release.version} is the first stable version published`,
    };
}


/***/ }),

/***/ 46884:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ describeHost),
/* harmony export */   u: () => (/* binding */ nameHost)
/* harmony export */ });
function nameHost(host, s3Endpoint) {
    return {
        description: host.description,
        ...(s3Endpoint === undefined ? {} : { endpoint: withoutCredentials(s3Endpoint) }),
    };
}
/** `s3://falco-distribution/packages (endpoint https://s3.example.com)`, `directory /srv/packages`. */
function describeHost(host) {
    return host.endpoint === undefined ? host.description : `${host.description} (endpoint ${host.endpoint})`;
}
/** An endpoint may carry `user:password@`: what is printed never does. */
function withoutCredentials(endpoint) {
    try {
        const url = new URL(endpoint);
        if (url.username === '' && url.password === '')
            return endpoint;
        url.username = '';
        url.password = '';
        return url.toString();
    }
    catch {
        return endpoint.replace(/\/\/[^/@]*@/, '//');
    }
}


/***/ }),

/***/ 75106:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ patternMatching),
/* harmony export */   z: () => (/* binding */ findPackageFiles)
/* harmony export */ });
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42377);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);




/**
 * Expands the `packages` patterns (one per line, `!` excludes) to files, matched from the working
 * directory (on a runner, the workspace). Each positive pattern must match at least one file: a pattern
 * that matches nothing is a build that did not produce its package; all such patterns are named at once.
 */
async function findPackageFiles(patterns) {
    checkPatternsStayDown(patterns);
    const files = new Set();
    const missing = [];
    for (const pattern of positive(patterns)) {
        const regular = await filesOf(pattern, patterns);
        if (regular.length === 0)
            missing.push(pattern);
        regular.forEach((file) => files.add(file));
    }
    if (missing.length > 0) {
        const one = missing.length === 1;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('packages', `${missing.join(', ')} ${one ? 'matches' : 'match'} no file (patterns are matched from ${process.cwd()})`, `check the pattern${one ? '' : 's'} and that the build produced its packages`);
    }
    return [...files].sort();
}
/** The first positive pattern that matches `file` (with the excludes applied), if any. */
async function patternMatching(file, patterns) {
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(file);
    for (const pattern of positive(patterns)) {
        if ((await filesOf(pattern, patterns)).some((found) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(found) === target))
            return pattern;
    }
    return undefined;
}
/** `.` and `..` parts, which the glob refuses with an assertion: said here as what they are. */
function checkPatternsStayDown(patterns) {
    const climbing = patterns.find((pattern) => pattern
        .replace(/^!/, '')
        .split(/[/\\]/)
        .some((part) => part === '.' || part === '..'));
    if (climbing !== undefined) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('packages', `${climbing} has a . or .. part (patterns are matched from ${process.cwd()}, and never climb out of it)`, 'write the pattern from the workspace down, e.g. build/release/falco-*');
    }
}
function positive(patterns) {
    return patterns.filter((pattern) => !pattern.startsWith('!'));
}
/** The regular files one positive pattern matches, less every exclude. */
async function filesOf(pattern, patterns) {
    const excludes = patterns.filter((p) => p.startsWith('!'));
    const globber = await (0,_actions_glob__WEBPACK_IMPORTED_MODULE_0__/* .create */ .v)([pattern, ...excludes].join('\n'), { matchDirectories: false });
    const regular = [];
    for (const file of await globber.glob())
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file)).isFile())
            regular.push(file);
    return regular;
}


/***/ }),

/***/ 27949:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ packagePortsFor),
  B: () => (/* binding */ portsFor)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/hosts/open-host.js + 10 modules
var open_host = __webpack_require__(35508);
;// CONCATENATED MODULE: ./lib/action/github-release-settings.js
const TAG_PREFIX = 'refs/tags/';
/**
 * Which release `package-host: github-release` publishes to: a tag's own release (as the tag is
 * spelt, `v` and all), marked prerelease when the version has one (`0.27.0-rc1`); a push to the dev
 * branch, the `github-dev-release` prerelease, its tag created at the pushed commit when missing.
 * The ref itself is checked by the publish, before the host is used.
 */
function gitHubReleaseSettings(config, env) {
    const inputs = config.githubRelease;
    if (inputs === undefined)
        return undefined;
    const { token, apiUrl, owner, repo, create, notes } = inputs;
    const common = { token, apiUrl, owner, repo, create, notes };
    if (config.ref.startsWith(TAG_PREFIX)) {
        const tag = config.ref.slice(TAG_PREFIX.length);
        return {
            ...common,
            tag,
            prerelease: /^v?\d+\.\d+\.\d+-/.test(tag),
            replaceAssets: false,
            targetCommitish: undefined,
        };
    }
    return {
        ...common,
        tag: inputs.devRelease,
        prerelease: true,
        replaceAssets: true,
        targetCommitish: env.GITHUB_SHA?.trim() || undefined,
    };
}

// EXTERNAL MODULE: ./lib/action/validate/find-packages.js
var find_packages = __webpack_require__(75106);
;// CONCATENATED MODULE: ./lib/action/wiring.js





/**
 * Builds the adapters a configuration asks for, once, at start-up: the image side only when there are
 * images (each driver's code only when chosen), the package host its `package-host` scheme names (the
 * AWS SDK only for `s3://`), and the repository keeper (package readers, OpenPGP only with a key) only
 * for a host that can keep repositories. Each of these is a split chunk of the bundle, so a run loads
 * only the code it uses. `mask` hides a secret in every later log line (core.setSecret on a runner).
 */
async function portsFor(config, logger, mask, workspace) {
    const keyless = keylessOnce(config, mask);
    const location = config.packageHost;
    const [images, packages, provenance, cdn] = await Promise.all([
        config.images.length > 0
            ? Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(492), __webpack_require__.e(135)]).then(__webpack_require__.bind(__webpack_require__, 97135)).then(({ imagePortsFor }) => imagePortsFor(config, logger, mask, workspace, keyless))
            : undefined,
        location?.kind === 'bintray'
            ? __webpack_require__.e(/* import() */ 806).then(__webpack_require__.bind(__webpack_require__, 10806)).then(({ bintrayPortsFor }) => bintrayPortsFor(config, location, logger))
            : config.packageHost
                ? (0,open_host/* openPackageHost */.f)(config.packageHost, { ...config, githubReleaseSettings: gitHubReleaseSettings(config, process.env) }, logger).then((host) => packagePortsFor(host, config))
                : undefined,
        config.provenance && keyless ? provenanceFor(keyless) : undefined,
        config.cloudfront && (config.packagePatterns.length > 0 || keepsHost(config))
            ? cdnFor(config.cloudfront)
            : undefined,
    ]);
    return {
        ...(images ? { images } : {}),
        ...packages,
        ...(provenance ? { provenance } : {}),
        ...(cdn ? { cdn } : {}),
        findFiles: find_packages/* findPackageFiles */.z,
    };
}
/** The CloudFront client (its SDK is a chunk of its own, loaded only with `cloudfront-distribution`). */
async function cdnFor(cloudfront) {
    const { CloudFrontInvalidator } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(169), __webpack_require__.e(868)]).then(__webpack_require__.bind(__webpack_require__, 63868));
    return new CloudFrontInvalidator({
        distribution: cloudfront.distribution,
        ...(cloudfront.endpoint === undefined ? {} : { endpoint: cloudfront.endpoint }),
    });
}
/**
 * The run's keyless signer, made once when image signing or provenance needs it: one ephemeral key and
 * one Fulcio certificate serve both. @sigstore/sign is loaded only then.
 */
function keylessOnce(config, mask) {
    const keyless = config.imageSigning.kind === 'keyless' ? config.imageSigning : config.provenance;
    if (keyless === undefined)
        return undefined;
    let made;
    return () => (made ??= Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(179), __webpack_require__.e(165)]).then(__webpack_require__.bind(__webpack_require__, 48165)).then(({ keylessPayloadSigner }) => keylessPayloadSigner({ ...keyless, mask })));
}
async function provenanceFor(keyless) {
    const [{ runnerContext }, signer] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 85206)),
        keyless(),
    ]);
    return { signer, runner: runnerContext(process.env), tempDir: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)() };
}
/**
 * A package host and, when it can keep them, its repositories. A host that stores flat files only
 * (no `repositoryStore`) gets none: the plan then has no repository step.
 */
async function packagePortsFor(host, config) {
    const repositoryStore = host.repositoryStore?.bind(host);
    if (repositoryStore === undefined) {
        if (keepsHost(config)) {
            throw new errors/* UserError */.y('package-host', `${host.description} keeps no repositories, which mode '${config.mode.kind}' works on`, 'give the directory or s3:// host the packages were published to');
        }
        if (config.signingKey !== undefined) {
            throw new errors/* UserError */.y('signing-key', `is set, but ${host.description} keeps no repositories to sign`, 'remove signing-key, or publish to a host that keeps APT/YUM repositories (a directory or s3://)');
        }
        return { host };
    }
    if (keepsHost(config))
        return { host, maintenance: await maintainerFor(host, repositoryStore, config) };
    if (config.packagePatterns.length === 0)
        return { host };
    const signing = signingOnce(config);
    const [repositories, rpmHeaders] = await Promise.all([
        repositoriesFor(repositoryStore, config, signing),
        config.rpmHeaderSignatures && signing ? rpmHeaderSigningFor(signing) : undefined,
    ]);
    return { host, repositories, ...(rpmHeaders ? { rpmHeaders } : {}) };
}
/** The signing key, read and decrypted once however many parts sign with it (rpm headers, repositories). */
function signingOnce(config) {
    const { signingKey, signingPassphrase } = config;
    if (signingKey === undefined)
        return undefined;
    let loaded;
    return () => (loaded ??= __webpack_require__.e(/* import() */ 995).then(__webpack_require__.bind(__webpack_require__, 82995)).then(({ loadSigning }) => loadSigning(signingKey, signingPassphrase)));
}
/** The signer of rpm headers (`rpm-header-signatures`), its signed copies in the runner's temp. */
async function rpmHeaderSigningFor(signing) {
    const [{ rpmHeaderSigning }, { signer }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(245)]).then(__webpack_require__.bind(__webpack_require__, 13245)),
        signing(),
    ]);
    return rpmHeaderSigning(signer, process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)());
}
async function repositoriesFor(repositoryStore, config, signing) {
    const { DEFAULT_GRACE_MS, RepositoryUpdater } = await Promise.all(/* import() */[__webpack_require__.e(139), __webpack_require__.e(876)]).then(__webpack_require__.bind(__webpack_require__, 40876));
    // Asked after the host's own check, which finds out whether its store keeps conditional writes.
    return new RepositoryUpdater(repositoryStore, {
        loadSigning: signing,
        retention: config.retention,
        date: new Date(),
        graceMs: DEFAULT_GRACE_MS,
    });
}
/** `mode: unpublish` and `mode: resign` work on the host's repositories, with no files of the workspace. */
function keepsHost(config) {
    return config.mode.kind === 'unpublish' || config.mode.kind === 'resign';
}
async function maintainerFor(host, repositoryStore, config) {
    const [{ RepositoryMaintainer }, { DEFAULT_GRACE_MS }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(74), __webpack_require__.e(118), __webpack_require__.e(642), __webpack_require__.e(139), __webpack_require__.e(352), __webpack_require__.e(873)]).then(__webpack_require__.bind(__webpack_require__, 71873)),
        Promise.all(/* import() */[__webpack_require__.e(139), __webpack_require__.e(876)]).then(__webpack_require__.bind(__webpack_require__, 40876)),
    ]);
    const replacePackage = (path, localFile, sha256) => host.put(path, localFile, { sha256, replace: true });
    return new RepositoryMaintainer(replacePackage, repositoryStore, {
        loadSigning: signingOnce(config),
        headerSignatures: config.rpmHeaderSignatures,
        date: new Date(),
        graceMs: DEFAULT_GRACE_MS,
        tempRoot: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
    });
}


/***/ }),

/***/ 42946:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _K: () => (/* binding */ compareDebianVersions),
/* harmony export */   z0: () => (/* binding */ debianVersionProblem)
/* harmony export */ });
/* unused harmony export parseDebianVersion */
/**
 * Why `version` cannot be ordered (the epoch is not a number, the upstream version is empty);
 * undefined when it can. A package's Version is checked with this when it is read, so that the
 * comparisons of an index update never meet a version they cannot order.
 */
function debianVersionProblem(version) {
    const text = version.trim();
    const colon = text.indexOf(':');
    if (colon >= 0 && !/^[0-9]+$/.test(text.slice(0, colon)))
        return 'the epoch is not a number';
    const rest = text.slice(colon + 1);
    const hyphen = rest.lastIndexOf('-');
    if ((hyphen >= 0 ? rest.slice(0, hyphen) : rest) === '')
        return 'the upstream version is empty';
    return undefined;
}
function parseDebianVersion(version) {
    // Versions reach the comparisons checked (debianVersionProblem): one that fails here is a defect.
    const problem = debianVersionProblem(version);
    if (problem !== undefined)
        throw new Error(`Debian version '${version}': ${problem}`);
    const text = version.trim();
    const colon = text.indexOf(':');
    const epoch = colon >= 0 ? Number(text.slice(0, colon)) : 0;
    const rest = text.slice(colon + 1);
    const hyphen = rest.lastIndexOf('-');
    const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
    return { epoch, upstream, revision: hyphen >= 0 ? rest.slice(hyphen + 1) : '' };
}
/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
function compareDebianVersions(a, b) {
    const left = parseDebianVersion(a);
    const right = parseDebianVersion(b);
    if (left.epoch !== right.epoch)
        return left.epoch < right.epoch ? -1 : 1;
    return Math.sign(verrevcmp(left.upstream, right.upstream) || verrevcmp(left.revision, right.revision));
}
const isDigit = (c) => c >= '0' && c <= '9';
const isLetter = (c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
/** dpkg's weight of a non-digit character: `~` before the end of the string, letters before the rest. */
function order(c) {
    if (c === '' || isDigit(c))
        return 0;
    if (isLetter(c))
        return c.charCodeAt(0);
    if (c === '~')
        return -1;
    return c.charCodeAt(0) + 256;
}
/** Alternates non-digit runs (compared by `order`) and digit runs (compared as numbers). */
function verrevcmp(a, b) {
    let i = 0;
    let j = 0;
    const at = (s, k) => s.charAt(k);
    while (i < a.length || j < b.length) {
        while ((i < a.length && !isDigit(at(a, i))) || (j < b.length && !isDigit(at(b, j)))) {
            const difference = order(at(a, i)) - order(at(b, j));
            if (difference !== 0)
                return difference;
            i++;
            j++;
        }
        while (at(a, i) === '0')
            i++;
        while (at(b, j) === '0')
            j++;
        let firstDifference = 0;
        while (isDigit(at(a, i)) && isDigit(at(b, j))) {
            if (firstDifference === 0)
                firstDifference = a.charCodeAt(i) - b.charCodeAt(j);
            i++;
            j++;
        }
        if (isDigit(at(a, i)))
            return 1;
        if (isDigit(at(b, j)))
            return -1;
        if (firstDifference !== 0)
            return firstDifference;
    }
    return 0;
}


/***/ }),

/***/ 75638:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lb: () => (/* binding */ rpmvercmp),
/* harmony export */   XN: () => (/* binding */ evrString),
/* harmony export */   z6: () => (/* binding */ compareEvr)
/* harmony export */ });
/**
 * RPM version order (rpm's rpmvercmp, rpm 4.18): dnf picks the newest package by it, so repodata sorts
 * and prunes by it. Alphanumeric segments are compared one by one, numbers as numbers and newer than
 * letters; `~` sorts before anything (even the end: `1.0~rc1` < `1.0`), `^` after the end but before
 * any further segment (`1.0` < `1.0^git1` < `1.0.1`).
 */
function rpmvercmp(a, b) {
    if (a === b)
        return 0;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        while (i < a.length && isSeparator(a.charAt(i)))
            i++;
        while (j < b.length && isSeparator(b.charAt(j)))
            j++;
        const x = a.charAt(i);
        const y = b.charAt(j);
        if (x === '~' || y === '~') {
            if (x !== '~')
                return 1;
            if (y !== '~')
                return -1;
            i++;
            j++;
            continue;
        }
        if (x === '^' || y === '^') {
            if (x === '')
                return -1;
            if (y === '')
                return 1;
            if (x !== '^')
                return 1;
            if (y !== '^')
                return -1;
            i++;
            j++;
            continue;
        }
        if (x === '' || y === '')
            break;
        const numeric = isDigit(x);
        const inSegment = numeric ? isDigit : isLetter;
        let iEnd = i;
        let jEnd = j;
        while (iEnd < a.length && inSegment(a.charAt(iEnd)))
            iEnd++;
        while (jEnd < b.length && inSegment(b.charAt(jEnd)))
            jEnd++;
        // Segments of different kinds: the numeric one is newer.
        if (jEnd === j)
            return numeric ? 1 : -1;
        let one = a.slice(i, iEnd);
        let two = b.slice(j, jEnd);
        if (numeric) {
            one = one.replace(/^0+/, '');
            two = two.replace(/^0+/, '');
            if (one.length !== two.length)
                return one.length > two.length ? 1 : -1;
        }
        if (one !== two)
            return one < two ? -1 : 1;
        i = iEnd;
        j = jEnd;
    }
    if (i >= a.length && j >= b.length)
        return 0;
    return i >= a.length ? -1 : 1;
}
/** Epoch as a number, then version, then release. */
function compareEvr(a, b) {
    const epochs = Number(a.epoch || '0') - Number(b.epoch || '0');
    if (epochs !== 0)
        return Math.sign(epochs);
    return rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}
/** `[epoch:]version-release`, the epoch shown only when not 0, as `rpm -q --qf '%{EVR}'` does. */
function evrString(evr) {
    const epoch = evr.epoch && evr.epoch !== '0' ? `${evr.epoch}:` : '';
    return `${epoch}${evr.version}-${evr.release}`;
}
const isDigit = (c) => c >= '0' && c <= '9';
const isLetter = (c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
const isSeparator = (c) => !isDigit(c) && !isLetter(c) && c !== '~' && c !== '^';


/***/ }),

/***/ 35508:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ openPackageHost)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/util/errno.js
var errno = __webpack_require__(85980);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/stores/directory-errors.js


const ELSEWHERE = 'or point package-host at another directory';
/** Filesystem refusals the user can fix, by errno code: what went wrong, and what to do. */
const USER_FIXABLE = {
    EACCES: {
        problem: 'permission denied',
        remedy: `let the user the action runs as read and write the package-host directory, ${ELSEWHERE}`,
    },
    EPERM: {
        problem: 'the operation is not permitted',
        remedy: `let the user the action runs as read and write the package-host directory, ${ELSEWHERE}`,
    },
    EROFS: {
        problem: 'the filesystem is read-only',
        remedy: 'mount it writable, or point package-host at a directory on a writable filesystem',
    },
    ENOTDIR: {
        problem: 'a part of the path is a file where a directory is needed',
        remedy: `move that file out of the way, ${ELSEWHERE}`,
    },
    EISDIR: {
        problem: 'it is a directory where a file is needed',
        remedy: `move that directory out of the way, ${ELSEWHERE}`,
    },
    ENOSPC: {
        problem: 'no space is left on the device',
        remedy: 'free space on that filesystem, or point package-host at one with room',
    },
    EDQUOT: {
        problem: 'the disk quota is used up',
        remedy: 'free space or raise the quota, or point package-host at a filesystem with room',
    },
};
/**
 * Turns a filesystem refusal the user can fix (permissions, a read-only mount, a file where a
 * directory belongs, a full disk) into one line naming package-host and the path; undefined for
 * anything else, which stays the error it is.
 */
function directoryUserError(error, action, path) {
    const code = (0,errno/* errnoCode */.UK)(error);
    return code === undefined ? undefined : refusal(code, action, path);
}
/**
 * The error of `mkdir -p`: it answers EEXIST when the directory's own name is taken by a file, which
 * is the ENOTDIR case, and ENOTDIR when an ancestor is a file.
 */
function mkdirUserError(error, path) {
    return (0,errno/* hasErrnoCode */.qk)(error, 'EEXIST')
        ? refusal('ENOTDIR', 'write', path)
        : directoryUserError(error, 'write', path);
}
function refusal(code, action, path) {
    const fixable = Object.hasOwn(USER_FIXABLE, code) ? USER_FIXABLE[code] : undefined;
    if (fixable === undefined)
        return undefined;
    return new errors/* UserError */.y('package-host', `cannot ${action} ${path}: ${fixable.problem} (${code})`, fixable.remedy);
}

;// CONCATENATED MODULE: ./lib/stores/directory-listing.js



/**
 * Every file of the store under `prefix`, sorted by key. Only the directory the prefix names (or lies
 * in) is walked, not the whole tree; `pathOf` gives a key's path under `root`.
 */
async function listDirectory(root, prefix, pathOf) {
    const found = [];
    const start = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const walk = async (relative) => {
        const directory = relative === '' ? root : pathOf(relative);
        let names;
        try {
            names = await (0,promises_.readdir)(directory);
        }
        catch (error) {
            if ((0,errno/* isNotFound */.c4)(error) || (0,errno/* hasErrnoCode */.qk)(error, 'ENOTDIR'))
                return;
            throw directoryUserError(error, 'list', directory) ?? error;
        }
        for (const name of names) {
            // Temporary and lock files (dot names) are this store's own, never objects.
            if (name.startsWith('.'))
                continue;
            const key = relative === '' ? name : `${relative}/${name}`;
            if (!key.startsWith(prefix) && !prefix.startsWith(`${key}/`))
                continue;
            const info = await (0,promises_.stat)(pathOf(key)).catch(() => undefined);
            if (info?.isDirectory())
                await walk(key);
            else if (info?.isFile() && key.startsWith(prefix)) {
                found.push({ key, lastModified: info.mtime });
            }
        }
    };
    await walk(start);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// EXTERNAL MODULE: ./lib/util/sha256-file.js
var sha256_file = __webpack_require__(64292);
// EXTERNAL MODULE: ./lib/util/sha256-hex.js
var sha256_hex = __webpack_require__(31385);
;// CONCATENATED MODULE: ./lib/stores/directory-reads.js





// A DirectoryStore's reads of the file at `path`: a missing file is undefined, a refusal the user can
// fix a UserError. The ETag, and the `sha256` metadata, is the sha256 of the content.
async function headFile(path) {
    try {
        const [info, etag] = await Promise.all([(0,promises_.stat)(path), (0,sha256_file/* sha256File */.Q)(path)]);
        return { etag, size: info.size, metadata: { sha256: etag } };
    }
    catch (error) {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw directoryUserError(error, 'read', path) ?? error;
    }
}
async function getFile(path) {
    try {
        const bytes = await (0,promises_.readFile)(path);
        const etag = (0,sha256_hex/* sha256Hex */.f)(bytes);
        return { bytes, info: { etag, size: bytes.byteLength, metadata: { sha256: etag } } };
    }
    catch (error) {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw directoryUserError(error, 'read', path) ?? error;
    }
}
async function openFile(path) {
    // Opened before the stream exists, so a missing file is `undefined` here, not a stream error later.
    try {
        const handle = await (0,promises_.open)(path, 'r');
        // The handle's own stream closes the handle: a stream over its bare fd would close the fd while the
        // FileHandle still owned it, and the handle's collection would later close that number again, by
        // then perhaps another file's.
        return handle.createReadStream({ autoClose: true });
    }
    catch (error) {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw directoryUserError(error, 'read', path) ?? error;
    }
}

// EXTERNAL MODULE: ./lib/util/atomic-file.js
var atomic_file = __webpack_require__(13854);
// EXTERNAL MODULE: ./lib/util/progress.js
var util_progress = __webpack_require__(46189);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./lib/stores/counted-copy.js


/** Bytes per read and write of a counted copy: few steps, and one buffer of this size per copy. */
const COPY_CHUNK_BYTES = 1024 * 1024;
/**
 * Copies a local file into `out` (to its end, as copyFile does), telling `progress` of each step once
 * it is written. One buffer serves the whole copy: it is filled again only after the write of its
 * previous bytes has called back.
 */
function countedCopy(file, progress) {
    return async (out) => {
        // A failed write reports to its callback; without a listener the 'error' it also emits would throw.
        out.on('error', () => undefined);
        const handle = await (0,promises_.open)(file, 'r');
        try {
            const buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
            for (;;) {
                const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
                if (bytesRead === 0)
                    break;
                const bytes = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
                await new Promise((resolve, reject) => {
                    out.write(bytes, (error) => (error ? reject(error) : resolve()));
                });
                progress.advance(bytesRead);
            }
        }
        finally {
            await handle.close();
        }
        out.end();
        await (0,external_node_stream_promises_.finished)(out);
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/util/retry.js
var retry = __webpack_require__(89294);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/stores/lock-owner.js



/** A new owner: this process, with a token no other lock has. */
function newOwner() {
    return { token: (0,external_node_crypto_.randomUUID)(), pid: process.pid, hostname: (0,external_node_os_.hostname)() };
}
function ownerText(owner) {
    return `${JSON.stringify(owner)}\n`;
}
/** The owner a lock file names; undefined when it names none (empty: its writer died creating it). */
function parseOwner(text) {
    try {
        const value = JSON.parse(text);
        if (typeof value !== 'object' || value === null)
            return undefined;
        const { token, pid, hostname: host } = value;
        if (typeof token !== 'string' || typeof pid !== 'number' || typeof host !== 'string')
            return undefined;
        return { token, pid, hostname: host };
    }
    catch {
        return undefined;
    }
}
/**
 * The mark a process puts in the names of its temporary files, `<pid>@<hostname>`, so that a later run
 * can tell the files of a writer that was killed from those of one still writing.
 */
function processTag() {
    return `${process.pid}@${(0,external_node_os_.hostname)()}`;
}
/** The process a tag names. */
function parseTag(tag) {
    const match = /^(\d+)@(.+)$/.exec(tag);
    return match ? { pid: Number(match[1]), hostname: match[2] ?? '' } : undefined;
}
/**
 * True when the process is known to be gone: it ran on this host, and no process has its pid. A
 * process of another host cannot be asked, so it is never known dead.
 */
function isDeadHere(writer) {
    if (writer.hostname !== (0,external_node_os_.hostname)())
        return false;
    try {
        process.kill(writer.pid, 0);
        return false;
    }
    catch (error) {
        // EPERM: a process has that pid, it is only not ours to signal.
        return (0,errno/* hasErrnoCode */.qk)(error, 'ESRCH');
    }
}

;// CONCATENATED MODULE: ./lib/stores/file-lock.js







const DEFAULT_TIMING = { staleAfterMs: 30_000, giveUpAfterMs: 120_000, baseMs: 10, maxMs: 200 };
/**
 * Runs `work` holding `.<name>.lock` beside `path`. The lock file is created with O_EXCL, which is
 * atomic on a local filesystem: of writers racing for it, exactly one wins; the others wait and retry.
 * It names its owner (a token, the pid, the host): only the owner removes it, and a lock whose process
 * is gone from this host is taken over at once, as is one of another host older than the stale limit.
 */
async function withFileLock(path, work, timing = DEFAULT_TIMING) {
    const lock = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.lock`);
    const owner = newOwner();
    const started = Date.now();
    for (let attempt = 0; !(await create(lock, owner)); attempt++) {
        const held = await readLock(lock);
        if (held === undefined)
            continue; // released since: try again at once
        if (isStale(held, timing)) {
            await breakLock(lock, held, timing);
            continue;
        }
        if (Date.now() - started > timing.giveUpAfterMs)
            throw heldTooLong(lock, timing);
        // Jittered, growing waits: writers that collided do not collide again in step.
        await (0,retry/* realSleep */.uk)((0,retry/* backoffDelay */.EY)(attempt, timing.baseMs, timing.maxMs));
    }
    try {
        return await work();
    }
    finally {
        // A lock broken as stale while we worked is someone else's now: it stays.
        await underGuard(lock, timing, async () => {
            if ((await readLock(lock))?.owner?.token === owner.token)
                await (0,promises_.rm)(lock, { force: true });
        });
    }
}
/** Takes over the lock if its owner is a process gone from this host (a writer killed holding it). */
async function breakIfOwnerDead(lock, timing = DEFAULT_TIMING) {
    const held = await readLock(lock);
    if (held?.owner !== undefined && isDeadHere(held.owner))
        await breakLock(lock, held, timing);
}
function isStale(held, timing) {
    // A process of this host can be asked: alive, it will release its lock; gone, it never will.
    if (held.owner !== undefined && held.owner.hostname === (0,external_node_os_.hostname)())
        return isDeadHere(held.owner);
    // Of another host, or nameless (its writer died between creating and filling it): by its age.
    return Date.now() - held.mtimeMs > timing.staleAfterMs;
}
/**
 * Removes the lock judged stale, and only it: under `.<lock>.break`, so that of waiters that all judged
 * it stale one removes it and the others find the lock the winner took since, which they leave alone.
 */
async function breakLock(lock, judged, timing) {
    await underGuard(lock, timing, async () => {
        if ((await readLock(lock))?.identity === judged.identity)
            await (0,promises_.rm)(lock, { force: true });
    });
}
/** Runs `work` holding the lock's guard, which is held for a read and a remove, never longer. */
async function underGuard(lock, timing, work) {
    const guard = `${lock}.break`;
    const started = Date.now();
    for (let attempt = 0; !(await create(guard, newOwner())); attempt++) {
        const held = await readLock(guard);
        // A guard this old, or of a process gone from this host, was left by a writer killed holding it.
        if (held !== undefined && (isStale(held, timing) || Date.now() - held.mtimeMs > timing.staleAfterMs)) {
            await (0,promises_.rm)(guard, { force: true });
        }
        else if (Date.now() - started > timing.giveUpAfterMs) {
            throw heldTooLong(guard, timing);
        }
        else
            await (0,retry/* realSleep */.uk)((0,retry/* backoffDelay */.EY)(attempt, 1, 20));
    }
    try {
        await work();
    }
    finally {
        await (0,promises_.rm)(guard, { force: true });
    }
}
/** Creates the file with its owner in it, or returns false when it exists. */
async function create(path, owner) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'wx');
    }
    catch (error) {
        if ((0,errno/* hasErrnoCode */.qk)(error, 'EEXIST'))
            return false;
        throw error;
    }
    try {
        await handle.writeFile(ownerText(owner));
    }
    catch (error) {
        await handle.close();
        await (0,promises_.rm)(path, { force: true });
        throw error;
    }
    await handle.close();
    return true;
}
async function readLock(path) {
    try {
        const [text, info] = await Promise.all([(0,promises_.readFile)(path, 'utf8'), (0,promises_.stat)(path)]);
        return {
            owner: parseOwner(text),
            identity: `${info.ino}:${info.mtimeMs}:${text}`,
            mtimeMs: info.mtimeMs,
        };
    }
    catch (error) {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
function heldTooLong(lock, timing) {
    return new errors/* UserError */.y('package-host', `the lock ${lock} has been held for over ${timing.giveUpAfterMs / 1000} s`, 'remove it if no other publisher is running, then run again');
}

;// CONCATENATED MODULE: ./lib/stores/dead-writers.js





/** A staged file a writer tagged with its process: `.<name>.<pid>@<host>.<uuid>.tmp`. */
const TAGGED_TEMP = /\.(\d+@[^/]+)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;
/**
 * Removes what writers killed on this host left in the directory: files they staged but never renamed
 * in, the locks they held and the guards of those. What a live writer (or one of another host, which
 * cannot be asked) is doing is left alone.
 */
async function sweepDeadWriters(directory) {
    let names;
    try {
        names = await (0,promises_.readdir)(directory);
    }
    catch (error) {
        if ((0,errno/* isNotFound */.c4)(error))
            return;
        throw error;
    }
    for (const name of names.filter((found) => found.startsWith('.'))) {
        const path = (0,external_node_path_.join)(directory, name);
        const tag = TAGGED_TEMP.exec(name)?.[1];
        const writer = tag === undefined ? undefined : parseTag(tag);
        if (writer !== undefined) {
            if (isDeadHere(writer))
                await (0,promises_.rm)(path, { force: true });
        }
        else if (name.endsWith('.lock')) {
            await breakIfOwnerDead(path);
        }
        else if (name.endsWith('.lock.break')) {
            const owner = parseOwner(await (0,promises_.readFile)(path, 'utf8').catch(() => ''));
            if (owner !== undefined && isDeadHere(owner))
                await (0,promises_.rm)(path, { force: true });
        }
    }
}

// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
;// CONCATENATED MODULE: ./lib/stores/directory-writes.js














/**
 * Writes the object `key` to the file at `path`, creating its directory; returns the new ETag. A file
 * over 64 MiB is copied in counted steps, its progress told through `progress`.
 */
async function putFile(key, path, body, options, progress) {
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    }
    catch (error) {
        throw mkdirUserError(error, (0,external_node_path_.dirname)(path)) ?? error;
    }
    try {
        return await write(key, path, body, options, progress);
    }
    catch (error) {
        throw directoryUserError(error, 'write', path) ?? error;
    }
}
/** Removes the file, under its lock so that no conditional writer has it replaced mid-compare. */
async function deleteFile(path) {
    try {
        await withFileLock(path, async () => {
            await sweepDeadWriters((0,external_node_path_.dirname)(path));
            await (0,promises_.rm)(path, { force: true });
        });
    }
    catch (error) {
        throw directoryUserError(error, 'delete', path) ?? error;
    }
}
/**
 * The new content is staged beside the key first, outside the lock, so the lock is held only for
 * the compare and the rename, whatever the object's size. The staged file's name says which process
 * wrote it: under the lock, what killed writers left in the directory is removed.
 */
async function write(key, path, body, options, reporting) {
    const counted = !Buffer.isBuffer(body) && (0,util_progress/* reportsProgress */.LI)(reporting, body.size);
    const progress = counted ? (0,util_progress/* startProgress */.ot)(reporting, key, body.size) : undefined;
    // Counted only when there is progress to tell: otherwise copyFile, which may copy in the kernel.
    const content = Buffer.isBuffer(body) || progress === undefined ? body : countedCopy(body.file, progress);
    const staged = await (0,atomic_file/* stageFile */.H)(path, content, (0,external_node_path_.dirname)(path), processTag());
    try {
        const etag = Buffer.isBuffer(body) ? (0,sha256_hex/* sha256Hex */.f)(body) : await (0,sha256_file/* sha256File */.Q)(staged.temp);
        const announced = options.metadata?.['sha256'];
        if (announced !== undefined && announced !== etag)
            throw notWhatWasAnnounced(key, body);
        // Unconditional writes take the lock too: a conditional writer between its check and its rename
        // must not have the file replaced under it.
        await withFileLock(path, async () => {
            await sweepDeadWriters((0,external_node_path_.dirname)(path));
            if (options.ifMatch !== undefined || options.ifNoneMatch) {
                const current = await headFile(path);
                if (options.ifNoneMatch && current !== undefined) {
                    throw new object_store/* PreconditionFailed */.OJ(`${key} exists already`);
                }
                if (options.ifMatch !== undefined && current?.etag !== options.ifMatch) {
                    throw new object_store/* PreconditionFailed */.OJ(`${key} changed since it was read`);
                }
            }
            await staged.commit();
        });
        progress?.finish();
        return etag;
    }
    finally {
        await staged.discard();
    }
}
/**
 * The copy's sha256 is not the one the caller announced: a local file (a package) that changed since
 * it was hashed for the plan, which would publish other bytes than the ones planned and signed.
 */
function notWhatWasAnnounced(key, body) {
    if (Buffer.isBuffer(body))
        return new Error(`${key}: the sha256 metadata is not the sha256 of the content`);
    return new errors/* UserError */.y(body.file, 'changed while it was being published (its sha256 is no longer the one planned); nothing was written', 'make sure nothing rewrites the package files while the action runs, then run it again');
}

;// CONCATENATED MODULE: ./lib/stores/directory-store.js




/**
 * A directory as an object store, with the compare-and-swap an S3 bucket gives: every write takes a
 * lock file beside its key (created with O_EXCL, which is atomic on a local filesystem), compares the
 * current content with the condition, then renames the new file in. The ETag is the sha256 of the
 * content, so an object rewritten with the same bytes keeps its ETag, as on S3; so is the `sha256`
 * metadata, which is why a put whose `sha256` metadata is not its content's is refused.
 */
class DirectoryStore {
    progress;
    description;
    /** O_EXCL locks and renames on one filesystem: conditional writes that cannot be missing. */
    conditionalWritesGuaranteed = true;
    root;
    constructor(root, 
    /** Where the progress of files over 64 MiB is told; nowhere when absent. */
    progress) {
        this.progress = progress;
        // Normalized once, so `/srv//packages` and `/srv/./packages` compare equal to the paths under them.
        this.root = (0,external_node_path_.resolve)(root);
        this.description = `directory ${this.root}`;
    }
    async head(key) {
        return headFile(this.pathOf(key));
    }
    async get(key) {
        return getFile(this.pathOf(key));
    }
    async open(key) {
        return openFile(this.pathOf(key));
    }
    async put(key, body, options = {}) {
        return putFile(key, this.pathOf(key), body, options, this.progress);
    }
    async delete(key) {
        return deleteFile(this.pathOf(key));
    }
    async list(prefix) {
        return (await this.entries(prefix)).map((entry) => entry.key);
    }
    async entries(prefix) {
        return listDirectory(this.root, prefix, (key) => this.pathOf(key));
    }
    pathOf(key) {
        const path = (0,external_node_path_.join)(this.root, key);
        const inside = this.root.endsWith(external_node_path_.sep) ? this.root : this.root + external_node_path_.sep;
        if (key === '' || !path.startsWith(inside))
            throw new Error(`${key} is not a key inside ${this.root}`);
        return path;
    }
}

// EXTERNAL MODULE: ./lib/util/basic-auth.js
var basic_auth = __webpack_require__(23237);
;// CONCATENATED MODULE: ./lib/hosts/host-credentials.js

/** The `Authorization` header value of the credentials (masked in logs as a whole by the entry point). */
function authorizationOf(credentials) {
    return credentials.kind === 'basic'
        ? `Basic ${(0,basic_auth/* basicAuthValue */.y)(credentials.username, credentials.password)}`
        : `Bearer ${credentials.token}`;
}
/** The inputs the credentials came from, for messages that tell the user which ones to fix. */
function credentialInputsOf(credentials) {
    if (credentials === undefined)
        return 'package-host-username / package-host-password or package-host-token';
    return credentials.kind === 'basic'
        ? 'package-host-username / package-host-password'
        : 'package-host-token';
}

// EXTERNAL MODULE: ./lib/hosts/store-host.js
var store_host = __webpack_require__(21357);
;// CONCATENATED MODULE: ./lib/hosts/open-host.js



/**
 * The one place that maps a `package-host` location to its adapter. The S3 store's code (the AWS SDK,
 * over a megabyte) is imported only for an `s3://` location, the HTTP store's (got) only for an
 * `http(s)://` one, the Bintray client only for `bintray://`: the bundle splits each into a chunk of its
 * own, which runs that publish elsewhere never load. Packages over 64 MiB tell their progress through
 * `logger`.
 */
async function openPackageHost(location, options, logger) {
    const progress = logger === undefined ? undefined : { logger };
    switch (location.kind) {
        case 'directory':
            return new store_host/* StoreHost */.C(new DirectoryStore(location.path, progress), options.serialized);
        case 's3': {
            const { S3Store } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711), __webpack_require__.e(520)]).then(__webpack_require__.bind(__webpack_require__, 2520));
            return new store_host/* StoreHost */.C(new S3Store({
                bucket: location.bucket,
                prefix: location.prefix,
                ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}),
                ...(options.s3Region ? { region: options.s3Region } : {}),
                progress,
            }), options.serialized);
        }
        case 'http': {
            const [{ HttpStore }, { HttpHost }] = await Promise.all([
                Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(492), __webpack_require__.e(28)]).then(__webpack_require__.bind(__webpack_require__, 33028)),
                __webpack_require__.e(/* import() */ 822).then(__webpack_require__.bind(__webpack_require__, 14822)),
            ]);
            const credentials = options.packageHostCredentials;
            const store = new HttpStore({
                baseUrl: location.url,
                ...(credentials === undefined ? {} : { authorization: authorizationOf(credentials) }),
                credentialInputs: credentialInputsOf(credentials),
                progress,
            });
            return new HttpHost(store, options.serialized);
        }
        case 'bintray': {
            if (options.bintrayHost === undefined)
                throw new Error('a bintray:// host needs its inputs');
            const [{ BintrayApi }, { BintrayHost }] = await Promise.all([
                Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(492), __webpack_require__.e(765)]).then(__webpack_require__.bind(__webpack_require__, 23765)),
                Promise.all(/* import() */[__webpack_require__.e(203), __webpack_require__.e(492), __webpack_require__.e(428)]).then(__webpack_require__.bind(__webpack_require__, 3428)),
            ]);
            const api = new BintrayApi({ ...options.bintrayHost, ...(logger ? { logger } : {}) });
            return new BintrayHost(location.subject, api, { ...options.bintrayHost, progress });
        }
        case 'github-release': {
            // Octokit and its plugins are a chunk of their own too.
            const settings = options.githubReleaseSettings;
            if (settings === undefined)
                throw new Error('package-host: github-release needs its settings');
            const { GitHubReleaseHost } = await Promise.all(/* import() */[__webpack_require__.e(930), __webpack_require__.e(277)]).then(__webpack_require__.bind(__webpack_require__, 89277));
            return new GitHubReleaseHost({ settings, ...(logger ? { logger } : {}), progress });
        }
    }
}


/***/ }),

/***/ 21357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ StoreHost)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89294);
/* harmony import */ var _stores_object_store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56519);






const CONTENT_TYPES = {
    deb: 'application/vnd.debian.binary-package',
    rpm: 'application/x-rpm',
    gz: 'application/gzip',
};
/** A key no publisher writes: a conditional write to it tells whether the store has them, and writes nothing. */
const PROBE_KEY = '.falco-publisher/conditional-write-probe';
/** Writes of one package that failed without landing before the store is given up on. */
const PUT_ATTEMPTS = 4;
/**
 * Packages on an object store (a directory, an S3 bucket), laid out like Falco's download server. The
 * sha256 travels as object metadata, so "already published?" is one HEAD, not a download; a new
 * package is created with `If-None-Match: *`, so two publishers racing for one name cannot overwrite
 * each other. The store checks the sha256 where it can (a directory hashes what it copied), so a local
 * file that changed since it was planned is not published.
 */
class StoreHost {
    store;
    serialized;
    description;
    conditional = true;
    constructor(store, 
    /** The workflow already serializes publishers (a `concurrency:` group): no conditional writes needed. */
    serialized) {
        this.store = store;
        this.serialized = serialized;
        this.description = store.description;
    }
    /**
     * Before anything is published: a store without conditional writes (Swift answers 501) cannot keep
     * concurrent publishers apart, so it is refused unless the workflow serializes them. A store whose
     * conditional writes cannot be missing (a directory) is not probed.
     */
    async check() {
        if (this.store.conditionalWritesGuaranteed === true)
            return;
        try {
            await this.store.put(PROBE_KEY, Buffer.alloc(0), { ifMatch: 'no-object-has-this-etag' });
            // The write went through: the store ignores conditions, which is as bad as refusing them.
            await this.store.delete(PROBE_KEY);
        }
        catch (error) {
            if (error instanceof _stores_object_store_js__WEBPACK_IMPORTED_MODULE_5__/* .PreconditionFailed */ .OJ)
                return; // refused as it should be: conditions work
            if (error instanceof _stores_object_store_js__WEBPACK_IMPORTED_MODULE_5__/* .WriteOutcomeUnknown */ .cE) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('package-host', `the check of conditional writes failed: ${error.message}`, 'run again');
            }
            if (!(error instanceof _stores_object_store_js__WEBPACK_IMPORTED_MODULE_5__/* .ConditionalWritesUnsupported */ .qR))
                throw error;
        }
        if (!this.serialized) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y('package-host', `${this.store.description} does not support conditional writes (If-None-Match / If-Match), so two publishers at once could overwrite each other`, 'run publishers one at a time with a workflow `concurrency:` group, then set serialized: true');
        }
        this.conditional = false;
    }
    repositoryStore() {
        return { store: this.store, conditional: this.conditional };
    }
    async existing(path) {
        const info = await this.store.head(path);
        if (info === undefined)
            return undefined;
        const recorded = info.metadata['sha256'];
        if (recorded !== undefined && /^[a-f0-9]{64}$/.test(recorded))
            return recorded;
        // Uploaded by another tool, without our metadata: read it once to know what it is.
        const body = await this.store.open(path);
        if (body === undefined)
            return undefined;
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(body, hash);
        return hash.digest('hex');
    }
    /**
     * A store that keeps conditional writes gets a new package as one create-only PUT, checked against
     * its whole sha256; only a store without them (Swift, serialized) takes it in parts.
     */
    uploadPartSize(size) {
        return this.conditional ? undefined : this.store.uploadPartSize?.(size);
    }
    async put(path, localFile, options) {
        const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(localFile);
        const extension = path.slice(path.lastIndexOf('.') + 1);
        const createOnly = !options.replace && this.conditional;
        for (let attempt = 1;; attempt++) {
            try {
                await this.store.put(path, { file: localFile, size, parts: options.parts }, {
                    ...(createOnly ? { ifNoneMatch: true } : {}),
                    metadata: { sha256: options.sha256 },
                    cacheControl: _stores_object_store_js__WEBPACK_IMPORTED_MODULE_5__/* .IMMUTABLE */ .hb,
                    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
                });
                return;
            }
            catch (error) {
                if (!(error instanceof _stores_object_store_js__WEBPACK_IMPORTED_MODULE_5__/* .PreconditionFailed */ .OJ || error instanceof _stores_object_store_js__WEBPACK_IMPORTED_MODULE_5__/* .WriteOutcomeUnknown */ .cE))
                    throw error;
                // Someone published this name since the plan was made (fine if it is the same package), or the
                // store's answer left open whether our write landed (a 500, a broken connection): look.
                const there = await this.existing(path);
                if (there === options.sha256)
                    return;
                if (there !== undefined) {
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`packages: ${path}`, 'was published with different content by someone else meanwhile', 'publish a new version, or set overwrite: true');
                }
                // Not there: the write did not land; write it again, a few times.
                if (attempt >= PUT_ATTEMPTS)
                    throw error;
                await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .realSleep */ .uk)((0,_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .backoffDelay */ .EY)(attempt, 200, 2_000));
            }
        }
    }
}


/***/ }),

/***/ 31906:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A$: () => (/* binding */ LAYOUT_PREFIX),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   je: () => (/* binding */ targetName),
/* harmony export */   rA: () => (/* binding */ imageReference)
/* harmony export */ });
/** `registry: oci-layout:<dir>` and `oci-layout:<dir>[:<ref>]` sources: an OCI image layout on disk. */
const LAYOUT_PREFIX = 'oci-layout:';
/** The target as the `registry` input writes it: `docker.io`, or `oci-layout:/abs/dir`. */
function targetName(target) {
    return target.kind === 'registry' ? target.host : `${LAYOUT_PREFIX}${target.dir}`;
}
/** A registry host as a target (mirrors, and tests). */
const registryHost = (host) => ({ kind: 'registry', host });
/**
 * Full reference as the registry and docker see it: `docker.io/falcosecurity/falco:0.26.0`; in an OCI
 * layout, as skopeo names it: `oci-layout:/dir:falcosecurity/falco:0.26.0` (`oci:/dir:…` for skopeo).
 */
function imageReference(target, repository, tag) {
    return target.kind === 'registry'
        ? `${target.host}/${repository}:${tag}`
        : `${targetName(target)}:${repository}:${tag}`;
}


/***/ }),

/***/ 24728:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ parseSource)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);


const FORMS = 'docker://<registry>/<name>:<tag>, docker://<registry>/<name>@sha256:<hex>, oci-layout:<dir>[:<ref>] or docker-archive:<file.tar>, several joined by + into one multi-arch image';
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
/**
 * Parses a registry-driver source: one part, or several joined by `+` (each a single-architecture image,
 * assembled into one index). Relative paths are taken from the workspace.
 */
function parseSource(source, workspace) {
    return source.split('+').map((part) => parsePart(part, source, workspace));
}
function parsePart(part, source, workspace) {
    const fail = (problem) => {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`images: ${source}`, problem, `write ${FORMS}`);
    };
    const path = (value) => ((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(value) ? value : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, value));
    if (part.startsWith('docker://')) {
        const rest = part.slice('docker://'.length);
        const slash = rest.indexOf('/');
        if (slash <= 0)
            return fail(`'${part}' names no registry and repository`);
        const registry = rest.slice(0, slash);
        const name = rest.slice(slash + 1);
        const at = name.indexOf('@');
        if (at >= 0) {
            const digest = name.slice(at + 1);
            if (!DIGEST.test(digest))
                return fail(`'${digest}' is not a sha256 digest`);
            return { kind: 'remote', registry, repository: name.slice(0, at), reference: digest };
        }
        const colon = name.lastIndexOf(':');
        if (colon <= 0 || name.slice(colon + 1).includes('/'))
            return fail(`'${part}' names no tag or digest`);
        const tag = name.slice(colon + 1);
        if (!TAG.test(tag))
            return fail(`'${tag}' is not an image tag`);
        return { kind: 'remote', registry, repository: name.slice(0, colon), reference: tag };
    }
    if (part.startsWith('oci-layout:')) {
        const rest = part.slice('oci-layout:'.length);
        // `dir:ref`: a ref never holds a `/`, so a last `:` followed by one is part of the path.
        const colon = rest.lastIndexOf(':');
        const hasRef = colon > 0 && !rest.slice(colon + 1).includes('/');
        const dir = hasRef ? rest.slice(0, colon) : rest;
        if (dir === '')
            return fail(`'${part}' names no directory`);
        return { kind: 'oci-layout', dir: path(dir), ref: hasRef ? rest.slice(colon + 1) : undefined };
    }
    if (part.startsWith('docker-archive:')) {
        const file = part.slice('docker-archive:'.length);
        if (file === '')
            return fail(`'${part}' names no file`);
        return { kind: 'docker-archive', file: path(file) };
    }
    return fail(`'${part}' is not a source the registry driver reads`);
}


/***/ }),

/***/ 89530:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ parseRetention),
/* harmony export */   Dg: () => (/* binding */ limitFor),
/* harmony export */   XW: () => (/* binding */ describeLimit),
/* harmony export */   xh: () => (/* binding */ DEFAULT_RETENTION),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** Binary units only: a size written in decimal units (GB) would be off by 7 % at GiB scale. */
const UNITS = { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };
/** Falco's practice: deb-dev and rpm-dev capped at 10 GiB each, oldest first out; bin-dev never pruned. */
const DEFAULT_RETENTION = {
    deb: { bytes: 10 * UNITS.GiB },
    rpm: { bytes: 10 * UNITS.GiB },
};
const FORM = 'write e.g. deb=10GiB,rpm=10GiB (a total size in KiB, MiB, GiB or TiB), deb=50 (a count of versions), or none; a kind not named is not pruned';
/**
 * Parses `dev-retention`: `none`, or `kind=limit` pairs separated by commas or spaces, each limit a
 * count of versions (`deb=50`) or a total size in binary units (`deb=10GiB`). Empty: the default.
 */
function parseRetention(value) {
    const pairs = value.split(/[\s,]+/).filter(Boolean);
    if (pairs.length === 0)
        return DEFAULT_RETENTION;
    if (pairs.some((pair) => pair.toLowerCase() === 'none')) {
        if (pairs.length > 1) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `'${value.trim()}' mixes none with limits`, FORM);
        }
        return {};
    }
    const retention = {};
    for (const pair of pairs) {
        const match = /^(deb|rpm|bin)=(.*)$/.exec(pair);
        if (!match)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `'${pair}' is not <deb|rpm|bin>=<limit>`, FORM);
        const kind = match[1];
        if (retention[kind] !== undefined) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `names ${kind} twice`, 'give each kind one limit');
        }
        retention[kind] = parseLimit(pair, match[2] ?? '');
    }
    return retention;
}
function parseLimit(pair, text) {
    if (/^\d+$/.test(text)) {
        const versions = Number(text);
        if (versions < 1 || !Number.isSafeInteger(versions)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `'${pair}' keeps no version`, 'keep at least 1');
        }
        return { versions };
    }
    const size = /^(\d+)([KMGT])(i?)B$/i.exec(text);
    if (!size)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `'${pair}' is not <deb|rpm|bin>=<limit>`, FORM);
    const [, digits = '', prefix = '', binary] = size;
    const unit = `${prefix.toUpperCase()}iB`;
    if (binary === '') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `'${pair}' is in decimal units`, `sizes are binary: write ${digits}${unit} (1 ${unit} = ${UNITS[unit]} bytes)`);
    }
    const bytes = Number(digits) * UNITS[unit];
    if (bytes < 1)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `'${pair}' keeps nothing`, 'give at least 1KiB');
    // Sizes are added up as numbers: past 2^53 bytes (8 PiB) they would no longer be exact.
    if (!Number.isSafeInteger(bytes)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('dev-retention', `'${pair}' is too large`, 'give at most 8191TiB');
    }
    return { bytes };
}
/** The limit of a repository: dev trees (`deb-dev`, ...) named in `dev-retention`; stable ones never. */
function limitFor(place, retention) {
    return place.retention === undefined ? undefined : retention[place.retention];
}
/** `the newest 50 versions`, `the newest versions within 10 GiB`: a limit as the plan shows it. */
function describeLimit(limit) {
    if ('versions' in limit)
        return `the newest ${limit.versions} version${limit.versions === 1 ? '' : 's'}`;
    return `the newest versions within ${formatBytes(limit.bytes)}`;
}
/** Bytes in the largest binary unit that divides them exactly (`10 GiB`), else in bytes. */
function formatBytes(bytes) {
    const units = Object.entries(UNITS).reverse();
    const [unit, size] = units.find(([, size]) => bytes % size === 0) ?? ['bytes', 1];
    return `${bytes / size} ${unit}`;
}


/***/ }),

/***/ 9501:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   Hy: () => (/* binding */ algorithmOf),
/* harmony export */   QN: () => (/* binding */ digestBytes),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   m: () => (/* binding */ parseDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);

/**
 * The digest algorithms of OCI descriptors, with the hex length each fixes. Holding a digest to exactly
 * this shape is also what makes it safe as a file name under blobs/: no `/`, no `..`.
 */
const HEX_LENGTHS = { sha256: 64, sha512: 128 };
/** The digest grammar of the distribution spec: any algorithm, any encoding. */
const DIGEST = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function isAlgorithm(name) {
    return Object.hasOwn(HEX_LENGTHS, name);
}
/** `sha256:<64 hex>` or `sha512:<128 hex>` → its parts; undefined for anything else. */
function parseDigest(digest) {
    const match = /^([a-z0-9]+):([a-f0-9]+)$/.exec(digest);
    const algorithm = match?.[1];
    const hex = match?.[2];
    if (algorithm === undefined || hex === undefined || !isAlgorithm(algorithm))
        return undefined;
    return hex.length === HEX_LENGTHS[algorithm] ? { algorithm, hex } : undefined;
}
/** True for a reference that names content (`sha256:…`, or a digest of an algorithm we cannot compute) rather than a tag. */
function isDigest(reference) {
    return DIGEST.test(reference);
}
/** The algorithm of a digest, when it is one we can compute; anything else is refused rather than trusted. */
function algorithmOf(digest) {
    const algorithm = DIGEST.exec(digest)?.[1];
    return algorithm !== undefined && isAlgorithm(algorithm) ? algorithm : undefined;
}
/** The digest of bytes held in memory (manifests, configs): small enough to hash in one go. */
function digestBytes(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** `sha256:` and the first 12 hex digits of a digest, for log lines that need only tell blobs apart. */
function shortDigest(digest) {
    const colon = digest.indexOf(':');
    return digest.length > colon + 13 ? `${digest.slice(0, colon + 13)}…` : digest;
}


/***/ }),

/***/ 73931:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JM: () => (/* binding */ stringRecord),
/* harmony export */   OW: () => (/* binding */ isJsonObject),
/* harmony export */   dw: () => (/* binding */ parseJsonObject)
/* harmony export */ });
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Parses bytes that must hold a JSON object; undefined when they do not (the caller names the file). */
function parseJsonObject(bytes) {
    let value;
    try {
        value = JSON.parse(bytes.toString());
    }
    catch {
        return undefined;
    }
    return isJsonObject(value) ? value : undefined;
}
/** The string fields of an object (annotations, labels); undefined when any value is not a string. */
function stringRecord(value) {
    if (!isJsonObject(value))
        return undefined;
    const record = {};
    for (const [key, field] of Object.entries(value)) {
        if (typeof field !== 'string')
            return undefined;
        record[key] = field;
    }
    return record;
}


/***/ }),

/***/ 10654:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ packagePath),
/* harmony export */   EV: () => (/* binding */ everyRepository),
/* harmony export */   Es: () => (/* binding */ placeOfPath)
/* harmony export */ });
/* unused harmony exports repositoryPlace, placePackage */
/* harmony import */ var _package_name_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52461);

const ROOTS = {
    deb: { format: 'apt', devRetention: 'deb', folder: () => 'stable/' },
    rpm: { format: 'yum', devRetention: 'rpm', folder: () => '' },
    bin: { format: 'bin', devRetention: 'bin', folder: (arch) => `${arch}/` },
    // Falco's wasm tree has no architecture folders: the build runs on any machine.
    wasm: { format: 'bin', devRetention: undefined, folder: () => '' },
};
const DEV_SUFFIX = '-dev';
/** Which root a package goes under: its kind's, except that a wasm tarball has a tree of its own. */
function baseOf(kind, arch) {
    if (kind === 'tar.gz')
        return arch === 'wasm' ? 'wasm' : 'bin';
    return kind;
}
/**
 * The repository of a kind of package in a tree; `arch` matters for a tarball only, where `wasm` has its
 * own repository.
 */
function repositoryPlace(kind, tree, arch) {
    const base = baseOf(kind, arch);
    const { format, devRetention } = ROOTS[base];
    return {
        root: tree === 'dev' ? `${base}${DEV_SUFFIX}` : base,
        kind,
        tree,
        format,
        retention: tree === 'dev' ? devRetention : undefined,
    };
}
/** Where a package goes in a tree. */
function placePackage(tree, pkg) {
    const repository = repositoryPlace(pkg.kind, tree, pkg.arch);
    const relative = `${ROOTS[baseOf(pkg.kind, pkg.arch)].folder(pkg.arch)}${pkg.fileName}`;
    return {
        ...repository,
        path: `${repository.root}/${relative}`,
        relative,
        package: pkg,
    };
}
/** The host path of a package in a tree: `deb/stable/falco-0.26.0-x86_64.deb`. */
function packagePath(tree, pkg) {
    return placePackage(tree, pkg).path;
}
/**
 * Reads a host path back into its place; undefined for a path the layout does not produce (another
 * tool's file, a repository's own index files), so callers can leave such files alone.
 */
function placeOfPath(path) {
    const slash = path.indexOf('/');
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    let name;
    try {
        name = (0,_package_name_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePackageName */ .R)(fileName);
    }
    catch {
        return undefined;
    }
    const root = path.slice(0, slash);
    const tree = root.endsWith(DEV_SUFFIX) ? 'dev' : 'stable';
    const place = placePackage(tree, name);
    return slash > 0 && place.path === path ? place : undefined;
}
/** Every repository of the layout, stable and dev trees: what a run that keeps the whole host walks. */
function everyRepository() {
    const trees = ['stable', 'dev'];
    return trees.flatMap((tree) => [
        repositoryPlace('deb', tree),
        repositoryPlace('rpm', tree),
        repositoryPlace('tar.gz', tree),
        repositoryPlace('tar.gz', tree, 'wasm'),
    ]);
}


/***/ }),

/***/ 52461:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ parsePackageName)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

const FORM = '<name>-<version>[-<variant>]-<arch>.<deb|rpm|tar.gz>, <arch> x86_64 or aarch64 (or wasm, noarch for a .tar.gz), ' +
    'e.g. falco-0.26.0-x86_64.deb';
const SHAPE = /^([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(\d[^/]*?)-(x86_64|aarch64|wasm|noarch)\.(deb|rpm|tar\.gz)$/;
/** A version as Falco writes them: 0.26.0, 0.27.0-rc1, 0.27.0-12+abc1234. */
const VERSION = /^\d+\.\d+\.\d+(?:[-~+][0-9A-Za-z.+~-]+)?$/;
/**
 * Classifies a package file by its name; the name must say name, version, architecture and kind.
 * `expectedVersion` (the release's, when known) settles `0.27.0-beta`: a prerelease, not a variant.
 */
function parsePackageName(fileName, expectedVersion) {
    const match = SHAPE.exec(fileName);
    if (!match)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`packages: ${fileName}`, 'the file name does not parse', `name it ${FORM}`);
    const [, name = '', versionAndVariant = '', arch = '', kind = ''] = match;
    const [version, variant] = splitVariant(versionAndVariant, expectedVersion);
    if (!VERSION.test(version)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`packages: ${fileName}`, `'${version}' is not a version`, `name it ${FORM}`);
    }
    const parts = { fileName, name, version, variant };
    if (arch === 'wasm' || arch === 'noarch') {
        // A .deb or .rpm names the machine it installs on; its index lists it under that architecture.
        if (kind !== 'tar.gz') {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`packages: ${fileName}`, `a .${kind} is built for x86_64 or aarch64, not ${arch}`, `publish the ${arch} build as ${name}-${version}${variant ? `-${variant}` : ''}-${arch}.tar.gz`);
        }
        return { ...parts, kind, arch };
    }
    return { ...parts, kind: kind, arch: arch };
}
/** `0.26.0-static` → version `0.26.0`, variant `static`; a trailing word is a variant only if what precedes it is a version. */
function splitVariant(versionAndVariant, expectedVersion) {
    if (expectedVersion !== undefined) {
        if (versionAndVariant === expectedVersion)
            return [expectedVersion, ''];
        const rest = versionAndVariant.startsWith(`${expectedVersion}-`)
            ? versionAndVariant.slice(expectedVersion.length + 1)
            : undefined;
        if (rest !== undefined && /^[a-z]+$/.test(rest))
            return [expectedVersion, rest];
    }
    const match = /^(.*)-([a-z]+)$/.exec(versionAndVariant);
    return match && VERSION.test(match[1] ?? '') ? [match[1] ?? '', match[2] ?? ''] : [versionAndVariant, ''];
}


/***/ }),

/***/ 34210:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ registryEndpoint),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   U9: () => (/* binding */ isLoopback)
/* harmony export */ });
/** A loopback registry speaks plain http (as docker treats 127.0.0.0/8 as insecure); all others https. */
function isLoopback(host) {
    const name = host.replace(/:\d+$/, '');
    return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}
function isDockerHub(registry) {
    return registry === 'docker.io' || registry === 'index.docker.io';
}
/**
 * Base URL of a registry's HTTP API; `docker.io` is served from registry-1.docker.io. Plain http only
 * for a loopback registry or when the user said `insecure` (credentials would otherwise travel in clear).
 */
function registryEndpoint(registry, insecure = false) {
    const host = isDockerHub(registry) ? 'registry-1.docker.io' : registry;
    return `${insecure || isLoopback(host) ? 'http' : 'https'}://${host}`;
}
/** Docker Hub keeps one-word repositories under `library/`. */
function repositoryPath(registry, repository) {
    return isDockerHub(registry) && !repository.includes('/') ? `library/${repository}` : repository;
}


/***/ }),

/***/ 89760:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ hasReferrer),
/* harmony export */   qH: () => (/* binding */ manifestAndChildren),
/* harmony export */   vO: () => (/* binding */ attachReferrer)
/* harmony export */ });
/* harmony import */ var _oci_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73931);
/* harmony import */ var _bundle_referrers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46134);


/**
 * Attaches a Sigstore bundle to `subject` as an OCI 1.1 referrer: the referrer manifest first, then —
 * where the store does not index referrers itself — the referrers index under `sha256-<hex>`. Returns
 * the referrer's digest.
 */
async function attachReferrer(store, subject, bundle, predicateType, created) {
    const referrer = (0,_bundle_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .bundleReferrer */ .GR)(subject, bundle, predicateType, created);
    const { indexesReferrers } = await store.write(referrer, referrer.digest);
    if (!indexesReferrers) {
        const tag = (0,_bundle_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .referrersTag */ .LN)(subject.digest);
        await store.write((0,_bundle_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .referrersIndex */ .X9)((await store.manifest(tag))?.bytes, referrer), tag);
    }
    return referrer.digest;
}
/**
 * Whether the referrers index of `subjectDigest` lists a bundle of `predicateType` already. Read from the
 * referrers tag: a registry that keeps only the referrers API is not asked, and gets a second one.
 */
async function hasReferrer(store, subjectDigest, predicateType) {
    const index = await store.manifest((0,_bundle_referrers_js__WEBPACK_IMPORTED_MODULE_0__/* .referrersTag */ .LN)(subjectDigest));
    const manifests = index ? (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(index.bytes)?.['manifests'] : undefined;
    if (!Array.isArray(manifests))
        return false;
    return manifests.some((entry) => (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(entry) &&
        (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stringRecord */ .JM)(entry['annotations'])?.['dev.sigstore.bundle.predicateType'] === predicateType);
}
/** The descriptors of a manifest and, for an index, of each image it lists: every digest a signature covers. */
function manifestAndChildren(digest, content) {
    const manifests = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(content.bytes)?.['manifests'];
    const children = Array.isArray(manifests)
        ? manifests.flatMap((entry) => {
            if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(entry))
                return [];
            const { mediaType, digest: child, size } = entry;
            if (typeof mediaType !== 'string' || typeof child !== 'string' || typeof size !== 'number')
                return [];
            return [{ mediaType, digest: child, size }];
        })
        : [];
    return [{ mediaType: content.mediaType, digest, size: content.bytes.length }, ...children];
}


/***/ }),

/***/ 46134:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GR: () => (/* binding */ bundleReferrer),
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   NV: () => (/* binding */ BUNDLE_MEDIA_TYPE),
/* harmony export */   ON: () => (/* binding */ SLSA_PROVENANCE_PREDICATE),
/* harmony export */   X9: () => (/* binding */ referrersIndex),
/* harmony export */   u: () => (/* binding */ COSIGN_SIGN_PREDICATE)
/* harmony export */ });
/* harmony import */ var _oci_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73931);
/* harmony import */ var _oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73257);


const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** The statement cosign signs for an image in its bundle format; build provenance is the other kind written. */
const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
const SLSA_PROVENANCE_PREDICATE = 'https://slsa.dev/provenance/v1';
const EMPTY_CONFIG = (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .blobOf */ .DE)('application/vnd.oci.empty.v1+json', Buffer.from('{}'));
/**
 * A Sigstore bundle attached to an image as an OCI 1.1 referrer, as cosign and actions/attest attach
 * them: an artifact manifest whose `subject` is the image and whose one layer is the bundle.
 */
function bundleReferrer(subject, bundle, predicateType, created) {
    const layer = (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .blobOf */ .DE)(BUNDLE_MEDIA_TYPE, bundle);
    const manifest = {
        schemaVersion: 2,
        mediaType: _oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .OCI_MANIFEST */ .EG,
        artifactType: BUNDLE_MEDIA_TYPE,
        config: EMPTY_CONFIG.descriptor,
        layers: [layer.descriptor],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': predicateType,
            'org.opencontainers.image.created': created.toISOString(),
        },
    };
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactOf */ .qB)(manifest, [EMPTY_CONFIG, layer]);
}
/** The referrers tag schema: a registry without the referrers API lists an image's referrers in the index tagged `sha256-<hex>`. */
function referrersTag(subjectDigest) {
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .digestTag */ .t9)(subjectDigest);
}
/** The referrers index with `referrer` added (once), every entry already there kept. */
function referrersIndex(existing, referrer) {
    const entries = existingEntries(existing).filter((entry) => entry['digest'] !== referrer.digest);
    const parsed = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(referrer.bytes);
    const annotations = parsed?.['annotations'];
    entries.push({
        mediaType: referrer.mediaType,
        digest: referrer.digest,
        size: referrer.bytes.length,
        artifactType: parsed?.['artifactType'],
        ...((0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(annotations) ? { annotations } : {}),
    });
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactOf */ .qB)({ schemaVersion: 2, mediaType: _oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .OCI_INDEX */ .$p, manifests: entries }, []);
}
function existingEntries(existing) {
    const manifests = existing ? (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(existing)?.['manifests'] : undefined;
    return Array.isArray(manifests) ? manifests.filter(_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW).map((entry) => ({ ...entry })) : [];
}


/***/ }),

/***/ 73257:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   DE: () => (/* binding */ blobOf),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   qB: () => (/* binding */ artifactOf),
/* harmony export */   t9: () => (/* binding */ digestTag)
/* harmony export */ });
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9501);

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** A blob's descriptor from its bytes. */
function blobOf(mediaType, bytes, annotations) {
    const descriptor = {
        mediaType,
        digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestBytes */ .QN)(bytes),
        size: bytes.length,
        ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
    };
    return { descriptor, bytes };
}
/** A manifest's bytes are its JSON as written here: what is written is what its digest names. */
function artifactOf(manifest, blobs) {
    const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const mediaType = manifest.mediaType ?? OCI_MANIFEST;
    return { mediaType, digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestBytes */ .QN)(bytes), bytes, blobs };
}
/** `sha256:<hex>` → `sha256-<hex>`: the tag form of a digest, as cosign and the referrers tag schema name them. */
function digestTag(digest, suffix = '') {
    return `${digest.replace(':', '-')}${suffix}`;
}


/***/ }),

/***/ 85206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runnerContext: () => (/* binding */ runnerContext)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** The variables the runner sets for every step, and the token claim each one matches. */
const VARIABLES = {
    GITHUB_REPOSITORY: 'repository',
    GITHUB_REPOSITORY_ID: 'repository_id',
    GITHUB_REPOSITORY_OWNER_ID: 'repository_owner_id',
    GITHUB_REF: 'ref',
    GITHUB_SHA: 'sha',
    GITHUB_WORKFLOW_REF: 'workflow_ref',
    GITHUB_EVENT_NAME: 'event_name',
    GITHUB_RUN_ID: 'run_id',
    GITHUB_RUN_ATTEMPT: 'run_attempt',
    RUNNER_ENVIRONMENT: 'runner_environment',
};
const RUNNER_REMEDY = "provenance needs the GitHub Actions runner's GITHUB_* variables: run it in a workflow";
/**
 * The run as the runner describes it. With the claims of the job's verified OIDC token, the claims win
 * and only GITHUB_SERVER_URL is read (no claim carries it), as `@actions/attest` builds its predicate: the
 * token is signed by GitHub and is the one the signing certificate is issued for, so the statement then
 * says what the certificate says, while the variables are only what the process was started with.
 * Without claims every field comes from the variables; the one difference is the builder, which is then
 * GITHUB_WORKFLOW_REF, the top-level workflow, where the token's job_workflow_ref names the reusable
 * workflow a job runs in when it calls one.
 */
function runnerContext(env, claims) {
    const wanted = claims ? ['GITHUB_SERVER_URL'] : ['GITHUB_SERVER_URL', ...Object.keys(VARIABLES)];
    const missing = wanted.filter((name) => !env[name]);
    if (missing.length > 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('provenance', `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`, RUNNER_REMEDY);
    }
    const serverUrl = env['GITHUB_SERVER_URL'] ?? '';
    const value = (variable) => claims ? claims[VARIABLES[variable]] : (env[variable] ?? '');
    const repository = value('GITHUB_REPOSITORY');
    const workflowRef = value('GITHUB_WORKFLOW_REF');
    return {
        serverUrl,
        repository,
        repositoryId: value('GITHUB_REPOSITORY_ID'),
        repositoryOwnerId: value('GITHUB_REPOSITORY_OWNER_ID'),
        ref: value('GITHUB_REF'),
        sha: value('GITHUB_SHA'),
        workflowPath: workflowPath(workflowRef, repository, claims ? 'the workflow_ref claim' : 'GITHUB_WORKFLOW_REF'),
        builderWorkflowRef: claims ? claims.job_workflow_ref : workflowRef,
        eventName: value('GITHUB_EVENT_NAME'),
        runId: value('GITHUB_RUN_ID'),
        runAttempt: value('GITHUB_RUN_ATTEMPT'),
        runnerEnvironment: value('RUNNER_ENVIRONMENT'),
    };
}
/**
 * `owner/repo/.github/workflows/release.yml@refs/tags/0.39.0` → `.github/workflows/release.yml`. The path
 * ends at the first `@`, since a tag may hold one (`pkg@1.0.0`) but a workflow file name does not.
 */
function workflowPath(workflowRef, repository, source) {
    const prefix = `${repository}/`;
    const at = workflowRef.indexOf('@', prefix.length);
    if (!workflowRef.startsWith(prefix) || at <= prefix.length) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y('provenance', `${source} is ${workflowRef}, not ${prefix}<workflow file>@<ref>`, RUNNER_REMEDY);
    }
    return workflowRef.slice(prefix.length, at);
}


/***/ }),

/***/ 21451:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ simpleSigningPayload),
/* harmony export */   v: () => (/* binding */ dockerReferenceOf)
/* harmony export */ });
/**
 * The payload cosign signs for an image (its "simple signing" claim): the repository the image was
 * signed in and the manifest digest. `cosign verify` checks the digest against the image it verifies;
 * the repository is the one the signature was made for (a mirror carries the main registry's name).
 */
function simpleSigningPayload(dockerReference, digest) {
    // Field order as cosign writes it: a verifier hashes these exact bytes.
    const claim = {
        critical: {
            identity: { 'docker-reference': dockerReference },
            image: { 'docker-manifest-digest': digest },
            type: 'cosign container image signature',
        },
        optional: null,
    };
    return Buffer.from(JSON.stringify(claim), 'utf8');
}
/** cosign names Docker Hub repositories by the host their API is served from. */
function dockerReferenceOf(registry, repository) {
    return `${registry === 'docker.io' ? 'index.docker.io' : registry}/${repository}`;
}


/***/ }),

/***/ 56519:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ NO_CACHE),
/* harmony export */   OJ: () => (/* binding */ PreconditionFailed),
/* harmony export */   cE: () => (/* binding */ WriteOutcomeUnknown),
/* harmony export */   hb: () => (/* binding */ IMMUTABLE),
/* harmony export */   qR: () => (/* binding */ ConditionalWritesUnsupported)
/* harmony export */ });
/** A conditional write lost: someone else changed (or created) the object since it was read. */
class PreconditionFailed extends Error {
    name = 'PreconditionFailed';
}
/**
 * A write whose outcome is not known: the store answered 500 (radosgw's answer to a race's loser, AWS's
 * occasional InternalError) or the connection broke before the answer. It may have landed or not: the
 * writer looks at the object before going on, never takes it for either.
 */
class WriteOutcomeUnknown extends Error {
    name = 'WriteOutcomeUnknown';
}
/** The store refused a conditional write as not implemented (Swift's s3api answers 501). */
class ConditionalWritesUnsupported extends Error {
    name = 'ConditionalWritesUnsupported';
}
/** Indexes and signatures change under their name: clients must ask again every time. */
const NO_CACHE = 'no-cache';
/** Content-addressed files (by-hash indexes, hash-named repodata) and packages never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';


/***/ }),

/***/ 5078:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ allInOrder)
/* harmony export */ });
/**
 * Runs independent tasks at once and waits for all of them; if any fail, throws the failure of the
 * first task in the list (not the first to happen), so the same bad input always gets the same error.
 */
async function allInOrder(tasks) {
    const settled = await Promise.allSettled(tasks.map((task) => task()));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed !== undefined)
        throw failed.reason;
    return settled.map((result) => result.value);
}


/***/ }),

/***/ 13854:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ stageFile),
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78474);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);





/**
 * Writes `content` to a temporary file beside `path` (or in `tempDir`, which must be on the same
 * filesystem, so the rename is atomic) and flushes it to disk; `tag`, when given, goes into its name
 * (`.<name>.<tag>.<uuid>.tmp`) to say whose it is. Nothing is visible at `path` until
 * `commit`; the caller calls `discard` in a `finally`. When writing fails, the temporary file is
 * removed before the error is thrown.
 */
async function stageFile(path, content, tempDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(path), tag) {
    // A dot name: never taken for an object, a blob or an index by someone listing the directory.
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(tempDir, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_4__.basename)(path)}.${tag === undefined ? '' : `${tag}.`}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.tmp`);
    try {
        if (Buffer.isBuffer(content)) {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(temp, 'wx');
            try {
                await handle.writeFile(content);
                await handle.sync();
            }
            finally {
                await handle.close();
            }
        }
        else if (typeof content === 'function') {
            await streamInto(temp, content);
        }
        else {
            // copyFile may clone or copy in the kernel; the copy is flushed before anything renames it in.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.copyFile)(content.file, temp, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.COPYFILE_EXCL);
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.open)(temp, 'r+');
            try {
                await handle.sync();
            }
            finally {
                await handle.close();
            }
        }
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(temp, { force: true });
        throw error;
    }
    let committed = false;
    return {
        temp,
        async commit() {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rename)(temp, path);
            committed = true;
        },
        async discard() {
            if (!committed)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(temp, { force: true });
        },
    };
}
/**
 * Writes a file so that readers see the old content or the new, never a part: the content is staged
 * (see `stageFile`), then renamed over `path`. `check` runs after the bytes are on disk and before
 * the rename: throwing there leaves the destination untouched. The temporary file is removed whatever
 * happens.
 */
async function writeFileAtomic(path, content, check, tempDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(path)) {
    const staged = await stageFile(path, content, tempDir);
    try {
        check?.();
        await staged.commit();
    }
    finally {
        await staged.discard();
    }
}
async function streamInto(temp, content) {
    // flush: fsync before the stream closes its file, so the rename never publishes unwritten data.
    const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createWriteStream)(temp, { flags: 'wx', flush: true });
    try {
        await content(file);
    }
    finally {
        // When `content` failed (before using the file, or midway), close it before the temp file is
        // removed: an open still in flight would otherwise create it again after the rm.
        if (!file.closed) {
            const closed = (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(file, 'close');
            file.destroy();
            await closed;
        }
    }
}


/***/ }),

/***/ 23237:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ basicAuthValue)
/* harmony export */ });
/** The value of HTTP Basic authentication, `base64(user:password)`: sent to registries and masked in logs. */
function basicAuthValue(username, password) {
    return Buffer.from(`${username}:${password}`).toString('base64');
}


/***/ }),

/***/ 65292:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lR: () => (/* binding */ readFully),
/* harmony export */   lx: () => (/* binding */ headFirst),
/* harmony export */   sG: () => (/* binding */ fileBytes)
/* harmony export */ });
/** Positional reads of an open file. */
function fileBytes(handle) {
    return {
        bytesAt: (position, length) => readFully(handle, Buffer.alloc(length), position, length, (at) => {
            return new Error(`unexpected end of file at byte ${at}`);
        }),
    };
}
/**
 * `length` bytes of an open file from `position` into the start of `buffer` (a read may return fewer
 * than asked); a file that ends first gets the error `ended(at)` makes of where it ended.
 */
async function readFully(handle, buffer, position, length, ended) {
    let filled = 0;
    while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0)
            throw ended(position + filled);
        filled += bytesRead;
    }
    return buffer.subarray(0, length);
}
/**
 * The file's first bytes, already read, served from memory; only what lies beyond them is read from
 * `rest`. Copies, so a caller may keep what it gets however long it likes.
 */
function headFirst(head, rest) {
    return {
        bytesAt(position, length) {
            if (position + length <= head.length) {
                return Promise.resolve(Buffer.from(head.subarray(position, position + length)));
            }
            return rest.bytesAt(position, length);
        },
    };
}


/***/ }),

/***/ 85980:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UK: () => (/* binding */ errnoCode),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   qk: () => (/* binding */ hasErrnoCode)
/* harmony export */ });
/** The errno code of an error fs, net or child_process gives (`ENOENT`, `ECONNREFUSED`); undefined for others. */
function errnoCode(error) {
    if (!(error instanceof Error) || !('code' in error))
        return undefined;
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
}
/** True when `error` is the one fs (or child_process) gives with this errno code, e.g. `ENOENT`. */
function hasErrnoCode(error, code) {
    return errnoCode(error) === code;
}
/** True for the error fs gives when a path does not exist, the one case that gets its own message. */
function isNotFound(error) {
    return hasErrnoCode(error, 'ENOENT');
}


/***/ }),

/***/ 99661:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage),
/* harmony export */   y: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * An error the user can fix: it names what it is about (an input, a ref, a file, an image)
 * and says what to do. Anything else that reaches the top is a bug and keeps its stack.
 */
class UserError extends Error {
    subject;
    problem;
    remedy;
    name = 'UserError';
    constructor(subject, problem, remedy) {
        super(`${subject}: ${problem}${remedy ? ` — ${remedy}` : ''}`);
        this.subject = subject;
        this.problem = problem;
        this.remedy = remedy;
    }
}
/** Turns anything thrown into a one-line message. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 69011:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ passOverFile)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/util/byte-source.js
var byte_source = __webpack_require__(65292);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/util/part-digests.js

/** Hashes a file's bytes, given in order and in chunks of any size, part by part. */
class PartHasher {
    partSize;
    digests = [];
    current = (0,external_node_crypto_.createHash)('sha256');
    filled = 0;
    constructor(partSize) {
        this.partSize = partSize;
        if (!Number.isSafeInteger(partSize) || partSize <= 0)
            throw new Error(`part size ${partSize} is no size`);
    }
    update(chunk) {
        let offset = 0;
        while (offset < chunk.length) {
            const take = Math.min(this.partSize - this.filled, chunk.length - offset);
            this.current.update(chunk.subarray(offset, offset + take));
            this.filled += take;
            offset += take;
            if (this.filled === this.partSize)
                this.endPart();
        }
    }
    /** The digests of every part; a file of no bytes has no part. */
    finish() {
        if (this.filled > 0)
            this.endPart();
        return { partSize: this.partSize, sha256: this.digests };
    }
    endPart() {
        this.digests.push(this.current.digest('hex'));
        this.current = (0,external_node_crypto_.createHash)('sha256');
        this.filled = 0;
    }
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./lib/util/parts-off-thread.js

/** Read buffers shared with the hashing thread: the pass reads ahead into one while others are hashed. */
const SLOTS = 4;
/**
 * The thread's program, as text: the bundle is one file, and this needs nothing of it. It hashes each
 * chunk it is shown, part by part, and hands the chunk's buffer back.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { shared, slotBytes, partSize } = workerData;
const digests = [];
let current = createHash('sha256');
let filled = 0;
parentPort.on('message', (message) => {
  if (message.end) {
    if (filled > 0) digests.push(current.digest('hex'));
    parentPort.postMessage({ digests });
    return;
  }
  const chunk = Buffer.from(shared, message.slot * slotBytes, message.length);
  let offset = 0;
  while (offset < chunk.length) {
    const take = Math.min(partSize - filled, chunk.length - offset);
    current.update(chunk.subarray(offset, offset + take));
    filled += take;
    offset += take;
    if (filled === partSize) {
      digests.push(current.digest('hex'));
      current = createHash('sha256');
      filled = 0;
    }
  }
  parentPort.postMessage({ released: message.slot });
});
`;
/**
 * Hashes a file's upload parts on a thread of their own while the pass hashes the whole file: on two
 * cores the two sha256 of a 1 GiB package take the time of one (~0.7 s instead of ~1.3 s). The chunks
 * are read into buffers both threads see, so nothing is copied and the file is still read once.
 */
class PartsOffThread {
    partSize;
    worker;
    slots;
    released = [];
    busy = [];
    next = 0;
    failure;
    result;
    constructor(partSize, slotBytes) {
        this.partSize = partSize;
        const shared = new SharedArrayBuffer(SLOTS * slotBytes);
        this.slots = Array.from({ length: SLOTS }, (_, i) => Buffer.from(shared, i * slotBytes, slotBytes));
        this.worker = new external_node_worker_threads_.Worker(PROGRAM, { eval: true, workerData: { shared, slotBytes, partSize } });
        this.result = new Promise((resolve, reject) => {
            this.worker.on('message', (message) => {
                if (message.digests !== undefined)
                    resolve({ partSize, sha256: message.digests });
                if (message.released !== undefined)
                    this.released[message.released]?.();
            });
            this.worker.once('error', (error) => {
                this.failure = error;
                reject(error);
                for (const release of this.released)
                    release?.();
            });
        });
        // Its failure is reported by `finish` or by the next buffer asked for, never as an unhandled rejection.
        this.result.catch(() => undefined);
    }
    /** The buffer to read the next chunk into, once the thread is done with what it held before. */
    async buffer() {
        const slot = this.next;
        this.next = (this.next + 1) % SLOTS;
        await this.busy[slot];
        if (this.failure !== undefined)
            throw this.failure;
        const bytes = this.slots[slot];
        if (bytes === undefined)
            throw new Error(`no buffer ${slot}`);
        return { slot, bytes };
    }
    /** Shows the thread a chunk read into `slot`'s buffer; the buffer is not reused until it is hashed. */
    hash(slot, length) {
        this.busy[slot] = new Promise((resolve) => (this.released[slot] = resolve));
        this.worker.postMessage({ slot, length });
    }
    async finish() {
        this.worker.postMessage({ end: true });
        try {
            return await this.result;
        }
        finally {
            await this.worker.terminate();
        }
    }
    /** Stops the thread when the pass failed. */
    async stop() {
        await this.worker.terminate();
    }
}

;// CONCATENATED MODULE: ./lib/util/file-pass.js






/**
 * Bytes per read. Two buffers of this size take turns — the next read is under way while the last
 * one is hashed — so a 1 GiB file is hashed at the speed of sha256 itself (~0.7 s here, against ~1.7 s
 * streamed in 64 KiB chunks), and adds 2 MiB to the process however big the file: a stream's chunks
 * are new buffers each, ~70 MiB of them waiting for the garbage collector by the end of a 1 GiB file.
 */
const READ_BYTES = 1024 * 1024;
/** From this size on, a file's parts are hashed on a thread of their own (starting one takes ~30 ms). */
const OFF_THREAD_BYTES = 64 * READ_BYTES;
/**
 * Reads a file once, start to end, for every digest a run needs of it: the whole file's hashes, each
 * upload part's sha256, and (through `head`) the metadata at its start. A file that ends before the
 * size it had when the pass began changed meanwhile, and is refused.
 */
async function passOverFile(file, options) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        const read = (buffer, position) => readChunk(handle, buffer, position, { file, size });
        const first = await read(Buffer.allocUnsafe(Math.min(READ_BYTES, size)), 0);
        // The first chunk has a buffer of its own, never reused: `head` may read it while the pass goes on.
        const head = options.head?.((0,byte_source/* headFirst */.lx)(first, (0,byte_source/* fileBytes */.sG)(handle)), size);
        const hashing = hashAll(read, first, size, options);
        // Both settle before the file is closed; a bad package's own error comes before any read error.
        const [said, hashed] = await Promise.allSettled([head, hashing]);
        if (said.status === 'rejected')
            throw said.reason;
        if (hashed.status === 'rejected')
            throw hashed.reason;
        return { size, ...hashed.value, head: said.value };
    }
    finally {
        await handle.close();
    }
}
async function hashAll(read, first, size, options) {
    const hashes = options.hashes.map((name) => [name, (0,external_node_crypto_.createHash)(name)]);
    const whole = (chunk) => {
        for (const [, hash] of hashes)
            hash.update(chunk);
    };
    const digests = () => Object.fromEntries(hashes.map(([name, hash]) => [name, hash.digest('hex')]));
    const partSize = options.partSize?.(size);
    if (partSize !== undefined && size >= OFF_THREAD_BYTES) {
        const parts = await hashPartsOffThread(read, first, size, partSize, whole);
        return { digests: digests(), parts };
    }
    const parts = partSize === undefined ? undefined : new PartHasher(partSize);
    // The next read fills one buffer while the other's bytes are hashed; then they swap.
    let filling = Buffer.allocUnsafe(READ_BYTES);
    let spare = Buffer.allocUnsafe(READ_BYTES);
    let position = first.length;
    let next = position < size ? read(filling, position) : undefined;
    whole(first);
    parts?.update(first);
    while (next !== undefined) {
        const chunk = await next;
        position += chunk.length;
        [filling, spare] = [spare, filling];
        next = position < size ? read(filling, position) : undefined;
        whole(chunk);
        parts?.update(chunk);
    }
    return { digests: digests(), parts: parts?.finish() };
}
/**
 * The pass of a big file whose parts are hashed too: the parts on a thread of their own, the whole
 * file here, both from the same chunks (read ahead into buffers the two threads share).
 */
async function hashPartsOffThread(read, first, size, partSize, whole) {
    const parts = new PartsOffThread(partSize, READ_BYTES);
    const readAhead = async (position) => {
        const { slot, bytes } = await parts.buffer();
        return { slot, chunk: await read(bytes, position) };
    };
    try {
        // The first chunk keeps its own buffer (the head reader may be reading it): the thread gets a copy.
        const start = await parts.buffer();
        first.copy(start.bytes);
        parts.hash(start.slot, first.length);
        let position = first.length;
        let next = position < size ? readAhead(position) : undefined;
        whole(first);
        while (next !== undefined) {
            const { slot, chunk } = await next;
            position += chunk.length;
            parts.hash(slot, chunk.length);
            next = position < size ? readAhead(position) : undefined;
            // Hashed here before the loop waits again: the read ahead goes into another buffer.
            whole(chunk);
        }
        return await parts.finish();
    }
    catch (error) {
        await parts.stop();
        throw error;
    }
}
/** The file's bytes from `position`, as many as fit in `buffer` and the file's size allow. */
function readChunk(handle, buffer, position, file) {
    const length = Math.min(buffer.length, file.size - position);
    return (0,byte_source/* readFully */.lR)(handle, buffer, position, length, (at) => {
        return new errors/* UserError */.y(file.file, `ended at byte ${at} of ${file.size}: it changed while it was being read`, 'make sure nothing rewrites the package files while the action runs, then run it again');
    });
}


/***/ }),

/***/ 57474:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ mapConcurrent)
/* harmony export */ });
/**
 * Maps `items` with at most `limit` calls of `fn` in flight; results keep the items' order. The first
 * failure rejects, after the calls already started have settled (so none is left writing files that
 * a cleanup is about to remove), and no further call starts.
 */
async function mapConcurrent(items, limit, fn) {
    const results = new Array(items.length);
    // One iterator shared by the workers: each next() hands out an item no other worker gets.
    const queue = items.entries();
    let failed = false;
    const worker = async () => {
        for (const [index, item] of queue) {
            if (failed)
                return;
            try {
                results[index] = await fn(item, index);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    const settled = await Promise.allSettled(workers);
    const rejected = settled.find((result) => result.status === 'rejected');
    if (rejected !== undefined)
        throw rejected.reason;
    return results;
}


/***/ }),

/***/ 46189:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ reportsProgress),
/* harmony export */   ot: () => (/* binding */ startProgress)
/* harmony export */ });
/* unused harmony export PROGRESS_MIN_BYTES */
const MIB = 1024 * 1024;
/** Transfers up to this size end before a line of progress would tell anything: they log none. */
const PROGRESS_MIN_BYTES = 64 * MIB;
/** A line at least this often while bytes move, however slowly the percentage climbs. */
const LINE_EVERY_MS = 10_000;
/** A line each time the percentage passes a multiple of this. */
const STEP_PERCENT = 10;
const NO_PROGRESS = {
    advance: () => undefined,
    restart: () => undefined,
    finish: () => undefined,
};
/**
 * Whether a transfer of `total` bytes gets progress lines: one over PROGRESS_MIN_BYTES with somewhere
 * to report. A writer may move bytes more cheaply when nothing needs counting (a copy in the kernel).
 */
function reportsProgress(reporting, total) {
    return reporting !== undefined && total > PROGRESS_MIN_BYTES;
}
/**
 * The progress of a transfer of `total` bytes, told as `<label> 40% of 1024 MiB, 85.3 MiB/s, ETA 7 s`.
 * A transfer that does not report (see reportsProgress) gets a reporter that does nothing.
 */
function startProgress(reporting, label, total) {
    if (!reportsProgress(reporting, total))
        return NO_PROGRESS;
    return new ProgressLines(reporting.logger, label, total, reporting.now ?? (() => performance.now()));
}
class ProgressLines {
    logger;
    label;
    total;
    now;
    sent = 0;
    startedAt;
    lastLineAt;
    /** The bytes at which the next 10 % step is reached. */
    nextStepAt;
    finished = false;
    constructor(logger, label, total, now) {
        this.logger = logger;
        this.label = label;
        this.total = total;
        this.now = now;
        this.startedAt = now();
        this.lastLineAt = this.startedAt;
        this.nextStepAt = this.bytesAt(STEP_PERCENT);
    }
    advance(bytes) {
        this.sent += bytes;
        // The last byte is told by finish(), once the other side has confirmed the whole transfer.
        if (this.sent >= this.total)
            return;
        const at = this.now();
        if (this.sent < this.nextStepAt && at - this.lastLineAt < LINE_EVERY_MS)
            return;
        const percent = Math.floor((this.sent * 100) / this.total);
        this.lastLineAt = at;
        this.nextStepAt = this.bytesAt((Math.floor(percent / STEP_PERCENT) + 1) * STEP_PERCENT);
        const elapsedMs = at - this.startedAt;
        const rate = elapsedMs > 0 && this.sent > 0 ? (this.sent * 1000) / elapsedMs : undefined;
        const timing = rate === undefined
            ? ''
            : `, ${formatRate(rate)}, ETA ${formatSeconds(Math.ceil((this.total - this.sent) / rate))}`;
        this.logger.info(`${this.label} ${percent}% of ${formatMiB(this.total)}${timing}`);
    }
    restart() {
        this.sent = 0;
        this.startedAt = this.now();
        this.lastLineAt = this.startedAt;
        this.nextStepAt = this.bytesAt(STEP_PERCENT);
        this.finished = false;
    }
    finish() {
        if (this.finished)
            return;
        this.finished = true;
        const elapsedMs = this.now() - this.startedAt;
        const rate = elapsedMs > 0 ? `, ${formatRate((this.total * 1000) / elapsedMs)}` : '';
        this.logger.info(`${this.label} 100% of ${formatMiB(this.total)} in ${formatElapsed(elapsedMs)}${rate}`);
    }
    bytesAt(percent) {
        return Math.ceil((this.total * percent) / 100);
    }
}
function formatMiB(bytes) {
    const mib = bytes / MIB;
    return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
function formatRate(bytesPerSecond) {
    return `${(bytesPerSecond / MIB).toFixed(1)} MiB/s`;
}
/** Whole seconds as `7 s`, `2 min 5 s`, `1 h 3 min`. */
function formatSeconds(seconds) {
    if (seconds < 60)
        return `${seconds} s`;
    if (seconds < 3600)
        return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
    return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}
/** A duration that already happened: tenths of a second under a minute. */
function formatElapsed(ms) {
    return ms < 60_000 ? `${(Math.max(ms, 0) / 1000).toFixed(1)} s` : formatSeconds(Math.round(ms / 1000));
}


/***/ }),

/***/ 89294:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   EZ: () => (/* binding */ isRetryableNetworkCode),
/* harmony export */   UE: () => (/* binding */ retryAndBackoff),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   uk: () => (/* binding */ realSleep),
/* harmony export */   yL: () => (/* binding */ MAX_RETRY_AFTER_MS)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);

/** A server that asks for longer than this is waited for this long, then asked again. */
const MAX_RETRY_AFTER_MS = 60_000;
const realSleep = (ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms);
/**
 * Exponential backoff with full jitter (a uniform wait in [0, min(max, base·2^n)]): retries of many
 * clients spread out instead of hitting a recovering server together.
 */
function backoffDelay(retry, baseMs, maxMs, random = Math.random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
    return Math.floor(random() * ceiling);
}
/** A `Retry-After` value (delay-seconds or an HTTP-date) in milliseconds from `now`; undefined when unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    // Only an HTTP-date has a weekday or month name: Date.parse would also read "1.5" as a year.
    if (!/[a-z]/i.test(text) || Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * Runs `fn` until it succeeds, `isRetryable` says no, or the retries are used up; the last error is
 * thrown. `fn` gets the attempt number (0 first), e.g. to restart what the failed attempt left.
 */
async function retryAndBackoff(fn, isRetryable, options) {
    for (let attempt = 0;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            const verdict = attempt < options.retries ? isRetryable(error) : false;
            if (verdict === false)
                throw error;
            const delayMs = verdict === true
                ? backoffDelay(attempt, options.baseMs, options.maxMs, options.random)
                : Math.min(verdict.afterMs, MAX_RETRY_AFTER_MS);
            options.onRetry?.(error, delayMs, attempt + 1);
            await options.sleep(delayMs);
        }
    }
}
/** Failures to connect, or of a connection that broke, which a new connection may not meet. */
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENETUNREACH',
    'ENETDOWN',
    'EHOSTUNREACH',
    'EHOSTDOWN',
    'ERR_SOCKET_CLOSED',
    'ERR_STREAM_PREMATURE_CLOSE',
]);
/** Whether a network error code says "try again on a new connection" rather than "no". */
function isRetryableNetworkCode(code) {
    return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}


/***/ }),

/***/ 64292:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sha256File)
/* harmony export */ });
/* harmony import */ var _file_pass_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69011);

/** sha256 (hex) of a file, in one read through two reused buffers: packages can be GiBs. */
async function sha256File(path) {
    return (await (0,_file_pass_js__WEBPACK_IMPORTED_MODULE_0__/* .passOverFile */ .y)(path, { hashes: ['sha256'] })).digests.sha256;
}


/***/ }),

/***/ 31385:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ sha256Hex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);

/** sha256 of bytes in memory, lower-case hex: how indexes, repodata and the directory store name content. */
function sha256Hex(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
}


/***/ })

};
