/** One signature of the run, as the `signatures` output and the summary show it. */
export interface SignatureRecord {
  /** What is signed: `registry/repository@sha256:…`, or a package's host path. */
  readonly subject: string;
  readonly digest: string;
  /** `cosign-signature` (the `.sig` tag), `sigstore-bundle` (a referrer), `provenance` (referrer or `.sigstore.json`). */
  readonly kind: 'cosign-signature' | 'sigstore-bundle' | 'provenance';
  /** Where it is stored: a tag (`…:sha256-<hex>.sig`), a referrer (`…@sha256:…`) or a path on the host. */
  readonly where: string;
  /** The public key's sha256, or the certificate identity (SAN and issuer). */
  readonly signer: string;
  /** `signed` by this run, or `present`: this signer's signature was already there (a re-run). */
  readonly state: 'signed' | 'present';
}
