export const id = 879;
export const ids = [879];
export const modules = {

/***/ 3879:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readDebControl: () => (/* binding */ readDebControl)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(9661);
// EXTERNAL MODULE: ./lib/formats/read-at.js
var read_at = __webpack_require__(8382);
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
    const magic = await (0,read_at/* readAt */.m)(file, 0, Math.min(MAGIC.length, fileSize));
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
        const header = await (0,read_at/* readAt */.m)(file, position, HEADER_SIZE);
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
            const name = (await (0,read_at/* readAt */.m)(file, start, nameLength)).toString('utf8').replace(/\0+$/, '');
            members.push({ name, offset: start + nameLength, size: size - nameLength });
        }
        else if (rawName === '//') {
            if (size > MAX_NAME_TABLE)
                throw new errors/* UserError */.y(subject, 'has an oversized ar long-name table', REBUILD);
            longNames = await (0,read_at/* readAt */.m)(file, start, size);
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
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/xz-decompress/dist/package/xz-decompress.js
var xz_decompress = __webpack_require__(6642);
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
var tar_stream = __webpack_require__(6118);
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
var debian_version = __webpack_require__(2946);
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
    const subject = `packages: ${(0,external_node_path_.basename)(file)}`;
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        const members = await arMembers(handle, size, subject);
        const names = members.map((member) => member.name);
        const listed = names.join(', ') || 'none';
        const binary = members.find((member) => member.name === 'debian-binary');
        if (binary === undefined) {
            throw new errors/* UserError */.y(subject, `is not a Debian package: its ar archive has no debian-binary (members: ${listed})`, read_deb_REBUILD);
        }
        const format = (await (0,read_at/* readAt */.m)(handle, binary.offset, Math.min(binary.size, 16))).toString('latin1');
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
        const controlTar = await readControlTar(handle, member, subject);
        const text = await controlFileOf(controlTar).catch((error) => {
            throw new errors/* UserError */.y(subject, `${member.name} is not a readable tar archive (${(0,errors/* errorMessage */.g)(error)})`, read_deb_REBUILD);
        });
        if (text === undefined)
            throw new errors/* UserError */.y(subject, `${member.name} has no ./control file`, read_deb_REBUILD);
        return parseControl(text, subject);
    }
    finally {
        await handle.close();
    }
}
async function readControlTar(handle, member, subject) {
    const compression = controlCompression(member.name);
    if (compression === undefined) {
        throw new errors/* UserError */.y(subject, `has ${member.name}, a compression that dpkg and APT do not write (known: ${CONTROL_MEMBERS.join(', ')})`, 'build the package with dpkg-deb -Zxz, -Zgzip or -Zzstd');
    }
    if (member.size > MAX_CONTROL_BYTES) {
        throw new errors/* UserError */.y(subject, `has a ${member.size}-byte ${member.name}, too big for package metadata`, read_deb_REBUILD);
    }
    const bytes = await (0,read_at/* readAt */.m)(handle, member.offset, member.size);
    return decompressControl(bytes, compression, MAX_CONTROL_BYTES).catch((error) => {
        throw new errors/* UserError */.y(subject, `${member.name} cannot be decompressed (${(0,errors/* errorMessage */.g)(error)})`, read_deb_REBUILD);
    });
}


/***/ }),

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


/***/ })

};
