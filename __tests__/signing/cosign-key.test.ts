import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCosignKey } from '../../src/signing/cosign-key.js';
import { UserError } from '../../src/util/errors.js';
import { userErrorOf } from '../fixtures/errors.js';
import {
  cosignKeyPair,
  pemEncode,
  sealCosignKey,
  type CosignKeyPairText,
} from '../support/cosign-key-pair.js';

const PAYLOAD = Buffer.from('{"critical":{"identity":{"docker-reference":"docker.io/falcosecurity/falco"}}}');

/** Verifies with the public key as cosign.pub holds it, not with the KeyObject the reader made. */
function verifies(pair: CosignKeyPairText, hash: string | null, data: Buffer, signature: Buffer): boolean {
  return verify(hash, data, createPublicKey(pair.publicKeyPem), signature);
}

describe('readCosignKey reads what cosign writes', () => {
  it('ECDSA P-256 (what `cosign generate-key-pair` makes) signs with SHA-256, ASN.1 DER', () => {
    const pair = cosignKeyPair();
    const key = readCosignKey(pair.privateKeyText, pair.password);
    expect(key.keyDetails).toBe('PKIX_ECDSA_P256_SHA_256');
    expect(key.publicKeyPem).toBe(pair.publicKeyPem);
    const signature = key.sign(PAYLOAD);
    // DER: a SEQUENCE of two INTEGERs, not the 64 bytes of r‖s.
    expect(signature[0]).toBe(0x30);
    expect(signature.length).toBe((signature[1] ?? 0) + 2);
    expect(verifies(pair, 'sha256', PAYLOAD, signature)).toBe(true);
    expect(verifies(pair, 'sha256', Buffer.from('another payload'), signature)).toBe(false);
  });

  it('Ed25519 signs the bytes themselves', () => {
    const pair = cosignKeyPair({ kind: 'ed25519' });
    const key = readCosignKey(pair.privateKeyText, pair.password);
    expect(key.keyDetails).toBe('PKIX_ED25519');
    const signature = key.sign(PAYLOAD);
    expect(signature).toHaveLength(64);
    expect(verifies(pair, null, PAYLOAD, signature)).toBe(true);
    expect(verifies(pair, null, Buffer.from('another payload'), signature)).toBe(false);
  });

  it('ECDSA P-384 signs with SHA-384, as cosign does for that curve', () => {
    const pair = cosignKeyPair({ kind: 'ecdsa-p384' });
    const key = readCosignKey(pair.privateKeyText, pair.password);
    expect(key.keyDetails).toBe('PKIX_ECDSA_P384_SHA_384');
    const signature = key.sign(PAYLOAD);
    expect(verifies(pair, 'sha384', PAYLOAD, signature)).toBe(true);
    expect(verifies(pair, 'sha256', PAYLOAD, signature)).toBe(false);
  });

  it('RSA signs PKCS#1 v1.5 with SHA-256', () => {
    const pair = cosignKeyPair({ kind: 'rsa-2048' });
    const key = readCosignKey(pair.privateKeyText, pair.password);
    expect(key.keyDetails).toBe('PKIX_RSA_PKCS1V15_2048_SHA256');
    const signature = key.sign(PAYLOAD);
    expect(signature).toHaveLength(256);
    expect(verifies(pair, 'sha256', PAYLOAD, signature)).toBe(true);
  });

  it('the legacy ENCRYPTED COSIGN PRIVATE KEY label, with the scrypt cost of older cosign (N = 2^15)', () => {
    const pair = cosignKeyPair({ pemType: 'ENCRYPTED COSIGN PRIVATE KEY', scryptN: 32768 });
    expect(pair.privateKeyText).toMatch(/^-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n/);
    const key = readCosignKey(pair.privateKeyText, pair.password);
    expect(verifies(pair, 'sha256', PAYLOAD, key.sign(PAYLOAD))).toBe(true);
  });

  it('the strongest scrypt cost (N = 2^17), which needs more memory than node allows by default', () => {
    const pair = cosignKeyPair({ scryptN: 131072 });
    expect(readCosignKey(pair.privateKeyText, pair.password).publicKeyPem).toBe(pair.publicKeyPem);
  });

  it('an empty password, which cosign allows', () => {
    const pair = cosignKeyPair({ password: '', scryptN: 32768 });
    expect(readCosignKey(pair.privateKeyText, '').publicKeyPem).toBe(pair.publicKeyPem);
  });

  it('a password as its UTF-8 bytes', () => {
    const pair = cosignKeyPair({ password: 'pässwörd 🔑', scryptN: 32768 });
    expect(readCosignKey(pair.privateKeyText, 'pässwörd 🔑').publicKeyPem).toBe(pair.publicKeyPem);
  });

  it('the key text with CRLF line ends and blank lines around it, as a pasted secret can be', () => {
    const pair = cosignKeyPair({ scryptN: 32768 });
    const pasted = `\r\n  ${pair.privateKeyText.replaceAll('\n', '\r\n')}\r\n\r\n`;
    expect(readCosignKey(pasted, pair.password).publicKeyPem).toBe(pair.publicKeyPem);
  });
});

describe('openssl', () => {
  const openssl = spawnSync('openssl', ['version']);
  const onPath = openssl.error === undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cosign-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!onPath)(
    '`openssl dgst -sha256 -verify` accepts the P-256 signature (needs openssl on PATH)',
    () => {
      const pair = cosignKeyPair({ scryptN: 32768 });
      const key = readCosignKey(pair.privateKeyText, pair.password);
      writeFileSync(join(dir, 'pub.pem'), pair.publicKeyPem);
      writeFileSync(join(dir, 'payload'), PAYLOAD);
      writeFileSync(join(dir, 'other'), 'another payload');
      writeFileSync(join(dir, 'sig'), key.sign(PAYLOAD));
      const check = (file: string) =>
        spawnSync('openssl', ['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig', file], {
          cwd: dir,
          encoding: 'utf8',
        });
      const good = check('payload');
      expect({ status: good.status, out: good.stdout.trim(), err: good.stderr }).toEqual({
        status: 0,
        out: 'Verified OK',
        err: '',
      });
      expect(check('other').status).not.toBe(0);
    },
  );
});

/** The key text with its JSON envelope changed, re-encoded as cosign encodes it. */
function withEnvelope(text: string, change: (envelope: Envelope) => void): string {
  const [begin = '', ...rest] = text.trim().split('\n');
  const body = rest.slice(0, -1).join('');
  const envelope = JSON.parse(Buffer.from(body, 'base64').toString()) as Envelope;
  change(envelope);
  const type = begin.replace(/^-----BEGIN (.*)-----$/, '$1');
  return pemEncode(type, Buffer.from(JSON.stringify(envelope)));
}

interface Envelope {
  kdf: { name: string; params: { N: number; r: number; p: number }; salt: string };
  cipher: { name: string; nonce: string };
  ciphertext: string;
}

function shortenCiphertext(bytes: number) {
  return (envelope: Envelope) => {
    const ciphertext = Buffer.from(envelope.ciphertext, 'base64');
    envelope.ciphertext = ciphertext.subarray(0, ciphertext.length - bytes).toString('base64');
  };
}

/** A key cosign cannot sign with, sealed as it seals the ones it can. */
function sealedKey(privateKey: KeyObject): string {
  return cosignKeyPair({ privateKey, password: PASSWORD, scryptN: 32768 }).privateKeyText;
}

// Long and unlike anything in a message, so that a leak could not hide.
const PASSWORD = `pw-${randomBytes(16).toString('hex')}`;
const GOOD = cosignKeyPair({ password: PASSWORD, scryptN: 32768 }).privateKeyText;
const sec1 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
  type: 'sec1',
  format: 'der',
});

interface Refusal {
  readonly text: string;
  readonly password?: string;
  readonly subject: 'cosign-key' | 'cosign-password';
  readonly problem: RegExp;
  readonly remedy: RegExp;
}

const AS_WRITTEN = /cosign\.key as `cosign generate-key-pair` writes it/;
const NEW_PAIR = /make a new pair with `cosign generate-key-pair`/;

const REFUSALS: Readonly<Record<string, Refusal>> = {
  'a wrong password': {
    text: GOOD,
    password: `${PASSWORD}x`,
    subject: 'cosign-password',
    problem: /^does not decrypt cosign-key$/,
    remedy: /the password `cosign generate-key-pair` asked for/,
  },
  'a ciphertext cut short (it fails authentication, as a wrong password does)': {
    text: withEnvelope(GOOD, shortenCiphertext(10)),
    subject: 'cosign-password',
    problem: /^does not decrypt cosign-key$/,
    remedy: /cosign-key is damaged or incomplete/,
  },
  'a ciphertext cut shorter than its authenticator': {
    text: withEnvelope(GOOD, (envelope) => {
      envelope.ciphertext = Buffer.from(envelope.ciphertext, 'base64').subarray(0, 15).toString('base64');
    }),
    subject: 'cosign-key',
    problem: /ciphertext is shorter than an authenticator/,
    remedy: AS_WRITTEN,
  },
  'key text with a line left out': {
    text: GOOD.split('\n')
      .filter((_, index) => index !== 3)
      .join('\n'),
    subject: 'cosign-key',
    problem: /is not an encrypted cosign key/,
    remedy: AS_WRITTEN,
  },
  'text that is no PEM': {
    text: 'COSIGN_PASSWORD=secret cosign sign --key cosign.key',
    subject: 'cosign-key',
    problem: /^is not a PEM private key$/,
    remedy: AS_WRITTEN,
  },
  'a PEM body that is not base64': {
    text: GOOD.replace(/\n[A-Za-z0-9+/]{10}/, '\n*!*!*!*!*!'),
    subject: 'cosign-key',
    problem: /^is not a PEM private key$/,
    remedy: AS_WRITTEN,
  },
  'a plain, unencrypted PKCS#8 key': {
    text: pemEncode(
      'PRIVATE KEY',
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' }),
    ),
    subject: 'cosign-key',
    problem: /is an unencrypted private key/,
    remedy: /cosign import-key-pair/,
  },
  'a plain SEC1 EC key': {
    text: pemEncode('EC PRIVATE KEY', sec1),
    subject: 'cosign-key',
    problem: /is an unencrypted private key/,
    remedy: /cosign import-key-pair/,
  },
  'the public key (cosign.pub)': {
    text: cosignKeyPair({ scryptN: 32768 }).publicKeyPem,
    subject: 'cosign-key',
    problem: /is a public key/,
    remedy: AS_WRITTEN,
  },
  'another PEM block': {
    text: pemEncode('CERTIFICATE', randomBytes(100)),
    subject: 'cosign-key',
    problem: /holds a PEM block that is not a cosign private key/,
    remedy: AS_WRITTEN,
  },
  'a PEM block that holds no JSON': {
    text: pemEncode('ENCRYPTED SIGSTORE PRIVATE KEY', randomBytes(100)),
    subject: 'cosign-key',
    problem: /is not an encrypted cosign key/,
    remedy: AS_WRITTEN,
  },
  'an unknown kdf': {
    text: withEnvelope(GOOD, (envelope) => {
      envelope.kdf.name = 'argon2id';
    }),
    subject: 'cosign-key',
    problem: /key derivation cosign does not use/,
    remedy: AS_WRITTEN,
  },
  'an unknown cipher': {
    text: withEnvelope(GOOD, (envelope) => {
      envelope.cipher.name = 'aes-256-gcm';
    }),
    subject: 'cosign-key',
    problem: /cipher cosign does not use/,
    remedy: AS_WRITTEN,
  },
  'scrypt parameters cosign never writes (refused before any are spent)': {
    text: withEnvelope(GOOD, (envelope) => {
      envelope.kdf.params.N = 2 ** 24;
    }),
    subject: 'cosign-key',
    problem: /scrypt parameters cosign does not write/,
    remedy: AS_WRITTEN,
  },
  'a nonce of the wrong length': {
    text: withEnvelope(GOOD, (envelope) => {
      envelope.cipher.nonce = randomBytes(12).toString('base64');
    }),
    subject: 'cosign-key',
    problem: /nonce is not 24 bytes long/,
    remedy: AS_WRITTEN,
  },
  'a salt that is not base64': {
    text: withEnvelope(GOOD, (envelope) => {
      envelope.kdf.salt = 'not base64!';
    }),
    subject: 'cosign-key',
    problem: /is not an encrypted cosign key/,
    remedy: AS_WRITTEN,
  },
  'a sealed SEC1 key, not PKCS#8 (cosign refuses these too)': {
    text: sealCosignKey(sec1, PASSWORD, { scryptN: 32768 }),
    subject: 'cosign-key',
    problem: /holds no PKCS#8 private key/,
    remedy: NEW_PAIR,
  },
  'a secp256k1 key': {
    text: sealedKey(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey),
    subject: 'cosign-key',
    problem: /^holds a key of a type cosign does not sign with \(ECDSA secp256k1\)/,
    remedy: NEW_PAIR,
  },
  'a 1024-bit RSA key': {
    text: sealedKey(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey),
    subject: 'cosign-key',
    problem: /^holds a key of a type cosign does not sign with \(RSA 1024-bit\)/,
    remedy: NEW_PAIR,
  },
  'an Ed448 key': {
    text: sealedKey(generateKeyPairSync('ed448').privateKey),
    subject: 'cosign-key',
    problem: /^holds a key of a type cosign does not sign with \(ed448\)/,
    remedy: NEW_PAIR,
  },
};

describe('readCosignKey refuses', () => {
  it.each(Object.entries(REFUSALS))('%s, naming the input and quoting neither secret', (_, refusal) => {
    const password = refusal.password ?? PASSWORD;
    const error = userErrorOf(() => readCosignKey(refusal.text, password));
    expect(error).toBeInstanceOf(UserError);
    expect(error.subject).toBe(refusal.subject);
    expect(error.problem).toMatch(refusal.problem);
    expect(error.remedy).toMatch(refusal.remedy);
    const told = `${error.message}\n${error.stack ?? ''}`;
    expect(told).not.toContain(password);
    // Nor any encoded bytes: a salt, nonce or ciphertext from the envelope would show as a long run.
    expect(error.message).not.toMatch(/[A-Za-z0-9+/=]{24,}/);
    for (const line of refusal.text.split(/\r?\n/).filter((line) => line.trim() !== '')) {
      expect(told).not.toContain(line.trim());
    }
  });
});
