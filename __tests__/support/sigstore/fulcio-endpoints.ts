import { verify as verifySignature } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { fulcioHandler, type CA } from '@sigstore/mock/dist/fulcio/index.js';
import type { GitHubOidcIssuer } from './github-oidc.js';
import { errorReply, jsonReply, parseJson, type EndpointHandler } from './http.js';

/**
 * The claim the mock copies into the certificate's SAN. Fulcio writes `https://github.com/<job_workflow_ref>`
 * for GitHub's issuer, a value no single claim holds, so the stand-in adds it under this name.
 */
const SAN_CLAIM = 'standin_subject_uri';

/** The SAN URI Fulcio writes for a GitHub job. */
export const githubSubjectUri = (jobWorkflowRef: string): string => `https://github.com/${jobWorkflowRef}`;

interface SigningCertRequest {
  credentials?: { oidcIdentityToken?: string };
  publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string };
}

/**
 * `POST /api/v2/signingCert` as Fulcio serves it for GitHub: the token must be the issuer's, for Sigstore
 * (else 401), and the request must prove the key by signing the token's `sub` (else 400). The mock CA then
 * issues the certificate with the SAN above and the GitHub extensions it derives from the claims.
 */
export function signingCertEndpoint(ca: CA, issuer: GitHubOidcIssuer): EndpointHandler {
  const mock = fulcioHandler(ca, { subjectClaim: SAN_CLAIM });
  return async ({ body }) => {
    const request = parseJson(body) as SigningCertRequest | undefined;
    if (!request) return errorReply(400, 'the request body is not JSON');
    const token = request.credentials?.oidcIdentityToken ?? '';
    const claims = await issuer.verify(token).catch(() => undefined);
    if (!claims) return errorReply(401, 'There was an error processing the identity token');
    const publicKey = request.publicKeyRequest?.publicKey?.content ?? '';
    const proof = Buffer.from(request.publicKeyRequest?.proofOfPossession ?? '', 'base64');
    if (!proves(publicKey, claims.sub ?? '', proof)) {
      return errorReply(400, 'The signature supplied in the request could not be verified');
    }
    // The mock reads the claims without checking the signature, which was checked above.
    const withSan = new UnsecuredJWT({
      ...claims,
      [SAN_CLAIM]: githubSubjectUri(String(claims.job_workflow_ref)),
    });
    const forwarded = { ...request, credentials: { oidcIdentityToken: withSan.encode() } };
    const reply = await mock.fn(JSON.stringify(forwarded));
    return { status: reply.statusCode, body: reply.response, contentType: reply.contentType ?? 'text/plain' };
  };
}

/** Whether `proof` is a signature of `subject` by the PEM key. */
function proves(publicKeyPem: string, subject: string, proof: Buffer): boolean {
  try {
    return verifySignature('sha256', Buffer.from(subject), publicKeyPem, proof);
  } catch {
    return false;
  }
}

/** `GET /api/v2/trustBundle`: the CA's chains, each as PEM certificates (the mock CA has only a root). */
export function trustBundleEndpoint(ca: CA): EndpointHandler {
  return async () => jsonReply(200, { chains: [{ certificates: [toPem(ca.rootCertificate)] }] });
}

function toPem(der: ArrayBufferView): string {
  const base64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
}
