import { createHash, generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import type { Signer } from '@sigstore/sign';
import { CAClient } from '@sigstore/sign/dist/signer/fulcio/ca.js';
import { ASN1Obj, X509Certificate as SigstoreCertificate } from '@sigstore/core';
import { UserError } from '../util/errors.js';
import { CERTIFICATE_ANNOTATION, type ExistingSignature } from './cosign-signatures.js';
import { signedStatement } from './dsse-statement.js';
import type { PayloadSigner } from './payload-signer.js';
import { runnerOidcToken, tokenSubject, type RunnerOidc } from './runner-oidc-token.js';
import { SERVICE_OPTIONS, sigstorePayloadSigner } from './sigstore-payload-signer.js';

export interface KeylessOptions {
  readonly fulcioUrl: string;
  readonly rekorUrl: string;
  readonly oidc: RunnerOidc;
  readonly mask: (secret: string) => void;
}

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
export function keylessPayloadSigner(options: KeylessOptions): PayloadSigner {
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKey = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const ca = new CAClient({ fulcioBaseURL: options.fulcioUrl, ...SERVICE_OPTIONS });
  let issued: Promise<Issued> | undefined;

  const certificate = async (): Promise<Issued> => {
    const current = await issued?.catch(() => undefined);
    if (current && current.notAfter - Date.now() > RENEW_BEFORE_MS) return current;
    issued = certify();
    return issued;
  };
  const certify = async (): Promise<Issued> => {
    const token = await runnerOidcToken(options.oidc, options.mask);
    const challenge = sign('sha256', Buffer.from(tokenSubject(token)), keys.privateKey);
    let chain: string[];
    try {
      chain = await ca.createSigningCertificate(token, publicKey, challenge);
    } catch (error) {
      throw new UserError(
        'sigstore-fulcio-url',
        `Fulcio at ${options.fulcioUrl} gave no certificate (${describe(error)})`,
        'check the Fulcio URL and that the job has `permissions: id-token: write`, then run again',
      );
    }
    const [leaf, ...rest] = chain;
    if (leaf === undefined) throw new UserError('sigstore-fulcio-url', 'Fulcio returned no certificate');
    return {
      leaf,
      chain: rest.length > 0 ? rest.join('') : undefined,
      notAfter: new X509Certificate(leaf).validToDate.getTime(),
      identity: identityOf(leaf),
    };
  };

  const signer: Signer = {
    sign: async (data) => {
      const { leaf } = await certificate();
      return {
        signature: sign('sha256', data, keys.privateKey),
        key: { $case: 'x509Certificate', certificate: leaf },
      };
    },
  };
  return sigstorePayloadSigner({
    kind: 'keyless',
    signer,
    rekorUrl: options.rekorUrl,
    identity: async () => (await certificate()).identity,
    madeBy: async (existing, payload) => sameIdentity(existing, payload, (await certificate()).identity),
    madeStatement: async (bundle, statement) =>
      sameIdentityStatement(bundle, statement, (await certificate()).identity),
    chain: async () => (await certificate()).chain,
  });
}

interface Issued {
  readonly leaf: string;
  readonly chain: string | undefined;
  readonly notAfter: number;
  /** `<subject alternative name> (<issuer>)`, as `cosign verify --certificate-identity … --certificate-oidc-issuer …` take them. */
  readonly identity: string;
}

/** A keyless signature is this run's signer's when its certificate names the same identity and issuer. */
function sameIdentity(existing: ExistingSignature, payload: Buffer, identity: string): boolean {
  const certificate = existing.annotations[CERTIFICATE_ANNOTATION];
  if (certificate === undefined) return false;
  try {
    return identityOf(certificate) === identity && existing.digest === payloadDigest(payload);
  } catch {
    return false;
  }
}

/** A keyless bundle is this run's signer's when it signs the statement with a certificate of the same identity and issuer. */
function sameIdentityStatement(bundle: unknown, statement: Buffer, identity: string): boolean {
  const signed = signedStatement(bundle, statement);
  if (signed?.certificate === undefined) return false;
  try {
    const { publicKey } = new X509Certificate(signed.certificate);
    return (
      identityOf(signed.certificate) === identity &&
      verify('sha256', signed.signedBytes, publicKey, signed.signature)
    );
  } catch {
    return false;
  }
}

function identityOf(pem: string): string {
  const parsed = SigstoreCertificate.parse(pem);
  const san = parsed.subjectAltName ?? '(no subject alternative name)';
  // The v2 extension holds a DER UTF8String (parsed by @sigstore/core); the v1 one the raw string.
  const v2 = parsed.extension(ISSUER_V2);
  const issuer = v2
    ? ASN1Obj.parseBuffer(Buffer.from(v2.value)).value.toString('utf8')
    : parsed.extension(ISSUER_V1)?.value.toString('utf8');
  return `${san} (${issuer ?? 'no issuer'})`;
}

function payloadDigest(payload: Buffer): string {
  return `sha256:${createHash('sha256').update(payload).digest('hex')}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
