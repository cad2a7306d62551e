export const id = 873;
export const ids = [873];
export const modules = {

/***/ 46535:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ headerSignatureTag),
/* harmony export */   BP: () => (/* binding */ signatureEntry),
/* harmony export */   Nz: () => (/* binding */ SIGNATURE_TAGS),
/* harmony export */   i0: () => (/* binding */ signatureHeaderWith)
/* harmony export */ });
/* harmony import */ var _rpm_signature_header_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48292);
/* harmony import */ var _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61137);


/** Every tag an OpenPGP signature of the package can sit in: a new signature replaces all of them. */
const SIGNATURE_TAGS = new Set([
    _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.dsaHeader,
    _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.rsaHeader,
    _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.openPgp,
    _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.pgp,
    _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.gpg,
    _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.pgp5,
]);
/** OpenPGP public-key algorithm numbers (RFC 4880 9.1) rpm signs with. */
const RSA_ALGORITHMS = new Set([1, 2, 3]);
const DSA = 17;
const EDDSA = 22;
/**
 * The signature-header tag `rpmsign --addsign` puts a header-only signature by this kind of key in
 * (makeSigTag in rpmgensig.c): RSA's in RSAHEADER, DSA's and EdDSA's in DSAHEADER; rpm signs with
 * no other kind of key, so undefined.
 */
function headerSignatureTag(publicKeyAlgorithm) {
    if (RSA_ALGORITHMS.has(publicKeyAlgorithm))
        return _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.rsaHeader;
    if (publicKeyAlgorithm === DSA || publicKeyAlgorithm === EDDSA)
        return _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.dsaHeader;
    return undefined;
}
/**
 * The signature header with `signature` in place of any earlier signature, its other tags kept.
 * As rpmsign does, the reserved space gives up what the header grows by (or takes back what it
 * shrinks by), so the package keeps its size; when the space is too small it is left as it was.
 */
function signatureHeaderWith(entries, signature) {
    const signed = [...entries.filter((entry) => !SIGNATURE_TAGS.has(entry.tag)), signature];
    const growth = (0,_rpm_signature_header_js__WEBPACK_IMPORTED_MODULE_0__/* .signatureHeaderSize */ .fH)(signed) - (0,_rpm_signature_header_js__WEBPACK_IMPORTED_MODULE_0__/* .signatureHeaderSize */ .fH)(entries);
    const reserved = signed.findIndex((entry) => entry.tag === _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .SignatureTag */ .ry.reservedSpace);
    const space = signed[reserved];
    if (space !== undefined && growth !== 0 && growth < space.count) {
        const count = space.count - growth;
        const data = Buffer.alloc(count);
        space.data.copy(data, 0, 0, Math.min(count, space.data.length));
        signed[reserved] = { ...space, count, data };
    }
    return (0,_rpm_signature_header_js__WEBPACK_IMPORTED_MODULE_0__/* .writeSignatureHeader */ .Pc)(signed);
}
/** The binary tag entry of a signature packet. */
function signatureEntry(tag, packet) {
    return { tag, type: _rpm_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .TagType */ .PK.bin, count: packet.length, data: Buffer.from(packet) };
}


/***/ }),

/***/ 48292:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pc: () => (/* binding */ writeSignatureHeader),
/* harmony export */   fH: () => (/* binding */ signatureHeaderSize),
/* harmony export */   xv: () => (/* binding */ readRawEntries)
/* harmony export */ });
/* unused harmony export SIGNATURE_REGION_TAG */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _rpm_header_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34837);
/* harmony import */ var _rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61137);



/** RPMTAG_HEADERSIGNATURES: the region tag that wraps every tag of a signature header. */
const SIGNATURE_REGION_TAG = 62;
const ENTRY_SIZE = 16;
/** The region's trailer: a copy of its index entry, at the end of the data store. */
const REGION_TRAILER_SIZE = 16;
const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]);
const REBUILD = 'build the package again with rpmbuild';
/** Bytes per item of the fixed-size types; rpm aligns each such value to its own size. */
const ITEM_SIZE = {
    [_rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.char]: 1,
    [_rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.int8]: 1,
    [_rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.bin]: 1,
    [_rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.int16]: 2,
    [_rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.int32]: 4,
    [_rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.int64]: 8,
};
/**
 * The tags of a header structure (`bytes` = intro + index + data store) with their data, in index
 * order, leaving out the region tag: what a rewrite keeps of a signature header.
 */
function readRawEntries(bytes, subject, what) {
    const { entries: count, dataSize, size } = (0,_rpm_header_js__WEBPACK_IMPORTED_MODULE_1__/* .headerShape */ .HD)(bytes, subject, what);
    if (bytes.length < size) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(subject, `has a ${what} cut short (${bytes.length} of ${size} bytes)`, REBUILD);
    }
    const dataStart = _rpm_header_js__WEBPACK_IMPORTED_MODULE_1__/* .HEADER_INTRO_SIZE */ .R5 + count * ENTRY_SIZE;
    const store = bytes.subarray(dataStart, dataStart + dataSize);
    const damaged = (tag, problem) => new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(subject, `has a damaged ${what}: tag ${tag} ${problem}`, REBUILD);
    const entries = [];
    for (let i = 0; i < count; i++) {
        const at = _rpm_header_js__WEBPACK_IMPORTED_MODULE_1__/* .HEADER_INTRO_SIZE */ .R5 + i * ENTRY_SIZE;
        const tag = bytes.readUInt32BE(at);
        const type = bytes.readUInt32BE(at + 4);
        const offset = bytes.readInt32BE(at + 8);
        const entryCount = bytes.readUInt32BE(at + 12);
        if (tag === SIGNATURE_REGION_TAG)
            continue;
        if (entries.some((entry) => entry.tag === tag))
            throw damaged(tag, 'appears twice');
        if (offset < 0 || offset > store.length)
            throw damaged(tag, `points outside the data (${offset})`);
        const length = dataLength(store, offset, type, entryCount, (problem) => damaged(tag, problem));
        entries.push({ tag, type, count: entryCount, data: store.subarray(offset, offset + length) });
    }
    return entries;
}
function dataLength(store, offset, type, count, damaged) {
    const itemSize = ITEM_SIZE[type];
    let length;
    if (itemSize !== undefined) {
        length = itemSize * count;
    }
    else if (type === _rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.string || type === _rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.stringArray || type === _rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.i18nString) {
        if (type === _rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.string && count !== 1)
            throw damaged(`is a string with count ${count}`);
        length = 0;
        for (let i = 0; i < count; i++) {
            const end = store.indexOf(0, offset + length);
            if (end < 0)
                throw damaged('has a string that runs past the data');
            length = end + 1 - offset;
        }
    }
    else {
        throw damaged(`has unknown type ${type}`);
    }
    if (offset + length > store.length)
        throw damaged('runs past the data');
    return length;
}
/**
 * A signature header as rpm writes one (`headerReload` of RPMTAG_HEADERSIGNATURES): a region tag
 * first, then the tags by number with their data in that order, each number aligned to its size,
 * and the region's trailer (the region tag with the index's size as a negative offset) last.
 */
function writeSignatureHeader(entries) {
    const sorted = [...entries].sort((a, b) => a.tag - b.tag);
    const parts = [];
    const index = [];
    let dataSize = 0;
    for (const entry of sorted) {
        const padding = alignment(entry.type, dataSize);
        if (padding > 0)
            parts.push(Buffer.alloc(padding));
        dataSize += padding;
        index.push(indexEntry(entry.tag, entry.type, dataSize, entry.count));
        parts.push(entry.data);
        dataSize += entry.data.length;
    }
    const entryCount = sorted.length + 1;
    const region = indexEntry(SIGNATURE_REGION_TAG, _rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.bin, dataSize, REGION_TRAILER_SIZE);
    const trailer = indexEntry(SIGNATURE_REGION_TAG, _rpm_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TagType */ .PK.bin, -entryCount * ENTRY_SIZE, REGION_TRAILER_SIZE);
    const counts = Buffer.alloc(8);
    counts.writeUInt32BE(entryCount, 0);
    counts.writeUInt32BE(dataSize + REGION_TRAILER_SIZE, 4);
    return Buffer.concat([HEADER_MAGIC, counts, region, ...index, ...parts, trailer]);
}
/** The size `writeSignatureHeader` gives these entries, without writing them. */
function signatureHeaderSize(entries) {
    let dataSize = 0;
    for (const entry of [...entries].sort((a, b) => a.tag - b.tag)) {
        dataSize += alignment(entry.type, dataSize) + entry.data.length;
    }
    return _rpm_header_js__WEBPACK_IMPORTED_MODULE_1__/* .HEADER_INTRO_SIZE */ .R5 + (entries.length + 1) * ENTRY_SIZE + dataSize + REGION_TRAILER_SIZE;
}
function alignment(type, at) {
    const size = ITEM_SIZE[type] ?? 1;
    return (size - (at % size)) % size;
}
function indexEntry(tag, type, offset, count) {
    const entry = Buffer.alloc(ENTRY_SIZE);
    entry.writeUInt32BE(tag, 0);
    entry.writeUInt32BE(type, 4);
    entry.writeInt32BE(offset, 8);
    entry.writeUInt32BE(count, 12);
    return entry;
}


/***/ }),

/***/ 75357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ signRpm)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var openpgp__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(13074);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99661);
/* harmony import */ var _header_signature_entries_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46535);
/* harmony import */ var _rpm_signature_header_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(48292);
/* harmony import */ var _signable_rpm_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(90169);









const SIGNATURE_ALIGNMENT = 8;
/**
 * Writes to `output` the rpm at `input` with its signature header holding a header-only OpenPGP
 * signature, as `rpmsign --addsign` writes one: over the main header's bytes, in RSAHEADER (268) for
 * an RSA key or DSAHEADER (267) for a DSA or EdDSA key, replacing any earlier signature (267, 268,
 * 1002, 1005, 1006 and rpm 6's 278). The lead, main header and payload are copied byte for byte, the
 * payload streamed (packages can be hundreds of MiB). The reserved space (1008) gives up what the
 * signature adds, so the file keeps its size when there is room. Returns the new file's size.
 * Throws a UserError, before writing anything, for a file that is not an rpm it can sign.
 */
async function signRpm(input, output, sign) {
    const rpm = await (0,_signable_rpm_js__WEBPACK_IMPORTED_MODULE_8__/* .readSignableRpm */ .z)(input);
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(input) === (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(output)) {
        // The payload is copied from the input after the headers are written: the same file would be cut.
        throw new Error(`signRpm writes a new file: the output ${output} must not be the input`);
    }
    const packet = await sign(rpm.mainHeader);
    const tag = (0,_header_signature_entries_js__WEBPACK_IMPORTED_MODULE_6__/* .headerSignatureTag */ .AI)(await publicKeyAlgorithm(packet));
    if (tag === undefined) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .y('signing-key', 'is not an RSA, DSA or EdDSA (legacy Ed25519) key, the kinds rpm verifies package signatures of', 'sign with an RSA or gpg-made Ed25519 key');
    }
    const entries = (0,_rpm_signature_header_js__WEBPACK_IMPORTED_MODULE_7__/* .readRawEntries */ .xv)(rpm.signatureHeader, rpm.subject, 'signature header');
    const signatureHeader = (0,_header_signature_entries_js__WEBPACK_IMPORTED_MODULE_6__/* .signatureHeaderWith */ .i0)(entries, (0,_header_signature_entries_js__WEBPACK_IMPORTED_MODULE_6__/* .signatureEntry */ .BP)(tag, packet));
    const padding = Buffer.alloc((SIGNATURE_ALIGNMENT - (signatureHeader.length % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(output, Buffer.concat([rpm.lead, signatureHeader, padding, rpm.mainHeader]));
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(input, { start: rpm.payloadStart }), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(output, { flags: 'a' }));
    return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(output)).size;
}
async function publicKeyAlgorithm(packet) {
    const signature = await (0,openpgp__WEBPACK_IMPORTED_MODULE_4__/* .readSignature */ .Bc)({ binarySignature: packet });
    const algorithm = signature.packets[0]?.publicKeyAlgorithm;
    if (algorithm === undefined || algorithm === null)
        throw new Error('the signer returned no signature packet');
    return algorithm;
}


/***/ }),

/***/ 90169:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ checkSignableHeaders),
/* harmony export */   z: () => (/* binding */ readSignableRpm)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _util_byte_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(65292);
/* harmony import */ var _rpm_header_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(34837);
/* harmony import */ var _rpm_tags_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(61137);







const LEAD_SIZE = 96;
const LEAD_MAGIC = Buffer.from([0xed, 0xab, 0xee, 0xdb]);
/** The signature header is padded so that the main header starts on an 8-byte boundary. */
const SIGNATURE_ALIGNMENT = 8;
/** RPMSIGTAG_SHA256: the hex SHA-256 of the main header, which rpmbuild writes. */
const MAIN_HEADER_SHA256 = 273;
const REBUILD = 'give the complete .rpm as rpmbuild wrote it';
/**
 * Reads an .rpm's lead and headers and checks the package is one rpm would sign with a header-only
 * signature: an rpm 4 package (with an immutable main header region) whose main header holds the
 * payload's digest, complete, and whose main header matches its recorded digest.
 */
async function readSignableRpm(file) {
    const subject = `packages: ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(file)}`;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    try {
        const { size: fileSize } = await handle.stat();
        const source = (0,_util_byte_source_js__WEBPACK_IMPORTED_MODULE_6__/* .fileBytes */ .sG)(handle);
        const lead = await source.bytesAt(0, Math.min(LEAD_SIZE, fileSize));
        if (!lead.subarray(0, 4).equals(LEAD_MAGIC)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(subject, 'is not an RPM package: it does not start with the rpm lead magic', REBUILD);
        }
        if (fileSize < LEAD_SIZE)
            throw truncated(subject, LEAD_SIZE, fileSize);
        const signatureHeader = await readHeaderBytes(source, LEAD_SIZE, fileSize, subject, 'signature header');
        const unpadded = LEAD_SIZE + signatureHeader.length;
        const mainStart = unpadded + ((SIGNATURE_ALIGNMENT - (unpadded % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
        const mainHeader = await readHeaderBytes(source, mainStart, fileSize, subject, 'main header');
        const signature = (0,_rpm_header_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHeader */ .RW)(signatureHeader, subject, 'signature header');
        const sizes = signature.number(_rpm_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .SignatureTag */ .ry.longSize) ?? signature.number(_rpm_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .SignatureTag */ .ry.size);
        if (sizes !== undefined && mainStart + sizes > fileSize)
            throw truncated(subject, mainStart + sizes, fileSize);
        checkSignableHeaders(signatureHeader, mainHeader, subject);
        return {
            subject,
            lead,
            signatureHeader,
            mainHeader,
            payloadStart: mainStart + mainHeader.length,
            fileSize,
        };
    }
    finally {
        await handle.close();
    }
}
/**
 * The checks rpmsign makes before it signs, on the two headers alone (no payload needed): an rpm 4
 * package whose main header holds the payload's digest and matches its recorded digest. A UserError
 * naming `subject` otherwise.
 */
function checkSignableHeaders(signatureHeader, mainHeader, subject) {
    checkSignable((0,_rpm_header_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHeader */ .RW)(mainHeader, subject, 'main header'), subject);
    checkDigest((0,_rpm_header_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHeader */ .RW)(signatureHeader, subject, 'signature header'), mainHeader, subject);
}
function checkSignable(main, subject) {
    if (!main.has(_rpm_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .Tag */ .vw.headerImmutable)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(subject, 'is an rpm 3 package, which rpm cannot sign', 'build it with rpmbuild 4 or later');
    }
    // Without the payload's digest in the main header, a signature of that header alone would not
    // cover the payload: rpmsign then also signs header and payload together, which is not done here.
    if (!main.has(_rpm_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .Tag */ .vw.payloadDigest) && !main.has(_rpm_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .Tag */ .vw.payloadDigestAlt)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(subject, 'has no payload digest in its header, so a header signature would not cover its files', 'build it with rpmbuild 4.14 or later');
    }
}
/** rpmsign refuses to sign a damaged package; a main header that changed after the build is one. */
function checkDigest(signature, mainHeader, subject) {
    const recorded = signature.string(MAIN_HEADER_SHA256);
    if (recorded === undefined)
        return;
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(mainHeader).digest('hex') !== recorded.toLowerCase()) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(subject, 'has a main header that does not match its SHA-256 digest', REBUILD);
    }
}
async function readHeaderBytes(source, position, fileSize, subject, what) {
    if (position + _rpm_header_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_INTRO_SIZE */ .R5 > fileSize)
        throw truncated(subject, position + _rpm_header_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_INTRO_SIZE */ .R5, fileSize);
    const { size } = (0,_rpm_header_js__WEBPACK_IMPORTED_MODULE_4__/* .headerShape */ .HD)(await source.bytesAt(position, _rpm_header_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_INTRO_SIZE */ .R5), subject, what);
    if (position + size > fileSize)
        throw truncated(subject, position + size, fileSize);
    return source.bytesAt(position, size);
}
function truncated(subject, needed, size) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(subject, `is truncated: it needs at least ${needed} bytes but the file has ${size}`, 'download or build the package again');
}


/***/ }),

/***/ 71873:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RepositoryMaintainer: () => (/* binding */ RepositoryMaintainer)
});

// EXTERNAL MODULE: ./lib/package-layout/host-layout.js
var host_layout = __webpack_require__(10654);
// EXTERNAL MODULE: ./lib/indexes/apt-format.js + 7 modules
var apt_format = __webpack_require__(5857);
// EXTERNAL MODULE: ./lib/indexes/index-keeper.js + 4 modules
var index_keeper = __webpack_require__(3670);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./lib/formats/package-contents.js + 12 modules
var package_contents = __webpack_require__(32352);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/formats/rpm/header-signature-entries.js
var header_signature_entries = __webpack_require__(46535);
// EXTERNAL MODULE: ./lib/formats/rpm/rpm-header.js + 1 modules
var rpm_header = __webpack_require__(34837);
// EXTERNAL MODULE: ./lib/formats/rpm/rpm-signature-header.js
var rpm_signature_header = __webpack_require__(48292);
// EXTERNAL MODULE: ./lib/formats/rpm/signable-rpm.js
var signable_rpm = __webpack_require__(90169);
;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-signature-packets.js





const LEAD_SIZE = 96;
const LEAD_MAGIC = Buffer.from([0xed, 0xab, 0xee, 0xdb]);
/** The signature header is padded so that the main header starts on an 8-byte boundary. */
const SIGNATURE_ALIGNMENT = 8;
const REPAIR = 'publish the package again (or remove it with mode: unpublish)';
/**
 * Reads an rpm's lead and both headers from the start of a stream of it, then lets the stream go: who
 * signed a published rpm is told without downloading its payload. Throws a UserError naming `subject`
 * when the package is not one a header signature can be made for (rpm 3, no payload digest, damaged),
 * so a run that would sign it fails before it writes anything.
 */
async function rpmSigningState(stream, subject) {
    const head = await readPrefix(stream, (bytes) => neededBytes(bytes, subject));
    if (!head.subarray(0, 4).equals(LEAD_MAGIC)) {
        throw new errors/* UserError */.y(subject, 'is not an RPM package: it does not start with the rpm lead magic', REPAIR);
    }
    const signatureHeader = head.subarray(LEAD_SIZE, LEAD_SIZE + sizeAt(head, LEAD_SIZE, subject, 'signature header'));
    const mainStart = mainHeaderStart(signatureHeader.length);
    const mainHeader = head.subarray(mainStart, mainStart + sizeAt(head, mainStart, subject, 'main header'));
    (0,signable_rpm/* checkSignableHeaders */.C)(signatureHeader, mainHeader, subject);
    const entries = (0,rpm_signature_header/* readRawEntries */.xv)(signatureHeader, subject, 'signature header');
    return {
        packets: entries
            .filter((entry) => header_signature_entries/* SIGNATURE_TAGS */.Nz.has(entry.tag))
            .map((entry) => new Uint8Array(entry.data)),
    };
}
function mainHeaderStart(signatureSize) {
    const unpadded = LEAD_SIZE + signatureSize;
    return unpadded + ((SIGNATURE_ALIGNMENT - (unpadded % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
}
/** The size of the header structure at `at`; a UserError when the bytes end before it does. */
function sizeAt(bytes, at, subject, what) {
    const { size } = (0,rpm_header/* headerShape */.HD)(bytes.subarray(at, at + rpm_header/* HEADER_INTRO_SIZE */.R5), subject, what);
    if (at + size > bytes.length) {
        throw new errors/* UserError */.y(subject, `is cut short in its ${what} (${bytes.length} bytes in all)`, REPAIR);
    }
    return size;
}
/** How many bytes the lead and both headers take, once enough is read to tell (else undefined). */
function neededBytes(bytes, subject) {
    if (bytes.length < LEAD_SIZE + rpm_header/* HEADER_INTRO_SIZE */.R5)
        return undefined;
    const intro = bytes.subarray(LEAD_SIZE, LEAD_SIZE + rpm_header/* HEADER_INTRO_SIZE */.R5);
    const mainStart = mainHeaderStart((0,rpm_header/* headerShape */.HD)(intro, subject, 'signature header').size);
    if (bytes.length < mainStart + rpm_header/* HEADER_INTRO_SIZE */.R5)
        return undefined;
    const main = bytes.subarray(mainStart, mainStart + rpm_header/* HEADER_INTRO_SIZE */.R5);
    return mainStart + (0,rpm_header/* headerShape */.HD)(main, subject, 'main header').size;
}
/** Reads from the stream until `needed` says how much is enough and that much is there, then stops it. */
async function readPrefix(stream, needed) {
    const chunks = [];
    let length = 0;
    try {
        for await (const chunk of stream) {
            const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
            chunks.push(bytes);
            length += bytes.length;
            const joined = Buffer.concat(chunks, length);
            const want = needed(joined);
            if (want !== undefined && length >= want)
                return joined.subarray(0, want);
        }
    }
    finally {
        stream.destroy();
    }
    // Ended before the headers did: what is there says where it is cut.
    return Buffer.concat(chunks, length);
}

// EXTERNAL MODULE: ./lib/formats/rpm/sign-rpm.js
var sign_rpm = __webpack_require__(75357);
// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
// EXTERNAL MODULE: ./lib/util/map-concurrent.js
var map_concurrent = __webpack_require__(57474);
// EXTERNAL MODULE: ./lib/indexes/indexed-package.js + 2 modules
var indexed_package = __webpack_require__(78585);
;// CONCATENATED MODULE: ./lib/indexes/listed-packages.js

/**
 * The host paths of the packages a repository's index lists, read through its keeper's check (which
 * refuses unreadable indexes, and a signed repository when `signed` is false): what unpublishing and
 * re-signing start from.
 */
async function listedPackages(keeper, target, root, signed) {
    await keeper.check(target, root, signed, []);
    const listed = await keeper.listed(target, root);
    if (listed === undefined) {
        throw new errors/* UserError */.y(`package-host: ${root}`, 'kept being rewritten by another publisher while it was read', 'run again once the other publish is done (a workflow concurrency group keeps them apart)');
    }
    return listed;
}

// EXTERNAL MODULE: ./lib/indexes/repository-files.js
var repository_files = __webpack_require__(27284);
;// CONCATENATED MODULE: ./lib/indexes/resigning.js














/** Reads in flight while a repository is surveyed: a small `.asc` or an rpm's first KiBs each. */
const SURVEY = 8;
/**
 * Surveys one repository, reading only: which index signatures, `.asc` files and rpm header signatures
 * the current key did not make. A signature is judged by its issuer (no package is downloaded to tell):
 * one this key made is left alone, so a re-run after a stop, or after the rotation is done, writes
 * nothing. Undefined for a repository the host does not have.
 */
async function planResigning(target, place, index, signing, headerSignatures) {
    const { root, format } = place;
    const { store } = target;
    const files = await repository_files/* RepositoryFiles */.Y.list(store, root);
    if (files.keys.length === 0)
        return undefined;
    const onHost = new Set(files.keys);
    const packages = index
        ? await listedPackages(index.keeper, target, root, true)
        : files.keys.filter((key) => (0,host_layout/* placeOfPath */.Es)(key)?.root === root);
    const missing = packages.find((pkg) => !onHost.has(pkg));
    if (missing !== undefined) {
        throw new errors/* UserError */.y(`package-host: ${missing}`, `is listed by the ${root} index but is not on the host, so it cannot be signed again`, 'publish it again, or take it out with mode: unpublish, then run again');
    }
    const rpms = headerSignatures && format === 'yum' ? packages.filter((pkg) => pkg.endsWith('.rpm')) : [];
    const headerSigned = await (0,map_concurrent/* mapConcurrent */._)(rpms, SURVEY, (rpm) => rpmSignedByKey(store, rpm, signing));
    const rpmHeaders = rpms.filter((_rpm, i) => !headerSigned[i]);
    const rewritten = new Set(rpmHeaders);
    const ascSigned = await (0,map_concurrent/* mapConcurrent */._)(packages, SURVEY, async (pkg) => {
        if (rewritten.has(pkg))
            return false; // new bytes, new signature
        const asc = await store.get(`${pkg}.asc`);
        return asc !== undefined && signing.check.issuedByThisKey({ armored: asc.bytes.toString('utf8') });
    });
    return {
        root,
        format,
        packages,
        indexes: index ? await index.staleFiles() : [],
        signatures: packages.filter((_pkg, i) => !ascSigned[i]),
        rpmHeaders,
        staleBundles: rpmHeaders.map((rpm) => `${rpm}.sigstore.json`).filter((key) => onHost.has(key)),
    };
}
/**
 * Whether any OpenPGP signature in the rpm's signature header is this key's (reads only its headers); a
 * UserError for an rpm no header signature can be made for, before anything is written.
 */
async function rpmSignedByKey(store, path, signing) {
    const stream = await store.open(path);
    if (stream === undefined)
        return false;
    const subject = `package-host: ${path}`;
    let packets;
    try {
        ({ packets } = await rpmSigningState(stream, subject));
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.y))
            throw error;
        throw new errors/* UserError */.y(subject, `cannot be signed in its header (${error.problem})`, "set rpm-header-signatures: 'false' to sign only its .asc, or take it out with mode: unpublish");
    }
    for (const binary of packets)
        if (await signing.check.issuedByThisKey({ binary }))
            return true;
    return false;
}
/**
 * The index's signatures and plain-name copies that do not match its current state as this key signs
 * it: what an index update with this key would write. Reads only.
 */
async function staleDerivedFiles(format, store, root, signing) {
    const state = await store.get(`${root}/${format.stateKey}`);
    if (state === undefined)
        return [];
    const stale = [];
    for (const file of format.derived(store, root, state.bytes, signing)) {
        if (!(await file.matches((await store.get(file.key))?.bytes)))
            stale.push(file.key);
    }
    return stale;
}
/**
 * Signs one repository again, one package at a time (each downloaded to a temporary file, so memory
 * stays bounded whatever its size): rpm headers first, each rpm put back in place with its new `.asc`
 * (and its provenance bundle, which attests the old bytes, deleted); then the other `.asc` files; then
 * the index, updated with the re-signed rpms (their checksums changed) and signed again. Every file
 * replaced is reported `rewritten`, for the CDN.
 */
async function resign(planned, context) {
    const { target, replacePackage, keeper, signing } = context;
    const { store } = target;
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(context.tempRoot, 'resign-'));
    const rewritten = [];
    const packageSignatures = [];
    const reindexed = [];
    const putSignature = async (pkg, localFile) => {
        const signature = await signing.signer.detachSignFile(localFile);
        const key = `${pkg}.asc`;
        await store.put(key, Buffer.from(signature, 'utf8'), {
            cacheControl: object_store/* NO_CACHE */.DQ,
            contentType: 'application/pgp-signature',
        });
        packageSignatures.push(key);
        rewritten.push(key);
    };
    try {
        for (const [n, rpm] of planned.rpmHeaders.entries()) {
            const downloaded = await download(store, rpm, (0,external_node_path_.join)(dir, `${n}.in.rpm`));
            // Under its own name, in a folder of its own: readers of the package may name it by its file.
            await (0,promises_.mkdir)((0,external_node_path_.join)(dir, `${n}`));
            const signed = (0,external_node_path_.join)(dir, `${n}`, (0,external_node_path_.basename)(rpm));
            await (0,sign_rpm/* signRpm */.X)(downloaded, signed, (bytes) => signing.signer.signStably(bytes));
            const contents = await (0,package_contents.readPackageContents)(signed, 'rpm');
            await replacePackage(rpm, signed, contents.hashes.sha256);
            rewritten.push(rpm);
            await putSignature(rpm, signed);
            reindexed.push((0,indexed_package/* indexPackage */.b)({ path: rpm, localFile: signed, contents }));
            const bundle = `${rpm}.sigstore.json`;
            if (planned.staleBundles.includes(bundle)) {
                await store.delete(bundle);
                rewritten.push(bundle);
            }
            await (0,promises_.rm)(downloaded, { force: true });
            await (0,promises_.rm)(signed, { force: true });
        }
        const headersDone = new Set(planned.rpmHeaders);
        for (const [n, pkg] of planned.signatures.entries()) {
            if (headersDone.has(pkg))
                continue;
            const local = await download(store, pkg, (0,external_node_path_.join)(dir, `asc-${n}`));
            await putSignature(pkg, local);
            await (0,promises_.rm)(local, { force: true });
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    const report = {
        root: planned.root,
        signatures: packageSignatures.length,
        packageSignatures,
        headersSigned: planned.rpmHeaders,
        removed: [],
    };
    if (keeper === undefined)
        return { ...report, rewritten };
    const result = await keeper.update({ ...context.settings, target, root: planned.root, pruning: undefined, signing }, reindexed);
    return { ...report, ...result, removed: [], rewritten: [...rewritten, ...result.rewritten].sort() };
}
async function download(store, key, file) {
    const body = await store.open(key);
    if (body === undefined) {
        throw new errors/* UserError */.y(`package-host: ${key}`, 'was deleted while the repository was being signed again', 'run again: the next run surveys the repository afresh');
    }
    await (0,external_node_stream_promises_.pipeline)(body, (0,external_node_fs_.createWriteStream)(file));
    return file;
}

// EXTERNAL MODULE: ./lib/indexes/old-files.js
var old_files = __webpack_require__(32499);
;// CONCATENATED MODULE: ./lib/indexes/withdrawal.js




/**
 * The packages of one repository that `select` picks, from its index and from a listing of its files:
 * a package the index lists but whose file is gone still leaves the index, and a file left behind by a
 * run stopped between its index update and its deletions is still deleted. Undefined when nothing is
 * picked. The index must be readable (and signable: `check`) before anything is written.
 */
async function planWithdrawal(target, place, keeper, signed, select) {
    const { root, format } = place;
    const picked = (path) => {
        const found = (0,host_layout/* placeOfPath */.Es)(path);
        return found !== undefined && found.root === root && select(found);
    };
    const files = await repository_files/* RepositoryFiles */.Y.list(target.store, root);
    const onHost = new Set(files.keys.filter(picked));
    const indexed = keeper === undefined ? [] : await listedPackages(keeper, target, root, signed);
    const packages = [...new Set([...onHost, ...indexed.filter(picked)])].sort();
    if (packages.length === 0)
        return undefined;
    const deletes = packages.flatMap((pkg) => files.filesOf(pkg).filter((key) => key !== pkg || onHost.has(pkg)));
    return { root, format, packages, deletes };
}
/**
 * Takes the packages out of the index (signed again) and only then deletes their files, so no index
 * ever names a file that is gone; a package the current index no longer lists is deleted directly.
 * Every deleted file is reported `rewritten` too: a cache in front of the host may still serve it.
 */
async function withdraw(target, keeper, planned, settings) {
    const { root } = planned;
    const files = await repository_files/* RepositoryFiles */.Y.list(target.store, root);
    const deleted = (paths) => paths.flatMap((pkg) => files.filesOf(pkg));
    if (keeper === undefined) {
        await (0,old_files/* deletePackages */.P)(target.store, planned.packages);
        const gone = deleted(planned.packages);
        return { root, signatures: 0, packageSignatures: [], removed: [...planned.packages], rewritten: gone };
    }
    const withdrawn = new Set(planned.packages.map((path) => path.slice(root.length + 1)));
    const result = await keeper.update({ ...settings, target, root, pruning: undefined, withdrawn }, []);
    const removedByIndex = new Set(result.removed);
    const leftovers = planned.packages.filter((path) => !removedByIndex.has(path));
    await (0,old_files/* deletePackages */.P)(target.store, leftovers);
    const removed = [...new Set([...result.removed, ...leftovers])].sort();
    return {
        root,
        signatures: 0,
        packageSignatures: [],
        ...result,
        removed,
        rewritten: [...new Set([...result.rewritten, ...deleted(removed)])].sort(),
    };
}

// EXTERNAL MODULE: ./lib/indexes/yum-format.js + 13 modules
var yum_format = __webpack_require__(67741);
;// CONCATENATED MODULE: ./lib/indexes/repository-maintainer.js






/**
 * Keeps the repositories a host already has, outside a publish: takes a version's packages out of them
 * (`mode: unpublish`) or signs all of them again with the current key (`mode: resign`). As with a
 * publish, the plan reads everything first, and nothing is written until every repository has been read.
 */
class RepositoryMaintainer {
    replacePackage;
    target;
    options;
    signing;
    keepers = {
        apt: (0,index_keeper/* indexKeeper */.r)(apt_format/* APT_FORMAT */.O),
        yum: (0,index_keeper/* indexKeeper */.r)(yum_format/* YUM_FORMAT */.s),
    };
    constructor(
    /** The host's own write of a package (re-signed rpms replace the old ones through it). */
    replacePackage, 
    /** The host's store, asked after the host's own checks (they tell whether conditional writes work). */
    target, options) {
        this.replacePackage = replacePackage;
        this.target = target;
        this.options = options;
    }
    get fingerprint() {
        return this.signing?.signer.fingerprint;
    }
    /** The packages `select` picks, repository by repository; reads only. */
    async planWithdrawals(select) {
        await this.loadSigning();
        const planned = [];
        for (const place of (0,host_layout/* everyRepository */.EV)()) {
            const found = await planWithdrawal(this.target(), place, this.keeperOf(place), this.signing !== undefined, select);
            if (found)
                planned.push(found);
        }
        return planned;
    }
    withdraw(planned) {
        const keeper = planned.format === 'bin' ? undefined : this.keepers[planned.format];
        return withdraw(this.target(), keeper, planned, { ...this.settings(), signing: this.signing });
    }
    /** What every repository of the host needs signed again with the current key; reads only. */
    async planResignings() {
        const signing = await this.requireSigning();
        const planned = [];
        for (const place of (0,host_layout/* everyRepository */.EV)()) {
            const target = this.target();
            const keeper = this.keeperOf(place);
            const index = keeper === undefined
                ? undefined
                : {
                    keeper,
                    staleFiles: () => place.format === 'apt'
                        ? staleDerivedFiles(apt_format/* APT_FORMAT */.O, target.store, place.root, signing)
                        : staleDerivedFiles(yum_format/* YUM_FORMAT */.s, target.store, place.root, signing),
                };
            const found = await planResigning(target, place, index, signing, this.options.headerSignatures);
            if (found)
                planned.push(found);
        }
        return planned;
    }
    async resign(planned) {
        return resign(planned, {
            target: this.target(),
            replacePackage: this.replacePackage,
            keeper: planned.format === 'bin' ? undefined : this.keepers[planned.format],
            signing: await this.requireSigning(),
            tempRoot: this.options.tempRoot,
            settings: this.settings(),
        });
    }
    keeperOf(place) {
        return place.format === 'bin' ? undefined : this.keepers[place.format];
    }
    settings() {
        return {
            date: this.options.date,
            graceMs: this.options.graceMs,
            now: () => new Date(),
            ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
        };
    }
    async loadSigning() {
        if (this.options.loadSigning && this.signing === undefined) {
            this.signing = await this.options.loadSigning();
        }
    }
    async requireSigning() {
        await this.loadSigning();
        // The inputs refuse `mode: resign` without a signing-key: reaching here without one is a defect.
        if (this.signing === undefined)
            throw new Error('re-signing needs the signing key');
        return this.signing;
    }
}


/***/ })

};
