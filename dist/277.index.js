export const id = 277;
export const ids = [277];
export const modules = {

/***/ 89277:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubReleaseHost: () => (/* binding */ GitHubReleaseHost)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/hosts/github-release/github-failure.js

function isRequestFailure(error) {
    return error instanceof Error && 'status' in error && typeof error.status === 'number';
}
/** The HTTP status of a failed request, or undefined for anything that is not a request's failure. */
function statusOf(error) {
    return isRequestFailure(error) ? error.status : undefined;
}
/** A 422 whose errors say `already_exists` (an asset or release of that name is there). */
function isAlreadyExists(error) {
    if (!isRequestFailure(error) || error.status !== 422)
        return false;
    const data = error.response?.data;
    const errors = typeof data === 'object' && data !== null && 'errors' in data ? data.errors : undefined;
    return Array.isArray(errors) && errors.some((entry) => hasCode(entry, 'already_exists'));
}
function hasCode(entry, code) {
    return typeof entry === 'object' && entry !== null && 'code' in entry && entry.code === code;
}
/** 5xx, or a connection that broke (Octokit reports those as 500): worth asking again. */
function isServerFailure(error) {
    const status = statusOf(error);
    return status !== undefined && status >= 500;
}
/** A 403 or 429 GitHub gives for a rate limit (which the throttling plugin already waited out). */
function isRateLimit(error) {
    if (error.status === 429)
        return true;
    const remaining = error.response?.headers['x-ratelimit-remaining'];
    return error.status === 403 && (/rate limit/i.test(error.message) || remaining === '0');
}
/**
 * A failed request as the error a user reads: what the run was doing, what GitHub said, what to do.
 * A failure it cannot explain is returned as it is (a defect shows its stack). GitHub's messages never
 * carry the token, and neither does anything here.
 */
function explainFailure(error, doing) {
    if (!isRequestFailure(error))
        return error;
    const said = `GitHub answered ${error.status}${error.message ? ` (${firstLine(error.message)})` : ''}`;
    if (error.status === 401) {
        return new errors/* UserError */.y('github-token', `GitHub refused the token while ${doing}: ${said}`, 'pass a valid token, e.g. ${{ github.token }}');
    }
    if (isRateLimit(error)) {
        return new errors/* UserError */.y('package-host', `GitHub's rate limit stopped ${doing}: ${said}`, 'run again later');
    }
    if (error.status === 403) {
        return new errors/* UserError */.y('github-token', `may not be used for ${doing}: ${said}`, 'give the job permissions: contents: write, or pass a token that may write the repository');
    }
    if (error.status >= 500) {
        return new errors/* UserError */.y('package-host', `${doing} failed, also when asked again: ${said}`, 'run again when GitHub answers');
    }
    return error;
}
function firstLine(text) {
    const line = text.split('\n')[0] ?? '';
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

;// CONCATENATED MODULE: ./lib/hosts/github-release/asset-digest.js


/** The hex of an asset's `digest` (`sha256:<hex>`); undefined when GitHub gave none (older Enterprise Server). */
function sha256OfDigest(digest) {
    const match = /^sha256:([a-f0-9]{64})$/.exec(digest ?? '');
    return match?.[1];
}
/**
 * What `existing` answers for an asset whose content differs from the local file's without being
 * hashed: its size differs. No sha256 is ever this, so the plan reads it as different content.
 */
function differentSize(asset) {
    return `size ${asset.size}, not a sha256`;
}
/**
 * The sha256 of what an asset holds: its `digest` when GitHub lists one. Without (Enterprise Server
 * before digests), the asset is downloaded and hashed, but only when its size is the local file's:
 * otherwise it differs anyway, and a download would be wasted.
 */
async function assetSha256(client, settings, asset, localSize) {
    const listed = sha256OfDigest(asset.digest);
    if (listed !== undefined)
        return listed;
    if (localSize !== undefined && localSize !== asset.size)
        return differentSize(asset);
    return downloadSha256(client, settings, asset);
}
/** Streams the asset through a hash (GitHub answers with the bytes, or a redirect to them). */
async function downloadSha256(client, settings, asset) {
    const { owner, repo } = settings;
    try {
        const response = await client.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
            owner,
            repo,
            asset_id: asset.id,
            headers: { accept: 'application/octet-stream' },
            request: { parseSuccessResponseBody: false },
        });
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for await (const chunk of response.data)
            hash.update(chunk);
        return hash.digest('hex');
    }
    catch (error) {
        throw explainFailure(error, `downloading the asset ${asset.name} to compare it`);
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./lib/stores/s3-digest.js
var s3_digest = __webpack_require__(20259);
// EXTERNAL MODULE: ./lib/util/progress.js
var util_progress = __webpack_require__(46189);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(80969);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
;// CONCATENATED MODULE: ./lib/hosts/github-release/github-client.js



/** Octokit with the retry plugin (5xx and network failures) and the throttling plugin (rate limits). */
const RetryingOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
const GITHUB_TIMING = { secondMs: 1000 };
/** Times a request that hit a secondary rate limit is asked again: GitHub says how long to wait first. */
const SECONDARY_LIMIT_RETRIES = 4;
/** A primary rate limit that resets within this many seconds is waited for, once; a later one fails the run. */
const PRIMARY_LIMIT_WAIT_S = 60;
/** Retries of a 5xx or a lost connection (the retry plugin waits 1, 4, 9 s before them). */
const SERVER_ERROR_RETRIES = 3;
/** A client of the REST API the runner names; its token goes with every request, and nowhere in a log. */
function gitHubClient({ token, apiUrl, logger, timing }) {
    return new RetryingOctokit({
        auth: token,
        baseUrl: apiUrl,
        userAgent: 'falco-release-publisher',
        // The request log says each failed request (a 404 is often an answer, not a failure): debug only.
        log: {
            debug: (message) => logger.debug(message),
            info: (message) => logger.debug(message),
            warn: (message) => logger.warning(message),
            error: (message) => logger.debug(message),
        },
        retry: { retryAfterBaseValue: timing.secondMs, retries: SERVER_ERROR_RETRIES },
        throttle: {
            retryAfterBaseValue: timing.secondMs,
            ...timing.pacing,
            onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
                logger.warning(`GitHub's secondary rate limit: ${options.method} ${options.url} is asked again in ${retryAfter} s`);
                return retryCount < SECONDARY_LIMIT_RETRIES;
            },
            onRateLimit: (retryAfter, options, _octokit, retryCount) => {
                if (retryCount > 0 || retryAfter > PRIMARY_LIMIT_WAIT_S)
                    return false;
                logger.warning(`GitHub's rate limit: ${options.method} ${options.url} is asked again in ${retryAfter} s`);
                return true;
            },
        },
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/hosts/github-release/file-body.js


/**
 * A request body streamed from a file, never read whole into memory, that can be sent again: each
 * iteration opens the file anew, so a request the throttling plugin repeats after a rate limit sends
 * every byte again. It hashes what it sends, so the caller can tell whether the bytes that went are
 * the ones it planned (a file rewritten meanwhile is not).
 */
class FileBody {
    file;
    size;
    progress;
    /** The sha256 (hex) of the last complete pass over the file; undefined before one. */
    sentSha256;
    constructor(file, 
    /** The Content-Length announced: the client may stop asking for chunks once it has that many bytes. */
    size, progress) {
        this.file = file;
        this.size = size;
        this.progress = progress;
    }
    async *[Symbol.asyncIterator]() {
        this.sentSha256 = undefined;
        this.progress.restart();
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let read = 0;
        for await (const chunk of (0,external_node_fs_.createReadStream)(this.file)) {
            const bytes = chunk;
            read += bytes.length;
            hash.update(bytes);
            // Taken before the last chunk goes: the client may end the iteration right after it.
            if (read === this.size)
                this.sentSha256 = hash.copy().digest('hex');
            this.progress.advance(bytes.length);
            yield bytes;
        }
        // A file that grew or shrank since it was planned: what was read is not what was planned.
        if (read !== this.size)
            this.sentSha256 = hash.digest('hex');
    }
}

;// CONCATENATED MODULE: ./lib/hosts/github-release/release-lookup.js

/** Pages of releases looked through for a draft of the tag: drafts are recent, and a page holds 100. */
const DRAFT_PAGES = 3;
/**
 * The release of the settings' tag, or undefined when there is none. GitHub's lookup by tag skips
 * drafts, so a draft made for the tag (by hand, or by an earlier step) is looked for among the newest
 * releases: its assets go there rather than to a second release of the same tag.
 */
async function findRelease(client, settings) {
    const { owner, repo, tag } = settings;
    try {
        return (await client.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw explainFailure(error, `reading the release ${tag} of ${owner}/${repo}`);
    }
    try {
        let pages = 0;
        for await (const page of client.paginate.iterator(client.rest.repos.listReleases, {
            owner,
            repo,
            per_page: 100,
        })) {
            const draft = page.data.find((release) => release.draft && release.tag_name === tag);
            if (draft)
                return draft;
            if (++pages >= DRAFT_PAGES)
                break;
        }
    }
    catch (error) {
        throw explainFailure(error, `listing the releases of ${owner}/${repo}`);
    }
    return undefined;
}
/**
 * Creates the release of the tag, published (not a draft) and a prerelease when the settings say so.
 * Another publisher may have created it meanwhile (422 `already_exists`): then that one is used.
 */
async function createRelease(client, settings) {
    const { owner, repo, tag, prerelease, targetCommitish } = settings;
    try {
        const created = await client.rest.repos.createRelease({
            owner,
            repo,
            tag_name: tag,
            name: tag,
            draft: false,
            prerelease,
            ...(targetCommitish === undefined ? {} : { target_commitish: targetCommitish }),
            // A backport (0.25.1 after 0.26.0) must not become the repository's latest release: `legacy`
            // lets GitHub pick by date and semantic version; a prerelease cannot be latest at all.
            make_latest: prerelease ? 'false' : 'legacy',
        });
        return created.data;
    }
    catch (error) {
        if (isAlreadyExists(error)) {
            const there = await findRelease(client, settings);
            if (there !== undefined)
                return there;
        }
        throw explainFailure(error, `creating the release ${tag} of ${owner}/${repo}`);
    }
}
/** Every asset of a release (a release holds at most 1000: ten pages). */
async function listAssets(client, settings, release) {
    const { owner, repo, tag } = settings;
    try {
        return await client.paginate(client.rest.repos.listReleaseAssets, {
            owner,
            repo,
            release_id: release.id,
            per_page: 100,
        });
    }
    catch (error) {
        throw explainFailure(error, `listing the assets of the release ${tag} of ${owner}/${repo}`);
    }
}
/** Deletes an asset; one already gone is fine. */
async function deleteAsset(client, settings, asset) {
    const { owner, repo, tag } = settings;
    try {
        await client.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id });
    }
    catch (error) {
        if (statusOf(error) === 404)
            return;
        throw explainFailure(error, `deleting the asset ${asset.name} of the release ${tag} of ${owner}/${repo}`);
    }
}

;// CONCATENATED MODULE: ./lib/hosts/github-release/asset-upload.js









/**
 * Uploads a file as an asset, streamed, to the release's own `upload_url` (uploads.github.com on
 * GitHub, the server's own path on Enterprise Server). Octokit's retry plugin cannot resend a streamed
 * body, so this retries a 5xx or a lost connection itself, after looking at what it left: GitHub may
 * have stored the asset anyway, or left an empty one (`starter`) that blocks the name until deleted.
 */
async function uploadAsset(context, file) {
    const url = uploadUrl(context.release.upload_url);
    const progress = (0,util_progress/* startProgress */.ot)(context.progress, file.path, file.size);
    const body = new FileBody(file.localFile, file.size, progress);
    for (let retry = 0;; retry++) {
        try {
            const { data } = await context.client.request({
                method: 'POST',
                url,
                name: file.name,
                data: body,
                headers: { 'content-type': file.contentType, 'content-length': String(file.size) },
                request: { retries: 0 },
            });
            const asset = data;
            await checkUploaded(context, file, asset, body.sentSha256);
            progress.finish();
            return { kind: 'uploaded', asset };
        }
        catch (error) {
            if (isAlreadyExists(error))
                return { kind: 'exists' };
            if (!isServerFailure(error))
                throw explainFailure(error, `uploading ${file.name}`);
            const left = await leftBehind(context, file);
            if (left !== undefined)
                return { kind: 'uploaded', asset: left };
            if (retry >= SERVER_ERROR_RETRIES)
                throw explainFailure(error, `uploading ${file.name}`);
            // The retry plugin's schedule for every other request: 1, 4, 9 s.
            await (0,external_node_timers_promises_.setTimeout)((retry + 1) ** 2 * context.timing.secondMs);
        }
    }
}
/**
 * After a failed upload: the asset when GitHub stored it whole after all; otherwise whatever it left
 * under the name is deleted, so the next attempt can use it.
 */
async function leftBehind(context, file) {
    const { client, settings, release } = context;
    const there = (await listAssets(client, settings, release)).find((asset) => asset.name === file.name);
    if (there === undefined)
        return undefined;
    if (there.state === 'uploaded' && sha256OfDigest(there.digest) === file.sha256)
        return there;
    await deleteAsset(client, settings, there);
    return undefined;
}
/**
 * The asset GitHub made must be the file as planned, under its own name: GitHub renames names with
 * characters it does not keep, and a file rewritten since it was hashed must not stay published.
 */
async function checkUploaded(context, file, asset, sentSha256) {
    const stored = sha256OfDigest(asset.digest);
    if (sentSha256 !== file.sha256 || (stored !== undefined && stored !== file.sha256)) {
        await deleteAsset(context.client, context.settings, asset);
        throw (0,s3_digest/* changedSincePlanned */.f)(file.path);
    }
    if (asset.name !== file.name) {
        await deleteAsset(context.client, context.settings, asset);
        throw new errors/* UserError */.y(`packages: ${file.path}`, `GitHub stored the asset as '${asset.name}', not '${file.name}'`, 'name package files with letters, digits, ., -, _ and + only');
    }
}
/** Hosts plain http may carry the token to: a server on this machine (tests). */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
/**
 * The release's `upload_url` (a URI template ending in `{?name,label}`, which Octokit fills in),
 * checked: the token goes with the upload, so it must go over https, or to a loopback server.
 */
function uploadUrl(template) {
    const url = template.replace(/\{\?[^}]*\}$/, '');
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new Error(`GitHub gave an upload URL that is no URL: ${url}`);
    }
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname))) {
        throw new errors/* UserError */.y('package-host', `GitHub gave an upload URL that is not https: ${url}`, 'check GITHUB_API_URL');
    }
    return template;
}

;// CONCATENATED MODULE: ./lib/hosts/github-release/release-notes.js
/**
 * The section `github-release-notes: append` keeps in a release's body: what Falco's release template
 * lists (every image tag with its digest, every package with its size, sha256 and download link),
 * between two HTML comments (invisible on the release page) so a re-run replaces the section instead
 * of adding a second one, and leaves whatever else the body says as it was.
 */
const NOTES_BEGIN = '<!-- falco-release-publisher: published artifacts -->';
const NOTES_END = '<!-- /falco-release-publisher: published artifacts -->';
/** The section, markers included. */
function notesSection(images, packages) {
    const lines = [NOTES_BEGIN, '## Published artifacts', ''];
    if (images.length > 0) {
        lines.push('### Images', '', '| image | digest |', '| --- | --- |');
        for (const image of images)
            lines.push(`| \`${image.ref}\` | \`${image.digest}\` |`);
        lines.push('');
    }
    if (packages.length > 0) {
        lines.push('### Packages', '', '| package | size | sha256 |', '| --- | --- | --- |');
        for (const pkg of packages) {
            lines.push(`| [${escapeLinkText(pkg.name)}](${linkTarget(pkg.url)}) | ${size(pkg.size)} | \`${pkg.sha256}\` |`);
        }
        lines.push('');
    }
    lines.push(NOTES_END);
    return lines.join('\n');
}
/**
 * The body with the section in it: in place of the one a run wrote before (the first, if a body was
 * edited into having two), else appended after a blank line.
 */
function withNotes(body, section) {
    const text = body ?? '';
    const begin = text.indexOf(NOTES_BEGIN);
    if (begin >= 0) {
        const end = text.indexOf(NOTES_END, begin);
        // An end marker deleted by hand: the section ran to the end of the body.
        const after = end < 0 ? '' : text.slice(end + NOTES_END.length);
        return `${text.slice(0, begin)}${section}${after}`;
    }
    const trimmed = text.replace(/\s+$/, '');
    return trimmed === '' ? section : `${trimmed}\n\n${section}`;
}
/** `12.3 MiB`, as a person reads it; the exact bytes beside it. */
function size(bytes) {
    const units = ['KiB', 'MiB', 'GiB'];
    let value = bytes;
    let unit = 'B';
    for (const next of units) {
        if (value < 1024)
            break;
        value /= 1024;
        unit = next;
    }
    const shown = unit === 'B' ? String(bytes) : value.toFixed(1);
    return `${shown} ${unit}${unit === 'B' ? '' : ` (${bytes} bytes)`}`;
}
/** `[`, `]` and `|` would end the link text or the table cell. */
function escapeLinkText(text) {
    return text.replace(/([[\]|\\])/g, '\\$1');
}
/**
 * A URL as a Markdown link target: GitHub's download URLs come percent-encoded already (`%2B` for
 * `+`), so only what would end the link or the table cell is encoded.
 */
function linkTarget(url) {
    return url.replace(/[ \t\n()<>|]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

;// CONCATENATED MODULE: ./lib/hosts/github-release/github-release-host.js








const CONTENT_TYPES = {
    deb: 'application/vnd.debian.binary-package',
    rpm: 'application/x-rpm',
    gz: 'application/gzip',
};
const SILENT = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
    group: (_title, fn) => fn(),
};
/**
 * Packages as assets of a GitHub release: the release of the tag (a prerelease tag's is marked so), or
 * for dev pushes the `github-dev-release` prerelease, whose assets are those of the last push. An
 * asset is named as its file, without the layout's folders, so two files of one name cannot both be
 * published. Its `digest` tells whether it is already the package. A release keeps no APT/YUM
 * indexes: this host has no `repositoryStore`, and the plan no repository step.
 */
class GitHubReleaseHost {
    description;
    settings;
    client;
    logger;
    timing;
    progress;
    found;
    creating;
    /** Asset name → the host path that asked for it first. */
    pathOfName = new Map();
    constructor(options) {
        this.settings = options.settings;
        this.logger = options.logger ?? SILENT;
        this.timing = options.timing ?? GITHUB_TIMING;
        this.progress = options.progress;
        const { owner, repo, tag, token, apiUrl } = this.settings;
        this.client = gitHubClient({ token, apiUrl, logger: this.logger, timing: this.timing });
        this.description = `GitHub release ${tag} of ${owner}/${repo}`;
    }
    /**
     * Before any write: the token is accepted and may write the repository, and the release is there
     * (or may be created). Reads only: a missing release is created by the first upload.
     */
    async check() {
        await this.checkRepository();
        await this.load();
    }
    async existing(path, local) {
        const name = this.claim(path);
        const { assets } = await this.load();
        const asset = assets.get(name);
        if (asset === undefined || asset.state !== 'uploaded')
            return undefined;
        return assetSha256(this.client, this.settings, asset, local?.size);
    }
    async put(path, localFile, options) {
        const name = this.claim(path);
        const found = await this.load();
        const release = await this.releaseToWrite(found);
        const current = found.assets.get(name);
        if (current !== undefined) {
            // An upload that failed earlier leaves an empty asset; a replacement deletes the old one first.
            if (current.state === 'uploaded' && !options.replace)
                return this.alreadyThere(path, localFile, current, options.sha256);
            await deleteAsset(this.client, this.settings, current);
            found.assets.delete(name);
        }
        const { size } = await (0,promises_.stat)(localFile);
        const extension = name.slice(name.lastIndexOf('.') + 1);
        const outcome = await uploadAsset({ client: this.client, settings: this.settings, release, timing: this.timing, progress: this.progress }, {
            name,
            localFile,
            size,
            sha256: options.sha256,
            contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
            path,
        });
        if (outcome.kind === 'uploaded') {
            found.assets.set(name, outcome.asset);
            return;
        }
        // Another publisher uploaded this name since the plan was made: fine if it is the same package.
        const there = (await listAssets(this.client, this.settings, release)).find((asset) => asset.name === name);
        if (there === undefined)
            throw new Error(`GitHub said ${name} exists, then did not list it`);
        found.assets.set(name, there);
        await this.alreadyThere(path, localFile, there, options.sha256);
    }
    /**
     * Once everything is published: the dev release loses the assets of earlier pushes, and with
     * `github-release-notes: append` the body gets the section listing what the run published.
     */
    async finish(run) {
        if (run.packages.length === 0)
            return;
        const found = await this.load();
        const release = await this.releaseToWrite(found);
        const assets = await listAssets(this.client, this.settings, release);
        const names = new Set(run.packages.map((pkg) => assetName(pkg.path)));
        if (this.settings.replaceAssets) {
            for (const asset of assets.filter((asset) => !names.has(asset.name))) {
                await deleteAsset(this.client, this.settings, asset);
                this.logger.info(`deleted ${asset.name} from the release ${release.tag_name}: an earlier push's asset`);
            }
        }
        if (this.settings.notes === 'append')
            await this.writeNotes(release, run, assets);
    }
    async writeNotes(release, run, assets) {
        const byName = new Map(assets.map((asset) => [asset.name, asset]));
        const packages = run.packages.map((pkg) => {
            const name = assetName(pkg.path);
            const asset = byName.get(name);
            if (asset === undefined)
                throw new Error(`${name} was published, but the release does not list it`);
            return { name, size: pkg.size, sha256: pkg.sha256, url: asset.browser_download_url };
        });
        const { owner, repo, tag } = this.settings;
        const doing = `writing the notes of the release ${tag} of ${owner}/${repo}`;
        try {
            // Read again: the body may have been edited since the run started.
            const current = await this.client.rest.repos.getRelease({ owner, repo, release_id: release.id });
            const body = withNotes(current.data.body, notesSection(run.images, packages));
            if (body === (current.data.body ?? '')) {
                this.logger.info(`the notes of the release ${tag} already list what the run published`);
                return;
            }
            await this.client.rest.repos.updateRelease({ owner, repo, release_id: release.id, body });
            this.logger.info(`the notes of the release ${tag} list ${run.images.length} image tags and ${packages.length} packages`);
        }
        catch (error) {
            throw explainFailure(error, doing);
        }
    }
    /** An asset of this name is there, and no replacement was planned: it must be this package. */
    async alreadyThere(path, localFile, asset, sha256) {
        if ((await assetSha256(this.client, this.settings, asset, (await (0,promises_.stat)(localFile)).size)) === sha256)
            return;
        throw new errors/* UserError */.y(`packages: ${path}`, `the release ${this.settings.tag} got an asset ${asset.name} with different content meanwhile`, 'publish a new version, or set overwrite: true');
    }
    /** The asset name of a host path; two paths of one name would be one asset: refused, naming both. */
    claim(path) {
        const name = assetName(path);
        const first = this.pathOfName.get(name);
        if (first !== undefined && first !== path) {
            throw new errors/* UserError */.y('packages', `${first} and ${path} would both be the asset ${name} of the release ${this.settings.tag}`, 'a release holds one asset of a name: publish one of them');
        }
        this.pathOfName.set(name, path);
        return name;
    }
    async checkRepository() {
        const { owner, repo } = this.settings;
        let permissions;
        try {
            ({ permissions } = (await this.client.rest.repos.get({ owner, repo })).data);
        }
        catch (error) {
            if (statusOf(error) === 404) {
                throw new errors/* UserError */.y('github-repository', `${owner}/${repo} does not exist, or github-token may not see it`, 'check github-repository, and that the token may read and write it');
            }
            throw explainFailure(error, `reading the repository ${owner}/${repo}`);
        }
        // Listed for users' tokens: a token that may only read is refused before any write. A job's token
        // may not say; then its first write tells.
        if (permissions?.push === false) {
            throw new errors/* UserError */.y('github-token', `may read ${owner}/${repo} but not write it`, 'give the job permissions: contents: write, or pass a token that may write the repository');
        }
    }
    /** The release and its assets, read once. A missing release is refused here unless it may be created. */
    load() {
        this.found ??= (async () => {
            const release = await findRelease(this.client, this.settings);
            const { owner, repo, tag, create } = this.settings;
            if (release === undefined && !create) {
                throw new errors/* UserError */.y('github-release-create', `is false, and ${owner}/${repo} has no release ${tag}`, 'create the release before this step, or set github-release-create: true');
            }
            const assets = release === undefined ? [] : await listAssets(this.client, this.settings, release);
            return { release, assets: new Map(assets.map((asset) => [asset.name, asset])) };
        })();
        return this.found;
    }
    /** The release to upload to, created (once) by the first write when the tag had none. */
    async releaseToWrite(found) {
        if (found.release !== undefined)
            return found.release;
        this.creating ??= createRelease(this.client, this.settings).then((release) => {
            this.logger.info(`created the release ${release.tag_name}${this.settings.prerelease ? ' (prerelease)' : ''}`);
            found.release = release;
            return release;
        });
        return this.creating;
    }
}
/** A release has no folders: the asset is named as the file. */
function assetName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}


/***/ }),

/***/ 20259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ checkBytes),
/* harmony export */   f: () => (/* binding */ changedSincePlanned)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);


/**
 * The `sha256` metadata of an object is what publishers and `existing` trust without reading it, so
 * it must be the digest of the bytes sent: a file rewritten since the plan hashed it (a build still
 * writing, another step) must not go up under the planned digest.
 */
function changedSincePlanned(file) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(file, 'changed while it was being published (its sha256 is no longer the one planned); nothing was written', 'make sure nothing rewrites the package files while the action runs, then run it again');
}
/** Bytes whose `sha256` metadata is not their digest: a defect of the caller, never the user's. */
function checkBytes(key, bytes, announced) {
    if (announced !== undefined && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') !== announced) {
        throw new Error(`${key}: the sha256 metadata is not the sha256 of the content`);
    }
}


/***/ })

};
