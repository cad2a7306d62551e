import type { SerializedBundle } from '@sigstore/bundle';
import {
  CERTIFICATE_ANNOTATION,
  CHAIN_ANNOTATION,
  REKOR_BUNDLE_ANNOTATION,
  SIGNATURE_ANNOTATION,
} from './cosign-signatures.js';

/**
 * cosign's annotations of a signature layer, from the message-signature bundle of the same signature:
 * the signature; keyless, the certificate and chain (PEM); with a log entry, the Rekor bundle cosign
 * checks offline (the signed entry timestamp with the entry it covers).
 */
export function cosignAnnotations(
  bundle: SerializedBundle,
  chain: string | undefined,
): Record<string, string> {
  const signature = bundle.messageSignature?.signature;
  if (!signature) throw new Error('a message-signature bundle has no signature');
  const annotations: Record<string, string> = { [SIGNATURE_ANNOTATION]: signature };
  const material = bundle.verificationMaterial;
  const certificate =
    material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  if (certificate) annotations[CERTIFICATE_ANNOTATION] = pem(certificate);
  if (chain) annotations[CHAIN_ANNOTATION] = chain;
  // The JSON form leaves an empty list out (protobuf's toJSON), whatever the type says: signed without a log.
  const entry = (material.tlogEntries as typeof material.tlogEntries | undefined)?.[0];
  const promise = entry?.inclusionPromise?.signedEntryTimestamp;
  if (entry && promise) {
    annotations[REKOR_BUNDLE_ANNOTATION] = JSON.stringify({
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
export function pem(base64Der: string): string {
  const lines = base64Der.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
