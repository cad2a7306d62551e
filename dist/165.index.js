export const id = 165;
export const ids = [165];
export const modules = {

/***/ 61851:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ cosignAnnotations),
/* harmony export */   p: () => (/* binding */ pem)
/* harmony export */ });
/* harmony import */ var _cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43694);

/**
 * cosign's annotations of a signature layer, from the message-signature bundle of the same signature:
 * the signature; keyless, the certificate and chain (PEM); with a log entry, the Rekor bundle cosign
 * checks offline (the signed entry timestamp with the entry it covers).
 */
function cosignAnnotations(bundle, chain) {
    const signature = bundle.messageSignature?.signature;
    if (!signature)
        throw new Error('a message-signature bundle has no signature');
    const annotations = { [_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .SIGNATURE_ANNOTATION */ .ZB]: signature };
    const material = bundle.verificationMaterial;
    const certificate = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
    if (certificate)
        annotations[_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .CERTIFICATE_ANNOTATION */ .oZ] = pem(certificate);
    if (chain)
        annotations[_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .CHAIN_ANNOTATION */ .CB] = chain;
    // The JSON form leaves an empty list out (protobuf's toJSON), whatever the type says: signed without a log.
    const entry = material.tlogEntries?.[0];
    const promise = entry?.inclusionPromise?.signedEntryTimestamp;
    if (entry && promise) {
        annotations[_cosign_signatures_js__WEBPACK_IMPORTED_MODULE_0__/* .REKOR_BUNDLE_ANNOTATION */ .BJ] = JSON.stringify({
            SignedEntryTimestamp: promise,
            Payload: {
                body: entry.canonicalizedBody,
                integratedTime: Number(entry.integratedTime),
                logIndex: Number(entry.logIndex),
                logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
            },
        });
    }
    return annotations;
}
/** A DER certificate (base64) as PEM. */
function pem(base64Der) {
    const lines = base64Der.match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}


/***/ }),

/***/ 43694:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ REKOR_BUNDLE_ANNOTATION),
/* harmony export */   CB: () => (/* binding */ CHAIN_ANNOTATION),
/* harmony export */   MU: () => (/* binding */ signatureLayer),
/* harmony export */   Mn: () => (/* binding */ signatureManifest),
/* harmony export */   ZB: () => (/* binding */ SIGNATURE_ANNOTATION),
/* harmony export */   bG: () => (/* binding */ signatureTag),
/* harmony export */   oZ: () => (/* binding */ CERTIFICATE_ANNOTATION),
/* harmony export */   p9: () => (/* binding */ existingSignatures)
/* harmony export */ });
/* unused harmony export SIMPLE_SIGNING */
/* harmony import */ var _oci_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73931);
/* harmony import */ var _oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73257);


/** cosign's classic scheme: the signatures of `sha256:<hex>` are the layers of the manifest tagged `sha256-<hex>.sig`. */
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
const REKOR_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
function signatureTag(digest) {
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .digestTag */ .t9)(digest, '.sig');
}
/** One signature: the payload blob, annotated with the signature (and, keyless, certificate, chain, log entry). */
function signatureLayer(payload, annotations) {
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .blobOf */ .DE)(SIMPLE_SIGNING, payload, annotations);
}
/** The signature layers of a `.sig` manifest (none when there is none, or it is not cosign's). */
function existingSignatures(manifest) {
    const layers = manifest ? (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(manifest)?.['layers'] : undefined;
    if (!Array.isArray(layers))
        return [];
    return layers.flatMap((layer) => {
        if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(layer) || layer['mediaType'] !== SIMPLE_SIGNING)
            return [];
        const digest = layer['digest'];
        const annotations = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stringRecord */ .JM)(layer['annotations']) ?? {};
        return typeof digest === 'string' ? [{ digest, annotations }] : [];
    });
}
/**
 * The `.sig` manifest with `layer` added after the layers already there (other signers' signatures are
 * kept, as `cosign sign` keeps them). Its config is the image config cosign writes: one diff id per layer.
 */
function signatureManifest(existing, layer) {
    const kept = keptLayers(existing);
    const layers = [...kept, layer.descriptor];
    const config = (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .blobOf */ .DE)('application/vnd.oci.image.config.v1+json', Buffer.from(JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((descriptor) => descriptor.digest) },
        config: {},
    })));
    const manifest = {
        schemaVersion: 2,
        mediaType: _oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .OCI_MANIFEST */ .EG,
        config: config.descriptor,
        layers,
    };
    return (0,_oci_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactOf */ .qB)(manifest, [config, layer]);
}
/** The descriptors of the layers an existing `.sig` manifest has: their blobs are already stored beside it. */
function keptLayers(existing) {
    const layers = existing ? (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(existing)?.['layers'] : undefined;
    if (!Array.isArray(layers))
        return [];
    return layers.flatMap((layer) => {
        if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(layer))
            return [];
        const { mediaType, digest, size } = layer;
        if (typeof mediaType !== 'string' || typeof digest !== 'string' || typeof size !== 'number')
            return [];
        const annotations = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stringRecord */ .JM)(layer['annotations']);
        return [{ mediaType, digest, size, ...(annotations ? { annotations } : {}) }];
    });
}


/***/ }),

/***/ 91278:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ signedStatement)
/* harmony export */ });
/* harmony import */ var _oci_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73931);
/* harmony import */ var _cosign_annotations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61851);


/**
 * The signature of a serialized bundle (read from a registry, so checked field by field) when it is a
 * DSSE envelope over exactly `statement`; undefined for any other bundle.
 */
function signedStatement(bundle, statement) {
    if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(bundle))
        return undefined;
    const envelope = bundle['dsseEnvelope'];
    if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(envelope))
        return undefined;
    const { payload, payloadType, signatures } = envelope;
    if (typeof payload !== 'string' || typeof payloadType !== 'string' || !Array.isArray(signatures)) {
        return undefined;
    }
    if (!Buffer.from(payload, 'base64').equals(statement))
        return undefined;
    const first = signatures[0];
    const sig = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(first) ? first['sig'] : undefined;
    if (typeof sig !== 'string')
        return undefined;
    return {
        signedBytes: preAuthEncoding(payloadType, statement),
        signature: Buffer.from(sig, 'base64'),
        certificate: certificateOf(bundle['verificationMaterial']),
    };
}
/** DSSE's PAE: `DSSEv1 <len(type)> <type> <len(payload)> <payload>`. */
function preAuthEncoding(payloadType, payload) {
    const header = `DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `;
    return Buffer.concat([Buffer.from(header, 'utf8'), payload]);
}
/** The leaf certificate, as PEM: alone (bundle v0.3) or first of a chain (v0.2). */
function certificateOf(material) {
    if (!(0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(material))
        return undefined;
    const single = material['certificate'];
    const chain = material['x509CertificateChain'];
    const first = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(chain) && Array.isArray(chain['certificates']) ? chain['certificates'][0] : undefined;
    const rawBytes = (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(single)
        ? single['rawBytes']
        : (0,_oci_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isJsonObject */ .OW)(first)
            ? first['rawBytes']
            : undefined;
    return typeof rawBytes === 'string' ? (0,_cosign_annotations_js__WEBPACK_IMPORTED_MODULE_0__/* .pem */ .p)(rawBytes) : undefined;
}


/***/ }),

/***/ 48165:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keylessPayloadSigner: () => (/* binding */ keylessPayloadSigner)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/signer/fulcio/ca.js
var fulcio_ca = __webpack_require__(5875);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var dist = __webpack_require__(83917);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/signing/cosign-signatures.js
var cosign_signatures = __webpack_require__(43694);
// EXTERNAL MODULE: ./lib/signing/dsse-statement.js
var dsse_statement = __webpack_require__(91278);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
const buffer_utils_encoder = new TextEncoder(), decoder = new TextDecoder(), buffer_utils_strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function buffer_utils_encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return buffer_utils_encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function buffer_utils_encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/base64url.js

const invalid = "The input to be decoded is not correctly encoded.";
function base64url_decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function base64url_encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/validate.js



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/errors.js
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_ALG_NOT_ALLOWED"));
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class errors_JOSENotSupported extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_NOT_SUPPORTED"));
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class errors_JWSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWS_INVALID"));
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWKS_INVALID"));
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = base64url_decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils_strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}


;// CONCATENATED MODULE: ./lib/signing/runner-oidc-token.js


/**
 * An OIDC token for Sigstore (`audience=sigstore`) from the runner, masked before anything can print
 * it: with it, anyone could get a certificate in the workflow's name for its few minutes of life.
 */
async function runnerOidcToken(oidc, mask) {
    const url = new URL(oidc.requestUrl);
    url.searchParams.append('audience', 'sigstore');
    let response;
    try {
        response = await fetch(url, {
            headers: { accept: 'application/json', authorization: `Bearer ${oidc.requestToken}` },
            signal: AbortSignal.timeout(30_000),
        });
    }
    catch (error) {
        throw new errors/* UserError */.y('image-signing', `could not reach the runner's OIDC token service (${error instanceof Error ? error.message : String(error)})`, 'run again; keyless signing needs the token service of the GitHub runner');
    }
    if (!response.ok) {
        throw new errors/* UserError */.y('image-signing', `the runner refused an OIDC token (HTTP ${response.status})`, 'give the job `permissions: id-token: write`');
    }
    const value = (await response.json()).value;
    if (typeof value !== 'string' || value.split('.').length !== 3) {
        throw new errors/* UserError */.y('image-signing', 'the runner answered without an OIDC token', 'run again');
    }
    mask(value);
    return value;
}
/** The claim Fulcio signs to prove the key is ours: `email` when the issuer gives one, else `sub`. */
function tokenSubject(token) {
    const claims = decodeJwt(token);
    const email = claims['email'];
    if (typeof email === 'string')
        return email;
    if (typeof claims.sub === 'string')
        return claims.sub;
    throw new errors/* UserError */.y('image-signing', 'the OIDC token names no subject', 'check the OIDC token service');
}

// EXTERNAL MODULE: ./lib/signing/sigstore-payload-signer.js
var sigstore_payload_signer = __webpack_require__(32209);
;// CONCATENATED MODULE: ./lib/signing/keyless-payload-signer.js








/** Fulcio writes the OIDC issuer into this extension (and its older form): part of the signer's identity. */
const ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
/** A certificate this close to its end (they live 10 minutes) is replaced before it signs again. */
const RENEW_BEFORE_MS = 2 * 60_000;
/**
 * Keyless signing as `cosign sign` does it on a runner: an ephemeral key, certified by Fulcio for the
 * workflow's OIDC identity, every signature logged in Rekor. One certificate serves the whole run (as
 * one `cosign sign --recursive` does) until it nears its end; the chain Fulcio returns goes into
 * cosign's chain annotation.
 */
function keylessPayloadSigner(options) {
    const keys = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
    const publicKey = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const ca = new fulcio_ca.CAClient({ fulcioBaseURL: options.fulcioUrl, ...sigstore_payload_signer/* SERVICE_OPTIONS */.D });
    let issued;
    const certificate = async () => {
        const current = await issued?.catch(() => undefined);
        if (current && current.notAfter - Date.now() > RENEW_BEFORE_MS)
            return current;
        issued = certify();
        return issued;
    };
    const certify = async () => {
        const token = await runnerOidcToken(options.oidc, options.mask);
        const challenge = (0,external_node_crypto_.sign)('sha256', Buffer.from(tokenSubject(token)), keys.privateKey);
        let chain;
        try {
            chain = await ca.createSigningCertificate(token, publicKey, challenge);
        }
        catch (error) {
            throw new errors/* UserError */.y('sigstore-fulcio-url', `Fulcio at ${options.fulcioUrl} gave no certificate (${describe(error)})`, 'check the Fulcio URL and that the job has `permissions: id-token: write`, then run again');
        }
        const [leaf, ...rest] = chain;
        if (leaf === undefined)
            throw new errors/* UserError */.y('sigstore-fulcio-url', 'Fulcio returned no certificate');
        return {
            leaf,
            chain: rest.length > 0 ? rest.join('') : undefined,
            notAfter: new external_node_crypto_.X509Certificate(leaf).validToDate.getTime(),
            identity: identityOf(leaf),
        };
    };
    const signer = {
        sign: async (data) => {
            const { leaf } = await certificate();
            return {
                signature: (0,external_node_crypto_.sign)('sha256', data, keys.privateKey),
                key: { $case: 'x509Certificate', certificate: leaf },
            };
        },
    };
    return (0,sigstore_payload_signer/* sigstorePayloadSigner */.l)({
        kind: 'keyless',
        signer,
        rekorUrl: options.rekorUrl,
        identity: async () => (await certificate()).identity,
        madeBy: async (existing, payload) => sameIdentity(existing, payload, (await certificate()).identity),
        madeStatement: async (bundle, statement) => sameIdentityStatement(bundle, statement, (await certificate()).identity),
        chain: async () => (await certificate()).chain,
    });
}
/** A keyless signature is this run's signer's when its certificate names the same identity and issuer. */
function sameIdentity(existing, payload, identity) {
    const certificate = existing.annotations[cosign_signatures/* CERTIFICATE_ANNOTATION */.oZ];
    if (certificate === undefined)
        return false;
    try {
        return identityOf(certificate) === identity && existing.digest === payloadDigest(payload);
    }
    catch {
        return false;
    }
}
/** A keyless bundle is this run's signer's when it signs the statement with a certificate of the same identity and issuer. */
function sameIdentityStatement(bundle, statement, identity) {
    const signed = (0,dsse_statement/* signedStatement */.Q)(bundle, statement);
    if (signed?.certificate === undefined)
        return false;
    try {
        const { publicKey } = new external_node_crypto_.X509Certificate(signed.certificate);
        return (identityOf(signed.certificate) === identity &&
            (0,external_node_crypto_.verify)('sha256', signed.signedBytes, publicKey, signed.signature));
    }
    catch {
        return false;
    }
}
function identityOf(pem) {
    const parsed = dist.X509Certificate.parse(pem);
    const san = parsed.subjectAltName ?? '(no subject alternative name)';
    // The v2 extension holds a DER UTF8String (parsed by @sigstore/core); the v1 one the raw string.
    const v2 = parsed.extension(ISSUER_V2);
    const issuer = v2
        ? dist.ASN1Obj.parseBuffer(Buffer.from(v2.value)).value.toString('utf8')
        : parsed.extension(ISSUER_V1)?.value.toString('utf8');
    return `${san} (${issuer ?? 'no issuer'})`;
}
function payloadDigest(payload) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(payload).digest('hex')}`;
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 32209:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ SERVICE_OPTIONS),
/* harmony export */   l: () => (/* binding */ sigstorePayloadSigner)
/* harmony export */ });
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61040);
/* harmony import */ var _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15179);


/** How long a request to Fulcio or Rekor may take, and how often it is tried again (their own retry). */
const SERVICE_OPTIONS = { timeout: 30_000, retry: { retries: 3, factor: 2, minTimeout: 500 } };
/** A PayloadSigner on @sigstore/sign's bundle builders: the same bundles `cosign` and `sigstore-js` write. */
function sigstorePayloadSigner(options) {
    const witnesses = options.rekorUrl === undefined
        ? []
        : [new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .RekorWitness */ .fU({ rekorBaseURL: options.rekorUrl, entryType: 'dsse', ...SERVICE_OPTIONS })];
    const messages = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .MessageSignatureBundleBuilder */ .z3({ signer: options.signer, witnesses });
    const statements = new _sigstore_sign__WEBPACK_IMPORTED_MODULE_1__/* .DSSEBundleBuilder */ .VV({ signer: options.signer, witnesses });
    const serialized = async (made) => (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__.bundleToJSON)(await made);
    return {
        kind: options.kind,
        identity: options.identity,
        madeBy: options.madeBy,
        madeStatement: options.madeStatement,
        chain: options.chain,
        signMessage: (payload) => serialized(messages.create({ data: payload })),
        signStatement: (statement) => serialized(statements.create({ data: statement, type: 'application/vnd.in-toto+json' })),
    };
}



/***/ })

};
