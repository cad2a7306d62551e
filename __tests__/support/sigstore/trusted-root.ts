import { createHash } from 'node:crypto';
import type { CA, CTLog } from '@sigstore/mock/dist/fulcio/index.js';
import type { TLog } from '@sigstore/mock/dist/rekor/index.js';

const base64 = (bytes: ArrayBufferView): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The pieces a trust root names. */
export interface TrustedServices {
  readonly ca: CA;
  readonly ctLog: CTLog;
  readonly tlog: TLog;
  readonly fulcioUrl: string;
  readonly rekorUrl: string;
  /** From when the keys are trusted: a little before the stand-in started, for clock steps. */
  readonly since: Date;
}

/**
 * A Sigstore TrustedRoot in its JSON form (the `trusted_root.json` clients are given): the CA's root, the
 * CT log that signs its SCTs, and the transparency log, all P-256 keys as the mock makes them.
 */
export function trustedRootJson(services: TrustedServices): unknown {
  const validFor = { start: services.since.toISOString() };
  const logKey = (publicKey: Buffer) => ({
    rawBytes: base64(publicKey),
    keyDetails: 'PKIX_ECDSA_P256_SHA_256',
    validFor,
  });
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: services.rekorUrl,
        hashAlgorithm: 'SHA2_256',
        publicKey: logKey(services.tlog.publicKey),
        logId: { keyId: base64(createHash('sha256').update(services.tlog.publicKey).digest()) },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: services.fulcioUrl,
        certChain: { certificates: [{ rawBytes: base64(services.ca.rootCertificate) }] },
        validFor,
      },
    ],
    ctlogs: [
      {
        baseUrl: services.fulcioUrl,
        hashAlgorithm: 'SHA2_256',
        publicKey: logKey(services.ctLog.publicKey),
        logId: { keyId: base64(services.ctLog.logID) },
      },
    ],
    timestampAuthorities: [],
  };
}
