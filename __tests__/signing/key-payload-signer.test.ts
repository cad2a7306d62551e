import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCosignKey } from '../../src/signing/cosign-key.js';
import { keyPayloadSigner } from '../../src/signing/key-payload-signer.js';
import { SIGNATURE_ANNOTATION } from '../../src/signing/cosign-signatures.js';
import { cosignKeyPair } from '../support/cosign-key-pair.js';
import { userErrorOf } from '../fixtures/errors.js';

const payload = Buffer.from('{"critical":{}}');
const digest = `sha256:${createHash('sha256').update(payload).digest('hex')}`;

describe('keyPayloadSigner', () => {
  it('signs a message bundle the public key accepts, naming the key by its sha256', async () => {
    const pair = cosignKeyPair();
    const signer = keyPayloadSigner(readCosignKey(pair.privateKeyText, pair.password), undefined);
    const bundle = await signer.signMessage(payload);
    const signature = Buffer.from(bundle.messageSignature?.signature ?? '', 'base64');
    expect(verify('sha256', payload, createPublicKey(pair.publicKeyPem), signature)).toBe(true);
    const der = createPublicKey(pair.publicKeyPem).export({ format: 'der', type: 'spki' });
    expect(await signer.identity()).toBe(
      `public key sha256:${createHash('sha256').update(der).digest('hex')}`,
    );
  });

  it('recognises its own signature layer, not another key’s, nor its own over another payload', async () => {
    const pair = cosignKeyPair();
    const other = cosignKeyPair();
    const ours = keyPayloadSigner(readCosignKey(pair.privateKeyText, pair.password), undefined);
    const theirs = keyPayloadSigner(readCosignKey(other.privateKeyText, other.password), undefined);
    const signature = (await ours.signMessage(payload)).messageSignature?.signature ?? '';
    const layer = { digest, annotations: { [SIGNATURE_ANNOTATION]: signature } };
    expect(await ours.madeBy(layer, payload)).toBe(true);
    expect(await theirs.madeBy(layer, payload)).toBe(false);
    expect(await ours.madeBy({ ...layer, digest: `sha256:${'0'.repeat(64)}` }, payload)).toBe(false);
  });

  it('refuses an Ed25519 key with a transparency log (cosign logs Ed25519ph), and takes it without one', () => {
    const pair = cosignKeyPair({ kind: 'ed25519' });
    const key = readCosignKey(pair.privateKeyText, pair.password);
    const error = userErrorOf(() => keyPayloadSigner(key, 'https://rekor.sigstore.dev'));
    expect(error.subject).toBe('cosign-key');
    expect(error.message).toContain('transparency-log: false');
    expect(() => keyPayloadSigner(key, undefined)).not.toThrow();
  });
});
