import { COSIGN_SIGN_PREDICATE } from './bundle-referrers.js';

/**
 * The in-toto statement cosign's bundle format signs for an image: the image named by its repository,
 * its digest the subject, no predicate. A verifier checks the subject digest against the image.
 */
export function imageSignStatement(dockerReference: string, digest: string): Buffer {
  const [algorithm, hex] = digest.split(':');
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: dockerReference, digest: { [algorithm ?? 'sha256']: hex } }],
    predicateType: COSIGN_SIGN_PREDICATE,
    predicate: {},
  };
  return Buffer.from(JSON.stringify(statement), 'utf8');
}
