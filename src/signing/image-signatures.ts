import type { SerializedBundle } from '@sigstore/bundle';
import type { Descriptor } from '../oci/descriptor.js';
import { UserError } from '../util/errors.js';
import { attachReferrer, manifestAndChildren } from './attach-referrer.js';
import { COSIGN_SIGN_PREDICATE } from './bundle-referrers.js';
import { cosignAnnotations } from './cosign-annotations.js';
import { existingSignatures, signatureLayer, signatureManifest, signatureTag } from './cosign-signatures.js';
import { listedBundleReferrer } from './listed-bundle-referrer.js';
import type { ArtifactBlob } from './oci-artifact.js';
import type { PayloadSigner } from './payload-signer.js';
import type { SignatureRecord } from './signature-record.js';
import type { SignatureStore } from './signature-store.js';
import { simpleSigningPayload } from './simple-signing.js';
import { imageSignStatement } from './sign-statement.js';

/** One digest's signatures, made once and written to the registry and to every mirror. */
interface Made {
  readonly layer: ArtifactBlob;
  readonly bundle: SerializedBundle;
  readonly created: Date;
}

/**
 * Signs images as `cosign sign --recursive` does, in both forms consumers read: cosign's `.sig` tag and
 * the Sigstore bundle as an OCI 1.1 referrer. Each digest is signed once per run and repository;
 * mirrors get the same signatures (named, like the image, after the main registry's repository). The
 * `.sig` manifest is written last: a digest whose `.sig` holds this signer's signature is done, and a
 * re-run leaves it.
 */
export class ImageSignatures {
  private readonly made = new Map<string, Promise<Made>>();

  constructor(private readonly signer: PayloadSigner) {}

  /** Signs the manifest `digest` names in `store` and, for an index, each of its images. */
  async sign(store: SignatureStore, digest: string, signedAs: string): Promise<SignatureRecord[]> {
    const root = await store.manifest(digest);
    if (root === undefined) {
      throw new UserError(
        store.name,
        `holds no manifest ${digest} to sign`,
        'run again: the push did not land',
      );
    }
    // The index and its images are independent of each other: signed at once (a handful of small
    // writes each, their wall time the round trips), the records kept in the index's order.
    const subjects = manifestAndChildren(digest, root);
    const signed = await Promise.all(subjects.map((subject) => this.signOne(store, subject, signedAs)));
    return signed.flat();
  }

  private async signOne(
    store: SignatureStore,
    subject: Descriptor,
    signedAs: string,
  ): Promise<SignatureRecord[]> {
    const { digest } = subject;
    const payload = simpleSigningPayload(signedAs, digest);
    const sigTag = signatureTag(digest);
    const existing = (await store.manifest(sigTag))?.bytes;
    const signer = await this.signer.identity();
    const record = (
      kind: SignatureRecord['kind'],
      where: string,
      state: SignatureRecord['state'],
    ): SignatureRecord => ({
      subject: `${store.name}@${digest}`,
      digest,
      kind,
      where,
      signer,
      state,
    });
    for (const layer of existingSignatures(existing)) {
      if (!(await this.signer.madeBy(layer, payload))) continue;
      // The bundle was written before the `.sig`: it is there too, named as a first run names it.
      const statement = imageSignStatement(signedAs, digest);
      const referrer = await listedBundleReferrer(store, digest, (bundle) =>
        this.signer.madeStatement(bundle, statement),
      );
      return [
        ...(referrer ? [record('sigstore-bundle', `${store.name}@${referrer}`, 'present')] : []),
        record('cosign-signature', `${store.name}:${sigTag}`, 'present'),
      ];
    }
    const made = await this.makeOnce(digest, payload, signedAs);
    const referrer = await attachReferrer(
      store,
      subject,
      Buffer.from(JSON.stringify(made.bundle)),
      COSIGN_SIGN_PREDICATE,
      made.created,
    );
    await store.write(signatureManifest(existing, made.layer), sigTag);
    return [
      record('sigstore-bundle', `${store.name}@${referrer}`, 'signed'),
      record('cosign-signature', `${store.name}:${sigTag}`, 'signed'),
    ];
  }

  private makeOnce(digest: string, payload: Buffer, signedAs: string): Promise<Made> {
    // The signatures name the repository too: one image pushed to two repositories is signed for each,
    // while a mirror, whose signatures name the main registry's repository, gets the same ones.
    const key = `${signedAs}@${digest}`;
    let made = this.made.get(key);
    if (!made) {
      made = this.make(digest, payload, signedAs);
      this.made.set(key, made);
      // A failure is reported by the step that awaited it; the next step may try again.
      made.catch(() => this.made.delete(key));
    }
    return made;
  }

  private async make(digest: string, payload: Buffer, signedAs: string): Promise<Made> {
    const message = await this.signer.signMessage(payload);
    const annotations = cosignAnnotations(message, await this.signer.chain());
    const bundle = await this.signer.signStatement(imageSignStatement(signedAs, digest));
    return { layer: signatureLayer(payload, annotations), bundle, created: new Date() };
  }
}
