import nacl from 'tweetnacl';
import { decodeBase64 } from './base64.js';
import { badCosignKey } from './cosign-key-errors.js';

/**
 * What cosign's PEM block holds: the JSON that go-securesystemslib's `encrypted` package writes,
 * `{"kdf":{"name":"scrypt","params":{"N":…,"r":8,"p":1},"salt":…},"cipher":{"name":"nacl/secretbox",
 * "nonce":…},"ciphertext":…}` with the byte strings in padded standard base64.
 */
export interface EncryptedEnvelope {
  readonly scrypt: ScryptCost;
  readonly salt: Buffer;
  readonly nonce: Buffer;
  /** The secretbox: a 16-byte authenticator, then the encrypted bytes. */
  readonly ciphertext: Buffer;
}

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * The only costs cosign writes (N = 2^15 by older versions, 2^16 by current ones, 2^17 for the
 * strongest setting) and the only ones it reads: a key file must not make the reader spend unbounded
 * memory or time.
 */
const SCRYPT_COSTS: readonly ScryptCost[] = [32768, 65536, 131072].map((N) => ({ N, r: 8, p: 1 }));

const KDF = 'scrypt';
const CIPHER = 'nacl/secretbox';

type JsonObject = Readonly<Record<string, unknown>>;

/** The envelope in the PEM block's bytes; anything else is a UserError about `cosign-key`. */
export function parseEnvelope(bytes: Buffer): EncryptedEnvelope {
  const json = parseJson(bytes);
  const kdf = objectAt(json, 'kdf');
  const cipher = objectAt(json, 'cipher');
  if (kdf.name !== KDF) {
    throw badCosignKey('is encrypted with a key derivation cosign does not use (it uses scrypt)');
  }
  if (cipher.name !== CIPHER) {
    throw badCosignKey('is encrypted with a cipher cosign does not use (it uses nacl/secretbox)');
  }
  const scrypt = scryptCost(objectAt(kdf, 'params'));
  const nonce = bytesAt(cipher, 'nonce');
  if (nonce.length !== nacl.secretbox.nonceLength) {
    throw badCosignKey(`is damaged: its nonce is not ${nacl.secretbox.nonceLength} bytes long`);
  }
  const ciphertext = bytesAt(json, 'ciphertext');
  if (ciphertext.length < nacl.secretbox.overheadLength) {
    throw badCosignKey('is damaged: its ciphertext is shorter than an authenticator');
  }
  return { scrypt, salt: bytesAt(kdf, 'salt'), nonce, ciphertext };
}

function parseJson(bytes: Buffer): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    // JSON.parse's message quotes the text it failed on.
    throw notAnEnvelope();
  }
  if (!isObject(value)) throw notAnEnvelope();
  return value;
}

function scryptCost(params: JsonObject): ScryptCost {
  const known = SCRYPT_COSTS.find(
    (cost) => cost.N === params.N && cost.r === params.r && cost.p === params.p,
  );
  if (!known) {
    throw badCosignKey(
      'asks for scrypt parameters cosign does not write (it writes N = 32768, 65536 or 131072 with r = 8 and p = 1)',
    );
  }
  return known;
}

function objectAt(object: JsonObject, key: string): JsonObject {
  const value = object[key];
  if (!isObject(value)) throw notAnEnvelope();
  return value;
}

function bytesAt(object: JsonObject, key: string): Buffer {
  const value = object[key];
  const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
  if (!bytes) throw notAnEnvelope();
  return bytes;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAnEnvelope() {
  return badCosignKey(
    'is not an encrypted cosign key: its PEM block holds no JSON of kdf, cipher and ciphertext',
  );
}
