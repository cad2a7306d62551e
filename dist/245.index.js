export const id = 245;
export const ids = [245];
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

/***/ 34837:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R5: () => (/* binding */ HEADER_INTRO_SIZE),
  HD: () => (/* binding */ headerShape),
  RW: () => (/* binding */ parseHeader)
});

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/formats/rpm/rpm-tags.js
var rpm_tags = __webpack_require__(61137);
;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-header-values.js

/** Bytes per value of rpm's integer types. */
const WIDTHS = {
    [rpm_tags/* TagType */.PK.char]: 1,
    [rpm_tags/* TagType */.PK.int8]: 1,
    [rpm_tags/* TagType */.PK.int16]: 2,
    [rpm_tags/* TagType */.PK.int32]: 4,
    [rpm_tags/* TagType */.PK.int64]: 8,
};
/** The entry's `count` NUL-terminated strings, each checked to end inside the data store. */
function stringsAt(data, tag, entry, damaged) {
    const strings = [];
    let at = entry.offset;
    for (let i = 0; i < entry.count; i++) {
        const end = at >= 0 ? data.indexOf(0, at) : -1;
        if (end < 0)
            throw damaged(tag, 'has a string that runs past the data');
        strings.push(data.toString('utf8', at, end));
        at = end + 1;
    }
    return strings;
}
/** The entry's `count` big-endian unsigned integers; a 64-bit one beyond 2^53 is refused. */
function numbersAt(data, tag, entry, damaged) {
    const width = WIDTHS[entry.type];
    if (width === undefined)
        throw damaged(tag, `has type ${entry.type}, not a number`);
    if (entry.offset < 0 || entry.offset + width * entry.count > data.length) {
        throw damaged(tag, 'points past the data');
    }
    const numbers = [];
    for (let i = 0; i < entry.count; i++) {
        const at = entry.offset + i * width;
        if (width === 8) {
            const value = data.readBigUInt64BE(at);
            if (value > BigInt(Number.MAX_SAFE_INTEGER))
                throw damaged(tag, `holds ${value}, beyond 2^53`);
            numbers.push(Number(value));
        }
        else {
            numbers.push(data.readUIntBE(at, width));
        }
    }
    return numbers;
}

;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-header.js



/** The 8-byte magic that starts every rpm header structure (signature and main). */
const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01]);
/** Magic (4), reserved (4), index entry count (4), data store size (4). */
const HEADER_INTRO_SIZE = 16;
const ENTRY_SIZE = 16;
/** rpm's own sanity limits (header.c): more entries or data than this is a damaged header. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 0x0fffffff;
const REBUILD = 'build the package again with rpmbuild';
function headerShape(intro, subject, what) {
    if (intro.length < HEADER_INTRO_SIZE || !intro.subarray(0, 4).equals(HEADER_MAGIC)) {
        throw new errors/* UserError */.y(subject, `has no valid ${what} (bad header magic)`, REBUILD);
    }
    const entries = intro.readUInt32BE(8);
    const dataSize = intro.readUInt32BE(12);
    if (entries > MAX_ENTRIES || dataSize > MAX_DATA) {
        throw new errors/* UserError */.y(subject, `has a damaged ${what} (${entries} entries, ${dataSize} data bytes)`, REBUILD);
    }
    return { entries, dataSize, size: HEADER_INTRO_SIZE + entries * ENTRY_SIZE + dataSize };
}
/**
 * Reads a header structure (`bytes` = intro + index + data store, as `headerShape` sized it). The
 * index is read at once; values are decoded, with every offset checked against the data store,
 * only when asked for: a header has many tags (digests, file owners...) the indexes never need.
 */
function parseHeader(bytes, subject, what) {
    const { entries: count, dataSize, size } = headerShape(bytes, subject, what);
    if (bytes.length < size) {
        throw new errors/* UserError */.y(subject, `has a ${what} cut short (${bytes.length} of ${size} bytes)`, REBUILD);
    }
    const dataStart = HEADER_INTRO_SIZE + count * ENTRY_SIZE;
    const data = bytes.subarray(dataStart, dataStart + dataSize);
    const entries = readIndex(bytes, count);
    const damaged = (tag, problem) => new errors/* UserError */.y(subject, `has a damaged ${what}: tag ${tag} ${problem}`, REBUILD);
    const strings = (tag) => {
        const entry = entries.get(tag);
        if (entry === undefined)
            return undefined;
        if (entry.type === rpm_tags/* TagType */.PK.string)
            return stringsAt(data, tag, { ...entry, count: 1 }, damaged);
        if (entry.type === rpm_tags/* TagType */.PK.stringArray || entry.type === rpm_tags/* TagType */.PK.i18nString) {
            return stringsAt(data, tag, entry, damaged);
        }
        throw damaged(tag, `has type ${entry.type}, not a string`);
    };
    const numbers = (tag) => {
        const entry = entries.get(tag);
        return entry === undefined ? undefined : numbersAt(data, tag, entry, damaged);
    };
    return {
        has: (tag) => entries.has(tag),
        strings,
        string: (tag) => strings(tag)?.[0],
        numbers,
        number: (tag) => numbers(tag)?.[0],
    };
}
/**
 * The index entries by tag. The first entry of a tag wins; regions and unknown types are simply never
 * asked for.
 */
function readIndex(bytes, count) {
    const entries = new Map();
    for (let i = 0; i < count; i++) {
        const at = HEADER_INTRO_SIZE + i * ENTRY_SIZE;
        const tag = bytes.readUInt32BE(at);
        if (!entries.has(tag)) {
            entries.set(tag, {
                type: bytes.readUInt32BE(at + 4),
                offset: bytes.readInt32BE(at + 8),
                count: bytes.readUInt32BE(at + 12),
            });
        }
    }
    return entries;
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

/***/ 61137:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cn: () => (/* binding */ MODE_DIRECTORY),
/* harmony export */   NZ: () => (/* binding */ FILE_GHOST),
/* harmony export */   PK: () => (/* binding */ TagType),
/* harmony export */   hw: () => (/* binding */ Sense),
/* harmony export */   ry: () => (/* binding */ SignatureTag),
/* harmony export */   sr: () => (/* binding */ MODE_TYPE_MASK),
/* harmony export */   vw: () => (/* binding */ Tag)
/* harmony export */ });
/** The main-header tags read here, numbered as in rpm's rpmtag.h. */
const Tag = {
    name: 1000,
    version: 1001,
    release: 1002,
    epoch: 1003,
    summary: 1004,
    description: 1005,
    buildTime: 1006,
    buildHost: 1007,
    size: 1009,
    vendor: 1011,
    license: 1014,
    packager: 1015,
    group: 1016,
    url: 1020,
    arch: 1022,
    fileModes: 1030,
    fileFlags: 1037,
    sourceRpm: 1044,
    archiveSize: 1046,
    provideName: 1047,
    requireFlags: 1048,
    requireName: 1049,
    requireVersion: 1050,
    conflictFlags: 1053,
    conflictName: 1054,
    conflictVersion: 1055,
    changelogTime: 1080,
    changelogName: 1081,
    changelogText: 1082,
    obsoleteName: 1090,
    /** Present (whatever its value) only in source packages. */
    sourcePackage: 1106,
    provideFlags: 1112,
    provideVersion: 1113,
    obsoleteFlags: 1114,
    obsoleteVersion: 1115,
    dirIndexes: 1116,
    baseNames: 1117,
    dirNames: 1118,
    /** The 64-bit twin of archiveSize (RPMTAG_SIG_BASE + 15), when rpm copied it from the signature. */
    longArchiveSize: 271,
    longSize: 5009,
    /** The region tag of the main header: rpm signs only packages that have one (rpm 4 packages). */
    headerImmutable: 63,
    /** The payload's digest: what lets a signature of the main header alone vouch for the payload too. */
    payloadDigest: 5092,
    payloadDigestAlt: 5097,
};
/** The signature-header tags read here (RPMSIGTAG_* in rpmtag.h). */
const SignatureTag = {
    /** Main header + payload, in bytes (32-bit). */
    size: 1000,
    /** Uncompressed payload (cpio) size (32-bit). */
    payloadSize: 1007,
    /** Main header + payload, 64-bit (set instead of `size` past 4 GiB). */
    longSize: 270,
    /** Uncompressed payload size, 64-bit. */
    longArchiveSize: 271,
    /** OpenPGP signature of the main header by a DSA or EdDSA key. */
    dsaHeader: 267,
    /** OpenPGP signature of the main header by an RSA key. */
    rsaHeader: 268,
    /** rpm 6's OpenPGP signatures (base64 strings), any key type. */
    openPgp: 278,
    /** Legacy signatures of the main header and payload together: by RSA, DSA, PGP 5 keys. */
    pgp: 1002,
    gpg: 1005,
    pgp5: 1006,
    /** Zero bytes a signature can later take the place of, so signing keeps the file's size. */
    reservedSpace: 1008,
};
/** Header entry data types (rpmTagType_e). */
const TagType = {
    null: 0,
    char: 1,
    int8: 2,
    int16: 3,
    int32: 4,
    int64: 5,
    string: 6,
    bin: 7,
    stringArray: 8,
    i18nString: 9,
};
/** Dependency flag bits (rpmsenseFlags in rpmds.h). */
const Sense = {
    less: 1 << 1,
    greater: 1 << 2,
    equal: 1 << 3,
    /** Legacy PreReq. */
    prereq: 1 << 6,
    scriptPre: 1 << 9,
    scriptPost: 1 << 10,
};
/** RPMFILE_GHOST in rpmfiles.h: a %ghost file, owned but not shipped. */
const FILE_GHOST = 1 << 6;
/** S_IFMT and S_IFDIR of a file mode. */
const MODE_TYPE_MASK = 0o170000;
const MODE_DIRECTORY = 0o040000;


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

/***/ 13245:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rpmHeaderSigning: () => (/* binding */ rpmHeaderSigning)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _formats_rpm_sign_rpm_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75357);



/**
 * The signed copies live in a directory of their own under `tempRoot` (the runner's temporary
 * directory): the workspace's files are never changed, so a re-run signs the same input again.
 */
async function rpmHeaderSigning(signer, tempRoot) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempRoot, 'rpm-header-signing-'));
    let copies = 0;
    return {
        sign: async (file) => {
            // One directory per copy: two rpms of one name from different folders must not meet.
            const into = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, String(copies++));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(into);
            const signed = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(into, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file));
            await (0,_formats_rpm_sign_rpm_js__WEBPACK_IMPORTED_MODULE_2__/* .signRpm */ .X)(file, signed, (bytes) => signer.signStably(bytes));
            return signed;
        },
        close: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true }),
    };
}


/***/ })

};
