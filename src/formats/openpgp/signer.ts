import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { ReadableStream } from 'node:stream/web';
import { createCleartextMessage, createMessage, sign, type PrivateKey } from 'openpgp';
import { readSigningKey } from './read-signing-key.js';
import { SIGNING_CONFIG } from './signing-config.js';
import { stableSigningDate } from './stable-signing-date.js';

/**
 * Bytes per read when a file is signed as a stream. What memory it takes is garbage, not data: every
 * chunk is a new buffer that lives until the next young-generation GC, which comes sooner when there
 * are more (smaller) chunks. Signing 1 GiB peaked at ~90-107 MiB RSS with 32 KiB reads, for ~30% more CPU
 * than 64 KiB reads took (~107-110 MiB); 16 KiB (~94-98 MiB) cost more CPU again for no clear gain.
 */
const FILE_CHUNK = 32 * 1024;

/** Signs repository metadata and packages with one OpenPGP key, as apt and dnf verify them. */
export interface Signer {
  /** Of the primary key, upper-case hex as gpg prints it: what users pin in their keyrings. */
  readonly fingerprint: string;
  /** The public half, ASCII-armored: what users download to verify (`gpg --dearmor` makes a keyring). */
  readonly publicKeyArmored: string;
  /** The clear-signed text, as apt reads `InRelease`. */
  clearSign(text: string): Promise<string>;
  /** An armored detached signature of the exact bytes (a string is signed as UTF-8): `Release.gpg`, `.asc`. */
  detachSign(bytes: Buffer | string): Promise<string>;
  /**
   * The same signature as `detachSign` of the file's bytes, read as a stream: packages can be a GiB,
   * and memory stays bounded whatever the file's size.
   */
  detachSignFile(path: string): Promise<string>;
  /** A binary (unarmored) detached OpenPGP signature of the bytes, as rpm stores it in a header tag. */
  detachSignBinary(bytes: Uint8Array): Promise<Uint8Array>;
  /**
   * `detachSignBinary` dated by the key rather than the clock (see stableSigningDate): an rpm's header
   * signature is part of the published bytes, so a re-run must make the same ones.
   */
  signStably(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface SignerOptions {
  /**
   * The creation time of every signature, and the time the key must be valid at. Given, the same
   * input and key give the same signature bytes; omitted, each signature reads the clock.
   */
  readonly date?: Date;
}

/** Reads the `signing-key` input (decrypting it with `signing-passphrase`); throws a UserError if it cannot sign. */
export async function loadSigner(
  armoredKey: string,
  passphrase: string | undefined,
  options: SignerOptions = {},
): Promise<Signer> {
  const { date } = options;
  const key = await readSigningKey(armoredKey, passphrase, date ?? new Date());
  let stable: Promise<Date | undefined> | undefined;
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    publicKeyArmored: key.toPublic().armor(SIGNING_CONFIG),
    // As gpg --clearsign writes it: the text's last line end is the one before the signature (RFC 4880
    // leaves it out of the signed text), and lines end in LF — openpgp writes CRLF, but the signature
    // covers the canonical CRLF form either way.
    clearSign: async (text) =>
      (await signWith(key, await createCleartextMessage({ text: text.replace(/\n$/, '') }), date)).replace(
        /\r\n/g,
        '\n',
      ),
    detachSign: async (bytes) => {
      const binary = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      return signWith(key, await createMessage({ binary }), date, true);
    },
    detachSignFile: (path) => detachSignStream(key, path, date),
    detachSignBinary: (bytes) => signBinary(key, bytes, date),
    signStably: async (bytes) => {
      stable ??= stableSigningDate(key);
      return signBinary(key, bytes, (await stable) ?? date);
    },
  };
}

async function signBinary(key: PrivateKey, bytes: Uint8Array, date: Date | undefined): Promise<Uint8Array> {
  return sign({
    message: await createMessage({ binary: bytes }),
    signingKeys: key,
    detached: true,
    format: 'binary',
    config: SIGNING_CONFIG,
    date,
  });
}

/**
 * openpgp hashes a streamed message as its data is read, but `sign` with a detached signature in
 * armored or binary format reads that data itself and keeps all of it (the whole file in memory).
 * Asking for the signature object instead leaves the reading to us: the data is read here and
 * dropped, while the signature's armor waits for the hash to finish.
 */
async function detachSignStream(key: PrivateKey, path: string, date: Date | undefined): Promise<string> {
  const binary: ReadableStream<Uint8Array> = Readable.toWeb(
    createReadStream(path, { highWaterMark: FILE_CHUNK }),
  );
  const message = await createMessage({ binary });
  const signature = await sign({
    message,
    signingKeys: key,
    detached: true,
    format: 'object',
    config: SIGNING_CONFIG,
    date,
  }).catch(async (error: unknown) => {
    await binary.cancel().catch(() => undefined); // closes the file nobody will read
    throw error;
  });
  // Typed as a string, the armor of a streamed message is a stream that ends once the hash is done.
  // Both are awaited together: a read error fails the armor too, and neither rejection goes unhandled.
  const armored: unknown = signature.armor(SIGNING_CONFIG);
  const [text] = await Promise.all([readText(armored), drain(message.getLiteralData())]);
  return text;
}

/** Reads a stream to its end, dropping the chunks: openpgp hashes each on its way here. */
async function drain(data: unknown): Promise<void> {
  // Nothing else reads the file: without this stream the signature would wait for its hash forever.
  if (!(data instanceof ReadableStream)) throw new Error('openpgp gave no stream of the data to sign');
  // A reader, not `for await`: openpgp points the stream's methods at its hashing tee, but not its async iterator.
  const reader = data.getReader();
  while (!(await reader.read()).done) continue;
}

async function readText(armored: unknown): Promise<string> {
  if (typeof armored === 'string') return armored;
  if (!(armored instanceof ReadableStream)) throw new Error('openpgp returned no signature');
  let text = '';
  const reader = armored.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += String(chunk.value);
  return text;
}

function signWith(
  key: PrivateKey,
  message: Parameters<typeof sign>[0]['message'],
  date: Date | undefined,
  detached = false,
): Promise<string> {
  return sign({ message, signingKeys: key, detached, format: 'armored', config: SIGNING_CONFIG, date });
}
