export const id = 139;
export const ids = [139,872];
export const modules = {

/***/ 83643:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ isDebianArchitecture)
/* harmony export */ });
/**
 * A Debian architecture name as dpkg-architecture lists them (amd64, arm64, all, musl-linux-amd64):
 * lowercase letters, digits and `-`. APT puts it in paths (`binary-<arch>/`) and in the Release's
 * space-separated Architectures: anything else could name a path outside the suite, or two architectures.
 */
const ARCHITECTURE = /^[a-z0-9][a-z0-9-]{0,31}$/;
function isDebianArchitecture(name) {
    return ARCHITECTURE.test(name);
}


/***/ }),

/***/ 12539:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ deterministicGzip)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);

/** Offset of the gzip header's OS byte (RFC 1952: ID1 ID2 CM FLG MTIME[4] XFL OS). */
const OS_BYTE = 9;
const UNIX = 3;
/**
 * Gzip whose bytes depend only on the input: no file name, mtime 0 (zlib's defaults), and the OS byte
 * pinned to Unix, which zlib otherwise sets from the platform it was built for. Republishing an
 * unchanged index then yields the same file and the same hash in Release and repomd.xml.
 */
function deterministicGzip(bytes) {
    const gz = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gzipSync)(bytes, { level: node_zlib__WEBPACK_IMPORTED_MODULE_0__.constants.Z_BEST_COMPRESSION });
    gz[OS_BYTE] = UNIX;
    return gz;
}


/***/ }),

/***/ 81194:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ gunzipIndex)
/* harmony export */ });
/* unused harmony export MAX_INDEX_BYTES */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);

/**
 * The most a repository index (APT's Packages, YUM's primary/filelists/other) may open up to. Falco's
 * are a few MiB; a compressed index bigger than this is damaged or hostile (a few KiB of gzip can
 * open up to gigabytes), and is refused before it is held in memory whole.
 */
const MAX_INDEX_BYTES = 128 * 1024 * 1024;
/** Gunzips an index read from a host; `what` names it in the error (`main/binary-amd64/Packages.gz`). */
function gunzipIndex(bytes, what) {
    try {
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(bytes, { maxOutputLength: MAX_INDEX_BYTES });
    }
    catch (error) {
        if (error instanceof RangeError) {
            throw new Error(`${what} opens up to more than ${MAX_INDEX_BYTES / 1024 / 1024} MiB, more than an index may hold`, { cause: error });
        }
        throw error;
    }
}


/***/ }),

/***/ 66014:
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

/***/ 44915:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ joinRepodata),
  d: () => (/* binding */ repodataEntry)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/formats/rpm/primary-files.js
var primary_files = __webpack_require__(66014);
// EXTERNAL MODULE: ./lib/formats/rpm/rpm-version.js
var rpm_version = __webpack_require__(75638);
;// CONCATENATED MODULE: ./lib/formats/yum/createrepo-rules.js


/**
 * What createrepo_c (0.17+, parsehdr.c) keeps of an .rpm's headers, applied here so our repodata lists
 * the same entries for the same package. The .rpm reader may hand over the header's lists as they are.
 */
function primaryFiles(files) {
    return files.filter((file) => (0,primary_files/* isPrimaryFile */.f)(file.path));
}
/**
 * The requires primary.xml lists: not `rpmlib(...)` (rpm's own features), not a primary file of the
 * package itself, not one the package provides with the same flags and version; a repeat of the last
 * kept entry of the same name is dropped; of the `libc.so.6...` requires only the highest GLIBC version
 * is kept, and it goes last.
 */
function repodataRequires(pkg) {
    const ownFiles = new Set(pkg.files.map((file) => file.path));
    const provided = new Set(pkg.provides.map(dependencyKey));
    const lastByName = new Map();
    const kept = [];
    let libc;
    for (const requirement of pkg.requires) {
        const name = requirement.name;
        if (name === '' || name.startsWith('rpmlib('))
            continue;
        if (name.startsWith('/') && ownFiles.has(name) && (0,primary_files/* isPrimaryFile */.f)(name))
            continue;
        if (provided.has(dependencyKey(requirement)))
            continue;
        const last = lastByName.get(name);
        const repeat = last && dependencyKey(last) === dependencyKey(requirement) && !!last.pre === !!requirement.pre;
        if (repeat)
            continue;
        if (name.startsWith('libc.so.6')) {
            if (!libc || compareLibc(libc.name, name) === 2)
                libc = requirement;
            continue;
        }
        kept.push(requirement);
        lastByName.set(name, requirement);
    }
    if (libc)
        kept.push(libc);
    return kept;
}
/** Provides, conflicts, obsoletes: every entry with a name, in header order. */
function repodataDependencies(dependencies) {
    return dependencies.filter((dependency) => dependency.name !== '');
}
/** createrepo_c's default `--changelog-limit`. */
const CHANGELOG_LIMIT = 10;
/**
 * The changelog entries other.xml lists, given in header order (newest first): the newest ten, oldest
 * first, authors without trailing spaces, and entries that share a date pushed one second apart (the
 * older the entry, the earlier), so every entry has its own date.
 */
function repodataChangelogs(changelogs) {
    const entries = [];
    let lastDate = 0;
    for (const changelog of changelogs.slice(0, CHANGELOG_LIMIT)) {
        const entry = { author: trimAuthor(changelog.author), date: changelog.date, text: changelog.text };
        entries.unshift(entry);
        if (changelog.date === lastDate) {
            // createrepo_c walks the newer entries after this one while they collide, bumping each by one.
            let date = changelog.date;
            for (const newer of entries.slice(1)) {
                if (newer.date !== date)
                    break;
                newer.date++;
                date++;
            }
        }
        else {
            lastDate = changelog.date;
        }
    }
    return entries;
}
/** Trailing spaces go, but never the first character (createrepo_c's loop stops before it). */
function trimAuthor(author) {
    let end = author.length;
    while (end > 1 && author.charAt(end - 1) === ' ')
        end--;
    return author.slice(0, end);
}
/** Name, comparison and version as createrepo_c compares them (its `depnfv` string). */
function dependencyKey(dependency) {
    const epoch = dependency.epoch !== undefined && dependency.epoch !== '' ? `${dependency.epoch}:` : '';
    const version = dependency.version ?? '';
    const release = dependency.release !== undefined && dependency.release !== '' ? `-${dependency.release}` : '';
    return `${dependency.name}\n${dependency.flags ?? ''}\n${version === '' ? '' : `${epoch}${version}${release}`}`;
}
/**
 * createrepo_c's cr_compare_dependency for two `libc.so.6...` names: 2 when the second is higher. The
 * version is the first parenthesis from its first digit (`(GLIBC_2.34)(64bit)` → `2.34`); a name
 * without parenthesis, an unclosed or empty one, or one without digits ranks below, in that order.
 */
function compareLibc(first, second) {
    const a = libcVersion(first);
    const b = libcVersion(second);
    if (a.rank !== b.rank)
        return a.rank < b.rank ? 2 : 1;
    if (a.version === undefined || b.version === undefined)
        return 0;
    const order = (0,rpm_version/* rpmvercmp */.Lb)(a.version, b.version);
    return order < 0 ? 2 : order > 0 ? 1 : 0;
}
function libcVersion(name) {
    const open = name.indexOf('(');
    if (open < 0)
        return { rank: 0 };
    const close = name.indexOf(')', open);
    if (close < 0)
        return { rank: 1 };
    if (close === open + 1)
        return { rank: 2 };
    const digit = name.slice(open + 1).search(/[0-9]/);
    if (digit < 0 || open + 1 + digit > close)
        return { rank: 3 };
    return { rank: 4, version: name.slice(open + 1 + digit, close) };
}

// EXTERNAL MODULE: ./lib/formats/yum/xml-escape.js
var xml_escape = __webpack_require__(3107);
;// CONCATENATED MODULE: ./lib/formats/yum/primary-xml.js


/** One `<package>` of primary.xml, laid out as createrepo_c writes it. */
function primaryPackageXml(file) {
    const { pkg } = file;
    const lines = [
        `<package type="rpm">`,
        `  <name>${(0,xml_escape/* escapeText */.X1)(pkg.name)}</name>`,
        `  <arch>${(0,xml_escape/* escapeText */.X1)(pkg.arch)}</arch>`,
        `  ${versionXml(pkg)}`,
        `  <checksum type="sha256" pkgid="YES">${(0,xml_escape/* escapeText */.X1)(file.sha256)}</checksum>`,
        `  <summary>${(0,xml_escape/* escapeText */.X1)(pkg.summary)}</summary>`,
        `  <description>${(0,xml_escape/* escapeText */.X1)(pkg.description)}</description>`,
        `  <packager>${(0,xml_escape/* escapeText */.X1)(pkg.packager ?? '')}</packager>`,
        `  <url>${(0,xml_escape/* escapeText */.X1)(pkg.url ?? '')}</url>`,
        `  <time file="${file.time}" build="${pkg.buildTime}"/>`,
        `  <size package="${file.size}" installed="${pkg.installedSize}" archive="${pkg.archiveSize ?? 0}"/>`,
        `  <location href="${(0,xml_escape/* escapeAttribute */.Gj)(file.location)}"/>`,
        `  <format>`,
        `    <rpm:license>${(0,xml_escape/* escapeText */.X1)(pkg.license)}</rpm:license>`,
        `    <rpm:vendor>${(0,xml_escape/* escapeText */.X1)(pkg.vendor ?? '')}</rpm:vendor>`,
        `    <rpm:group>${(0,xml_escape/* escapeText */.X1)(pkg.group ?? '')}</rpm:group>`,
        `    <rpm:buildhost>${(0,xml_escape/* escapeText */.X1)(pkg.buildhost ?? '')}</rpm:buildhost>`,
        `    <rpm:sourcerpm>${(0,xml_escape/* escapeText */.X1)(pkg.sourcerpm ?? '')}</rpm:sourcerpm>`,
        `    <rpm:header-range start="${pkg.headerStart}" end="${pkg.headerEnd}"/>`,
        ...dependenciesXml('provides', repodataDependencies(pkg.provides)),
        ...dependenciesXml('requires', repodataRequires(pkg)),
        ...dependenciesXml('conflicts', repodataDependencies(pkg.conflicts)),
        ...dependenciesXml('obsoletes', repodataDependencies(pkg.obsoletes)),
        ...primaryFiles(pkg.files).map((file) => `    ${fileXml(file)}`),
        `  </format>`,
        `</package>`,
    ];
    return lines.join('\n');
}
/** `<version epoch= ver= rel=/>`, shared by the three files; no epoch is written as 0. */
function versionXml(pkg) {
    return `<version epoch="${pkg.epoch ?? 0}" ver="${(0,xml_escape/* escapeAttribute */.Gj)(pkg.version)}" rel="${(0,xml_escape/* escapeAttribute */.Gj)(pkg.release)}"/>`;
}
/** `<file>`, typed when not a plain file; shared with filelists.xml. */
function fileXml(file) {
    const type = file.type === 'file' ? '' : ` type="${file.type}"`;
    return `<file${type}>${(0,xml_escape/* escapeText */.X1)(file.path)}</file>`;
}
/**
 * An `<rpm:provides>` (or requires, conflicts, obsoletes) block, omitted when empty. A versioned entry
 * without an epoch says epoch="0", as createrepo_c does; `pre` only appears on requires.
 */
function dependenciesXml(kind, dependencies) {
    if (dependencies.length === 0)
        return [];
    const entries = dependencies.map((dependency) => {
        let attributes = ` name="${(0,xml_escape/* escapeAttribute */.Gj)(dependency.name)}"`;
        if (dependency.flags) {
            attributes += ` flags="${dependency.flags}"`;
            const version = dependency.version ?? '';
            const epoch = dependency.epoch || (version !== '' ? '0' : '');
            if (epoch !== '')
                attributes += ` epoch="${(0,xml_escape/* escapeAttribute */.Gj)(epoch)}"`;
            if (version !== '')
                attributes += ` ver="${(0,xml_escape/* escapeAttribute */.Gj)(version)}"`;
            if (dependency.release)
                attributes += ` rel="${(0,xml_escape/* escapeAttribute */.Gj)(dependency.release)}"`;
        }
        if (kind === 'requires' && dependency.pre)
            attributes += ` pre="1"`;
        return `      <rpm:entry${attributes}/>`;
    });
    return [`    <rpm:${kind}>`, ...entries, `    </rpm:${kind}>`];
}

;// CONCATENATED MODULE: ./lib/formats/yum/filelists-xml.js


function filelistsPackageXml(file) {
    const { pkg } = file;
    return [
        `<package pkgid="${(0,xml_escape/* escapeAttribute */.Gj)(file.sha256)}" name="${(0,xml_escape/* escapeAttribute */.Gj)(pkg.name)}" arch="${(0,xml_escape/* escapeAttribute */.Gj)(pkg.arch)}">`,
        `  ${versionXml(pkg)}`,
        ...pkg.files.map((entry) => `  ${fileXml(entry)}`),
        `</package>`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./lib/formats/yum/other-xml.js



function otherPackageXml(file) {
    const { pkg } = file;
    return [
        `<package pkgid="${(0,xml_escape/* escapeAttribute */.Gj)(file.sha256)}" name="${(0,xml_escape/* escapeAttribute */.Gj)(pkg.name)}" arch="${(0,xml_escape/* escapeAttribute */.Gj)(pkg.arch)}">`,
        `  ${versionXml(pkg)}`,
        ...repodataChangelogs(pkg.changelogs).map((entry) => `  <changelog author="${(0,xml_escape/* escapeAttribute */.Gj)(entry.author)}" date="${entry.date}">${(0,xml_escape/* escapeText */.X1)(entry.text)}</changelog>`),
        `</package>`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./lib/formats/yum/repodata-entry.js






function repodataEntry(file) {
    const { pkg } = file;
    try {
        return {
            pkgid: file.sha256,
            name: pkg.name,
            arch: pkg.arch,
            evr: { epoch: String(pkg.epoch ?? 0), version: pkg.version, release: pkg.release },
            location: file.location,
            primary: primaryPackageXml(file),
            filelists: filelistsPackageXml(file),
            other: otherPackageXml(file),
        };
    }
    catch (error) {
        // A control character in a header value (a summary, a changelog): the package must be rebuilt.
        if (!(error instanceof xml_escape/* XmlCharacterError */.dY))
            throw error;
        throw new errors/* UserError */.y(`packages: ${external_node_path_.posix.basename(file.location)}`, `has ${error.character} in its headers (in ${JSON.stringify(error.value.slice(0, 80))}), which repodata XML cannot hold`, 'remove the control character from the spec file (Summary, %description, %changelog, file names) and build the package again');
    }
}
/**
 * Pairs each primary record with its filelists and other records (same pkgid, name, arch and version;
 * the n-th of a repeated pkgid with the n-th), and refuses repodata where one is missing or left over.
 */
function joinRepodata(primary, filelists, other) {
    const filelistsById = queues(filelists);
    const otherById = queues(other);
    const entries = primary.map((record) => {
        const take = (byId, kind) => {
            const match = byId.get(record.pkgid)?.shift();
            if (!match)
                throw new Error(`${describe(record)} is in primary.xml but not in ${kind}.xml`);
            if (match.name !== record.name ||
                match.arch !== record.arch ||
                match.evr.epoch !== record.evr.epoch ||
                match.evr.version !== record.evr.version ||
                match.evr.release !== record.evr.release) {
                throw new Error(`${kind}.xml names pkgid ${record.pkgid} ${describe(match)}, primary.xml ${describe(record)}`);
            }
            return match;
        };
        return {
            pkgid: record.pkgid,
            name: record.name,
            arch: record.arch,
            evr: record.evr,
            location: record.location,
            primary: record.xml,
            filelists: take(filelistsById, 'filelists').xml,
            other: take(otherById, 'other').xml,
        };
    });
    for (const [kind, byId] of [
        ['filelists', filelistsById],
        ['other', otherById],
    ]) {
        const left = [...byId.values()].flat()[0];
        if (left)
            throw new Error(`${describe(left)} is in ${kind}.xml but not in primary.xml`);
    }
    return entries;
}
function queues(records) {
    const byId = new Map();
    for (const record of records)
        byId.set(record.pkgid, [...(byId.get(record.pkgid) ?? []), record]);
    return byId;
}
const describe = (record) => `${record.name}-${record.evr.epoch}:${record.evr.version}-${record.evr.release}.${record.arch}`;


/***/ }),

/***/ 3107:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gj: () => (/* binding */ escapeAttribute),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   dY: () => (/* binding */ XmlCharacterError)
/* harmony export */ });
/**
 * Escaping for the repodata XML we write, chosen to match createrepo_c's output (libxml2 serializing a
 * node that belongs to no document) byte for byte, so our documents diff cleanly against theirs:
 * text escapes `& < >` and CR; attributes also escape `"`, tab and newline, and write every non-ASCII
 * character as a hexadecimal character reference.
 */
function escapeText(value) {
    assertXmlCharacters(value);
    return value.replace(/[&<>\r]/g, (c) => TEXT[c] ?? c);
}
function escapeAttribute(value) {
    assertXmlCharacters(value);
    let out = '';
    for (const c of value) {
        const code = c.codePointAt(0) ?? 0;
        out += ATTRIBUTE[c] ?? (code > 0x7f ? `&#x${code.toString(16).toUpperCase()};` : c);
    }
    return out;
}
const TEXT = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE = {
    ...TEXT,
    '"': '&quot;',
    '\n': '&#10;',
    '\t': '&#9;',
};
/**
 * XML 1.0 cannot carry control characters other than tab, newline and carriage return, nor U+FFFE,
 * U+FFFF or unpaired surrogates; createrepo_c refuses such a package too, rather than write a file
 * dnf cannot parse.
 */
function assertXmlCharacters(value) {
    // With the `u` flag a surrogate range only matches unpaired halves; pairs are one code point.
    // eslint-disable-next-line no-control-regex
    const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u.exec(value);
    if (bad) {
        const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        throw new XmlCharacterError(`U+${code}`, value);
    }
}
/** A value holding a character XML 1.0 cannot carry; whoever knows where the value came from names it. */
class XmlCharacterError extends Error {
    character;
    value;
    name = 'XmlCharacterError';
    constructor(
    /** `U+0007`. */
    character, value) {
        // JSON-quoted: the character itself would be invisible in a log line, or break it.
        super(`${character} cannot be written in repodata XML (in ${JSON.stringify(value.slice(0, 80))})`);
        this.character = character;
        this.value = value;
    }
}


/***/ }),

/***/ 5857:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ APT_FORMAT)
});

// EXTERNAL MODULE: ./lib/formats/deterministic-gzip.js
var deterministic_gzip = __webpack_require__(12539);
;// CONCATENATED MODULE: ./lib/formats/apt/control-stanza.js
function parseStanzas(text) {
    const stanzas = [];
    let current = [];
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    lines.forEach((line, index) => {
        if (line.trim() === '') {
            if (current.length > 0)
                stanzas.push(current);
            current = [];
            return;
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            const last = current.at(-1);
            if (!last)
                throw new Error(`line ${index + 1}: a continuation line with no field before it`);
            last[1] = `${last[1]}\n${line}`;
            return;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            throw new Error(`line ${index + 1}: '${line}' is not a 'Name: value' field`);
        current.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
    });
    if (current.length > 0)
        stanzas.push(current);
    return stanzas;
}
/** One stanza, each line ending in a newline; a value whose first line is empty starts on the next line. */
function renderStanza(fields) {
    return fields.map(([name, value]) => `${name}:${firstLineOf(value) === '' ? '' : ' '}${value}\n`).join('');
}
const firstLineOf = (value) => value.split('\n', 1)[0] ?? '';
/** The value of a field, names compared case-insensitively as deb822 requires. */
function fieldValue(fields, name) {
    const lower = name.toLowerCase();
    return fields.find(([candidate]) => candidate.toLowerCase() === lower)?.[1];
}

// EXTERNAL MODULE: ./lib/formats/apt/debian-version.js
var debian_version = __webpack_require__(42946);
;// CONCATENATED MODULE: ./lib/formats/apt/packages-file.js


/** Reads a Packages index (ours, apt-ftparchive's or dpkg-scanpackages'), each stanza kept as written. */
function parsePackages(text) {
    return parseStanzas(text).map((fields, index) => {
        const required = (name) => {
            const value = fieldValue(fields, name);
            if (value === undefined || value === '') {
                throw new Error(`Packages stanza ${index + 1}: no ${name} field`);
            }
            return value;
        };
        const version = required('Version');
        // Checked here, so that sorting and retention never meet a version they cannot order.
        const problem = (0,debian_version/* debianVersionProblem */.z0)(version);
        if (problem !== undefined)
            throw new Error(`Packages stanza ${index + 1}: Version '${version}': ${problem}`);
        return {
            fields,
            package: required('Package'),
            version,
            architecture: required('Architecture'),
            filename: required('Filename'),
        };
    });
}
/** Stanzas as apt-ftparchive writes them: each followed by one blank line; no stanza, no bytes. */
function renderPackages(entries) {
    return entries.map((entry) => `${renderStanza(entry.fields)}\n`).join('');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/formats/deb/debian-architecture.js
var debian_architecture = __webpack_require__(83643);
;// CONCATENATED MODULE: ./lib/formats/apt/release-file.js



const HASHES = [
    ['MD5Sum', 'md5'],
    ['SHA1', 'sha1'],
    ['SHA256', 'sha256'],
];
/**
 * The Release file of a suite, fields in the Debian archive's order. Hash lines are apt-ftparchive's:
 * ` <hex> <size right-aligned in 16 columns> <path>`, files sorted by path.
 */
function renderRelease(input) {
    const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const header = [
        ['Origin', input.origin],
        ['Label', input.label],
        ['Suite', input.suite],
        ['Codename', input.codename],
        ['Date', rfc2822Utc(input.date)],
        ...(input.acquireByHash ? [['Acquire-By-Hash', 'yes']] : []),
        ['Architectures', input.architectures.join(' ')],
        ['Components', input.components.join(' ')],
    ];
    const blocks = HASHES.map(([field, algorithm]) => {
        const lines = files.map((file) => {
            const hex = (0,external_node_crypto_.createHash)(algorithm).update(file.bytes).digest('hex');
            return ` ${hex} ${String(file.bytes.byteLength).padStart(16)} ${file.path}`;
        });
        return `${field}:\n${lines.map((line) => `${line}\n`).join('')}`;
    });
    return renderStanza(header) + blocks.join('');
}
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `Sat, 02 Jan 2021 10:00:00 UTC`, as the Debian archive writes it (apt also reads `+0000` and `GMT`). */
function rfc2822Utc(date) {
    if (Number.isNaN(date.getTime()))
        throw new Error('the Release date is not a valid date');
    const two = (n) => String(n).padStart(2, '0');
    return (`${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
        `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC`);
}
const BLOCKS = {
    md5sum: 'md5',
    sha1: 'sha1',
    sha256: 'sha256',
    sha512: 'sha512',
};
/** Reads a Release file (ours or apt-ftparchive's); its hash blocks become one listing per file. */
function parseRelease(text) {
    const [fields, ...rest] = parseStanzas(text);
    if (!fields || rest.length > 0)
        throw new Error('a Release file is exactly one stanza');
    const listings = new Map();
    const plain = [];
    for (const [name, value] of fields) {
        const algorithm = BLOCKS[name.toLowerCase()];
        if (!algorithm) {
            plain.push([name, value]);
            continue;
        }
        for (const line of value.split('\n').filter((l) => l.trim() !== '')) {
            const [hex, size, path, extra] = line.trim().split(/\s+/);
            if (!hex || !size || !path || extra !== undefined || !/^[0-9]+$/.test(size)) {
                throw new Error(`Release ${name}: '${line.trim()}' is not '<hash> <size> <path>'`);
            }
            const listing = listings.get(path) ?? { path, size: Number(size) };
            if (listing.size !== Number(size))
                throw new Error(`Release: ${path} is listed with two sizes`);
            listing[algorithm] = hex;
            listings.set(path, listing);
        }
    }
    // Each architecture becomes a path (`main/binary-<arch>/Packages`) that is read, then written again.
    for (const architecture of (fieldValue(plain, 'Architectures') ?? '').split(/\s+/).filter(Boolean)) {
        if (!(0,debian_architecture/* isDebianArchitecture */.h)(architecture)) {
            throw new Error(`Release: Architectures '${architecture}' is not an architecture name`);
        }
    }
    const files = [...listings.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { fields: plain, files };
}
/** The value of a plain Release field, e.g. `Date`. */
const releaseField = (release, name) => fieldValue(release.fields, name);

// EXTERNAL MODULE: ./lib/util/sha256-hex.js
var sha256_hex = __webpack_require__(31385);
;// CONCATENATED MODULE: ./lib/formats/apt/apt-indexes.js




/** Falco's suite and component: users write `deb https://download.falco.org/packages/deb stable main`. */
const SUITE = 'stable';
const COMPONENT = 'main';
/** `main/binary-amd64/by-hash/SHA256/<sha256>` for `main/binary-amd64/Packages`, as apt requests it. */
function byHashPath(path, sha256) {
    return `${path.slice(0, path.lastIndexOf('/'))}/by-hash/SHA256/${sha256}`;
}
/** The dists tree of one repository (Falco's layout: `dists/stable/main/binary-<arch>/Packages{,.gz}`). */
function buildAptIndexes(input) {
    for (const [architecture, entries] of input.packages) {
        if (!input.architectures.includes(architecture)) {
            throw new Error(`packages for ${architecture}, which the suite does not list`);
        }
        // `all` packages belong in every architecture's index; anything else only in its own.
        const stray = entries.find((entry) => entry.architecture !== architecture && entry.architecture !== 'all');
        if (stray)
            throw new Error(`${stray.filename} is ${stray.architecture}, not ${architecture}`);
    }
    const architectures = [...input.architectures].sort();
    const suiteFiles = architectures.flatMap((architecture) => {
        const text = Buffer.from(renderPackages(input.packages.get(architecture) ?? []), 'utf8');
        const directory = `${COMPONENT}/binary-${architecture}`;
        return [
            { path: `${directory}/Packages`, bytes: text },
            { path: `${directory}/Packages.gz`, bytes: (0,deterministic_gzip/* deterministicGzip */.B)(text) },
        ];
    });
    const release = renderRelease({
        origin: 'Falco',
        label: 'Falco',
        suite: SUITE,
        codename: SUITE,
        date: input.date,
        architectures,
        components: [COMPONENT],
        files: suiteFiles,
        acquireByHash: input.acquireByHash === true,
    });
    return {
        indexes: suiteFiles.map((file) => ({ path: `dists/${SUITE}/${file.path}`, bytes: file.bytes })),
        byHash: input.acquireByHash
            ? suiteFiles.map((file) => ({
                path: `dists/${SUITE}/${byHashPath(file.path, (0,sha256_hex/* sha256Hex */.f)(file.bytes))}`,
                bytes: file.bytes,
            }))
            : [],
        release: { path: `dists/${SUITE}/Release`, bytes: Buffer.from(release, 'utf8') },
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/formats/apt/merge-packages.js



/**
 * Adds packages to an index, replacing any stanza for the same package, version and architecture, or
 * for the same file (a file published again under another identity leaves no stanza pointing at it).
 * The result is sorted so the same set of packages always renders the same bytes.
 */
function mergePackages(existing, added) {
    const addedIds = new Map();
    for (const entry of added) {
        const id = identity(entry);
        const earlier = addedIds.get(id);
        // Two files of one run that say the same Package, Version and Architecture: APT could list one only.
        if (earlier !== undefined) {
            throw new errors/* UserError */.y(`packages: ${external_node_path_.posix.basename(entry.filename)}`, `two added packages are ${describe(entry)} (${external_node_path_.posix.basename(earlier.filename)} too)`, 'publish only one of them, or give each its own Version');
        }
        addedIds.set(id, entry);
    }
    const addedFiles = new Set(added.map((entry) => entry.filename));
    const kept = existing.filter((entry) => !addedIds.has(identity(entry)) && !addedFiles.has(entry.filename));
    return sortPackages([...kept, ...added]);
}
/** By name, then Debian version order (oldest first), then architecture and file name. */
function sortPackages(entries) {
    return [...entries].sort((a, b) => compareBytes(a.package, b.package) ||
        (0,debian_version/* compareDebianVersions */._K)(a.version, b.version) ||
        compareBytes(a.architecture, b.architecture) ||
        compareBytes(a.filename, b.filename));
}
/** Retention: keeps the newest `keep` versions of each package (all architectures of a version count once). */
function pruneVersions(entries, keep) {
    if (!Number.isInteger(keep) || keep < 1)
        throw new Error(`cannot keep ${keep} versions: at least 1`);
    const versionsByPackage = new Map();
    for (const entry of entries) {
        const versions = versionsByPackage.get(entry.package) ?? new Set();
        versions.add(entry.version);
        versionsByPackage.set(entry.package, versions);
    }
    const doomed = new Set();
    for (const [name, versions] of versionsByPackage) {
        const newestFirst = [...versions].sort((a, b) => (0,debian_version/* compareDebianVersions */._K)(b, a));
        for (const version of newestFirst.slice(keep))
            doomed.add(`${name}\n${version}`);
    }
    const isDoomed = (entry) => doomed.has(`${entry.package}\n${entry.version}`);
    return { kept: entries.filter((e) => !isDoomed(e)), removed: entries.filter(isDoomed) };
}
const identity = (entry) => `${entry.package}\n${entry.version}\n${entry.architecture}`;
const describe = (entry) => `${entry.package} ${entry.version} ${entry.architecture}`;
/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareBytes(a, b) {
    if (a === b)
        return 0;
    return a < b ? -1 : 1;
}

// EXTERNAL MODULE: ./lib/indexes/size-retention.js
var size_retention = __webpack_require__(76072);
;// CONCATENATED MODULE: ./lib/indexes/apt-proposal.js





/** Falco publishes both; a suite lists them even before its first package of one arrives. */
const FALCO_ARCHITECTURES = ['amd64', 'arm64'];
/**
 * The next state of an APT repository: the current stanzas, the new packages added (replacing the
 * same package, version and architecture), then the oldest versions past the retention limit taken
 * out. Undefined when that is exactly what the repository already lists: nothing to write.
 */
function proposeApt(state, added, pruning, date, withdrawn = new Set()) {
    const architectures = [
        ...new Set([
            ...state.architectures,
            ...FALCO_ARCHITECTURES,
            ...added.map((entry) => entry.architecture).filter((a) => a !== 'all'),
        ]),
    ].sort();
    const taken = [];
    const merged = new Map(architectures.map((architecture) => {
        const entries = mergePackages(state.entries.get(architecture) ?? [], added.filter((entry) => entry.architecture === architecture || entry.architecture === 'all'));
        taken.push(...entries.filter((entry) => withdrawn.has(entry.filename)));
        return [architecture, entries.filter((entry) => !withdrawn.has(entry.filename))];
    }));
    const pruned = prune(merged, pruning, new Set(added.map((entry) => entry.version)));
    const { packages } = pruned;
    // An `all` package sits in every architecture's index: each file is reported once.
    const removed = [
        ...new Map([...taken, ...pruned.removed].map((entry) => [entry.filename, entry])).values(),
    ];
    const built = buildAptIndexes({ packages, architectures, date, acquireByHash: true });
    const unchanged = removed.length === 0 &&
        architectures.length === state.architectures.length &&
        built.indexes
            .filter((file) => file.path.endsWith('/Packages'))
            .every((file) => state.listed.get(file.path.replace(/^dists\/[^/]+\//, '')) === (0,sha256_hex/* sha256Hex */.f)(file.bytes));
    if (unchanged)
        return undefined;
    return { files: built.byHash, indexes: built.indexes, next: Buffer.from(built.release.bytes), removed };
}
/** Retention over all architectures at once: the architectures of one version count as one version. */
function prune(merged, pruning, publishing) {
    if (pruning === undefined)
        return { packages: new Map(merged), removed: [] };
    const all = [...merged.values()].flat();
    const keptSet = new Set('versions' in pruning.limit
        ? pruneVersions(all, pruning.limit.versions).kept
        : withinSize(all, pruning.limit.bytes, pruning.besideBytes, publishing));
    const packages = new Map([...merged].map(([arch, entries]) => [arch, entries.filter((e) => keptSet.has(e))]));
    // An `all` package sits in every architecture's index: report each removed file once.
    const removedFiles = new Map(all.filter((entry) => !keptSet.has(entry)).map((entry) => [entry.filename, entry]));
    return { packages, removed: [...removedFiles.values()] };
}
/** The entries whose versions fit in `bytes`; an `all` package, listed once per architecture, weighs once. */
function withinSize(all, bytes, besideBytes, publishing) {
    const files = new Map(all.map((entry) => [
        entry.filename,
        {
            path: entry.filename,
            version: entry.version,
            bytes: sizeOf(entry) + (besideBytes.get(entry.filename) ?? 0),
        },
    ]));
    const doomed = (0,size_retention/* overSize */.y)([...files.values()], bytes, publishing, debian_version/* compareDebianVersions */._K);
    return all.filter((entry) => !doomed.has(entry.filename));
}
/** The `Size` the stanza gives its .deb (every Packages stanza has one; 0 weighs nothing if not). */
function sizeOf(entry) {
    const size = Number(entry.fields.find(([name]) => name.toLowerCase() === 'size')?.[1]);
    return Number.isSafeInteger(size) && size > 0 ? size : 0;
}

// EXTERNAL MODULE: ./lib/formats/gunzip-index.js
var gunzip_index = __webpack_require__(81194);
// EXTERNAL MODULE: ./lib/util/all-in-order.js
var all_in_order = __webpack_require__(5078);
// EXTERNAL MODULE: ./lib/indexes/compare-and-swap.js + 1 modules
var compare_and_swap = __webpack_require__(12659);
;// CONCATENATED MODULE: ./lib/indexes/apt-state.js







/** Falco's suite: `deb https://download.falco.org/packages/deb stable main`. */
const SUITE_DIR = 'dists/stable';
const EMPTY_APT_STATE = { architectures: [], entries: new Map(), listed: new Map() };
/**
 * Reads the indexes a Release lists, by hash (`by-hash/SHA256/<sha256>`) when the repository has
 * them, else under their plain name checked against the Release: a plain-name index that does not
 * match is being rewritten by another publisher, and the read is started again.
 */
async function readAptState(store, root, release) {
    const parsed = parseRelease(release.toString('utf8'));
    const architectures = (releaseField(parsed, 'Architectures') ?? '').split(/\s+/).filter(Boolean);
    const byPath = new Map(parsed.files.map((file) => [file.path, file]));
    const entries = new Map();
    const listed = new Map();
    // One index per architecture, read together.
    const read = await (0,all_in_order/* allInOrder */.b)(architectures.map((architecture) => async () => {
        const path = `main/binary-${architecture}/Packages`;
        const plain = byPath.get(path);
        const gz = byPath.get(`${path}.gz`);
        const text = plain?.sha256
            ? await readListed(store, root, plain)
            : gz?.sha256
                ? (0,gunzip_index/* gunzipIndex */.Y)(await readListed(store, root, gz), gz.path)
                : undefined;
        return { architecture, path, plain, text };
    }));
    for (const { architecture, path, plain, text } of read) {
        if (plain?.sha256)
            listed.set(path, plain.sha256);
        const stanzas = text === undefined ? [] : parsePackages(text.toString('utf8'));
        // Each index lists its own architecture (and `all`): a stray stanza would fail the next Release.
        const stray = stanzas.find((entry) => entry.architecture !== architecture && entry.architecture !== 'all');
        if (stray)
            throw new Error(`${path} lists ${stray.filename}, which is ${stray.architecture}`);
        entries.set(architecture, stanzas);
    }
    return { architectures, entries, listed };
}
async function readListed(store, root, listing) {
    const sha256 = listing.sha256 ?? '';
    const byHash = `${root}/${SUITE_DIR}/${byHashPath(listing.path, sha256)}`;
    const found = (await store.get(byHash)) ?? (await store.get(`${root}/${SUITE_DIR}/${listing.path}`));
    if (found === undefined || (0,external_node_crypto_.createHash)('sha256').update(found.bytes).digest('hex') !== sha256) {
        throw new compare_and_swap/* StaleRead */.O(`${root}/${SUITE_DIR}/${listing.path} does not match its Release`);
    }
    return found.bytes;
}

// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
;// CONCATENATED MODULE: ./lib/indexes/apt-format.js







const TEXT = 'text/plain; charset=utf-8';
const GZIP = 'application/gzip';
const SIGNATURE = 'application/pgp-signature';
const typeOf = (path) => (path.endsWith('.gz') ? GZIP : TEXT);
/**
 * An APT repository (Falco's dists layout): the state is `dists/stable/Release`; the indexes it lists
 * are written by hash first, then under their plain names, then Release.gpg and InRelease (last: apt
 * reads it first).
 */
const APT_FORMAT = {
    label: 'APT',
    stateKey: `${SUITE_DIR}/Release`,
    stateContentType: TEXT,
    signatureFiles: [`${SUITE_DIR}/InRelease`, `${SUITE_DIR}/Release.gpg`],
    empty: EMPTY_APT_STATE,
    entryOf: (pkg) => pkg.apt,
    read: readAptState,
    propose: proposeApt,
    packages: (state) => [...state.entries.values()].flat().map((entry) => entry.filename),
    pathOf: (entry) => entry.filename,
    contentTypeOf: typeOf,
    derived(store, root, release, signing) {
        const plain = parseRelease(release.toString('utf8')).files.flatMap((file) => {
            const sha256 = file.sha256;
            if (sha256 === undefined)
                return [];
            return [
                {
                    key: `${root}/${SUITE_DIR}/${file.path}`,
                    cacheControl: object_store/* NO_CACHE */.DQ,
                    contentType: typeOf(file.path),
                    matches: async (existing) => existing !== undefined && (0,sha256_hex/* sha256Hex */.f)(existing) === sha256,
                    produce: async () => {
                        const found = await store.get(`${root}/${SUITE_DIR}/${byHashPath(file.path, sha256)}`);
                        if (found === undefined) {
                            // Release lists it, so someone deleted it: the repository must be repaired, not guessed at.
                            throw new errors/* UserError */.y(`package-host: ${root}`, `${SUITE_DIR}/Release lists ${file.path}, but its by-hash copy is missing`, 'restore the by-hash files (or move the repository away to start it afresh), then run again');
                        }
                        return found.bytes;
                    },
                },
            ];
        });
        return [...plain, ...signatures(signing, root, release)];
    },
    listed: (release) => parseRelease(release.toString('utf8')).files.flatMap((file) => file.sha256 ? [`${SUITE_DIR}/${byHashPath(file.path, file.sha256)}`] : []),
    oldFiles: { directory: SUITE_DIR, pattern: /\/by-hash\/SHA256\/[0-9a-f]{64}$/ },
};
function signatures(signing, root, release) {
    if (signing === undefined)
        return [];
    const text = release.toString('utf8');
    return [
        {
            key: `${root}/${SUITE_DIR}/Release.gpg`,
            cacheControl: object_store/* NO_CACHE */.DQ,
            contentType: SIGNATURE,
            matches: async (existing) => existing !== undefined && signing.check.detached(existing.toString('utf8'), release),
            produce: async () => Buffer.from(await signing.signer.detachSign(release), 'utf8'),
        },
        {
            key: `${root}/${SUITE_DIR}/InRelease`,
            cacheControl: object_store/* NO_CACHE */.DQ,
            contentType: TEXT,
            matches: async (existing) => existing !== undefined && signing.check.clearSigned(existing.toString('utf8'), text),
            produce: async () => Buffer.from(await signing.signer.clearSign(text), 'utf8'),
        },
    ];
}


/***/ }),

/***/ 12659:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ StaleRead),
  q: () => (/* binding */ compareAndSwap)
});

// EXTERNAL MODULE: ./lib/util/retry.js
var retry = __webpack_require__(89294);
// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
// EXTERNAL MODULE: ./lib/util/all-in-order.js
var all_in_order = __webpack_require__(5078);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/indexes/store-file.js



/** Writes of one file whose outcome stayed unknown before the store is given up on. */
const ATTEMPTS = 6;
/**
 * Writes a file whose name is its content's hash, and returns only once the file is in the store with
 * exactly these bytes: the state that names it may then be committed. A file already there with the
 * same bytes is left alone (a racing publisher writing the same bytes is no conflict). A write refused
 * or failed ambiguously (a lost race, a 500, a broken connection) proves nothing either way, so the
 * store is looked at again: there with these bytes is done, absent is written again.
 */
async function putContentAddressed(target, file, sleep = retry/* realSleep */.uk) {
    for (let attempt = 1;; attempt++) {
        if (await isThere(target.store, file))
            return;
        try {
            await target.store.put(file.key, file.bytes, {
                ...(target.conditional ? { ifNoneMatch: true } : {}),
                cacheControl: file.cacheControl,
                ...(file.contentType ? { contentType: file.contentType } : {}),
            });
            return;
        }
        catch (error) {
            if (!(error instanceof object_store/* PreconditionFailed */.OJ || error instanceof object_store/* WriteOutcomeUnknown */.cE))
                throw error;
            if (attempt >= ATTEMPTS) {
                throw new errors/* UserError */.y(`package-host: ${file.key}`, `could not be written: each of ${ATTEMPTS} writes failed and it is not there (last: ${error.message})`, 'check the store is healthy, then run again');
            }
            await sleep((0,retry/* backoffDelay */.EY)(attempt, 100, 2_000));
        }
    }
}
/**
 * Whether the file is there with exactly its bytes. Other bytes under a content-addressed name are a
 * damaged repository: an index naming it would have clients reject what they download.
 */
async function isThere(store, file) {
    const there = await store.get(file.key);
    if (there === undefined)
        return false;
    if (there.bytes.equals(file.bytes))
        return true;
    throw new errors/* UserError */.y(`package-host: ${file.key}`, `holds other content than its name says (${there.bytes.length} bytes, expected ${file.bytes.length})`, 'delete it (it will be written again with the right content), then run again');
}

;// CONCATENATED MODULE: ./lib/indexes/compare-and-swap.js





/** Thrown by a proposal that read a state changing under it (an index not matching its Release). */
class StaleRead extends Error {
    name = 'StaleRead';
}
const compare_and_swap_ATTEMPTS = 30;
/**
 * Read → propose → write the referenced files → replace the state key only if it is still what was
 * read (If-Match, or If-None-Match when creating it). When another publisher got there first, its state
 * is read again and the proposal made anew on top of it, so neither loses the other's packages; so
 * too when the store's answer leaves open whether the write landed (409 conflicts, 500s): the next
 * read tells.
 */
async function compareAndSwap(target, key, propose, options = {}) {
    const attempts = options.attempts ?? compare_and_swap_ATTEMPTS;
    const sleep = options.sleep ?? retry/* realSleep */.uk;
    const unknown = [];
    for (let attempt = 1;; attempt++) {
        let proposed;
        try {
            const read = await target.store.get(key);
            const current = read && { bytes: read.bytes, etag: read.info.etag };
            const proposal = await propose(current);
            if (proposal.next === undefined)
                return { result: proposal.result, changed: false, etag: current?.etag, unknown };
            // Every file the state names is verified there before the state is written; they go together,
            // as each is a round trip or two of its own.
            await (0,all_in_order/* allInOrder */.b)(proposal.files.map((file) => () => putContentAddressed(target, file, sleep)));
            proposed = proposal;
            const condition = !target.conditional
                ? {}
                : current
                    ? { ifMatch: current.etag }
                    : { ifNoneMatch: true };
            const etag = await target.store.put(key, proposal.next, {
                ...condition,
                cacheControl: object_store/* NO_CACHE */.DQ,
                contentType: proposal.contentType,
            });
            await restoreDeleted(target, proposal.files, sleep);
            return { result: proposal.result, changed: true, etag, unknown };
        }
        catch (error) {
            if (error instanceof object_store/* WriteOutcomeUnknown */.cE && proposed !== undefined)
                unknown.push(proposed.result);
            else if (!(error instanceof object_store/* PreconditionFailed */.OJ || error instanceof StaleRead))
                throw error;
            if (attempt >= attempts) {
                throw error instanceof object_store/* WriteOutcomeUnknown */.cE
                    ? new errors/* UserError */.y(`package-host: ${key}`, `the store failed the last of ${attempts} attempts to update it (${error.message})`, 'check the store is healthy, then run again')
                    : new errors/* UserError */.y(`package-host: ${key}`, `changed under each of ${attempts} attempts to update it: too many publishers at once`, 'run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)');
            }
            options.onConflict?.(attempt);
            await sleep(50 + (0,retry/* backoffDelay */.EY)(attempt, 100, 3_000));
        }
    }
}
/**
 * After the commit, the files the state names are looked at once more: a file reused (same content,
 * same name as an old one no state listed) may have been deleted past its grace period by a publisher
 * that read the state before this commit. Such a file is written again.
 */
async function restoreDeleted(target, files, sleep) {
    await (0,all_in_order/* allInOrder */.b)(files.map((file) => async () => {
        if ((await target.store.head(file.key)) === undefined)
            await putContentAddressed(target, file, sleep);
    }));
}


/***/ }),

/***/ 3670:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ indexKeeper)
});

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/indexes/compare-and-swap.js + 1 modules
var compare_and_swap = __webpack_require__(12659);
// EXTERNAL MODULE: ./lib/indexes/old-files.js
var old_files = __webpack_require__(32499);
;// CONCATENATED MODULE: ./lib/indexes/read-state.js


/**
 * Reads a repository's current state. Indexes that cannot be read are the repository's, and the user
 * repairs them: the same one line whether the check before the publish finds them so, or the update
 * finds them in a state another publisher committed since. StaleRead (being rewritten) passes through.
 */
async function readState(format, target, root, bytes) {
    try {
        return await format.read(target.store, root, bytes);
    }
    catch (error) {
        if (error instanceof compare_and_swap/* StaleRead */.O || error instanceof errors/* UserError */.y)
            throw error;
        throw new errors/* UserError */.y(`package-host: ${root}`, `the current ${format.label} indexes cannot be read (${(0,errors/* errorMessage */.g)(error)})`, 'repair them (or move them away to start the repository afresh), then run again');
    }
}

;// CONCATENATED MODULE: ./lib/indexes/removed-packages.js

/**
 * The host paths of the packages retention took out of the state, to delete now that it is committed.
 * A state write whose answer was lost may have landed, its removals with it, while the attempt that
 * followed found nothing left to change: those removals are deleted too, unless the current state
 * lists them (the write did not land, or another publisher added them back).
 */
async function removedPackages(target, root, format, swap) {
    const pathOf = (entry) => `${root}/${format.pathOf(entry)}`;
    const committed = swap.changed ? (swap.result?.removed ?? []) : [];
    const maybe = swap.unknown.flatMap((result) => result?.removed ?? []);
    if (maybe.length === 0)
        return committed.map(pathOf);
    const current = await target.store.get(`${root}/${format.stateKey}`);
    const state = current === undefined ? format.empty : await readState(format, target, root, current.bytes);
    const listed = new Set(format.packages(state).map((path) => `${root}/${path}`));
    const paths = new Set([...committed, ...maybe].map(pathOf));
    return [...paths].filter((path) => !listed.has(path)).sort();
}

// EXTERNAL MODULE: ./lib/util/all-in-order.js
var all_in_order = __webpack_require__(5078);
;// CONCATENATED MODULE: ./lib/indexes/settle.js


const ROUNDS = 30;
/**
 * Brings the derived files in line with the state key, then checks the state did not change meanwhile.
 * If it did, another publisher committed after us and our files may describe the older state: they are
 * derived again from the newer one. The last publisher to finish thus always leaves a consistent set.
 */
async function settleDerived(store, key, derive) {
    let written = 0;
    const replaced = new Set();
    const settled = () => ({ written, replaced: [...replaced] });
    for (let round = 1; round <= ROUNDS; round++) {
        const read = await store.get(key);
        if (read === undefined)
            return settled();
        // Each file follows from the state alone, not from the others: they are checked and written
        // together, and counted in their own order, whichever finished first.
        const files = await derive({ bytes: read.bytes, etag: read.info.etag });
        const outcomes = await (0,all_in_order/* allInOrder */.b)(files.map((file) => () => settleOne(store, file)));
        files.forEach((file, i) => {
            const outcome = outcomes[i];
            if (outcome === 'kept')
                return;
            written++;
            if (outcome === 'replaced')
                replaced.add(file.key);
        });
        if ((await store.head(key))?.etag === read.info.etag)
            return settled();
    }
    // Another publisher committed in each of the rounds: the user resolves it by running again, alone.
    throw new errors/* UserError */.y(`package-host: ${key}`, `kept changing while its signatures and plain-name indexes were written (${ROUNDS} rounds): other publishers are updating this repository at the same time`, 'run again; if it keeps happening, let one publisher at a time update it (e.g. a workflow concurrency group)');
}
/** Writes (or deletes) one derived file unless what is there already matches the state. */
async function settleOne(store, file) {
    const existing = await store.get(file.key);
    if (await file.matches(existing?.bytes))
        return 'kept';
    const bytes = await file.produce();
    if (bytes === undefined)
        await store.delete(file.key);
    else
        await store.put(file.key, bytes, { cacheControl: file.cacheControl, contentType: file.contentType });
    return existing === undefined ? 'created' : 'replaced';
}

// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
;// CONCATENATED MODULE: ./lib/indexes/index-update.js






/**
 * Updates one repository: its state file by compare-and-swap (the content-addressed indexes it lists
 * written first, proposed again on top of whatever another publisher committed meanwhile), then the
 * plain-name indexes and signatures derived from whatever state is current, then the packages
 * retention removed, then content-addressed files no state lists past their grace period.
 */
async function updateIndex(update, format) {
    const { target, root } = update;
    const key = `${root}/${format.stateKey}`;
    let conflicts = 0;
    // Set by each attempt: the one whose write went through says whether a state was there before it.
    let stateExisted = false;
    const swap = await (0,compare_and_swap/* compareAndSwap */.q)(target, key, async (current) => {
        stateExisted = current !== undefined;
        const state = !current
            ? format.empty
            : current.etag === update.known?.etag
                ? update.known.state
                : await readState(format, target, root, current.bytes);
        const change = format.propose(state, update.added, update.pruning, update.date, update.withdrawn);
        return {
            files: (change?.files ?? []).map((file) => ({
                key: `${root}/${file.path}`,
                bytes: Buffer.from(file.bytes),
                cacheControl: object_store/* IMMUTABLE */.hb,
                contentType: format.contentTypeOf(file.path),
            })),
            next: change?.next,
            contentType: format.stateContentType,
            result: change,
        };
    }, { onConflict: () => conflicts++, ...(update.sleep ? { sleep: update.sleep } : {}) });
    const derived = await settleDerived(target.store, key, async (current) => format.derived(target.store, root, current.bytes, update.signing));
    const removed = await removedPackages(target, root, format, swap);
    await (0,old_files/* deletePackages */.P)(target.store, removed);
    const listed = async () => {
        const state = await target.store.get(key);
        return new Set(state === undefined ? [] : format.listed(state.bytes).map((path) => `${root}/${path}`));
    };
    const expired = await (0,old_files/* deleteUnlisted */.m)(target.store, {
        prefix: `${root}/${format.oldFiles.directory}/`,
        pattern: format.oldFiles.pattern,
        contentTypeOf: (path) => format.contentTypeOf(path.slice(root.length + 1)),
    }, listed, update.graceMs, update.now());
    const rewritten = [...(swap.changed && stateExisted ? [key] : []), ...derived.replaced];
    return {
        changed: swap.changed,
        conflicts,
        derivedWritten: derived.written,
        removed,
        expired,
        rewritten,
    };
}

;// CONCATENATED MODULE: ./lib/indexes/index-keeper.js




/** Reads of a state being rewritten before the plan gives up foreseeing what retention deletes. */
const FORESIGHT_READS = 3;
function indexKeeper(format) {
    const known = new Map();
    /** Repositories `check` found without a state: new, so empty. */
    const absent = new Set();
    const entriesOf = (packages) => packages.flatMap((pkg) => {
        const entry = format.entryOf(pkg);
        return entry === undefined ? [] : [entry];
    });
    /** The state read again: `check` met it being rewritten. */
    const reread = async (target, root) => {
        for (let read = 1; read <= FORESIGHT_READS; read++) {
            const current = await target.store.get(`${root}/${format.stateKey}`);
            if (current === undefined)
                return format.empty;
            try {
                return await readState(format, target, root, current.bytes);
            }
            catch (error) {
                if (!(error instanceof compare_and_swap/* StaleRead */.O))
                    throw error;
            }
        }
        return undefined;
    };
    /** The state `check` read, or read again if it was being rewritten then. */
    const stateOf = async (target, root) => known.get(root)?.state ?? (absent.has(root) ? format.empty : await reread(target, root));
    return {
        async check(target, root, signed, packages) {
            // The run's own packages must fit in one index (two files that are one package cannot): proposing
            // them on an empty repository refuses them now, before any of them is uploaded.
            format.propose(format.empty, entriesOf(packages), undefined, new Date(0));
            const { store } = target;
            const current = await store.get(`${root}/${format.stateKey}`);
            if (current === undefined) {
                absent.add(root);
                return;
            }
            try {
                known.set(root, {
                    etag: current.info.etag,
                    state: await readState(format, target, root, current.bytes),
                });
            }
            catch (error) {
                // Being rewritten by another publisher right now: the update reads it again anyway.
                if (error instanceof compare_and_swap/* StaleRead */.O)
                    return;
                throw error;
            }
            if (signed)
                return;
            for (const file of format.signatureFiles) {
                const key = `${root}/${file}`;
                if ((await store.head(key)) !== undefined) {
                    throw new errors/* UserError */.y('signing-key', `is empty, but ${root} is a signed repository (${key} exists): publishing unsigned would break apt and dnf clients`, 'pass the repository key, e.g. signing-key: ${{ secrets.SIGNING_KEY }} (check the secret is available to this workflow)');
                }
            }
        },
        async foresee(target, root, packages, pruning) {
            const state = await stateOf(target, root);
            if (state === undefined)
                return undefined;
            const change = format.propose(state, entriesOf(packages), pruning, new Date(0));
            return (change?.removed ?? []).map((entry) => `${root}/${format.pathOf(entry)}`).sort();
        },
        async listed(target, root) {
            const state = await stateOf(target, root);
            return state && format.packages(state).map((path) => `${root}/${path}`);
        },
        update(settings, packages) {
            const state = known.get(settings.root);
            return updateIndex({ ...settings, added: entriesOf(packages), ...(state ? { known: state } : {}) }, format);
        },
    };
}


/***/ }),

/***/ 78585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ indexPackage)
});

;// CONCATENATED MODULE: ./lib/formats/apt/packages-field-order.js
/**
 * The order apt-ftparchive writes a Packages stanza in (apt's apt-pkg/tagfile-order.c, apt 2.6): known
 * fields in this order under these spellings, then the fields it does not know in the package's own
 * order. Writing the same order makes our stanzas identical to apt-ftparchive's, so a repository that
 * Falco's scripts once built does not churn when we take it over.
 */
const PACKAGES_ORDER = [
    'Package',
    'Package-Type',
    'Architecture',
    'Subarchitecture',
    'Version',
    'Kernel-Version',
    'Built-Using',
    'Static-Built-Using',
    'Built-For-Profiles',
    'Auto-Built-Package',
    'Multi-Arch',
    'Status',
    'Priority',
    'Build-Essential',
    'Protected',
    'Important',
    'Essential',
    'Installer-Menu-Item',
    'Section',
    'Source',
    'Origin',
    'Phased-Update-Percentage',
    'Maintainer',
    'Original-Maintainer',
    'Bugs',
    'Config-Version',
    'Conffiles',
    'Triggers-Awaited',
    'Triggers-Pending',
    'Installed-Size',
    'Provides',
    'Pre-Depends',
    'Depends',
    'Recommends',
    'Suggests',
    'Conflicts',
    'Breaks',
    'Replaces',
    'Enhances',
    'Filename',
    'MSDOS-Filename',
    'Size',
    'MD5sum',
    'SHA1',
    'SHA256',
    'SHA512',
    'Homepage',
    'Description',
    'Description-md5',
    'Tag',
    'Task',
];
const RANK = new Map(PACKAGES_ORDER.map((name, rank) => [name.toLowerCase(), rank]));
/** Known fields first, in apt's order and spelling; unknown fields after them, as they came. */
function inPackagesOrder(fields) {
    const known = [];
    const unknown = [];
    for (const [name, value] of fields) {
        const rank = RANK.get(name.toLowerCase());
        if (rank === undefined)
            unknown.push([name, value]);
        else
            known.push([rank, [PACKAGES_ORDER[rank] ?? name, value]]);
    }
    known.sort((a, b) => a[0] - b[0]);
    return [...known.map(([, field]) => field), ...unknown];
}

;// CONCATENATED MODULE: ./lib/formats/apt/apt-entry.js

/**
 * Fields the index owns rather than the package: the location and hashes (a control file that carries
 * them describes some other file), and the two apt-ftparchive drops from every stanza (`Status` belongs
 * to dpkg's database, `Optional` is an obsolete alias).
 */
const REPLACED = new Set(['filename', 'size', 'md5sum', 'sha1', 'sha256', 'sha512', 'status', 'optional']);
/** The stanza apt-ftparchive would write for this .deb, with the control fields verbatim. */
function aptEntry(control, file) {
    const own = control.fields.filter(([name]) => !REPLACED.has(name.toLowerCase()));
    const fields = inPackagesOrder([
        ...own,
        ['Filename', file.filename],
        ['Size', String(file.size)],
        ['MD5sum', file.md5],
        ['SHA1', file.sha1],
        ['SHA256', file.sha256],
    ]);
    return {
        fields,
        package: control.package,
        version: control.version,
        architecture: control.architecture,
        filename: file.filename,
    };
}

// EXTERNAL MODULE: ./lib/formats/yum/repodata-entry.js + 4 modules
var repodata_entry = __webpack_require__(44915);
// EXTERNAL MODULE: ./lib/package-layout/host-layout.js
var host_layout = __webpack_require__(10654);
;// CONCATENATED MODULE: ./lib/indexes/indexed-package.js



/**
 * What the index lists of a package, from its contents (control fields, rpm headers, hashes). Run before
 * anything is published, so a package that cannot be indexed fails the run with nothing written.
 */
function indexPackage({ path, localFile, contents }) {
    const place = (0,host_layout/* placeOfPath */.Es)(path);
    // The plan made the path from the layout: one it cannot read back is a defect, not a user's mistake.
    if (place === undefined)
        throw new Error(`${path} is not a package path of the host layout`);
    if (place.format === 'bin')
        return { path, place, localFile };
    if (place.format === 'apt' && contents?.kind === 'deb') {
        const apt = aptEntry(contents.control, { filename: place.relative, ...contents.hashes });
        return { path, place, localFile, apt };
    }
    if (place.format === 'yum' && contents?.kind === 'rpm') {
        const { rpm, hashes } = contents;
        // The build time, not the file's mtime (createrepo_c's choice): a re-run indexes the same bytes.
        const yum = (0,repodata_entry/* repodataEntry */.d)({
            pkg: rpm,
            location: place.relative,
            sha256: hashes.sha256,
            size: hashes.size,
            time: rpm.buildTime,
        });
        return { path, place, localFile, yum };
    }
    throw new Error(`${path} was not read as a ${place.format === 'apt' ? '.deb' : '.rpm'} before it is indexed`);
}


/***/ }),

/***/ 32499:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ deletePackages),
/* harmony export */   m: () => (/* binding */ deleteUnlisted)
/* harmony export */ });
/* harmony import */ var _stores_object_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56519);
/* harmony import */ var _repository_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27284);


/**
 * Deletes content-addressed files (by-hash indexes, hash-named repodata) that the current state no
 * longer lists, once they are older than the grace period: a client that read the previous Release or
 * repomd.xml moments ago can still fetch what it lists, and a publisher that has written the files of
 * its next state but not yet committed it never has them deleted under it. A publisher may also reuse
 * an old file (same content, same name) and commit a state naming it while it is being deleted: the
 * state is read again after the deletions, and what it names again is put back.
 */
async function deleteUnlisted(store, candidates, listed, graceMs, now) {
    const before = await listed();
    const deleted = new Map();
    for (const object of await store.entries(candidates.prefix)) {
        if (!candidates.pattern.test(object.key) || before.has(object.key))
            continue;
        if (now.getTime() - object.lastModified.getTime() < graceMs)
            continue;
        // Kept until the state is read again: the bytes to put back if it names the file once more.
        const kept = await store.get(object.key);
        if (kept === undefined)
            continue;
        await store.delete(object.key);
        deleted.set(object.key, kept.bytes);
    }
    if (deleted.size === 0)
        return [];
    const after = await listed();
    for (const [key, bytes] of deleted) {
        if (!after.has(key))
            continue;
        await store.put(key, bytes, { cacheControl: _stores_object_store_js__WEBPACK_IMPORTED_MODULE_0__/* .IMMUTABLE */ .hb, contentType: candidates.contentTypeOf(key) });
    }
    return [...deleted.keys()].filter((key) => !after.has(key));
}
/** Deletes packages that retention took out of the indexes, with their signatures and provenance bundles. */
async function deletePackages(store, paths) {
    for (const path of paths) {
        await store.delete(path);
        for (const suffix of _repository_files_js__WEBPACK_IMPORTED_MODULE_1__/* .BESIDE_PACKAGE */ .I)
            await store.delete(`${path}${suffix}`);
    }
}


/***/ }),

/***/ 27284:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ BESIDE_PACKAGE),
/* harmony export */   Y: () => (/* binding */ RepositoryFiles)
/* harmony export */ });
/* harmony import */ var _util_map_concurrent_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57474);

/** What the host keeps beside a package: its OpenPGP signature and its build provenance bundle. */
const BESIDE_PACKAGE = ['.asc', '.sigstore.json'];
/** HEADs in flight while weighing: hundreds of small files in about a second, without flooding the store. */
const WEIGHING = 8;
/** The files of one repository (`deb-dev/…`) as one listing saw them. */
class RepositoryFiles {
    store;
    keys;
    listed;
    constructor(store, 
    /** Every key under the root, sorted. */
    keys) {
        this.store = store;
        this.keys = keys;
        this.listed = new Set(keys);
    }
    static async list(store, root) {
        return new RepositoryFiles(store, await store.list(`${root}/`));
    }
    /** A package (its host path) and what the listing found beside it. */
    filesOf(pkg) {
        const beside = BESIDE_PACKAGE.map((suffix) => `${pkg}${suffix}`);
        return [pkg, ...beside.filter((key) => this.listed.has(key))];
    }
    /** The bytes of what lies beside each listed package, by the package's host path. */
    async besideBytes() {
        const beside = this.keys.flatMap((key) => {
            const suffix = BESIDE_PACKAGE.find((s) => key.endsWith(s) && this.listed.has(key.slice(0, -s.length)));
            return suffix === undefined ? [] : [{ key, pkg: key.slice(0, -suffix.length) }];
        });
        const sizes = await this.weigh(beside.map((file) => file.key));
        const bytes = new Map();
        for (const { key, pkg } of beside)
            bytes.set(pkg, (bytes.get(pkg) ?? 0) + (sizes.get(key) ?? 0));
        return bytes;
    }
    /** The size of each key, read with HEAD (a listing has none); a key gone meanwhile weighs 0. */
    async weigh(keys) {
        const sizes = await (0,_util_map_concurrent_js__WEBPACK_IMPORTED_MODULE_0__/* .mapConcurrent */ ._)(keys, WEIGHING, async (key) => (await this.store.head(key))?.size ?? 0);
        return new Map(keys.map((key, index) => [key, sizes[index] ?? 0]));
    }
}


/***/ }),

/***/ 76072:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ overSize)
/* harmony export */ });
/**
 * The paths size retention takes out: versions leave oldest first, each with all its packages and
 * architectures, until what stays fits in `limit` bytes. A version in `publishing` (what the run
 * publishes) never leaves, even when it alone is over the limit: a run must not delete what it has
 * just published.
 */
function overSize(files, limit, publishing, compareVersions) {
    const byVersion = new Map();
    for (const file of files) {
        const version = byVersion.get(file.version) ?? { bytes: 0, paths: [] };
        version.bytes += file.bytes;
        version.paths.push(file.path);
        byVersion.set(file.version, version);
    }
    let total = [...byVersion.values()].reduce((sum, version) => sum + version.bytes, 0);
    const doomed = new Set();
    const oldestFirst = [...byVersion.keys()].sort(compareVersions);
    for (const version of oldestFirst) {
        if (total <= limit)
            break;
        if (publishing.has(version))
            continue;
        const { bytes, paths } = byVersion.get(version) ?? { bytes: 0, paths: [] };
        total -= bytes;
        for (const path of paths)
            doomed.add(path);
    }
    return doomed;
}


/***/ }),

/***/ 67741:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ YUM_FORMAT)
});

// EXTERNAL MODULE: ./lib/formats/yum/xml-escape.js
var xml_escape = __webpack_require__(3107);
;// CONCATENATED MODULE: ./lib/formats/yum/xml-entities.js
/** The five entities XML predefines; a DOCTYPE, which could declare more, is refused. */
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML line-end handling: CRLF and lone CR read as LF; an escaped CR (`&#13;`) stays a CR. */
function decodeText(raw, fail) {
    return decodeReferences(raw.replace(/\r\n?/g, '\n'), fail);
}
/** Attribute-value normalization: literal tab, CR and LF read as spaces; escaped ones stay. */
function decodeAttribute(raw, fail) {
    return decodeReferences(raw.replace(/\r\n|[\t\n\r]/g, ' '), fail);
}
/** An attribute value or text as written (entities and character references) → its characters. */
function decodeEntities(raw) {
    return decodeReferences(raw, (problem) => {
        throw new Error(problem);
    });
}
function decodeReferences(raw, fail) {
    if (!raw.includes('&'))
        return raw;
    return raw.replace(/&([^;&\s]*);?/g, (whole, name) => {
        if (!whole.endsWith(';'))
            return fail(`'${whole}' is not a complete entity reference`);
        const named = ENTITIES[name];
        if (named !== undefined)
            return named;
        const code = /^#x[0-9a-fA-F]+$/.test(name)
            ? parseInt(name.slice(2), 16)
            : /^#[0-9]+$/.test(name)
                ? parseInt(name.slice(1), 10)
                : NaN;
        if (!Number.isInteger(code) || code > 0x10ffff)
            return fail(`unknown entity &${name};`);
        return String.fromCodePoint(code);
    });
}

;// CONCATENATED MODULE: ./lib/formats/yum/xml-tokenizer.js

/**
 * Splits XML into text, CDATA and tags, skipping comments and processing instructions. A DOCTYPE
 * (or any other declaration) is refused, so no entity can expand. Whether the tags nest is the tree
 * builder's concern; a failure names the line it is found on.
 */
class XmlTokenizer {
    source;
    pos;
    constructor(source) {
        this.source = source;
        this.pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    }
    /** The next token; undefined at the end of the source. */
    next() {
        const source = this.source;
        while (this.pos < source.length) {
            const start = this.pos;
            if (source.charCodeAt(start) !== 0x3c /* < */)
                return this.readText();
            if (source.startsWith('<?', start)) {
                this.pos = this.skipPast('?>', 'processing instruction') + 2;
            }
            else if (source.startsWith('<!--', start)) {
                this.pos = this.skipPast('-->', 'comment') + 3;
            }
            else if (source.startsWith('<![CDATA[', start)) {
                const end = this.skipPast(']]>', 'CDATA section');
                this.pos = end + 3;
                return { kind: 'cdata', text: source.slice(start + 9, end), start, end: this.pos };
            }
            else if (source.startsWith('<!', start)) {
                this.fail('DOCTYPE and other declarations are not accepted in repodata');
            }
            else if (source.startsWith('</', start)) {
                const end = this.skipPast('>', 'end tag');
                this.pos = end + 1;
                return { kind: 'end', name: source.slice(start + 2, end).trim(), start, end: this.pos };
            }
            else {
                return this.readStartTag();
            }
        }
        return undefined;
    }
    /** Throws what is wrong, with the line of `at` (where the tokenizer is, unless told). */
    fail(problem, at = this.pos) {
        const line = this.source.slice(0, at).split('\n').length;
        throw new Error(`XML line ${line}: ${problem}`);
    }
    readText() {
        const start = this.pos;
        const next = this.source.indexOf('<', start);
        const end = next < 0 ? this.source.length : next;
        const text = decodeText(this.source.slice(start, end), (problem) => this.fail(problem));
        this.pos = end;
        return { kind: 'text', text, start, end };
    }
    readStartTag() {
        const start = this.pos;
        this.pos++;
        const name = this.readName();
        const attributes = new Map();
        for (;;) {
            this.skipSpace();
            if (this.source.startsWith('/>', this.pos)) {
                this.pos += 2;
                return { kind: 'start', name, attributes, selfClosing: true, start, end: this.pos };
            }
            if (this.source.charAt(this.pos) === '>') {
                this.pos++;
                return { kind: 'start', name, attributes, selfClosing: false, start, end: this.pos };
            }
            this.readAttribute(name, attributes);
        }
    }
    /** One `name="value"` of the element `element` into `attributes`. */
    readAttribute(element, attributes) {
        const source = this.source;
        const attribute = this.readName();
        this.skipSpace();
        if (source.charAt(this.pos) !== '=')
            this.fail(`attribute ${attribute} of <${element}> has no value`);
        this.pos++;
        this.skipSpace();
        const quote = source.charAt(this.pos);
        if (quote !== '"' && quote !== "'")
            this.fail(`attribute ${attribute} of <${element}> is not quoted`);
        const end = source.indexOf(quote, this.pos + 1);
        if (end < 0)
            this.fail(`attribute ${attribute} of <${element}> is never closed`);
        if (attributes.has(attribute))
            this.fail(`<${element}> has two ${attribute} attributes`);
        attributes.set(attribute, decodeAttribute(source.slice(this.pos + 1, end), (problem) => this.fail(problem)));
        this.pos = end + 1;
    }
    /** Where `terminator` starts, from here on; missing, the `what` is unterminated. */
    skipPast(terminator, what) {
        const end = this.source.indexOf(terminator, this.pos);
        if (end < 0)
            this.fail(`unterminated ${what}`);
        return end;
    }
    readName() {
        NAME.lastIndex = this.pos;
        const found = NAME.exec(this.source);
        if (!found)
            return this.fail('a name was expected');
        this.pos += found[0].length;
        return found[0];
    }
    skipSpace() {
        while (isSpace(this.source.charCodeAt(this.pos)))
            this.pos++;
    }
}
/** A tag or attribute name; sticky, so it matches at `lastIndex` only. One instance: compiled once. */
const NAME = /[^\s/>=<"']+/y;
/** XML's white space (space, tab, CR, LF): what may separate attributes. */
const isSpace = (code) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

;// CONCATENATED MODULE: ./lib/formats/yum/xml-parse.js

/**
 * A small XML reader for repodata: elements, attributes, text, CDATA, comments and processing
 * instructions, with the five predefined entities and character references. The tokenizer reads the
 * tags; this builds the tree from them, checking that they nest and that there is one root.
 */
function parseXml(source) {
    const tokens = new XmlTokenizer(source);
    const stack = [];
    let root;
    for (let token = tokens.next(); token !== undefined; token = tokens.next()) {
        const current = stack.at(-1);
        if (token.kind === 'text') {
            if (current)
                current.children.push(token.text);
            else if (token.text.trim() !== '')
                tokens.fail('text outside the root element', token.start);
        }
        else if (token.kind === 'cdata') {
            if (!current)
                tokens.fail('CDATA outside the root element', token.start);
            current.children.push(token.text);
        }
        else if (token.kind === 'end') {
            if (!current || current.name !== token.name) {
                tokens.fail(`</${token.name}> does not close <${current?.name ?? ''}>`, token.start);
            }
            stack.pop();
            current.end = token.end;
        }
        else {
            const { name, attributes, start, end } = token;
            const element = { name, attributes, children: [], start, end };
            if (!token.selfClosing)
                stack.push(element);
            if (current)
                current.children.push(element);
            else if (root)
                tokens.fail('a second root element');
            else
                root = element;
        }
    }
    if (stack.length > 0)
        tokens.fail(`<${stack.at(-1)?.name ?? ''}> is never closed`);
    if (!root)
        return tokens.fail('no root element');
    return root;
}

;// CONCATENATED MODULE: ./lib/formats/yum/xml-tree.js
/** The child elements with this name (all of them without one). */
function xml_tree_elements(parent, name) {
    return parent.children.filter((child) => typeof child !== 'string' && (name === undefined || child.name === name));
}
/** The one child element with this name; missing is an error. */
function xml_tree_element(parent, name) {
    const found = parent.children.find((child) => typeof child !== 'string' && child.name === name);
    if (!found || typeof found === 'string')
        throw new Error(`<${parent.name}> has no <${name}>`);
    return found;
}
function optionalElement(parent, name) {
    return xml_tree_elements(parent, name)[0];
}
/** The text content of an element (its direct text and CDATA). */
function textOf(node) {
    return node.children.filter((child) => typeof child === 'string').join('');
}
/** A required attribute. */
function attribute(node, name) {
    const value = node.attributes.get(name);
    if (value === undefined)
        throw new Error(`<${node.name}> has no ${name} attribute`);
    return value;
}

// EXTERNAL MODULE: ./lib/util/sha256-hex.js
var sha256_hex = __webpack_require__(31385);
;// CONCATENATED MODULE: ./lib/formats/yum/repomd-xml.js




/**
 * Where a document is published: its name starts with the sha256 of its bytes, so a new version never
 * overwrites one that a client in the middle of an update may still fetch by the old repomd.xml.
 */
function repodataLocation(type, gz) {
    return `repodata/${(0,sha256_hex/* sha256Hex */.f)(gz)}-${type}.xml.gz`;
}
/** repomd.xml as createrepo_c writes it (without the sqlite databases, which dnf does not need). */
function renderRepomd(input) {
    const data = input.files.map((file) => [
        `  <data type="${file.type}">`,
        `    <checksum type="sha256">${(0,sha256_hex/* sha256Hex */.f)(file.gz)}</checksum>`,
        `    <open-checksum type="sha256">${(0,sha256_hex/* sha256Hex */.f)(file.open)}</open-checksum>`,
        `    <location href="${repodataLocation(file.type, file.gz)}"/>`,
        `    <timestamp>${file.timestamp}</timestamp>`,
        `    <size>${file.gz.byteLength}</size>`,
        `    <open-size>${file.open.byteLength}</open-size>`,
        `  </data>`,
    ].join('\n'));
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">`,
        `  <revision>${(0,xml_escape/* escapeText */.X1)(input.revision)}</revision>`,
        ...data,
        `</repomd>`,
        ``,
    ].join('\n');
}
/** Reads repomd.xml: where the current documents are, and what their bytes must hash to. */
function parseRepomd(xml) {
    const root = parseXml(xml);
    if (root.name !== 'repomd')
        throw new Error(`repomd.xml: the root element is <${root.name}>`);
    const revision = optionalElement(root, 'revision');
    const records = xml_tree_elements(root, 'data').map((data) => {
        const checksum = xml_tree_element(data, 'checksum');
        const text = (name) => {
            const node = optionalElement(data, name);
            return node ? textOf(node) : undefined;
        };
        const number = (name) => {
            const value = text(name);
            return value === undefined ? undefined : Number(value);
        };
        const record = {
            type: attribute(data, 'type'),
            location: attribute(xml_tree_element(data, 'location'), 'href'),
            checksumType: attribute(checksum, 'type'),
            checksum: textOf(checksum),
        };
        const openChecksum = text('open-checksum');
        if (openChecksum !== undefined)
            record.openChecksum = openChecksum;
        const timestamp = number('timestamp');
        if (timestamp !== undefined)
            record.timestamp = timestamp;
        const size = number('size');
        if (size !== undefined)
            record.size = size;
        const openSize = number('open-size');
        if (openSize !== undefined)
            record.openSize = openSize;
        return record;
    });
    return { revision: revision ? textOf(revision) : '', records };
}

// EXTERNAL MODULE: ./lib/stores/object-store.js
var object_store = __webpack_require__(56519);
// EXTERNAL MODULE: ./lib/formats/deterministic-gzip.js
var deterministic_gzip = __webpack_require__(12539);
// EXTERNAL MODULE: ./lib/formats/gunzip-index.js
var gunzip_index = __webpack_require__(81194);
// EXTERNAL MODULE: ./lib/formats/yum/repodata-entry.js + 4 modules
var repodata_entry = __webpack_require__(44915);
;// CONCATENATED MODULE: ./lib/formats/yum/repodata-documents.js
const ROOTS = {
    primary: {
        name: 'metadata',
        namespaces: 'xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm"',
    },
    filelists: { name: 'filelists', namespaces: 'xmlns="http://linux.duke.edu/metadata/filelists"' },
    other: { name: 'otherdata', namespaces: 'xmlns="http://linux.duke.edu/metadata/other"' },
};
/** The root element's name of each document: what a reader checks before trusting one. */
const rootElementOf = (kind) => ROOTS[kind].name;
function metadataDocument(kind, packages) {
    const { name, namespaces } = ROOTS[kind];
    const body = packages.map((xml) => `${xml}\n`).join('');
    return (`<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<${name} ${namespaces} packages="${packages.length}">\n${body}</${name}>`);
}

;// CONCATENATED MODULE: ./lib/formats/yum/repodata-fields.js

// Readers of the values inside a repodata `<package>`: dependencies, files, texts and numbers.
/** The comparisons an `<rpm:entry>` may name. */
const FLAGS = new Set(['EQ', 'LT', 'LE', 'GT', 'GE']);
function dependencyOf(entry) {
    const flags = entry.attributes.get('flags');
    if (flags !== undefined && !FLAGS.has(flags))
        throw new Error(`<rpm:entry> has flags="${flags}"`);
    const optional = (name, key) => {
        const value = entry.attributes.get(name);
        return value === undefined ? {} : { [key]: value };
    };
    return {
        name: attribute(entry, 'name'),
        ...(flags === undefined ? {} : { flags: flags }),
        ...optional('epoch', 'epoch'),
        ...optional('ver', 'version'),
        ...optional('rel', 'release'),
        ...(entry.attributes.get('pre') === '1' ? { pre: true } : {}),
    };
}
function fileOf(node) {
    const type = node.attributes.get('type') ?? 'file';
    if (type !== 'file' && type !== 'dir' && type !== 'ghost')
        throw new Error(`<file type="${type}">`);
    return { path: textOf(node), type };
}
function optionalText(parent, name) {
    const child = optionalElement(parent, name);
    return child ? textOf(child) : '';
}
function integer(node, name) {
    const value = attribute(node, name);
    if (!/^-?[0-9]+$/.test(value))
        throw new Error(`<${node.name} ${name}="${value}"> is not an integer`);
    return Number(value);
}

;// CONCATENATED MODULE: ./lib/formats/yum/repodata-parse.js




/** Reads primary, filelists and other XML, ours and createrepo_c's, one record per `<package>`. */
function parsePrimary(xml) {
    return packagesOf(xml, 'primary').map((node) => {
        const checksum = xml_tree_element(node, 'checksum');
        const format = xml_tree_element(node, 'format');
        const time = xml_tree_element(node, 'time');
        const size = xml_tree_element(node, 'size');
        const location = xml_tree_element(node, 'location');
        const headerRange = optionalElement(format, 'rpm:header-range');
        const dependencies = {};
        for (const block of xml_tree_elements(format).filter((child) => xml_tree_elements(child, 'rpm:entry').length > 0)) {
            dependencies[block.name.replace(/^rpm:/, '')] = xml_tree_elements(block, 'rpm:entry').map(dependencyOf);
        }
        const base = location.attributes.get('xml:base');
        return {
            pkgid: textOf(checksum),
            checksumType: attribute(checksum, 'type'),
            name: textOf(xml_tree_element(node, 'name')),
            arch: textOf(xml_tree_element(node, 'arch')),
            evr: evrOf(node),
            summary: optionalText(node, 'summary'),
            description: optionalText(node, 'description'),
            packager: optionalText(node, 'packager'),
            url: optionalText(node, 'url'),
            time: { file: integer(time, 'file'), build: integer(time, 'build') },
            size: {
                package: integer(size, 'package'),
                installed: integer(size, 'installed'),
                archive: integer(size, 'archive'),
            },
            location: attribute(location, 'href'),
            ...(base === undefined ? {} : { locationBase: base }),
            license: optionalText(format, 'rpm:license'),
            vendor: optionalText(format, 'rpm:vendor'),
            group: optionalText(format, 'rpm:group'),
            buildhost: optionalText(format, 'rpm:buildhost'),
            sourcerpm: optionalText(format, 'rpm:sourcerpm'),
            headerRange: headerRange
                ? { start: integer(headerRange, 'start'), end: integer(headerRange, 'end') }
                : { start: 0, end: 0 },
            dependencies,
            files: xml_tree_elements(format, 'file').map(fileOf),
            xml: xml.slice(node.start, node.end),
        };
    });
}
function parseFilelists(xml) {
    return packagesOf(xml, 'filelists').map((node) => ({
        ...identityOf(node, xml),
        files: xml_tree_elements(node, 'file').map(fileOf),
    }));
}
function parseOther(xml) {
    return packagesOf(xml, 'other').map((node) => ({
        ...identityOf(node, xml),
        changelogs: xml_tree_elements(node, 'changelog').map((entry) => ({
            author: attribute(entry, 'author'),
            date: integer(entry, 'date'),
            text: textOf(entry),
        })),
    }));
}
function packagesOf(xml, kind) {
    const root = parseXml(xml);
    if (root.name !== rootElementOf(kind)) {
        throw new Error(`${kind} metadata: the root element is <${root.name}>, not <${rootElementOf(kind)}>`);
    }
    const packages = xml_tree_elements(root, 'package');
    const declared = root.attributes.get('packages');
    if (declared !== undefined && Number(declared) !== packages.length) {
        throw new Error(`${kind} metadata says packages="${declared}" but holds ${packages.length}`);
    }
    return packages;
}
/** filelists and other name their package by attributes. */
function identityOf(node, xml) {
    return {
        pkgid: attribute(node, 'pkgid'),
        name: attribute(node, 'name'),
        arch: attribute(node, 'arch'),
        evr: evrOf(node),
        xml: xml.slice(node.start, node.end),
    };
}
function evrOf(node) {
    const version = xml_tree_element(node, 'version');
    return {
        epoch: version.attributes.get('epoch') ?? '0',
        version: attribute(version, 'ver'),
        release: version.attributes.get('rel') ?? '',
    };
}

;// CONCATENATED MODULE: ./lib/formats/yum/repodata-scan.js


/**
 * The fast read of repodata an update does: each `<package>` element found by its tags, and only its
 * identity read from it, instead of parsing every dependency and file of a thousand packages. Only
 * documents as createrepo_c and this action write them qualify (no CDATA, comments or declarations,
 * in which `</package>` could hide); for any other, undefined sends the caller to the full parser.
 */
function scanPackages(xml, kind) {
    if (/<!\[CDATA\[|<!--|<!DOCTYPE/.test(xml))
        return undefined;
    const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<([^\s>/]+)([^>]*)>/.exec(xml.replace(/^\ufeff/, ''));
    if (!root || root[1] !== rootElementOf(kind))
        return undefined;
    const packages = [];
    for (let start = xml.indexOf('<package', 0); start >= 0; start = xml.indexOf('<package', start + 1)) {
        const after = xml.charAt(start + '<package'.length);
        if (after !== ' ' && after !== '>' && after !== '\n' && after !== '\t')
            continue;
        const close = xml.indexOf('</package>', start);
        if (close < 0)
            return undefined;
        const end = close + '</package>'.length;
        const element = xml.slice(start, end);
        const scanned = kind === 'primary' ? primaryIdentity(element) : attributeIdentity(element);
        if (scanned === undefined)
            return undefined;
        packages.push(scanned);
        start = end - 1;
    }
    const declared = attributesOf(root[2] ?? '').get('packages');
    if (declared !== undefined && Number(declared) !== packages.length) {
        throw new Error(`${kind} metadata says packages="${declared}" but holds ${packages.length}`);
    }
    return packages;
}
function primaryIdentity(xml) {
    const text = (name) => {
        const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
        return match ? decodeEntities(match[1] ?? '') : undefined;
    };
    const checksum = /<checksum\s([^>]*)>([^<]*)<\/checksum>/.exec(xml);
    const location = /<location\s([^>]*?)\/?>/.exec(xml);
    const name = text('name');
    const arch = text('arch');
    const evr = repodata_scan_evrOf(xml);
    const href = location ? attributesOf(location[1] ?? '').get('href') : undefined;
    if (!checksum || name === undefined || arch === undefined || !evr || href === undefined)
        return undefined;
    return { pkgid: decodeEntities(checksum[2] ?? ''), name, arch, evr, location: href, xml };
}
function attributeIdentity(xml) {
    const open = /^<package\s([^>]*)>/.exec(xml);
    const attributes = attributesOf(open?.[1] ?? '');
    const [pkgid, name, arch] = ['pkgid', 'name', 'arch'].map((key) => attributes.get(key));
    const evr = repodata_scan_evrOf(xml);
    if (pkgid === undefined || name === undefined || arch === undefined || !evr)
        return undefined;
    return { pkgid, name, arch, evr, location: '', xml };
}
function repodata_scan_evrOf(xml) {
    const version = /<version\s([^>]*?)\/?>/.exec(xml);
    if (!version)
        return undefined;
    const attributes = attributesOf(version[1] ?? '');
    const ver = attributes.get('ver');
    if (ver === undefined)
        return undefined;
    return { epoch: attributes.get('epoch') ?? '0', version: ver, release: attributes.get('rel') ?? '' };
}
function attributesOf(text) {
    const attributes = new Map();
    for (const match of text.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attributes.set(match[1] ?? '', decodeEntities((match[2] ?? match[3] ?? '').replace(/[\t\n\r]/g, ' ')));
    }
    return attributes;
}

;// CONCATENATED MODULE: ./lib/formats/yum/repodata.js







const KINDS = ['primary', 'filelists', 'other'];
/** The repodata of a repository holding exactly these entries, in the order given. */
function buildRepodata(entries, options) {
    const files = KINDS.map((type) => {
        const open = Buffer.from(metadataDocument(type, entries.map((entry) => entry[type])), 'utf8');
        return { type, open, gz: (0,deterministic_gzip/* deterministicGzip */.B)(open), timestamp: options.timestamp };
    });
    const repomd = renderRepomd({ revision: options.revision, files });
    return {
        documents: files.map((file) => ({ path: repodataLocation(file.type, file.gz), bytes: file.gz })),
        repomd: { path: 'repodata/repomd.xml', bytes: Buffer.from(repomd, 'utf8') },
    };
}
/** The entries of current repodata, from its three documents (gzip-compressed or plain XML). */
function readRepodata(documents) {
    const primary = decompress(documents.primary, 'primary');
    const filelists = decompress(documents.filelists, 'filelists');
    const other = decompress(documents.other, 'other');
    // The fast scan where the documents allow it (they always do for ours and createrepo_c's).
    return (0,repodata_entry/* joinRepodata */.h)(scanPackages(primary, 'primary') ?? parsePrimary(primary), scanPackages(filelists, 'filelists') ?? parseFilelists(filelists), scanPackages(other, 'other') ?? parseOther(other));
}
/** Falco's repodata is gzip (createrepo_c's default); other compressions are refused by name. */
function decompress(bytes, kind) {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b)
        return (0,gunzip_index/* gunzipIndex */.Y)(bytes, `${kind} metadata`).toString('utf8');
    const text = Buffer.from(bytes).toString('utf8');
    if (text.trimStart().startsWith('<'))
        return text;
    throw new Error(`${kind} metadata is neither gzip nor XML (zstd, xz and bzip2 repodata are not supported)`);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/formats/rpm/rpm-version.js
var rpm_version = __webpack_require__(75638);
;// CONCATENATED MODULE: ./lib/formats/yum/merge-repodata.js



/**
 * Adds packages to a repository's entries, replacing any entry with the same name, epoch, version,
 * release and arch (what dnf considers the same package) or the same location (a file published again
 * leaves no entry describing its old content). Sorted so the same packages always render the same bytes.
 */
function mergeRepodata(existing, added) {
    const addedIds = new Map();
    for (const entry of added) {
        const id = nevra(entry);
        const earlier = addedIds.get(id);
        // Two files of one run with the same name, epoch, version, release and arch: dnf could see one only.
        if (earlier !== undefined) {
            throw new errors/* UserError */.y(`packages: ${external_node_path_.posix.basename(entry.location)}`, `two added packages are ${id} (${external_node_path_.posix.basename(earlier.location)} too)`, 'publish only one of them, or give each its own version or release');
        }
        addedIds.set(id, entry);
    }
    const addedLocations = new Set(added.map((entry) => entry.location));
    const kept = existing.filter((entry) => !addedIds.has(nevra(entry)) && !addedLocations.has(entry.location));
    return sortRepodata([...kept, ...added]);
}
/** By name, then RPM version order (oldest first), then arch and location. */
function sortRepodata(entries) {
    return [...entries].sort((a, b) => compareCodeUnits(a.name, b.name) ||
        (0,rpm_version/* compareEvr */.z6)(a.evr, b.evr) ||
        compareCodeUnits(a.arch, b.arch) ||
        compareCodeUnits(a.location, b.location));
}
/** Retention: keeps the newest `keep` versions of each package name (all arches of a version count once). */
function pruneVersions(entries, keep) {
    if (!Number.isInteger(keep) || keep < 1)
        throw new Error(`cannot keep ${keep} versions: at least 1`);
    const byName = new Map();
    for (const entry of entries)
        byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);
    const doomed = new Set();
    for (const [name, group] of byName) {
        const distinct = new Map(group.map((entry) => [(0,rpm_version/* evrString */.XN)(entry.evr), entry.evr]));
        const newestFirst = [...distinct.entries()].sort(([, a], [, b]) => (0,rpm_version/* compareEvr */.z6)(b, a));
        for (const [evr] of newestFirst.slice(keep))
            doomed.add(`${name}\n${evr}`);
    }
    const isDoomed = (entry) => doomed.has(`${entry.name}\n${(0,rpm_version/* evrString */.XN)(entry.evr)}`);
    return { kept: entries.filter((entry) => !isDoomed(entry)), removed: entries.filter(isDoomed) };
}
const nevra = (entry) => `${entry.name}-${(0,rpm_version/* evrString */.XN)(entry.evr)}.${entry.arch}`;
/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareCodeUnits(a, b) {
    if (a === b)
        return 0;
    return a < b ? -1 : 1;
}

// EXTERNAL MODULE: ./lib/indexes/size-retention.js
var size_retention = __webpack_require__(76072);
;// CONCATENATED MODULE: ./lib/indexes/yum-proposal.js





/**
 * The next state of a YUM repository: current entries, new packages added (replacing the same NEVRA),
 * oldest versions past the retention limit taken out. Undefined when the documents would not change.
 */
function proposeYum(state, added, pruning, date, withdrawn = new Set()) {
    const all = mergeRepodata(state.entries, added);
    const merged = all.filter((entry) => !withdrawn.has(entry.location));
    const pruned = prune(merged, pruning, added);
    const { kept } = pruned;
    const removed = [...all.filter((entry) => withdrawn.has(entry.location)), ...pruned.removed];
    // createrepo_c's revision is the time of the run in seconds; so is each document's timestamp.
    const timestamp = Math.floor(date.getTime() / 1000);
    const built = buildRepodata(kept, { revision: String(timestamp), timestamp });
    const unchanged = removed.length === 0 &&
        built.documents.every((document) => {
            const type = /-(primary|filelists|other)\.xml\.gz$/.exec(document.path)?.[1] ?? '';
            return state.checksums.get(type) === (0,sha256_hex/* sha256Hex */.f)(document.bytes);
        });
    if (unchanged)
        return undefined;
    // The hash-named documents go before the repomd.xml that points at them.
    return { files: built.documents, next: Buffer.from(built.repomd.bytes), removed };
}
function prune(merged, pruning, added) {
    if (pruning === undefined)
        return { kept: merged, removed: [] };
    const { limit, besideBytes } = pruning;
    if ('versions' in limit)
        return pruneVersions(merged, limit.versions);
    // Versions as dnf orders them (epoch, version, release), all arches of one together.
    const evrs = new Map(merged.map((entry) => [(0,rpm_version/* evrString */.XN)(entry.evr), entry.evr]));
    const evrOf = (version) => {
        const evr = evrs.get(version);
        if (evr === undefined)
            throw new Error(`${version} is not a version of the repository`);
        return evr;
    };
    const doomed = (0,size_retention/* overSize */.y)(merged.map((entry) => ({
        path: entry.location,
        version: (0,rpm_version/* evrString */.XN)(entry.evr),
        bytes: sizeOf(entry) + (besideBytes.get(entry.location) ?? 0),
    })), limit.bytes, new Set(added.map((entry) => (0,rpm_version/* evrString */.XN)(entry.evr))), (a, b) => (0,rpm_version/* compareEvr */.z6)(evrOf(a), evrOf(b)));
    return {
        kept: merged.filter((entry) => !doomed.has(entry.location)),
        removed: merged.filter((entry) => doomed.has(entry.location)),
    };
}
/** The package size primary.xml gives (`<size package="…">`); 0 weighs nothing if it has none. */
function sizeOf(entry) {
    const size = Number(/<size\b[^>]*?\bpackage="(\d+)"/.exec(entry.primary)?.[1]);
    return Number.isSafeInteger(size) ? size : 0;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/util/all-in-order.js
var all_in_order = __webpack_require__(5078);
// EXTERNAL MODULE: ./lib/indexes/compare-and-swap.js + 1 modules
var compare_and_swap = __webpack_require__(12659);
;// CONCATENATED MODULE: ./lib/indexes/yum-state.js





const REPOMD = 'repodata/repomd.xml';
const yum_state_KINDS = ['primary', 'filelists', 'other'];
const EMPTY_YUM_STATE = { entries: [], checksums: new Map() };
/**
 * Reads the three documents repomd.xml points at. A missing document or one that does not match its
 * checksum means repomd.xml changed meanwhile (or is being changed): the read is started again.
 */
async function readYumState(store, root, repomd) {
    const { records } = parseRepomd(repomd.toString('utf8'));
    const documents = {};
    const checksums = new Map();
    // The three documents, read together.
    const read = await (0,all_in_order/* allInOrder */.b)(yum_state_KINDS.map((kind) => async () => {
        const record = records.find((r) => r.type === kind);
        if (record === undefined)
            throw new Error(`${root}/${REPOMD} lists no ${kind} document`);
        const found = await store.get(`${root}/${record.location}`);
        if (found === undefined)
            throw new compare_and_swap/* StaleRead */.O(`${root}/${record.location} is missing`);
        if (record.checksumType === 'sha256') {
            const actual = (0,external_node_crypto_.createHash)('sha256').update(found.bytes).digest('hex');
            if (actual !== record.checksum)
                throw new compare_and_swap/* StaleRead */.O(`${root}/${record.location} does not match repomd.xml`);
        }
        return { kind, checksum: record.checksumType === 'sha256' ? record.checksum : '', bytes: found.bytes };
    }));
    for (const { kind, checksum, bytes } of read) {
        checksums.set(kind, checksum);
        documents[kind] = bytes;
    }
    const { primary, filelists, other } = documents;
    if (!primary || !filelists || !other)
        throw new Error(`${root}/${REPOMD} is incomplete`);
    return { entries: readRepodata({ primary, filelists, other }), checksums };
}

;// CONCATENATED MODULE: ./lib/indexes/yum-format.js




/**
 * A YUM repository: the state is `repodata/repomd.xml`; the hash-named documents it points at are
 * written first, repomd.xml.asc after it.
 */
const YUM_FORMAT = {
    label: 'YUM',
    stateKey: REPOMD,
    stateContentType: 'text/xml',
    signatureFiles: [`${REPOMD}.asc`],
    empty: EMPTY_YUM_STATE,
    entryOf: (pkg) => pkg.yum,
    read: readYumState,
    propose: proposeYum,
    packages: (state) => state.entries.map((entry) => entry.location),
    pathOf: (entry) => entry.location,
    // Every hash-named repodata document is gzip-compressed XML.
    contentTypeOf: () => 'application/gzip',
    derived(_store, root, repomd, signing) {
        if (signing === undefined)
            return [];
        return [
            {
                key: `${root}/${REPOMD}.asc`,
                cacheControl: object_store/* NO_CACHE */.DQ,
                contentType: 'application/pgp-signature',
                matches: async (existing) => existing !== undefined && signing.check.detached(existing.toString('utf8'), repomd),
                produce: async () => Buffer.from(await signing.signer.detachSign(repomd), 'utf8'),
            },
        ];
    },
    listed: (repomd) => parseRepomd(repomd.toString('utf8')).records.map((record) => record.location),
    oldFiles: { directory: 'repodata', pattern: /\/repodata\/[0-9a-f]{64}-[^/]+$/ },
};


/***/ })

};
