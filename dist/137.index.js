export const id = 137;
export const ids = [137];
export const modules = {

/***/ 36137:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RegistryDriver: () => (/* binding */ RegistryDriver)
});

// EXTERNAL MODULE: ./lib/util/all-in-order.js
var all_in_order = __webpack_require__(5078);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/oci/digest.js
var oci_digest = __webpack_require__(9501);
// EXTERNAL MODULE: ./lib/util/map-concurrent.js
var map_concurrent = __webpack_require__(57474);
// EXTERNAL MODULE: ./lib/oci/json.js
var json = __webpack_require__(73931);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./lib/util/errno.js
var errno = __webpack_require__(85980);
;// CONCATENATED MODULE: ./lib/oci/tar-extract.js







/** Read and write in 1 MiB pieces: with the 64/16 KiB defaults, extracting is several times slower. */
const CHUNK = 1024 * 1024;
/** Symlinks pointing at symlinks: more hops than this is a loop. */
const MAX_LINK_HOPS = 16;
/**
 * Extracts the regular files of a tar archive into `dir`, streaming each to disk (a layer can be
 * GiBs), and returns where each archive path landed. Files are stored under numbered names, never
 * under their archive path, so no entry name (`../x`, `/etc/x`) can write outside `dir`. Hard links
 * and symlinks (`docker save` links a layer that two images share) map to their target's file.
 */
async function extractTar(archive, dir, subject) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    await checkIsFile(archive, subject);
    const { files, links } = await storeEntries(archive, dir, subject);
    resolveLinks(files, links);
    return files;
}
/** Looked at first, so that a missing file (or a directory) is told apart from a damaged one. */
async function checkIsFile(archive, subject) {
    const found = await (0,promises_.stat)(archive).catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error)) {
            throw new errors/* UserError */.y(subject, `${archive} does not exist`, 'give the file written by docker save');
        }
        throw error;
    });
    if (!found.isFile()) {
        throw new errors/* UserError */.y(subject, `${archive} is not a file`, 'give the file written by docker save');
    }
}
/** Streams each regular file of the archive to a numbered file in `dir`; notes links for later. */
async function storeEntries(archive, dir, subject) {
    const files = new Map();
    let stored = 0;
    const links = new Map();
    const extract = tar_stream.extract();
    const input = (0,external_node_fs_.createReadStream)(archive, { highWaterMark: CHUNK });
    input.once('error', (error) => extract.destroy(error));
    input.pipe(extract);
    try {
        for await (const entry of extract) {
            const name = entryName(entry.header.name);
            const { type, linkname } = entry.header;
            if ((type === 'file' || type === 'contiguous-file') && name !== undefined) {
                const path = (0,external_node_path_.join)(dir, String(stored++));
                // tar-stream's entries are streamx streams: read them as async iterables, which node's pipeline takes.
                await (0,external_node_stream_promises_.pipeline)(async function* () {
                    yield* entry;
                }, (0,external_node_fs_.createWriteStream)(path, { highWaterMark: CHUNK }));
                files.set(name, path);
                continue;
            }
            if ((type === 'link' || type === 'symlink') && name !== undefined && linkname) {
                // A hard link names an archive path; a symlink is relative to its own directory.
                const target = type === 'link' ? linkname : external_node_path_.posix.join(external_node_path_.posix.dirname(name), linkname);
                const resolved = entryName(target);
                if (resolved !== undefined)
                    links.set(name, resolved);
            }
            entry.resume(); // directories and the like: nothing to keep
        }
    }
    catch (error) {
        // A system error (disk full...) is what it says; anything else is tar-stream finding a bad archive.
        if (error instanceof Error && 'syscall' in error)
            throw error;
        throw new errors/* UserError */.y(subject, `${archive} cannot be read as a tar archive (${error instanceof Error ? error.message : String(error)})`, 'give the complete file written by docker save');
    }
    finally {
        input.destroy();
    }
    return { files, links };
}
/** Adds each link to `files` as its target's file, following links to links; a dangling link is left out. */
function resolveLinks(files, links) {
    for (const name of links.keys()) {
        let target = links.get(name);
        for (let hops = 0; target !== undefined && !files.has(target) && hops < MAX_LINK_HOPS; hops++) {
            target = links.get(target);
        }
        const path = target === undefined ? undefined : files.get(target);
        if (path !== undefined)
            files.set(name, path);
    }
}
/** An archive path as manifest.json writes it: no leading `./` or `/`; undefined when it climbs out (`..`). */
function entryName(raw) {
    const name = external_node_path_.posix.normalize(raw.replace(/^\/+/, '')).replace(/\/+$/, '');
    if (name === '.' || name === '' || name === '..' || name.startsWith('../'))
        return undefined;
    return name;
}

;// CONCATENATED MODULE: ./lib/oci/docker-archive-manifest.js




/** The file of a `docker save` archive that names its images, their configs and layers. */
const MANIFEST_FILE = 'manifest.json';
/** The remedy for an archive that does not hold one consistent image. */
const RESAVE = 'save one image again with docker save <image> -o <file>';
/** The images manifest.json lists. */
async function readSavedImages(files, name) {
    const fail = (problem) => {
        throw new errors/* UserError */.y(name, problem, 'give the file written by docker save');
    };
    const path = files.get(MANIFEST_FILE) ?? fail(`the archive has no ${MANIFEST_FILE}`);
    let parsed;
    try {
        parsed = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return fail(`${MANIFEST_FILE} is not JSON`);
    }
    if (!Array.isArray(parsed))
        return fail(`${MANIFEST_FILE} is not a list of images`);
    const entries = parsed;
    return entries.map((entry, i) => {
        const where = `${MANIFEST_FILE}[${i}]`;
        if (!(0,json/* isJsonObject */.OW)(entry))
            return fail(`${where} is not an object`);
        const { Config: config, RepoTags: repoTags, Layers: layers } = entry;
        if (typeof config !== 'string')
            return fail(`${where} has no Config`);
        if (!isStringList(layers))
            return fail(`${where} has no Layers list`);
        if (repoTags !== null && repoTags !== undefined && !isStringList(repoTags)) {
            return fail(`${where} has RepoTags that are not strings`);
        }
        return { config, layers, repoTags: repoTags ?? [] };
    });
}
function isStringList(value) {
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
/** The archive's one image; an archive of several is refused. */
function pickImage(images, name) {
    const [only, ...others] = images;
    if (only !== undefined && others.length === 0)
        return only;
    if (only === undefined)
        throw new errors/* UserError */.y(name, `${MANIFEST_FILE} lists no image`, RESAVE);
    const described = images.map((image) => image.repoTags.length > 0 ? image.repoTags.join(' ') : `(untagged ${image.config})`);
    throw new errors/* UserError */.y(name, `the archive holds ${images.length} images: ${described.join(', ')}`, RESAVE);
}
/** The extracted file of a path manifest.json names; `what` says what it is for the error. */
function archiveFile(files, archivePath, name, what) {
    const normalized = entryName(archivePath);
    const path = normalized === undefined ? undefined : files.get(normalized);
    if (path === undefined) {
        throw new errors/* UserError */.y(name, `${what} ${archivePath} is named in ${MANIFEST_FILE} but not in the archive`, RESAVE);
    }
    return path;
}

;// CONCATENATED MODULE: ./lib/oci/upload-chunk.js
/**
 * The read size of file streams of blobs (`openBlob`, and a layer's tar on its way into gzip). Every
 * chunk is a Buffer outside V8's heap that lives until a garbage collection; at disk speed, 64 KiB
 * chunks (Node's default) pile up to ~60 MiB before one comes, 32 KiB ones to about half of that, for
 * ~15% more CPU per byte. Measured on a 400 MiB blob: peak RSS 144 → 115 MiB. Copies of blobs do not
 * read through these streams: they read with FileChunks, into one buffer reused for every chunk.
 */
const UPLOAD_READ_CHUNK = 32 * 1024;

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/oci/digesting-stream.js


/**
 * A pass-through that digests and counts what flows through it, so that content made on the way (a
 * layer compressed from a tar) gets its digest in the same pass. Content whose digest is known is
 * checked with a ContentCheck instead.
 */
class DigestingStream extends external_node_stream_.Transform {
    algorithm;
    hash;
    bytes = 0;
    constructor(algorithm = 'sha256') {
        super();
        this.algorithm = algorithm;
        this.hash = (0,external_node_crypto_.createHash)(algorithm);
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        this.hash.update(chunk);
        callback(null, chunk);
    }
    /** Bytes seen so far. */
    get size() {
        return this.bytes;
    }
    /** `<algorithm>:<hex>` of everything seen; call once, after the stream has ended. */
    digest() {
        return `${this.algorithm}:${this.hash.digest('hex')}`;
    }
}

;// CONCATENATED MODULE: ./lib/oci/layer-blob.js








const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const layer_blob_RESAVE = 'save the image again with docker save';
/**
 * Bigger pieces than zlib's 16 KiB and fs's 64 KiB defaults: fewer hand-offs to libuv's pool, which
 * made compression about a fifth faster on a 200 MiB layer.
 */
const layer_blob_CHUNK = 256 * 1024;
/**
 * Turns a layer as an archive holds it into a gzip blob, in one streaming pass. A plain tar (what
 * `docker save` writes from its own store) is compressed into `output` while both digests are taken;
 * a layer that is gzip already (saved from containerd's store) is used as it is, and unpacked only to
 * take its diff id. `name` says which layer, for errors.
 */
async function layerBlob(source, output, subject, name) {
    const head = await readHead(source, ZSTD_MAGIC.length);
    if (head.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC)) {
        const blob = new DigestingStream();
        const tarball = new DigestingStream();
        await (0,external_node_stream_promises_.pipeline)(read(source), blob, (0,external_node_zlib_.createGunzip)({ chunkSize: layer_blob_CHUNK }), tarball, discard()).catch((error) => {
            if (error instanceof Error && 'syscall' in error)
                throw error;
            throw new errors/* UserError */.y(subject, `layer ${name} is not a valid gzip stream (${String(error)})`, layer_blob_RESAVE);
        });
        return { path: source, digest: blob.digest(), size: blob.size, diffId: tarball.digest() };
    }
    if (head.equals(ZSTD_MAGIC)) {
        throw new errors/* UserError */.y(subject, `layer ${name} is zstd-compressed, which this action does not convert`, 'save the image from a store that holds it as gzip or uncompressed, or push it with docker');
    }
    const tarball = new DigestingStream();
    const blob = new DigestingStream();
    await (0,external_node_stream_promises_.pipeline)(read(source), tarball, (0,external_node_zlib_.createGzip)({ chunkSize: layer_blob_CHUNK }), blob, (0,external_node_fs_.createWriteStream)(output, { highWaterMark: layer_blob_CHUNK }));
    return { path: output, digest: blob.digest(), size: blob.size, diffId: tarball.digest() };
}
async function readHead(path, length) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}
function read(path) {
    return (0,external_node_fs_.createReadStream)(path, { highWaterMark: UPLOAD_READ_CHUNK });
}
/** A sink for bytes that only needed digesting. */
function discard() {
    return new external_node_stream_.Writable({
        write(_chunk, _encoding, callback) {
            callback();
        },
    });
}

;// CONCATENATED MODULE: ./lib/oci/docker-archive-layers.js







/** zlib runs on libuv's pool (4 threads by default): more layers at once than that only queue. */
const COMPRESSIONS = Math.min(4, (0,external_node_os_.availableParallelism)());
/**
 * The image's layers as gzip blobs, in its order, each checked against the config's diff_id (the
 * digest of its uncompressed tar).
 */
async function checkedLayers(image, diffIds, files, temp, name) {
    if (diffIds.length !== image.layers.length) {
        throw new errors/* UserError */.y(name, `${MANIFEST_FILE} lists ${image.layers.length} layers but the config's rootfs.diff_ids has ${diffIds.length}`, RESAVE);
    }
    const layers = await convertLayers(image.layers, files, temp, name);
    layers.forEach((layer, i) => {
        if (layer.diffId !== diffIds[i]) {
            throw new errors/* UserError */.y(name, `layer ${i + 1} (${image.layers[i]}) holds ${layer.diffId}, but the config's diff_ids says ${diffIds[i]}`, RESAVE);
        }
    });
    return layers;
}
/**
 * Compresses each distinct layer file once (an image may list the same layer twice), several at a time,
 * and removes the uncompressed copy as soon as its blob exists: the temp dir holds one copy of each layer.
 */
async function convertLayers(layers, files, temp, name) {
    const paths = layers.map((layer, i) => archiveFile(files, layer, name, `layer ${i + 1}`));
    const distinct = [...new Set(paths)];
    const converted = await (0,map_concurrent/* mapConcurrent */._)(distinct, COMPRESSIONS, async (path, i) => {
        const blob = await layerBlob(path, (0,external_node_path_.join)(temp, `layer-${i}.tar.gz`), name, layers[paths.indexOf(path)] ?? path);
        if (blob.path !== path)
            await (0,promises_.rm)(path, { force: true });
        return blob;
    });
    const byPath = new Map(distinct.map((path, i) => [path, converted[i]]));
    return paths.map((path) => {
        const blob = byPath.get(path);
        if (blob === undefined)
            throw new Error(`no blob for ${path}`); // cannot happen: every path was converted
        return blob;
    });
}

;// CONCATENATED MODULE: ./lib/oci/file-chunks.js
/**
 * Bytes per read of a blob file. Every chunk goes into the same buffer, so this is what reading costs
 * in memory per blob on its way, whatever the blob's size; reads this large also keep the per-chunk
 * work (hashing calls, writes, callbacks) small next to moving the bytes.
 */
const FILE_CHUNK = 1024 * 1024;
/**
 * The first `size` bytes of an open file, read chunk by chunk into one buffer that every next chunk
 * reuses: unlike a read stream, which allocates a buffer per read that lingers until a garbage
 * collection, a blob of any size leaves nothing behind. A reader must be done with a chunk before it
 * asks for the next. Read once; the file is closed at the end, when the reader stops, or on
 * `destroy()` (also when it was never read).
 */
class FileChunks {
    handle;
    size;
    chunkSize;
    closing;
    constructor(handle, size, chunkSize = FILE_CHUNK) {
        this.handle = handle;
        this.size = size;
        this.chunkSize = chunkSize;
    }
    async *[Symbol.asyncIterator]() {
        try {
            const buffer = Buffer.allocUnsafe(Math.min(this.chunkSize, this.size));
            let position = 0;
            while (position < this.size) {
                const length = Math.min(buffer.length, this.size - position);
                const { bytesRead } = await this.handle.read(buffer, 0, length, position);
                // A file cut short since it was opened: the reader's size check says so.
                if (bytesRead === 0)
                    return;
                position += bytesRead;
                yield buffer.subarray(0, bytesRead);
            }
        }
        finally {
            await this.close();
        }
    }
    destroy() {
        // Nothing to report to: whoever stopped reading has the error that made them stop, if any.
        this.close().catch(() => undefined);
    }
    close() {
        this.closing ??= this.handle.close();
        return this.closing;
    }
}

// EXTERNAL MODULE: ./lib/oci/media-types.js
var media_types = __webpack_require__(50261);
;// CONCATENATED MODULE: ./lib/oci/manifest-references.js




/**
 * Reads the descriptors out of a manifest's bytes. `mediaType` is the one its parent (or index.json)
 * gives it: a manifest that says otherwise about itself is refused, as registries refuse it.
 * `subject` names the source for errors, `what` the manifest ("manifest sha256:...").
 */
function manifestReferences(bytes, mediaType, subject, what) {
    const fail = (problem) => {
        throw new errors/* UserError */.y(subject, `${what} ${problem}`, 'the image is damaged; write it again');
    };
    const isIndex = media_types/* INDEX_TYPES */.V.includes(mediaType);
    if (!isIndex && !media_types/* IMAGE_TYPES */.eG.includes(mediaType)) {
        return fail(`has media type ${mediaType}, which is neither an image manifest nor an index`);
    }
    const manifest = (0,json/* parseJsonObject */.dw)(bytes) ?? fail('is not a JSON object');
    if (manifest['schemaVersion'] !== 2)
        fail('does not have schemaVersion 2');
    const own = manifest['mediaType'];
    if (own !== undefined && own !== mediaType) {
        fail(`says it is ${String(own)}, but is listed as ${mediaType}`);
    }
    if (isIndex) {
        const list = manifest['manifests'];
        if (!Array.isArray(list))
            return fail('has no manifests list');
        return {
            children: list.map((entry, i) => parseDescriptor(entry, subject, `${what} manifests[${i}]`)),
            blobs: [],
        };
    }
    if (media_types/* IMAGE_TYPES */.eG.includes(mediaType)) {
        const layers = manifest['layers'];
        if (!Array.isArray(layers))
            return fail('has no layers list');
        const config = parseDescriptor(manifest['config'], subject, `${what} config`);
        return {
            children: [],
            blobs: [
                config,
                ...layers.map((entry, i) => parseDescriptor(entry, subject, `${what} layers[${i}]`)),
            ],
        };
    }
    return fail(`has media type ${mediaType}, which is neither an image manifest nor an index`);
}
/** A descriptor as a manifest or index.json holds it, checked field by field; `where` says which one. */
function parseDescriptor(value, subject, where) {
    const fail = (problem) => {
        throw new errors/* UserError */.y(subject, `${where} ${problem}`, 'the image is damaged; write it again');
    };
    if (!(0,json/* isJsonObject */.OW)(value))
        return fail('is not a descriptor object');
    const { mediaType, digest, size, platform, annotations } = value;
    if (typeof mediaType !== 'string' || mediaType === '')
        return fail('has no mediaType');
    if (typeof digest !== 'string' || (0,oci_digest/* parseDigest */.m)(digest) === undefined) {
        return fail(`has a malformed digest ${JSON.stringify(digest)}`);
    }
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        return fail('has no valid size');
    const descriptor = { mediaType, digest, size };
    if (platform !== undefined) {
        descriptor.platform = parsePlatform(platform) ?? fail('has a malformed platform');
    }
    if (annotations !== undefined) {
        descriptor.annotations = (0,json/* stringRecord */.JM)(annotations) ?? fail('has annotations that are not all strings');
    }
    return descriptor;
}
/** `{architecture, os, variant?}`, as descriptors and image configs both hold it; undefined when malformed. */
function parsePlatform(value) {
    if (!(0,json/* isJsonObject */.OW)(value))
        return undefined;
    const { architecture, os, variant } = value;
    if (typeof architecture !== 'string' || typeof os !== 'string')
        return undefined;
    if (variant !== undefined && typeof variant !== 'string')
        return undefined;
    return variant === undefined ? { architecture, os } : { architecture, os, variant };
}

;// CONCATENATED MODULE: ./lib/oci/image-config.js




const REBUILD = 'the image is damaged; build or save it again';
/** An image config (the JSON that `docker inspect` shows), read for the two things we need from it. */
function parseConfig(bytes, subject) {
    const config = (0,json/* parseJsonObject */.dw)(bytes);
    if (config === undefined)
        throw new errors/* UserError */.y(subject, 'the image config is not a JSON object', REBUILD);
    return config;
}
/** The platform the image was built for: what a multi-arch index lists it under. */
function configPlatform(bytes, subject) {
    const platform = parsePlatform(parseConfig(bytes, subject));
    if (platform === undefined) {
        throw new errors/* UserError */.y(subject, 'the image config names no architecture and os', REBUILD);
    }
    return platform;
}
/** rootfs.diff_ids: the digest of each layer uncompressed, in order. */
function configDiffIds(bytes, subject) {
    const rootfs = parseConfig(bytes, subject)['rootfs'];
    const diffIds = (0,json/* isJsonObject */.OW)(rootfs) ? rootfs['diff_ids'] : undefined;
    const ids = Array.isArray(diffIds) ? diffIds : [];
    if (!Array.isArray(diffIds) || !ids.every(isDigest)) {
        throw new errors/* UserError */.y(subject, 'the image config has no valid rootfs.diff_ids', REBUILD);
    }
    return ids;
}
function isDigest(value) {
    return typeof value === 'string' && (0,oci_digest/* parseDigest */.m)(value) !== undefined;
}

;// CONCATENATED MODULE: ./lib/oci/docker-archive-source.js













const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/**
 * Reads the output of `docker save` (one image) as an OCI image: the archive is extracted to a temp
 * dir, each layer gzip-compressed to a blob there (several at once) and checked against the config's
 * diff_ids, and an OCI manifest written over the config exactly as saved. Both archive layouts work:
 * docker ≤ 24's `<id>/layer.tar` and docker 25's `blobs/sha256/<hex>`. `close()` removes the temp dir.
 */
async function readDockerArchive(file) {
    const name = `docker-archive:${file}`;
    const temp = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'docker-archive-'));
    try {
        const files = await extractTar(file, (0,external_node_path_.join)(temp, 'entries'), name);
        const image = pickImage(await readSavedImages(files, name), name);
        const configPath = archiveFile(files, image.config, name, 'its config');
        const config = await readConfig(configPath, name);
        const layers = await checkedLayers(image, configDiffIds(config, name), files, temp, name);
        const configDescriptor = {
            mediaType: media_types/* MediaTypes */.mI.ociConfig,
            digest: (0,oci_digest/* digestBytes */.QN)(config),
            size: config.length,
        };
        const layerDescriptors = layers.map((layer) => ({
            mediaType: media_types/* MediaTypes */.mI.ociLayerGzip,
            digest: layer.digest,
            size: layer.size,
        }));
        const root = imageManifest(configDescriptor, layerDescriptors);
        const blobs = new Map([[configDescriptor.digest, configPath]]);
        for (const layer of layers)
            blobs.set(layer.digest, layer.path);
        return {
            name,
            root,
            openBlob: async (descriptor) => (await openBlobFile(blobs, descriptor, name)).createReadStream({ highWaterMark: UPLOAD_READ_CHUNK }),
            readBlob: async (descriptor) => new FileChunks(await openBlobFile(blobs, descriptor, name), descriptor.size),
            close: () => (0,promises_.rm)(temp, { recursive: true, force: true }),
        };
    }
    catch (error) {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
        throw error;
    }
}
/** Field order fixed here, no whitespace: the same image always gives the same manifest digest. */
function imageManifest(config, layers) {
    const descriptor = ({ mediaType, digest, size }) => ({ mediaType, digest, size });
    const bytes = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: media_types/* MediaTypes */.mI.ociManifest,
        config: descriptor(config),
        layers: layers.map(descriptor),
    }));
    return {
        digest: (0,oci_digest/* digestBytes */.QN)(bytes),
        mediaType: media_types/* MediaTypes */.mI.ociManifest,
        bytes,
        children: [],
        blobs: [config, ...layers],
    };
}
async function readConfig(path, name) {
    const { size } = await (0,promises_.stat)(path);
    if (size > MAX_CONFIG_BYTES) {
        throw new errors/* UserError */.y(name, `its config is ${size} bytes, too large for an image config`);
    }
    return (0,promises_.readFile)(path);
}
async function openBlobFile(blobs, descriptor, name) {
    const path = blobs.get(descriptor.digest);
    if (path === undefined)
        throw new errors/* UserError */.y(name, `the image has no blob ${descriptor.digest}`);
    return (0,promises_.open)(path, 'r').catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error)) {
            throw new errors/* UserError */.y(name, `blob ${descriptor.digest} is gone: the source was closed`);
        }
        throw error;
    });
}

;// CONCATENATED MODULE: ./lib/oci/join-platforms.js




/** Configs are a few KiB (long histories reach a few hundred); more is not a config, and is not buffered. */
const join_platforms_MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/** The platform an image's config names; an index cannot be joined. */
async function platformOf(part) {
    const { root } = part;
    if (!media_types/* IMAGE_TYPES */.eG.includes(root.mediaType)) {
        throw new errors/* UserError */.y(part.name, `is a multi-arch index (${root.mediaType}); only single-image sources can be joined with +`, 'join one image per architecture, or publish this index on its own');
    }
    const [config] = root.blobs;
    if (config === undefined)
        throw new errors/* UserError */.y(part.name, 'its manifest has no config');
    return configPlatform(await join_platforms_readConfig(part, config), part.name);
}
async function join_platforms_readConfig(part, config) {
    if (config.size > join_platforms_MAX_CONFIG_BYTES) {
        throw new errors/* UserError */.y(part.name, `its config is ${config.size} bytes, too large for an image config`);
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of await part.openBlob(config)) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += buffer.length;
        if (size > config.size)
            break; // more than promised: the digest check below fails it
        chunks.push(buffer);
    }
    const bytes = Buffer.concat(chunks);
    const algorithm = (0,oci_digest/* parseDigest */.m)(config.digest)?.algorithm ?? 'sha256';
    if (size !== config.size || (0,oci_digest/* digestBytes */.QN)(bytes, algorithm) !== config.digest) {
        throw new errors/* UserError */.y(part.name, `its config does not match its digest ${config.digest}`, 'the image is damaged');
    }
    return bytes;
}
/** The platform as an index lists it: variant only when there is one, keys in one fixed order. */
function platformField(platform) {
    const { architecture, os, variant } = platform;
    return variant === undefined || variant === '' ? { architecture, os } : { architecture, os, variant };
}
function describePlatform(platform) {
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
/** What a runtime picks an image by: linux/arm64 and linux/arm64/v8 are the same platform to it. */
function platformKey(platform) {
    const variant = platform.architecture === 'arm64' && platform.variant === 'v8' ? '' : (platform.variant ?? '');
    return `${platform.os}/${platform.architecture}/${variant}`;
}
/** Refuses two parts that a runtime would take for the same platform. */
function rejectDuplicatePlatforms(members, name) {
    const seen = new Map();
    for (const member of members) {
        const key = platformKey(member.platform);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            throw new errors/* UserError */.y(name, `${earlier.part.name} and ${member.part.name} are both ${describePlatform(member.platform)} images`, 'join one image per platform');
        }
        seen.set(key, member);
    }
}

;// CONCATENATED MODULE: ./lib/oci/join-sources.js




/**
 * Assembles single-image sources (one per architecture) into one multi-arch OCI index, each listed
 * under the platform its config names, in the order given. The index bytes depend only on the parts,
 * so joining the same images again gives the same digest.
 */
async function joinSources(parts) {
    const name = parts.map((part) => part.name).join('+');
    if (parts.length === 0)
        throw new errors/* UserError */.y('images', 'no source images to join');
    const members = await Promise.all(parts.map(async (part) => ({ part, platform: await platformOf(part) })));
    rejectDuplicatePlatforms(members, name);
    const children = members.map((member) => member.part.root);
    const bytes = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: media_types/* MediaTypes */.mI.ociIndex,
        manifests: members.map(({ part, platform }) => ({
            mediaType: part.root.mediaType,
            digest: part.root.digest,
            size: part.root.bytes.length,
            platform: platformField(platform),
        })),
    }));
    const root = {
        digest: (0,oci_digest/* digestBytes */.QN)(bytes),
        mediaType: media_types/* MediaTypes */.mI.ociIndex,
        bytes,
        children,
        blobs: [],
    };
    // Each blob is read from the first part that lists it (parts may share layers).
    const owners = new Map();
    for (const part of parts)
        for (const blob of part.root.blobs)
            if (!owners.has(blob.digest))
                owners.set(blob.digest, part);
    const ownerOf = (descriptor) => {
        const owner = owners.get(descriptor.digest);
        if (owner === undefined)
            throw new errors/* UserError */.y(name, `no joined image has blob ${descriptor.digest}`);
        return owner;
    };
    const origin = sharedOrigin(parts);
    return {
        name,
        root,
        ...(origin === undefined ? {} : { origin }),
        openBlob: async (descriptor) => ownerOf(descriptor).openBlob(descriptor),
        readBlob: async (descriptor) => ownerOf(descriptor).readBlob(descriptor),
        close: async () => {
            const results = await Promise.allSettled(parts.map((part) => part.close()));
            const failed = results.find((result) => result.status === 'rejected');
            if (failed !== undefined)
                throw failed.reason;
        },
    };
}
/** Parts that all come from one repository keep it as the origin, so a registry target can mount their blobs. */
function sharedOrigin(parts) {
    const [first, ...others] = parts.map((part) => part.origin);
    if (first === undefined)
        return undefined;
    const same = others.every((origin) => origin?.registry === first.registry && origin.repository === first.repository);
    return same ? first : undefined;
}

// EXTERNAL MODULE: ./lib/oci/layout-files.js
var layout_files = __webpack_require__(21013);
;// CONCATENATED MODULE: ./lib/oci/layout-rewrite.js
/** The remedy for an OCI layout source that is damaged or incomplete. */
const REWRITE = 'write the layout again (e.g. skopeo copy ... oci:<dir>:<ref>)';

;// CONCATENATED MODULE: ./lib/oci/layout-blob-file.js






/**
 * Opens the blob's file before anything reads it, so a missing or truncated blob is a clear error
 * here rather than a failure in the middle of an upload.
 */
async function layout_blob_file_openBlobFile(dir, descriptor, name) {
    const path = (0,layout_files/* blobPath */.nD)(dir, checkedDigest(descriptor, name));
    const handle = await (0,promises_.open)(path, 'r').catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error)) {
            throw new errors/* UserError */.y(name, `blob ${descriptor.digest} is missing (${path})`, REWRITE);
        }
        throw error;
    });
    try {
        const { size } = await handle.stat();
        if (size !== descriptor.size) {
            throw new errors/* UserError */.y(name, `blob ${descriptor.digest} is ${size} bytes, not ${descriptor.size}`, REWRITE);
        }
    }
    catch (error) {
        await handle.close();
        throw error;
    }
    return handle;
}
/** The descriptor's digest, parsed: a malformed one is a damaged layout. */
function checkedDigest(descriptor, name) {
    const digest = (0,oci_digest/* parseDigest */.m)(descriptor.digest);
    if (digest === undefined)
        throw new errors/* UserError */.y(name, `malformed digest ${descriptor.digest}`, REWRITE);
    return digest;
}

;// CONCATENATED MODULE: ./lib/oci/layout-source-index.js








/** The entries of index.json's manifests list, each checked to be a descriptor. */
async function readIndexEntries(dir, name) {
    const bytes = await (0,promises_.readFile)((0,external_node_path_.join)(dir, layout_files/* INDEX_FILE */.K$)).catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error))
            throw new errors/* UserError */.y(name, `${dir} has no ${layout_files/* INDEX_FILE */.K$}`, REWRITE);
        throw error;
    });
    const index = (0,json/* parseJsonObject */.dw)(bytes);
    const manifests = index?.['manifests'];
    if (!Array.isArray(manifests)) {
        throw new errors/* UserError */.y(name, `${layout_files/* INDEX_FILE */.K$} is not an image index with a manifests list`, REWRITE);
    }
    return manifests.map((entry, i) => parseDescriptor(entry, name, `${layout_files/* INDEX_FILE */.K$} manifests[${i}]`));
}
function refName(entry) {
    return entry.annotations?.[layout_files/* REF_NAME_ANNOTATION */.EP];
}
/** How index.json names its images, for an error that lets the user pick one. */
function describeRefs(entries) {
    if (entries.length === 0)
        return 'it lists no image';
    const names = entries.map((entry) => refName(entry) ?? `(no ref name: ${entry.digest})`);
    return `it lists ${names.join(', ')}`;
}
/** The entry named `ref`, or the only one when `ref` is left out. */
function pickEntry(entries, ref, name) {
    if (ref === undefined) {
        const [only, ...others] = entries;
        if (only !== undefined && others.length === 0)
            return only;
        throw new errors/* UserError */.y(name, entries.length === 0 ? `${layout_files/* INDEX_FILE */.K$} lists no image` : `${layout_files/* INDEX_FILE */.K$} lists ${entries.length} images`, entries.length === 0 ? REWRITE : `add :<ref> to choose one; ${describeRefs(entries)}`);
    }
    const matches = entries.filter((entry) => refName(entry) === ref);
    const [first] = matches;
    if (first === undefined) {
        throw new errors/* UserError */.y(name, `${layout_files/* INDEX_FILE */.K$} names no image '${ref}'`, describeRefs(entries));
    }
    // The same ref twice is ambiguous unless both entries are the same manifest.
    if (matches.some((entry) => entry.digest !== first.digest)) {
        throw new errors/* UserError */.y(name, `${layout_files/* INDEX_FILE */.K$} names ${matches.length} different images '${ref}'`, REWRITE);
    }
    return first;
}

;// CONCATENATED MODULE: ./lib/oci/layout-source.js













/** Registries refuse manifests above 4 MiB; a bigger "manifest" is not one, and is not read into memory. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Indexes of indexes exist (attestations, nested platforms), but never this deep: a guard against a crafted file. */
const MAX_DEPTH = 8;
/**
 * Reads the image that an OCI image layout names `ref` in its index.json (or its only image when `ref`
 * is left out): the manifest tree, exactly as stored, with every manifest's digest checked. Blobs stay
 * on disk until the copy asks for them.
 */
async function readOciLayout(dir, ref) {
    const name = ref === undefined ? `oci-layout:${dir}` : `oci-layout:${dir}:${ref}`;
    await checkLayoutFile(dir, name);
    const entry = pickEntry(await readIndexEntries(dir, name), ref, name);
    const root = await readManifest(dir, entry, name, 0);
    return {
        name,
        root,
        // The stream and the reader own the file from here, and close it when done with it.
        openBlob: async (descriptor) => (await layout_blob_file_openBlobFile(dir, descriptor, name)).createReadStream({ highWaterMark: UPLOAD_READ_CHUNK }),
        readBlob: async (descriptor) => new FileChunks(await layout_blob_file_openBlobFile(dir, descriptor, name), descriptor.size),
        // Nothing was set up: the layout is the user's and stays as it is.
        close: async () => undefined,
    };
}
async function checkLayoutFile(dir, name) {
    const bytes = await (0,promises_.readFile)((0,external_node_path_.join)(dir, layout_files/* LAYOUT_FILE */.gI)).catch((error) => {
        if ((0,errno/* hasErrnoCode */.qk)(error, 'ENOTDIR')) {
            throw new errors/* UserError */.y(name, `${dir} is not a directory, so not an OCI image layout`, 'name the directory that holds oci-layout, index.json and blobs/ (docker-archive:<file> reads a docker save file)');
        }
        if ((0,errno/* isNotFound */.c4)(error)) {
            throw new errors/* UserError */.y(name, `${dir} is not an OCI image layout (it has no ${layout_files/* LAYOUT_FILE */.gI} file)`, 'name the directory that holds oci-layout, index.json and blobs/');
        }
        throw error;
    });
    const version = (0,json/* parseJsonObject */.dw)(bytes)?.['imageLayoutVersion'];
    // 1.x is the only version there is; a later major one may lay blobs out differently.
    if (typeof version !== 'string' || !version.startsWith('1.')) {
        throw new errors/* UserError */.y(name, `${layout_files/* LAYOUT_FILE */.gI} gives no supported imageLayoutVersion (1.x)`, REWRITE);
    }
}
async function readManifest(dir, descriptor, name, depth) {
    const what = `manifest ${descriptor.digest}`;
    if (depth > MAX_DEPTH) {
        throw new errors/* UserError */.y(name, `${what} is nested more than ${MAX_DEPTH} indexes deep`, REWRITE);
    }
    if (descriptor.size > MAX_MANIFEST_BYTES) {
        throw new errors/* UserError */.y(name, `${what} is ${descriptor.size} bytes, more than a manifest can be`, REWRITE);
    }
    const digest = checkedDigest(descriptor, name);
    const bytes = await (0,promises_.readFile)((0,layout_files/* blobPath */.nD)(dir, digest)).catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error))
            throw new errors/* UserError */.y(name, `${what} is missing from ${dir}`, REWRITE);
        throw error;
    });
    if (bytes.length !== descriptor.size || (0,oci_digest/* digestBytes */.QN)(bytes, digest.algorithm) !== descriptor.digest) {
        throw new errors/* UserError */.y(name, `${what} does not match its digest or size (the file was changed)`, REWRITE);
    }
    const references = manifestReferences(bytes, descriptor.mediaType, name, what);
    const children = await Promise.all(references.children.map((child) => readManifest(dir, child, name, depth + 1)));
    return {
        digest: descriptor.digest,
        mediaType: descriptor.mediaType,
        bytes,
        children,
        blobs: references.blobs,
    };
}

;// CONCATENATED MODULE: ./lib/image-drivers/copy-image.js




const NO_LEDGER = {
    whereIs: () => undefined,
    stored: () => undefined,
    alone: (_digest, store) => store(),
};
/**
 * Copies `source` to `target` as `tag`. A tag already at the digest is left alone; content the target
 * already holds is not sent again (a promotion is one manifest PUT per tag); children of an index go
 * before the index, blobs before their manifest, so the target never names what it does not hold.
 */
async function copyImage(source, target, tag, ledger = NO_LEDGER) {
    const root = source.root;
    // Registries and layouts name a tagged manifest by the sha256 of its bytes: an image addressed by
    // another algorithm would be published under a digest other than its own. Refused before any write.
    const algorithm = (0,oci_digest/* algorithmOf */.Hy)(root.digest);
    if (algorithm !== 'sha256') {
        throw new errors/* UserError */.y(source.name, `its manifest ${root.digest} is addressed by ${algorithm ?? 'an unknown algorithm'}, but tags are published by sha256 digest`, 'write the image again with sha256 digests (the default of docker, buildah and skopeo)');
    }
    const previous = await target.tagDigest(tag);
    if (previous === root.digest) {
        return { digest: root.digest, previous, outcome: 'unchanged', blobsUploaded: 0, blobsMounted: 0 };
    }
    const counts = { uploaded: 0, mounted: 0 };
    // A source read from this very repository is there already: its manifest GET proved it.
    const sameRepository = source.origin !== undefined &&
        source.origin.registry === target.origin?.registry &&
        source.origin.repository === target.origin.repository;
    const present = sameRepository || (await target.hasManifest(root.digest));
    if (!present)
        await copyContent(source, target, root, counts, ledger);
    const digest = await target.putManifest(tag, root);
    // Cannot happen: both targets return the sha256 of the bytes, which is root.digest (checked above).
    if (digest !== root.digest) {
        throw new Error(`${target.name}:${tag} stored ${digest}, expected ${root.digest}`);
    }
    return {
        digest,
        previous,
        outcome: present ? 'promoted' : 'copied',
        blobsUploaded: counts.uploaded,
        blobsMounted: counts.mounted,
    };
}
/** Everything a manifest needs before it can be stored: its children (stored by digest) or its blobs. */
async function copyContent(source, target, node, counts, ledger) {
    // The images of an index (one per platform) share nothing the target must hold first: they go
    // together, each round trip paid once for all of them rather than once per platform.
    await (0,all_in_order/* allInOrder */.b)(node.children.map((child) => async () => {
        if (await target.hasManifest(child.digest))
            return;
        await copyContent(source, target, child, counts, ledger);
        await target.putManifest(child.digest, child);
    }));
    // The blobs of one image go a few at a time: an image of hundreds of layers must not open hundreds
    // of requests at once (the target limits uploads further). Every copy under way settles before a
    // failure is reported, and none starts after it: the caller closes the source right after.
    const unique = [...new Map(node.blobs.map((blob) => [blob.digest, blob])).values()];
    await (0,map_concurrent/* mapConcurrent */._)(unique, BLOBS_AT_ONCE, (blob) => copyBlob(source, target, blob, counts, ledger));
}
/** Blobs of one image checked (HEAD), mounted or uploaded at once. */
const BLOBS_AT_ONCE = 8;
async function copyBlob(source, target, blob, counts, ledger) {
    await ledger.alone(blob.digest, async () => {
        if (!(await target.hasBlob(blob.digest))) {
            // A mount moves no bytes: from the source's own repository, or from one this run already filled.
            const places = [source.origin, ledger.whereIs(blob.digest)].filter((place) => place !== undefined);
            let mounted = false;
            for (const from of places)
                if (!mounted)
                    mounted = await target.mountBlob(blob.digest, from);
            if (mounted)
                counts.mounted++;
            else {
                await target.putBlob(blob, () => source.readBlob(blob));
                counts.uploaded++;
            }
        }
        ledger.stored(blob.digest);
    });
}

// EXTERNAL MODULE: ./lib/oci/layout-target.js + 4 modules
var layout_target = __webpack_require__(97152);
// EXTERNAL MODULE: ./lib/image-drivers/image-target.js
var image_target = __webpack_require__(31906);
;// CONCATENATED MODULE: ./lib/image-drivers/layout-copy-target.js

/**
 * One repository inside an OCI image layout: its tags are index.json entries named `<repository>:<tag>`
 * (`org.opencontainers.image.ref.name`), which is how `skopeo inspect oci:<dir>:<repository>:<tag>` finds them.
 */
class LayoutCopyTarget {
    layout;
    repository;
    name;
    constructor(layout, repository) {
        this.layout = layout;
        this.repository = repository;
        this.name = `${layout.dir} ${repository}`;
    }
    tagDigest(tag) {
        return this.layout.tagDigest(`${this.repository}:${tag}`);
    }
    hasManifest(digest) {
        return this.layout.hasManifest(digest);
    }
    hasBlob(digest) {
        return this.layout.hasBlob(digest);
    }
    async mountBlob() {
        // One layout is one blob store: a blob of another repository is already found by hasBlob.
        return false;
    }
    putBlob(descriptor, open) {
        return this.layout.writeBlob(descriptor, open);
    }
    async putManifest(reference, node) {
        const digest = await this.layout.putManifest(node.bytes, node.mediaType);
        if (!(0,oci_digest/* isDigest */.Bc)(reference)) {
            await this.layout.tag(`${this.repository}:${reference}`, {
                mediaType: node.mediaType,
                digest,
                size: node.bytes.length,
            });
        }
        return digest;
    }
}

;// CONCATENATED MODULE: ./lib/image-drivers/registry-copy-target.js

/** One repository of a registry, as a copy target. */
class RegistryCopyTarget {
    client;
    registry;
    repository;
    name;
    origin;
    /** Manifests this run saw or stored here: asking again would only cost a request per tag. */
    knownManifests = new Set();
    /** Tags this run stored here: the repository's tag list, read before, says nothing about them. */
    writtenTags = new Set();
    constructor(client, registry, repository) {
        this.client = client;
        this.registry = registry;
        this.repository = repository;
        this.name = `${registry}/${repository}`;
        this.origin = { registry, repository };
    }
    /**
     * A tag missing from the repository's tag list (one request for all its tags, shared with `latest:
     * auto`) needs no HEAD of its own: it gets written either way, and one that appeared after the list
     * was read is overwritten just as it would be after a HEAD. A listed tag is looked at, so that one
     * that already has the digest is left alone and a re-run writes nothing.
     */
    async tagDigest(tag) {
        if (!this.writtenTags.has(tag)) {
            const listed = await this.client.listedTags(this.repository);
            if (listed !== undefined && !listed.has(tag))
                return undefined;
        }
        return this.client.manifestDigest(this.repository, tag);
    }
    async hasManifest(digest) {
        if (this.knownManifests.has(digest))
            return true;
        const present = (await this.client.manifestDigest(this.repository, digest)) === digest;
        if (present)
            this.knownManifests.add(digest);
        return present;
    }
    hasBlob(digest) {
        return this.client.hasBlob(this.repository, digest);
    }
    async mountBlob(digest, from) {
        // A mount only works inside one registry; from elsewhere the bytes must travel.
        if (from.registry !== this.registry || from.repository === this.repository)
            return false;
        return this.client.mountBlob(this.repository, digest, from.repository);
    }
    putBlob(descriptor, open) {
        return this.client.uploadBlob(this.repository, descriptor, open);
    }
    async putManifest(reference, node) {
        if (!(0,oci_digest/* isDigest */.Bc)(reference))
            this.writtenTags.add(reference);
        return this.client.putManifest(this.repository, reference, {
            bytes: node.bytes,
            mediaType: node.mediaType,
        });
    }
}

;// CONCATENATED MODULE: ./lib/image-drivers/copy-targets.js




/**
 * Where one run copies images to: a target per repository and, per registry, where each blob was
 * stored. Kept for the whole run, so what one tag's copy learns serves the next.
 */
class CopyTargets {
    clientFor;
    progress;
    layouts = new Map();
    /** One target per repository, so what it learns (manifests it holds) serves every tag. */
    targets = new Map();
    /** Per registry: a repository that holds each blob this run saw there (for cross-repository mounts). */
    blobHomes = new Map();
    /** Per registry: the blobs a copy of this run is storing there right now, settled when it is done. */
    storing = new Map();
    constructor(clientFor, 
    /** Where a layout target tells the progress of large blobs (a registry's client has its own logger). */
    progress) {
        this.clientFor = clientFor;
        this.progress = progress;
    }
    targetFor(where) {
        const key = `${(0,image_target/* targetName */.je)(where.registry)}\u0000${where.repository}`;
        let target = this.targets.get(key);
        if (!target) {
            target = this.newTarget(where);
            this.targets.set(key, target);
        }
        return target;
    }
    ledgerFor(where) {
        const registry = (0,image_target/* targetName */.je)(where.registry);
        let homes = this.blobHomes.get(registry);
        if (!homes) {
            homes = new Map();
            this.blobHomes.set(registry, homes);
        }
        const known = homes;
        let busy = this.storing.get(registry);
        if (!busy) {
            busy = new Map();
            this.storing.set(registry, busy);
        }
        const inFlight = busy;
        return {
            whereIs: (digest) => {
                const repository = known.get(digest);
                return repository === undefined ? undefined : { registry, repository };
            },
            stored: (digest) => void known.set(digest, where.repository),
            async alone(digest, store) {
                // Looked at again after each wait: another waiter may have taken its turn first.
                for (let other = inFlight.get(digest); other !== undefined; other = inFlight.get(digest)) {
                    await other.catch(() => undefined);
                }
                const mine = store();
                inFlight.set(digest, mine);
                try {
                    return await mine;
                }
                finally {
                    if (inFlight.get(digest) === mine)
                        inFlight.delete(digest);
                }
            },
        };
    }
    newTarget(where) {
        const target = where.registry;
        if (target.kind === 'oci-layout') {
            const { dir } = target;
            let layout = this.layouts.get(dir);
            if (!layout) {
                layout = new layout_target/* OciLayoutTarget */.l(dir, this.progress);
                this.layouts.set(dir, layout);
            }
            return new LayoutCopyTarget(layout, where.repository);
        }
        return new RegistryCopyTarget(this.clientFor(target.host), target.host, where.repository);
    }
}

;// CONCATENATED MODULE: ./lib/image-drivers/remote-source.js



/** An image in a registry (`docker://registry/name:tag` or `@sha256:…`), read manifest by manifest; blobs streamed on demand. */
async function openRemoteSource(client, registry, repository, reference, name) {
    const root = await readNode(client, repository, reference, undefined, name);
    const openBlob = (descriptor) => client.openBlob(repository, descriptor.digest);
    return {
        name,
        root,
        origin: { registry, repository },
        openBlob,
        // Each chunk of an answer is a buffer of its own: the stream is as cheap as it gets.
        readBlob: openBlob,
        close: async () => undefined,
    };
}
async function readNode(client, repository, reference, expected, name) {
    const manifest = await client.getManifest(repository, reference);
    if (!manifest) {
        throw new errors/* UserError */.y(`images: ${name}`, `${reference} is not in ${repository}`, 'push it first, or fix the source');
    }
    // The registry's Content-Type says what the manifest is (a child's descriptor must agree).
    const mediaType = expected?.mediaType ?? manifest.mediaType;
    const references = manifestReferences(manifest.bytes, mediaType, `images: ${name}`, `manifest ${manifest.digest}`);
    // An index's images (one per platform) are read together.
    const children = await (0,all_in_order/* allInOrder */.b)(references.children.map((child) => () => readNode(client, repository, child.digest, child, name)));
    return {
        digest: manifest.digest,
        mediaType,
        bytes: manifest.bytes,
        children,
        blobs: references.blobs,
    };
}

// EXTERNAL MODULE: ./lib/image-drivers/source-spec.js
var source_spec = __webpack_require__(24728);
;// CONCATENATED MODULE: ./lib/image-drivers/registry-driver.js








/**
 * Publishes images with no docker daemon: reads them from registries, OCI layouts or `docker save`
 * archives, and copies them over the OCI distribution API (or into an OCI layout) itself.
 */
class RegistryDriver {
    logger;
    clientFor;
    workspace;
    name = 'registry';
    verifiesDigests = true;
    reportsChanges = true;
    concurrentPushes = true;
    sources = new Map();
    targets;
    constructor(logger, clientFor, workspace) {
        this.logger = logger;
        this.clientFor = clientFor;
        this.workspace = workspace;
        this.targets = new CopyTargets(clientFor, { logger });
    }
    /** Opening a source reads its manifests: anything missing or unreadable fails here, before any write. */
    async checkSources(sources) {
        // Every source is read at once; what each holds is told in the order they were given.
        const unique = [...new Set(sources)];
        const images = await (0,all_in_order/* allInOrder */.b)(unique.map((source) => () => this.open(source)));
        unique.forEach((source, i) => {
            const image = images[i];
            if (image !== undefined)
                this.logger.info(`${source}: ${describeRoot(image)}`);
        });
        return { missing: [] };
    }
    async login(registry, _credentials) {
        // Credentials go with every request of the registry's client; logging in is proving they work.
        await this.clientFor(registry).checkAccess();
        this.logger.info(`credentials accepted by ${registry}`);
    }
    /** The copy already compares the tag's digest before writing it: that answers `changed` with no request more. */
    async push(source, target, where) {
        const image = await this.open(source);
        const result = await copyImage(image, this.targets.targetFor(where), where.tag, this.targets.ledgerFor(where));
        const what = result.outcome === 'unchanged'
            ? 'already there'
            : result.outcome === 'promoted'
                ? 'promoted (no blob moved)'
                : `copied (${result.blobsUploaded} blobs uploaded, ${result.blobsMounted} mounted)`;
        this.logger.info(`${target}: ${what}`);
        return {
            digest: result.digest,
            changed: result.outcome !== 'unchanged',
            before: { digest: result.previous },
        };
    }
    async close() {
        const opened = await Promise.allSettled(this.sources.values());
        this.sources.clear();
        for (const result of opened)
            if (result.status === 'fulfilled')
                await result.value.close();
    }
    open(source) {
        let image = this.sources.get(source);
        if (!image) {
            image = this.read(source);
            this.sources.set(source, image);
        }
        return image;
    }
    async read(source) {
        const parts = (0,source_spec/* parseSource */.P)(source, this.workspace);
        // The images joined into one index (one per platform) are read together.
        const read = await Promise.allSettled(parts.map((part) => this.readPart(part, source)));
        const images = read.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
        try {
            const failed = read.find((result) => result.status === 'rejected');
            if (failed !== undefined)
                throw failed.reason;
            return images.length === 1 && images[0] ? images[0] : await joinSources(images);
        }
        catch (error) {
            await Promise.all(images.map((image) => image.close()));
            throw error;
        }
    }
    async readPart(part, source) {
        switch (part.kind) {
            case 'remote':
                return openRemoteSource(this.clientFor(part.registry), part.registry, part.repository, part.reference, source);
            case 'oci-layout':
                return readOciLayout(part.dir, part.ref);
            case 'docker-archive':
                return readDockerArchive(part.file);
        }
    }
}
function describeRoot(image) {
    const root = image.root;
    return root.children.length > 0
        ? `index ${root.digest} of ${root.children.length} images`
        : `image ${root.digest} of ${Math.max(root.blobs.length - 1, 0)} layers`;
}


/***/ }),

/***/ 21013:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EP: () => (/* binding */ REF_NAME_ANNOTATION),
/* harmony export */   K$: () => (/* binding */ INDEX_FILE),
/* harmony export */   gI: () => (/* binding */ LAYOUT_FILE),
/* harmony export */   nD: () => (/* binding */ blobPath),
/* harmony export */   w9: () => (/* binding */ LAYOUT_VERSION),
/* harmony export */   xl: () => (/* binding */ BLOBS_DIR)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);

/** The names an OCI image layout is made of (image-spec, image-layout.md). */
const LAYOUT_FILE = 'oci-layout';
const INDEX_FILE = 'index.json';
const BLOBS_DIR = 'blobs';
const LAYOUT_VERSION = '1.0.0';
/** The annotation by which index.json names an image: what skopeo's `oci:<dir>:<ref>` looks up. */
const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name';
/** blobs/<alg>/<hex>: a checked digest has no `/` or `..`, so this stays inside the layout. */
function blobPath(dir, digest) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(dir, BLOBS_DIR, digest.algorithm, digest.hex);
}


/***/ }),

/***/ 97152:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ OciLayoutTarget)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/util/atomic-file.js
var atomic_file = __webpack_require__(13854);
// EXTERNAL MODULE: ./lib/util/errno.js
var errno = __webpack_require__(85980);
// EXTERNAL MODULE: ./lib/util/progress.js
var util_progress = __webpack_require__(46189);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./lib/oci/content-check.js
var content_check = __webpack_require__(117);
;// CONCATENATED MODULE: ./lib/oci/checked-write.js


/**
 * Writes a blob's chunks into `file` through `check`, each one on its way before the next is asked for
 * (the reader may reuse its buffer), and ends the file once the whole content checked out. Each chunk
 * goes into `progress` once it is written.
 */
async function writeChecked(reader, check, file, progress) {
    // A failed write reports to its callback; without a listener the 'error' it also emits would throw.
    file.on('error', () => undefined);
    try {
        for await (const chunk of (0,content_check/* checkedChunks */.mM)(reader, check)) {
            await new Promise((resolve, reject) => {
                file.write(chunk, (error) => (error ? reject(error) : resolve()));
            });
            progress?.advance(chunk.length);
        }
    }
    finally {
        reader.destroy();
    }
    file.end();
    await (0,external_node_stream_promises_.finished)(file);
}

// EXTERNAL MODULE: ./lib/oci/digest.js
var oci_digest = __webpack_require__(9501);
// EXTERNAL MODULE: ./lib/oci/json.js
var json = __webpack_require__(73931);
// EXTERNAL MODULE: ./lib/oci/layout-files.js
var layout_files = __webpack_require__(21013);
;// CONCATENATED MODULE: ./lib/oci/layout-path-error.js


/**
 * The error for a layout path that runs through a file (the target names a file, or blobs/ is one):
 * the user names another directory or moves the file. Any other error is returned as it is.
 */
function layoutPathError(error, dir, subject) {
    if (!(0,errno/* hasErrnoCode */.qk)(error, 'ENOTDIR') && !(0,errno/* hasErrnoCode */.qk)(error, 'EEXIST'))
        return error;
    return new errors/* UserError */.y(subject, `${dir} is not a directory, or holds a file where the layout needs one (blobs/)`, 'name a directory for the layout (it is created if it does not exist)');
}

;// CONCATENATED MODULE: ./lib/oci/layout-skeleton.js








/**
 * Creates a layout's skeleton (blobs/ and its oci-layout file) where it is missing; refuses a
 * directory whose oci-layout names another version.
 */
async function createLayoutSkeleton(dir, subject) {
    await (0,promises_.mkdir)((0,external_node_path_.join)(dir, layout_files/* BLOBS_DIR */.xl), { recursive: true }).catch((error) => {
        throw layoutPathError(error, dir, subject);
    });
    const file = (0,external_node_path_.join)(dir, layout_files/* LAYOUT_FILE */.gI);
    const existing = await (0,promises_.readFile)(file).catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    });
    if (existing === undefined) {
        await (0,atomic_file/* writeFileAtomic */.Z)(file, Buffer.from(JSON.stringify({ imageLayoutVersion: layout_files/* LAYOUT_VERSION */.w9 })));
        return;
    }
    const version = (0,json/* parseJsonObject */.dw)(existing)?.['imageLayoutVersion'];
    if (typeof version !== 'string' || !version.startsWith('1.')) {
        throw new errors/* UserError */.y(subject, `${layout_files/* LAYOUT_FILE */.gI} gives no supported imageLayoutVersion (1.x)`);
    }
}

// EXTERNAL MODULE: ./lib/oci/media-types.js
var media_types = __webpack_require__(50261);
;// CONCATENATED MODULE: ./lib/oci/layout-target-index.js









/**
 * The ref-name grammar of the image-layout spec (`component ("/" component)*`), which skopeo also
 * enforces: a name outside it would be written but could not be read back with `oci:<dir>:<name>`.
 */
const COMPONENT = '[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*';
const REF_NAME = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/**
 * index.json rewrites of one directory, chained: each reads the file the previous one wrote, so two
 * tags set at once both survive. Keyed by absolute path, so two targets over one directory share it.
 */
const indexQueues = new Map();
function isRefName(name) {
    return REF_NAME.test(name);
}
/** The name index.json gives an entry (its ref-name annotation), or undefined. */
function refName(entry) {
    const annotations = (0,json/* isJsonObject */.OW)(entry) ? entry['annotations'] : undefined;
    const name = (0,json/* isJsonObject */.OW)(annotations) ? annotations[layout_files/* REF_NAME_ANNOTATION */.EP] : undefined;
    return typeof name === 'string' ? name : undefined;
}
/** `entries` with `entry` named `name`: the entry of that name is replaced in its place, or `entry` comes last. */
function withNamedEntry(entries, name, entry) {
    const others = entries.filter((other) => refName(other) !== name);
    const at = entries.findIndex((other) => refName(other) === name);
    return at < 0 ? [...others, entry] : [...others.slice(0, at), entry, ...others.slice(at)];
}
/** index.json with its manifests list; undefined when there is none yet. */
async function readTargetIndex(dir, subject) {
    const bytes = await (0,promises_.readFile)((0,external_node_path_.join)(dir, layout_files/* INDEX_FILE */.K$)).catch((error) => {
        if ((0,errno/* isNotFound */.c4)(error))
            return undefined;
        throw layoutPathError(error, dir, subject);
    });
    if (bytes === undefined)
        return undefined;
    const index = (0,json/* parseJsonObject */.dw)(bytes);
    const manifests = index?.['manifests'];
    if (index === undefined || !Array.isArray(manifests)) {
        // Never overwritten: it may hold the user's other images.
        throw new errors/* UserError */.y(subject, `${layout_files/* INDEX_FILE */.K$} is not an image index with a manifests list`);
    }
    return { index, manifests };
}
/** Rewrites index.json's manifests list, one rewrite at a time per directory (see indexQueues). */
async function updateTargetIndex(dir, subject, change) {
    const key = (0,external_node_path_.resolve)(dir);
    const previous = indexQueues.get(key) ?? Promise.resolve();
    const next = previous
        .catch(() => undefined) // the previous writer's failure is its caller's
        .then(async () => {
        const current = await readTargetIndex(dir, subject);
        const index = current?.index ?? { schemaVersion: 2, mediaType: media_types/* MediaTypes */.mI.ociIndex };
        // Other fields of an existing index.json (its annotations...) are kept as they are.
        const updated = { ...index, manifests: change(current?.manifests ?? []) };
        await (0,atomic_file/* writeFileAtomic */.Z)((0,external_node_path_.join)(dir, layout_files/* INDEX_FILE */.K$), Buffer.from(JSON.stringify(updated)));
    });
    indexQueues.set(key, next);
    try {
        await next;
    }
    finally {
        if (indexQueues.get(key) === next)
            indexQueues.delete(key);
    }
}

;// CONCATENATED MODULE: ./lib/oci/layout-target.js















/**
 * An OCI image layout written in place: blobs (manifests too) land atomically under blobs/<alg>/<hex>,
 * each checked against its digest while it streams; index.json names images by
 * `org.opencontainers.image.ref.name`, as skopeo's `oci:<dir>:<ref>` reads them.
 */
class OciLayoutTarget {
    dir;
    progress;
    subject;
    ready;
    constructor(dir, 
    /** Where the progress of blobs over 64 MiB is told; nowhere when absent. */
    progress) {
        this.dir = dir;
        this.progress = progress;
        this.subject = `oci-layout:${dir}`;
    }
    async hasBlob(digest) {
        try {
            return (await (0,promises_.stat)(this.blobPath(digest))).isFile();
        }
        catch (error) {
            if ((0,errno/* isNotFound */.c4)(error))
                return false;
            throw layoutPathError(error, this.dir, this.subject);
        }
    }
    /**
     * Writes a blob into the layout unless it is there already (then `open` is not called). What
     * arrives must have the descriptor's digest and size, or nothing is written; a blob that runs past
     * its size is cut off at once. Different blobs may be written concurrently. A blob over 64 MiB logs
     * its progress.
     */
    async writeBlob(descriptor, open) {
        const digest = this.parse(descriptor.digest);
        if (await this.hasBlob(descriptor.digest))
            return;
        await this.ensureLayout();
        const path = (0,layout_files/* blobPath */.nD)(this.dir, digest);
        await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, layout_files/* BLOBS_DIR */.xl, digest.algorithm), { recursive: true });
        const check = new content_check/* ContentCheck */.S$(descriptor, (problem) => new errors/* UserError */.y(this.subject, `blob ${descriptor.digest} is not what its descriptor says: ${problem}`, 'the source is damaged or changed while it was copied; nothing was written'));
        const progress = (0,util_progress/* startProgress */.ot)(this.progress, `${this.subject}: ${(0,oci_digest/* shortDigest */.VK)(descriptor.digest)}`, descriptor.size);
        // The blob's temporary file goes in blobs/ itself: the rename stays on one filesystem.
        await (0,atomic_file/* writeFileAtomic */.Z)(path, async (file) => writeChecked(await open(), check, file, progress), undefined, (0,external_node_path_.join)(this.dir, layout_files/* BLOBS_DIR */.xl));
        progress.finish();
    }
    hasManifest(digest) {
        return this.hasBlob(digest);
    }
    /** Stores a manifest's exact bytes as a blob; returns its digest. */
    async putManifest(bytes, mediaType) {
        const own = (0,json/* parseJsonObject */.dw)(bytes)?.['mediaType'];
        if (own !== undefined && own !== mediaType) {
            throw new errors/* UserError */.y(this.subject, `a manifest that says it is ${String(own)} was given as ${mediaType}`);
        }
        const digest = (0,oci_digest/* digestBytes */.QN)(bytes);
        await this.writeBlob({ mediaType, digest, size: bytes.length }, async () => external_node_stream_.Readable.from([bytes]));
        return digest;
    }
    /**
     * Points `name` at a manifest the layout holds: index.json's entry of that name is replaced (in its
     * place), every other entry is kept, and the file is swapped atomically.
     */
    async tag(name, descriptor) {
        if (!isRefName(name)) {
            throw new errors/* UserError */.y(this.subject, `'${name}' is not a valid image-layout ref name`, 'use letters, digits and . _ - : @ + between them, components separated by /');
        }
        if (!(await this.hasManifest(descriptor.digest))) {
            throw new errors/* UserError */.y(this.subject, `cannot tag ${name}: the layout does not hold ${descriptor.digest}`);
        }
        await this.ensureLayout();
        const entry = {
            mediaType: descriptor.mediaType,
            digest: descriptor.digest,
            size: descriptor.size,
            ...(descriptor.platform === undefined ? {} : { platform: descriptor.platform }),
            annotations: { ...descriptor.annotations, [layout_files/* REF_NAME_ANNOTATION */.EP]: name },
        };
        await updateTargetIndex(this.dir, this.subject, (entries) => withNamedEntry(entries, name, entry));
    }
    /** A small blob's bytes (a manifest), checked against its digest; undefined when the layout lacks it. */
    async readSmallBlob(digest) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(this.blobPath(digest));
        }
        catch (error) {
            if ((0,errno/* isNotFound */.c4)(error))
                return undefined;
            throw layoutPathError(error, this.dir, this.subject);
        }
        if ((0,oci_digest/* digestBytes */.QN)(bytes, this.parse(digest).algorithm) !== digest) {
            throw new errors/* UserError */.y(this.subject, `the blob ${digest} does not have its digest`, 'check the layout');
        }
        return bytes;
    }
    /** The digest index.json names `name` with, or undefined. */
    async tagDigest(name) {
        const index = await readTargetIndex(this.dir, this.subject);
        const entry = index?.manifests.find((other) => refName(other) === name);
        const digest = (0,json/* isJsonObject */.OW)(entry) ? entry['digest'] : undefined;
        return typeof digest === 'string' ? digest : undefined;
    }
    parse(digest) {
        const parsed = (0,oci_digest/* parseDigest */.m)(digest);
        if (parsed === undefined)
            throw new errors/* UserError */.y(this.subject, `malformed digest ${digest}`);
        return parsed;
    }
    blobPath(digest) {
        return (0,layout_files/* blobPath */.nD)(this.dir, this.parse(digest));
    }
    /** Creates the layout's skeleton once (see createLayoutSkeleton). */
    ensureLayout() {
        this.ready ??= createLayoutSkeleton(this.dir, this.subject);
        // A failed attempt (a permission error...) may be retried by the next call.
        this.ready.catch(() => {
            this.ready = undefined;
        });
        return this.ready;
    }
}


/***/ })

};
