export const id = 352;
export const ids = [352];
export const modules = {

/***/ 32352:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readPackageContents: () => (/* binding */ readPackageContents),
  readPackageOnce: () => (/* binding */ readPackageOnce)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/formats/deb/ar-members.js

const MAGIC = '!<arch>\n';
const HEADER_SIZE = 60;
/** `ar` ends each member header with these two bytes: anything else is not a member header. */
const HEADER_END = '`\n';
/** A GNU long-name table names a few members; more than this is a damaged archive, not a .deb. */
const MAX_NAME_TABLE = 1024 * 1024;
const REBUILD = 'give the complete .deb as dpkg-deb --build wrote it';
/**
 * Lists the members of an ar archive by reading their 60-byte headers only: a member's data is
 * skipped by its size, so a .deb's data.tar (which can be GiBs) is never read. Member names come in
 * three spellings: dpkg's (`control.tar.xz`, space padded), GNU ar's (`control.tar.xz/`, or `/N` into a
 * `//` table of long names) and BSD's (`#1/N`, the name in the first N bytes of the data).
 */
async function arMembers(file, fileSize, subject) {
    const magic = await file.bytesAt(0, Math.min(MAGIC.length, fileSize));
    if (magic.toString('latin1') !== MAGIC) {
        throw new errors/* UserError */.y(subject, 'is not a Debian package: it does not start as an ar archive (!<arch>)', REBUILD);
    }
    const members = [];
    let longNames;
    let position = MAGIC.length;
    // A writer may leave out the padding byte after the last member: one byte left is the end.
    while (fileSize - position > 1) {
        if (fileSize - position < HEADER_SIZE)
            throw truncated(subject, position + HEADER_SIZE, fileSize);
        const header = await file.bytesAt(position, HEADER_SIZE);
        if (header.toString('latin1', 58, 60) !== HEADER_END) {
            throw new errors/* UserError */.y(subject, `has a damaged ar member header at byte ${position}`, REBUILD);
        }
        const rawName = header.toString('latin1', 0, 16).trimEnd();
        const size = decimal(header.toString('latin1', 48, 58), subject, position);
        const start = position + HEADER_SIZE;
        if (start + size > fileSize)
            throw truncated(subject, start + size, fileSize);
        // Members start on even offsets: an odd-sized one is followed by one padding byte.
        position = start + size + (size % 2);
        const bsd = /^#1\/(\d+)$/.exec(rawName);
        if (bsd) {
            const nameLength = Number(bsd[1]);
            if (nameLength > size) {
                throw new errors/* UserError */.y(subject, `has a damaged ar member name at byte ${start}`, REBUILD);
            }
            // BSD pads the name with NULs to keep the data aligned.
            const name = (await file.bytesAt(start, nameLength)).toString('utf8').replace(/\0+$/, '');
            members.push({ name, offset: start + nameLength, size: size - nameLength });
        }
        else if (rawName === '//') {
            if (size > MAX_NAME_TABLE)
                throw new errors/* UserError */.y(subject, 'has an oversized ar long-name table', REBUILD);
            longNames = await file.bytesAt(start, size);
        }
        else if (rawName === '/' || rawName === '/SYM64/') {
            continue; // a symbol table: object-file archives have one, packages never need it
        }
        else if (/^\/\d+$/.test(rawName)) {
            members.push({
                name: longName(longNames, Number(rawName.slice(1)), subject, start),
                offset: start,
                size,
            });
        }
        else {
            members.push({ name: rawName.replace(/\/$/, ''), offset: start, size });
        }
    }
    return members;
}
/** A GNU long name: from `at` in the `//` member up to its `/\n` terminator. */
function longName(table, at, subject, offset) {
    const end = table === undefined ? -1 : table.indexOf('\n', at);
    if (table === undefined || at >= table.length || end < 0) {
        throw new errors/* UserError */.y(subject, `names an ar member (at byte ${offset}) that its long-name table lacks`, REBUILD);
    }
    return table.toString('utf8', at, end).replace(/\/$/, '');
}
function decimal(field, subject, offset) {
    const text = field.trim();
    if (!/^\d+$/.test(text)) {
        throw new errors/* UserError */.y(subject, `has a damaged ar member size (${JSON.stringify(field)}) at byte ${offset}`, REBUILD);
    }
    return Number(text);
}
function truncated(subject, needed, size) {
    return new errors/* UserError */.y(subject, `is truncated: its ar archive needs ${needed} bytes but the file has ${size}`, 'download or build the package again');
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/xz-decompress/dist/package/xz-decompress.js
var xz_decompress = __webpack_require__(36642);
;// CONCATENATED MODULE: ./lib/formats/deb/xz.js
// xz-decompress is a CommonJS bundle whose named export Node cannot see from ESM: take the module object.

/**
 * Decompresses xz bytes in memory. Node has no xz of its own; xz-decompress is xz-embedded compiled
 * to WebAssembly (inlined in its JS), so it needs no native addon and bundles with ncc. It lets one
 * stream decode at a time and frees its turn only when a stream ends, fails or is cancelled: every
 * path here does one of those. Output beyond `maxBytes` is refused (a small input can expand hugely).
 */
async function xzDecompressBytes(bytes, maxBytes) {
    const input = new ReadableStream({
        start(controller) {
            controller.enqueue(bytes);
            controller.close();
        },
    });
    const reader = new xz_decompress.XzReadableStream(input).getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.length;
        if (total > maxBytes) {
            await reader.cancel();
            throw new RangeError(`decompresses to more than ${maxBytes} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}

;// CONCATENATED MODULE: ./lib/formats/deb/control-compression.js



const BY_NAME = {
    'control.tar': 'none',
    'control.tar.gz': 'gzip',
    'control.tar.xz': 'xz',
    'control.tar.zst': 'zstd',
};
/** The compression of a control member; undefined for one dpkg does not write (`control.tar.bz2`...). */
function controlCompression(memberName) {
    return Object.hasOwn(BY_NAME, memberName) ? BY_NAME[memberName] : undefined;
}
const CONTROL_MEMBERS = Object.keys(BY_NAME);
const gunzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
const zstdAsync = (0,external_node_util_.promisify)(external_node_zlib_.zstdDecompress);
/**
 * The control.tar bytes. Output is capped at `maxBytes`: control.tar holds a few small files, and
 * a cap keeps a damaged or hostile member from expanding into all of memory.
 */
async function decompressControl(bytes, compression, maxBytes) {
    switch (compression) {
        case 'none':
            return bytes;
        case 'gzip':
            return gunzipAsync(bytes, { maxOutputLength: maxBytes });
        case 'zstd':
            return zstdAsync(bytes, { maxOutputLength: maxBytes });
        case 'xz':
            return xzDecompressBytes(bytes, maxBytes);
    }
}

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
;// CONCATENATED MODULE: ./lib/formats/deb/control-file.js

/**
 * The `./control` file of a control.tar, as text; undefined when the archive has none. dpkg-deb
 * writes `./control`; other tools write `control`: both are taken. Throws tar-stream's error on a
 * damaged archive.
 */
async function controlFileOf(controlTar) {
    const extract = tar_stream.extract();
    extract.end(controlTar);
    let control;
    for await (const entry of extract) {
        const name = entry.header.name.replace(/^(\.\/)+/, '');
        const isFile = entry.header.type === 'file' || entry.header.type === 'contiguous-file';
        if (name === 'control' && isFile && control === undefined) {
            const chunks = [];
            // tar-stream yields Buffers; its typings inherit Readable's untyped iterator.
            for await (const chunk of entry)
                chunks.push(chunk);
            control = Buffer.concat(chunks);
        }
        else {
            entry.resume(); // md5sums, conffiles, maintainer scripts: not needed for the indexes
        }
    }
    return control?.toString('utf8');
}

// EXTERNAL MODULE: ./lib/formats/apt/debian-version.js
var debian_version = __webpack_require__(42946);
// EXTERNAL MODULE: ./lib/formats/deb/debian-architecture.js
var debian_architecture = __webpack_require__(83643);
;// CONCATENATED MODULE: ./lib/formats/deb/control-paragraph.js



/** deb822 field names: printable ASCII but space and colon, not starting with `#` or `-`. */
const FIELD = /^([!-"$-,.-9;-~][!-9;-~]*):(.*)$/;
const control_paragraph_REBUILD = 'fix DEBIAN/control and build the package again with dpkg-deb --build';
/**
 * Parses a binary package's control file (one deb822 paragraph). Values are taken as dpkg takes
 * them, which is what `dpkg-deb --field` prints and what APT's Packages repeats: blanks after the
 * colon and trailing whitespace of the whole value dropped, continuation lines kept as written
 * (leading space, ` .` lines and all), joined with `\n`. A value may start with `\n` when its first
 * line is empty (Conffiles-style fields).
 */
function parseControl(text, subject) {
    const fields = readFields(text, subject);
    const value = (wanted) => {
        const found = fields.find(([name]) => name.toLowerCase() === wanted.toLowerCase());
        if (found === undefined || found[1] === '') {
            throw new errors/* UserError */.y(subject, `control file has no ${wanted} field`, control_paragraph_REBUILD);
        }
        return found[1];
    };
    const control = {
        fields,
        package: value('Package'),
        version: value('Version'),
        architecture: value('Architecture'),
    };
    // A value that is not one name would write a path outside the suite, or a Release the next run cannot read.
    if (!(0,debian_architecture/* isDebianArchitecture */.h)(control.architecture)) {
        throw new errors/* UserError */.y(subject, `control file Architecture '${control.architecture}' is not an architecture (one Debian architecture name such as amd64, arm64 or all)`, control_paragraph_REBUILD);
    }
    // APT orders versions to pick a candidate, and retention to prune: one it cannot order is refused here.
    const problem = (0,debian_version/* debianVersionProblem */.z0)(control.version);
    if (problem !== undefined) {
        throw new errors/* UserError */.y(subject, `control file Version '${control.version}' is not a Debian version: ${problem}`, control_paragraph_REBUILD);
    }
    return control;
}
/** The paragraph's fields in order, values as dpkg takes them; anything but one paragraph is refused. */
function readFields(text, subject) {
    const fields = [];
    const seen = new Set();
    let ended = false;
    for (const [index, line] of text.split('\n').entries()) {
        const lineNumber = index + 1;
        if (/^[ \t]*$/.test(line)) {
            // The blank line that ends the paragraph; blank lines before it are skipped.
            if (fields.length > 0)
                ended = true;
            continue;
        }
        if (ended) {
            throw new errors/* UserError */.y(subject, `control file has more than one paragraph (line ${lineNumber})`, control_paragraph_REBUILD);
        }
        const last = fields.at(-1);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (last === undefined) {
                throw new errors/* UserError */.y(subject, `control file starts with a continuation line (line ${lineNumber})`, control_paragraph_REBUILD);
            }
            last[1] += `\n${line}`;
            continue;
        }
        const match = FIELD.exec(line);
        if (!match) {
            throw new errors/* UserError */.y(subject, `control file line ${lineNumber} is not "Field: value": ${line}`, control_paragraph_REBUILD);
        }
        const name = match[1] ?? '';
        const key = name.toLowerCase();
        if (seen.has(key)) {
            throw new errors/* UserError */.y(subject, `control file has the field ${name} twice (line ${lineNumber})`, control_paragraph_REBUILD);
        }
        seen.add(key);
        fields.push([name, (match[2] ?? '').replace(/^[ \t]+/, '')]);
    }
    // dpkg trims ASCII whitespace only (String.trimEnd would also take Unicode spaces).
    for (const field of fields)
        field[1] = field[1].replace(/[ \t\n\r\f\v]+$/, '');
    return fields;
}

;// CONCATENATED MODULE: ./lib/formats/deb/read-deb.js








/** control.tar holds a few small files: a bigger member (either side of decompression) is damaged. */
const MAX_CONTROL_BYTES = 64 * 1024 * 1024;
const read_deb_REBUILD = 'build the package again with dpkg-deb --build';
/**
 * Reads a .deb's control fields. The file is an ar archive of `debian-binary`, `control.tar[.gz|.xz|.zst]`
 * and `data.tar.*`; only the member headers, debian-binary and control.tar are read: the data
 * member is checked to be there whole by its size, never read.
 */
async function readDebControl(file) {
    const handle = await open(file, 'r');
    try {
        return await debControlOf(fileBytes(handle), (await handle.stat()).size, `packages: ${basename(file)}`);
    }
    finally {
        await handle.close();
    }
}
/** `readDebControl` of bytes however they are read (`size` is the file's). */
async function debControlOf(source, size, subject) {
    const members = await arMembers(source, size, subject);
    const names = members.map((member) => member.name);
    const listed = names.join(', ') || 'none';
    const binary = members.find((member) => member.name === 'debian-binary');
    if (binary === undefined) {
        throw new errors/* UserError */.y(subject, `is not a Debian package: its ar archive has no debian-binary (members: ${listed})`, read_deb_REBUILD);
    }
    const format = (await source.bytesAt(binary.offset, Math.min(binary.size, 16))).toString('latin1');
    if (!format.startsWith('2.')) {
        throw new errors/* UserError */.y(subject, `is a Debian package of format ${JSON.stringify(format.trim())}, not 2.x`, read_deb_REBUILD);
    }
    if (!names.some((name) => name.startsWith('data.tar'))) {
        throw new errors/* UserError */.y(subject, `has no data.tar member (members: ${listed})`, read_deb_REBUILD);
    }
    const member = members.find((candidate) => candidate.name.startsWith('control.tar'));
    if (member === undefined) {
        throw new errors/* UserError */.y(subject, `has no control.tar member (members: ${listed})`, read_deb_REBUILD);
    }
    const controlTar = await readControlTar(source, member, subject);
    const text = await controlFileOf(controlTar).catch((error) => {
        throw new errors/* UserError */.y(subject, `${member.name} is not a readable tar archive (${(0,errors/* errorMessage */.g)(error)})`, read_deb_REBUILD);
    });
    if (text === undefined)
        throw new errors/* UserError */.y(subject, `${member.name} has no ./control file`, read_deb_REBUILD);
    return parseControl(text, subject);
}
async function readControlTar(source, member, subject) {
    const compression = controlCompression(member.name);
    if (compression === undefined) {
        throw new errors/* UserError */.y(subject, `has ${member.name}, a compression that dpkg and APT do not write (known: ${CONTROL_MEMBERS.join(', ')})`, 'build the package with dpkg-deb -Zxz, -Zgzip or -Zzstd');
    }
    if (member.size > MAX_CONTROL_BYTES) {
        throw new errors/* UserError */.y(subject, `has a ${member.size}-byte ${member.name}, too big for package metadata`, read_deb_REBUILD);
    }
    const bytes = await source.bytesAt(member.offset, member.size);
    return decompressControl(bytes, compression, MAX_CONTROL_BYTES).catch((error) => {
        throw new errors/* UserError */.y(subject, `${member.name} cannot be decompressed (${(0,errors/* errorMessage */.g)(error)})`, read_deb_REBUILD);
    });
}

// EXTERNAL MODULE: ./lib/formats/rpm/rpm-version.js
var rpm_version = __webpack_require__(75638);
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
var primary_files = __webpack_require__(66014);
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

// EXTERNAL MODULE: ./lib/formats/rpm/rpm-tags.js
var rpm_tags = __webpack_require__(61137);
;// CONCATENATED MODULE: ./lib/formats/rpm/rpm-dependencies.js




/** The comparison bits (LESS, GREATER, EQUAL) as repodata spells them; other mixes have none. */
const COMPARISONS = {
    [rpm_tags/* Sense */.hw.less]: 'LT',
    [rpm_tags/* Sense */.hw.greater]: 'GT',
    [rpm_tags/* Sense */.hw.equal]: 'EQ',
    [rpm_tags/* Sense */.hw.less | rpm_tags/* Sense */.hw.equal]: 'LE',
    [rpm_tags/* Sense */.hw.greater | rpm_tags/* Sense */.hw.equal]: 'GE',
};
const COMPARISON_BITS = 0xf;
const PRE_BITS = rpm_tags/* Sense */.hw.prereq | rpm_tags/* Sense */.hw.scriptPre | rpm_tags/* Sense */.hw.scriptPost;
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
    const provides = raw(header, rpm_tags/* Tag */.vw.provideName, rpm_tags/* Tag */.vw.provideFlags, rpm_tags/* Tag */.vw.provideVersion);
    const provided = new Set(provides.map(key));
    return {
        provides: kept(provides),
        requires: requiresOf(raw(header, rpm_tags/* Tag */.vw.requireName, rpm_tags/* Tag */.vw.requireFlags, rpm_tags/* Tag */.vw.requireVersion), ownFiles, provided),
        conflicts: kept(raw(header, rpm_tags/* Tag */.vw.conflictName, rpm_tags/* Tag */.vw.conflictFlags, rpm_tags/* Tag */.vw.conflictVersion)),
        obsoletes: kept(raw(header, rpm_tags/* Tag */.vw.obsoleteName, rpm_tags/* Tag */.vw.obsoleteFlags, rpm_tags/* Tag */.vw.obsoleteVersion)),
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
    const baseNames = header.strings(rpm_tags/* Tag */.vw.baseNames);
    const dirIndexes = header.numbers(rpm_tags/* Tag */.vw.dirIndexes);
    const dirNames = header.strings(rpm_tags/* Tag */.vw.dirNames);
    const flags = header.numbers(rpm_tags/* Tag */.vw.fileFlags);
    const modes = header.numbers(rpm_tags/* Tag */.vw.fileModes);
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
        const type = (mode & rpm_tags/* MODE_TYPE_MASK */.sr) === rpm_tags/* MODE_DIRECTORY */.Cn ? 'dir' : (flags[i] ?? 0) & rpm_tags/* FILE_GHOST */.NZ ? 'ghost' : 'file';
        return { path: dirName + baseName, type };
    });
}

;// CONCATENATED MODULE: ./lib/formats/rpm/package-from-headers.js




/** rpm's architecture names: x86_64, aarch64, noarch, ppc64le, armv7hl... */
const ARCH = /^[A-Za-z0-9_]{1,32}$/;
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
    // A source package says so by having the tag at all; its ARCH is the build machine's.
    const arch = main.has(rpm_tags/* Tag */.vw.sourcePackage) ? 'src' : required(rpm_tags/* Tag */.vw.arch, 'ARCH');
    // The arch names the package in repodata and in dnf's paths: anything but a plain word is refused.
    if (!ARCH.test(arch)) {
        throw new errors/* UserError */.y(subject, `rpm header arch '${arch}' is not an architecture (letters, digits and _ only, e.g. x86_64)`, 'build the package again with rpmbuild --target <arch>');
    }
    return {
        name: required(rpm_tags/* Tag */.vw.name, 'NAME'),
        epoch: main.number(rpm_tags/* Tag */.vw.epoch),
        version: required(rpm_tags/* Tag */.vw.version, 'VERSION'),
        release: required(rpm_tags/* Tag */.vw.release, 'RELEASE'),
        arch,
        summary: main.string(rpm_tags/* Tag */.vw.summary) ?? '',
        description: main.string(rpm_tags/* Tag */.vw.description) ?? '',
        license: main.string(rpm_tags/* Tag */.vw.license) ?? '',
        vendor: main.string(rpm_tags/* Tag */.vw.vendor),
        group: main.string(rpm_tags/* Tag */.vw.group),
        url: main.string(rpm_tags/* Tag */.vw.url),
        buildhost: main.string(rpm_tags/* Tag */.vw.buildHost),
        sourcerpm: main.string(rpm_tags/* Tag */.vw.sourceRpm),
        packager: main.string(rpm_tags/* Tag */.vw.packager),
        buildTime: main.number(rpm_tags/* Tag */.vw.buildTime) ?? 0,
        installedSize: main.number(rpm_tags/* Tag */.vw.longSize) ?? main.number(rpm_tags/* Tag */.vw.size) ?? 0,
        // rpmbuild records the payload size in the signature; older builds also in the main header.
        archiveSize: signature.number(rpm_tags/* SignatureTag */.ry.longArchiveSize) ??
            signature.number(rpm_tags/* SignatureTag */.ry.payloadSize) ??
            main.number(rpm_tags/* Tag */.vw.longArchiveSize) ??
            main.number(rpm_tags/* Tag */.vw.archiveSize),
        headerStart: range.start,
        headerEnd: range.end,
        ...dependenciesOf(main, new Set(files.map((file) => file.path))),
        files,
        changelogs: changelogsOf(main),
    };
}
/** Changelog entries as the header stores them: newest first, author and text as written. */
function changelogsOf(header) {
    const times = header.numbers(rpm_tags/* Tag */.vw.changelogTime) ?? [];
    const names = header.strings(rpm_tags/* Tag */.vw.changelogName) ?? [];
    const texts = header.strings(rpm_tags/* Tag */.vw.changelogText) ?? [];
    const count = Math.min(times.length, names.length, texts.length);
    return times.slice(0, count).map((date, i) => ({ date, author: names[i] ?? '', text: texts[i] ?? '' }));
}

// EXTERNAL MODULE: ./lib/formats/rpm/rpm-header.js + 1 modules
var rpm_header = __webpack_require__(34837);
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
    const handle = await open(file, 'r');
    try {
        return await rpmOf(fileBytes(handle), (await handle.stat()).size, `packages: ${basename(file)}`);
    }
    finally {
        await handle.close();
    }
}
/** `readRpm` of bytes however they are read (`size` is the file's). */
async function rpmOf(source, size, subject) {
    const lead = await source.bytesAt(0, Math.min(LEAD_SIZE, size));
    if (!lead.subarray(0, 4).equals(LEAD_MAGIC)) {
        throw new errors/* UserError */.y(subject, 'is not an RPM package: it does not start with the rpm lead magic', read_rpm_REBUILD);
    }
    if (size < LEAD_SIZE)
        throw read_rpm_truncated(subject, LEAD_SIZE, size);
    const signature = await readHeader(source, LEAD_SIZE, size, subject, 'signature header');
    const unpadded = LEAD_SIZE + signature.size;
    const start = unpadded + ((SIGNATURE_ALIGNMENT - (unpadded % SIGNATURE_ALIGNMENT)) % SIGNATURE_ALIGNMENT);
    const main = await readHeader(source, start, size, subject, 'main header');
    const end = start + main.size;
    // The signature's size covers the main header and the payload: the file must end right there.
    const sizes = signature.header.number(rpm_tags/* SignatureTag */.ry.longSize) ?? signature.header.number(rpm_tags/* SignatureTag */.ry.size);
    if (sizes !== undefined && start + sizes > size)
        throw read_rpm_truncated(subject, start + sizes, size);
    return packageFromHeaders(main.header, signature.header, { start, end }, subject);
}
async function readHeader(source, position, fileSize, subject, what) {
    if (position + rpm_header/* HEADER_INTRO_SIZE */.R5 > fileSize) {
        throw read_rpm_truncated(subject, position + rpm_header/* HEADER_INTRO_SIZE */.R5, fileSize);
    }
    const { size } = (0,rpm_header/* headerShape */.HD)(await source.bytesAt(position, rpm_header/* HEADER_INTRO_SIZE */.R5), subject, what);
    if (position + size > fileSize)
        throw read_rpm_truncated(subject, position + size, fileSize);
    return { header: (0,rpm_header/* parseHeader */.RW)(await source.bytesAt(position, size), subject, what), size };
}
function read_rpm_truncated(subject, needed, size) {
    return new errors/* UserError */.y(subject, `is truncated: it needs at least ${needed} bytes but the file has ${size}`, 'download or build the package again');
}

// EXTERNAL MODULE: ./lib/util/file-pass.js + 2 modules
var file_pass = __webpack_require__(69011);
;// CONCATENATED MODULE: ./lib/formats/package-contents.js




/** Reads a package's metadata (a UserError naming the file when it is not a valid package) and hashes it. */
async function readPackageContents(file, kind) {
    return (await readPackageOnce(file, kind)).contents;
}
/**
 * `readPackageContents` in one read of the file: the metadata comes from its start as the hashes go
 * by. With `partSize`, each upload part's sha256 too.
 */
async function readPackageOnce(file, kind, partSize) {
    const subject = `packages: ${(0,external_node_path_.basename)(file)}`;
    const hashes = ['md5', 'sha1', 'sha256'];
    if (kind === 'deb') {
        const pass = await (0,file_pass/* passOverFile */.y)(file, {
            hashes,
            partSize,
            head: (source, size) => debControlOf(source, size, subject),
        });
        return { contents: { kind, control: required(pass.head), hashes: hashesOf(pass) }, parts: pass.parts };
    }
    const pass = await (0,file_pass/* passOverFile */.y)(file, {
        hashes,
        partSize,
        head: (source, size) => rpmOf(source, size, subject),
    });
    return { contents: { kind, rpm: required(pass.head), hashes: hashesOf(pass) }, parts: pass.parts };
}
function hashesOf(pass) {
    return { size: pass.size, ...pass.digests };
}
/** A pass given a `head` reader returns what it read. */
function required(value) {
    if (value === undefined)
        throw new Error('the pass over the file returned no metadata');
    return value;
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


/***/ })

};
