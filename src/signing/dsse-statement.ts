import { isJsonObject } from '../oci/json.js';
import { pem } from './cosign-annotations.js';

/** What a stored DSSE bundle says it signed, and with what: enough to tell whose it is. */
export interface SignedStatement {
  /** The DSSE pre-authentication encoding of the payload: the bytes the signature is over. */
  readonly signedBytes: Buffer;
  readonly signature: Buffer;
  /** The signing certificate (PEM) of a keyless bundle; undefined for a key's. */
  readonly certificate: string | undefined;
}

/**
 * The signature of a serialized bundle (read from a registry, so checked field by field) when it is a
 * DSSE envelope over exactly `statement`; undefined for any other bundle.
 */
export function signedStatement(bundle: unknown, statement: Buffer): SignedStatement | undefined {
  if (!isJsonObject(bundle)) return undefined;
  const envelope = bundle['dsseEnvelope'];
  if (!isJsonObject(envelope)) return undefined;
  const { payload, payloadType, signatures } = envelope;
  if (typeof payload !== 'string' || typeof payloadType !== 'string' || !Array.isArray(signatures)) {
    return undefined;
  }
  if (!Buffer.from(payload, 'base64').equals(statement)) return undefined;
  const first: unknown = signatures[0];
  const sig = isJsonObject(first) ? first['sig'] : undefined;
  if (typeof sig !== 'string') return undefined;
  return {
    signedBytes: preAuthEncoding(payloadType, statement),
    signature: Buffer.from(sig, 'base64'),
    certificate: certificateOf(bundle['verificationMaterial']),
  };
}

/** DSSE's PAE: `DSSEv1 <len(type)> <type> <len(payload)> <payload>`. */
function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const header = `DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `;
  return Buffer.concat([Buffer.from(header, 'utf8'), payload]);
}

/** The leaf certificate, as PEM: alone (bundle v0.3) or first of a chain (v0.2). */
function certificateOf(material: unknown): string | undefined {
  if (!isJsonObject(material)) return undefined;
  const single = material['certificate'];
  const chain = material['x509CertificateChain'];
  const first: unknown =
    isJsonObject(chain) && Array.isArray(chain['certificates']) ? chain['certificates'][0] : undefined;
  const rawBytes = isJsonObject(single)
    ? single['rawBytes']
    : isJsonObject(first)
      ? first['rawBytes']
      : undefined;
  return typeof rawBytes === 'string' ? pem(rawBytes) : undefined;
}
