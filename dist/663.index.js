export const id = 663;
export const ids = [663];
export const modules = {

/***/ 8382:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readAt)
/* harmony export */ });
/** Exactly `length` bytes at `position`: callers have checked the file holds them. */
async function readAt(file, position, length) {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
        const { bytesRead } = await file.read(buffer, done, length - done, position + done);
        if (bytesRead === 0)
            throw new Error(`unexpected end of file at byte ${position + done}`);
        done += bytesRead;
    }
    return buffer;
}


/***/ }),

/***/ 6014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ isPrimaryFile)
/* harmony export */ });
/**
 * The files primary.xml lists (yum's rule, kept by createrepo_c): /etc/*, any *bin/*, sendmail — what yum
 * and dnf resolve file requires against without downloading filelists.
 */
function isPrimaryFile(path) {
    return path.startsWith('/etc/') || path === '/usr/lib/sendmail' || path.includes('bin/');
}


/***/ }),

/***/ 8663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readRpm: () => (/* binding */ readRpm)
});

// EXTERNAL MODULE: ./lib/formats/read-at.js
var read_at = __webpack_require__(8382);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(9661);
// EXTERNAL MODULE: ./lib/formats/rpm/rpm-version.js
var rpm_version = __webpack_require__(5638);
;// CONCATENATED MODULE: ./lib/formats/rpm/libc-requires.js

/**
 * createrepo_c's ranking of two libc.so.6 requires by what their first parentheses hold
 * (`libc.so.6()` < `libc.so.6(GLIBC_2.3.4)(64bit)` < `libc.so.6(GLIBC_2.4)`): 2 when `second` ranks
 * higher, 1 when `first` does, 0 when equal.
 */
function compareLibc(first, second) {
    const open1 = first.indexOf('(');
    const open2 = second.indexOf('(');
    if (open1 < 0 && open2 < 0)
        return 0;
    if (open1 < 0)
        return 2;
    if (open2 < 0)
        return 1;
    const close1 = first.indexOf(')', open1);
    const close2 = second.indexOf(')', open2);
    if (close1 < 0 && close2 < 0)
        return 0;
    if (close1 < 0)
        return 2;
    if (close2 < 0)
        return 1;
    if (close1 === open1 + 1 && close2 === open2 + 1)
        return 0;
    if (close1 === open1 + 1)
        return 2;
    if (close2 === open2 + 1)
        return 1;
    // From the first digit after the parenthesis (it may lie past the closing one).
    const digit1 = firstDigit(first, open1 + 1);
    const digit2 = firstDigit(second, open2 + 1);
    if (digit1 > close1 && digit2 > close2)
        return 0;
    if (digit1 > close1)
        return 2;
    if (digit2 > close2)
        return 1;
    const order = Math.sign((0,rpm_version/* rpmvercmp */.Lb)(first.slice(digit1, close1), second.slice(digit2, close2)));
    return order === -1 ? 2 : order === 1 ? 1 : 0;
}
function firstDigit(text, from) {
    let at = from;
    while (at < text.length && !(text.charAt(at) >= '0' && text.charAt(at) <= '9'))
        at++;
    return at;
}

// EXTERNAL MODULE: ./lib/formats/rpm/primary-files.js
var primary_files = __webpack_require__(6014);
;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-evr.js
/**
 * Splits a dependency version ("1:2.3-4") the way createrepo_c does for repodata: the epoch before
 * the first `:` ("0" when there is none, so `= 2.3` reads as epoch 0), the version up to the first
 * `-`, the release after it. Empty text gives an empty Evr; a non-numeric epoch gives undefined
 * (createrepo_c then leaves the dependency out).
 */
function splitEvr(text) {
    if (text === '')
        return {};
    const colon = text.indexOf(':');
    const epochText = colon < 0 ? '' : text.slice(0, colon);
    // strtol's idea of a number, which is what createrepo_c checks: blanks, a sign, digits.
    if (epochText !== '' && !/^[ \t\n\v\f\r]*[+-]?\d+$/.test(epochText))
        return undefined;
    const rest = text.slice(colon + 1);
    const dash = rest.indexOf('-');
    const version = dash < 0 ? rest : rest.slice(0, dash);
    const release = dash < 0 ? '' : rest.slice(dash + 1);
    return { epoch: epochText || '0', version, ...(release ? { release } : {}) };
}

;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-tags.js
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

;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-dependencies.js




/** The comparison bits (LESS, GREATER, EQUAL) as repodata spells them; other mixes have none. */
const COMPARISONS = {
    [Sense.less]: 'LT',
    [Sense.greater]: 'GT',
    [Sense.equal]: 'EQ',
    [Sense.less | Sense.equal]: 'LE',
    [Sense.greater | Sense.equal]: 'GE',
};
const COMPARISON_BITS = 0xf;
const PRE_BITS = Sense.prereq | Sense.scriptPre | Sense.scriptPost;
/**
 * The dependencies repodata lists, chosen as createrepo_c chooses them, so that our primary.xml
 * says what createrepo_c's would. Requires drop: rpmlib(...) features (rpm's own capabilities),
 * paths of the package's own files that primary.xml lists anyway, anything the package provides
 * itself with the same flags and version, and a repeat of the previous require of that name. Of
 * the libc.so.6 requires only the one with the highest GLIBC version is kept, placed last.
 * `pre` marks PreReq and Requires(pre)/(post). Dependencies whose version has a non-numeric epoch
 * are left out, as createrepo_c does.
 */
function dependenciesOf(header, ownFiles) {
    const provides = raw(header, Tag.provideName, Tag.provideFlags, Tag.provideVersion);
    const provided = new Set(provides.map(key));
    return {
        provides: kept(provides),
        requires: requiresOf(raw(header, Tag.requireName, Tag.requireFlags, Tag.requireVersion), ownFiles, provided),
        conflicts: kept(raw(header, Tag.conflictName, Tag.conflictFlags, Tag.conflictVersion)),
        obsoletes: kept(raw(header, Tag.obsoleteName, Tag.obsoleteFlags, Tag.obsoleteVersion)),
    };
}
function requiresOf(requires, ownFiles, provided) {
    const result = [];
    // The last require kept for each name, to drop an identical repeat.
    const last = new Map();
    let libc;
    for (const require of requires) {
        if (require.name.startsWith('rpmlib('))
            continue;
        if (require.name.startsWith('/') && ownFiles.has(require.name) && (0,primary_files/* isPrimaryFile */.f)(require.name))
            continue;
        if (provided.has(key(require)))
            continue;
        const pre = (require.flags & PRE_BITS) !== 0;
        const comparison = comparisonOf(require.flags) ?? '';
        const previous = last.get(require.name);
        const repeat = previous?.comparison === comparison && previous.version === require.version;
        if (repeat && previous.pre === pre)
            continue;
        const dependency = dependencyOf(require, pre);
        if (dependency === undefined)
            continue;
        if (require.name.startsWith('libc.so.6')) {
            if (libc === undefined || compareLibc(libc.raw.name, require.name) === 2)
                libc = { raw: require, dependency };
            continue;
        }
        result.push(dependency);
        last.set(require.name, { comparison, version: require.version, pre });
    }
    if (libc !== undefined)
        result.push(libc.dependency);
    return result;
}
function kept(dependencies) {
    return dependencies.flatMap((dependency) => dependencyOf(dependency, false) ?? []);
}
function dependencyOf(raw, pre) {
    const evr = splitEvr(raw.version);
    if (evr === undefined)
        return undefined;
    const flags = comparisonOf(raw.flags);
    return { name: raw.name, ...(flags ? { flags } : {}), ...evr, ...(pre ? { pre } : {}) };
}
function comparisonOf(flags) {
    return COMPARISONS[flags & COMPARISON_BITS];
}
/** Name, comparison and version: how createrepo_c tells a require the package provides itself. */
function key(dependency) {
    return `${dependency.name}\0${comparisonOf(dependency.flags) ?? ''}\0${dependency.version}`;
}
function raw(header, nameTag, flagsTag, versionTag) {
    const names = header.strings(nameTag);
    const flags = header.numbers(flagsTag);
    const versions = header.strings(versionTag);
    if (names === undefined || flags === undefined || versions === undefined)
        return [];
    const count = Math.min(names.length, flags.length, versions.length);
    return names.slice(0, count).map((name, i) => ({ name, flags: flags[i] ?? 0, version: versions[i] ?? '' }));
}

;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-files.js


/**
 * The package's files in header order. rpm stores paths split: each base name points at one of the
 * directory names (which end in `/`). A directory mode makes `dir`, else the %ghost flag `ghost`, as
 * createrepo_c decides (a %ghost directory is a `dir`).
 */
function filesOf(header, subject) {
    const baseNames = header.strings(Tag.baseNames);
    const dirIndexes = header.numbers(Tag.dirIndexes);
    const dirNames = header.strings(Tag.dirNames);
    const flags = header.numbers(Tag.fileFlags);
    const modes = header.numbers(Tag.fileModes);
    if (baseNames === undefined || dirIndexes === undefined || dirNames === undefined)
        return [];
    if (flags === undefined || modes === undefined)
        return [];
    const count = baseNames.length;
    if (dirIndexes.length !== count || flags.length !== count || modes.length !== count) {
        throw new errors/* UserError */.y(subject, `has a damaged main header: its file tags list different numbers of files`, 'build the package again with rpmbuild');
    }
    return baseNames.map((baseName, i) => {
        const dirName = dirNames[dirIndexes[i] ?? -1];
        if (dirName === undefined) {
            throw new errors/* UserError */.y(subject, `has a damaged main header: file ${baseName} points at a directory it does not list`, 'build the package again with rpmbuild');
        }
        const mode = modes[i] ?? 0;
        const type = (mode & MODE_TYPE_MASK) === MODE_DIRECTORY ? 'dir' : (flags[i] ?? 0) & FILE_GHOST ? 'ghost' : 'file';
        return { path: dirName + baseName, type };
    });
}

;// CONCATENATED MODULE: ./lib/formats/rpm/package-from-headers.js




/** An RpmPackage from a package's signature and main headers. */
function packageFromHeaders(main, signature, range, subject) {
    const required = (tag, label) => {
        const value = main.string(tag);
        if (value === undefined || value === '') {
            throw new errors/* UserError */.y(subject, `has no ${label} in its main header`, 'build the package again with rpmbuild');
        }
        return value;
    };
    const files = filesOf(main, subject);
    return {
        name: required(Tag.name, 'NAME'),
        epoch: main.number(Tag.epoch),
        version: required(Tag.version, 'VERSION'),
        release: required(Tag.release, 'RELEASE'),
        // A source package says so by having the tag at all; its ARCH is the build machine's.
        arch: main.has(Tag.sourcePackage) ? 'src' : required(Tag.arch, 'ARCH'),
        summary: main.string(Tag.summary) ?? '',
        description: main.string(Tag.description) ?? '',
        license: main.string(Tag.license) ?? '',
        vendor: main.string(Tag.vendor),
        group: main.string(Tag.group),
        url: main.string(Tag.url),
        buildhost: main.string(Tag.buildHost),
        sourcerpm: main.string(Tag.sourceRpm),
        packager: main.string(Tag.packager),
        buildTime: main.number(Tag.buildTime) ?? 0,
        installedSize: main.number(Tag.longSize) ?? main.number(Tag.size) ?? 0,
        // rpmbuild records the payload size in the signature; older builds also in the main header.
        archiveSize: signature.number(SignatureTag.longArchiveSize) ??
            signature.number(SignatureTag.payloadSize) ??
            main.number(Tag.longArchiveSize) ??
            main.number(Tag.archiveSize),
        headerStart: range.start,
        headerEnd: range.end,
        ...dependenciesOf(main, new Set(files.map((file) => file.path))),
        files,
        changelogs: changelogsOf(main),
    };
}
/** Changelog entries as the header stores them: newest first, author and text as written. */
function changelogsOf(header) {
    const times = header.numbers(Tag.changelogTime) ?? [];
    const names = header.strings(Tag.changelogName) ?? [];
    const texts = header.strings(Tag.changelogText) ?? [];
    const count = Math.min(times.length, names.length, texts.length);
    return times.slice(0, count).map((date, i) => ({ date, author: names[i] ?? '', text: texts[i] ?? '' }));
}

;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-header-values.js

/** Bytes per value of rpm's integer types. */
const WIDTHS = {
    [TagType.char]: 1,
    [TagType.int8]: 1,
    [TagType.int16]: 2,
    [TagType.int32]: 4,
    [TagType.int64]: 8,
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
        if (entry.type === TagType.string)
            return stringsAt(data, tag, { ...entry, count: 1 }, damaged);
        if (entry.type === TagType.stringArray || entry.type === TagType.i18nString) {
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

;// CONCATENATED MODULE: ./lib/formats/rpm/read-rpm.js







const LEAD_SIZE = 96;
const LEAD_MAGIC = Buffer.from([0xed, 0xab, 0xee, 0xdb]);
/** The signature header is padded so that the main header starts on an 8-byte boundary. */
const SIGNATURE_ALIGNMENT = 8;
const read_rpm_REBUILD = 'give the complete .rpm as rpmbuild wrote it';
/**
 * Reads what repodata needs from an .rpm: the 96-byte lead (only its magic matters), the signature
 * header, then the main header. Only these are read; the payload is not, but its size as the
 * signature states it is checked against the file's, so a truncated download is refused.
 */
async function readRpm(file) {
    const subject = `packages: ${(0,external_node_path_.basename)(file)}`;
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        const lead = await (0,read_at/* readAt */.m)(handle, 0, Math.min(LEAD_SIZE, size));
        if (!lead.subarray(0, 4).equals(LEAD_MAGIC)) {
            throw new errors/* UserError */.y(subject, 'is not an RPM package: it does not start with the rpm lead magic', read_rpm_REBUILD);
        }
        if (size < LEAD_SIZE)
            throw truncated(subject, LEAD_SIZE, size);
        const signature = await readHeader(handle, LEAD_SIZE, size, subject, 'signature header');
        const unpadded = LEAD_SIZE + signature.size;
        const start = unpadded + ((SIGNATURE_ALIGNMENT - (unpadded % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
        const main = await readHeader(handle, start, size, subject, 'main header');
        const end = start + main.size;
        // The signature's size covers the main header and the payload: the file must end right there.
        const sizes = signature.header.number(SignatureTag.longSize) ?? signature.header.number(SignatureTag.size);
        if (sizes !== undefined && start + sizes > size)
            throw truncated(subject, start + sizes, size);
        return packageFromHeaders(main.header, signature.header, { start, end }, subject);
    }
    finally {
        await handle.close();
    }
}
async function readHeader(handle, position, fileSize, subject, what) {
    if (position + HEADER_INTRO_SIZE > fileSize) {
        throw truncated(subject, position + HEADER_INTRO_SIZE, fileSize);
    }
    const { size } = headerShape(await (0,read_at/* readAt */.m)(handle, position, HEADER_INTRO_SIZE), subject, what);
    if (position + size > fileSize)
        throw truncated(subject, position + size, fileSize);
    return { header: parseHeader(await (0,read_at/* readAt */.m)(handle, position, size), subject, what), size };
}
function truncated(subject, needed, size) {
    return new errors/* UserError */.y(subject, `is truncated: it needs at least ${needed} bytes but the file has ${size}`, 'download or build the package again');
}


/***/ })

};
