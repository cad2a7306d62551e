import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Descriptor } from '../oci/descriptor.js';
import type { PackageHost } from '../hosts/host.js';
import { targetName } from '../image-drivers/image-target.js';
import { attachReferrer, hasReferrer, manifestAndChildren } from '../signing/attach-referrer.js';
import { SLSA_PROVENANCE_PREDICATE } from '../signing/bundle-referrers.js';
import { statementBytes, type Subject } from '../signing/in-toto.js';
import { provenanceStatement } from '../signing/provenance.js';
import { imageSubject, packageSubject } from '../signing/provenance-subjects.js';
import type { SignatureRecord } from '../signing/signature-record.js';
import type { SignatureStore } from '../signing/signature-store.js';
import { UserError } from '../util/errors.js';
import type { AttestProvenanceStep } from './plan/steps.js';
import type { ProvenancePort } from './ports.js';
import type { SignatureStores } from './signature-stores.js';

/** One place provenance goes: an image digest in a repository, or a package's bundle path on the host. */
type Place =
  | {
      readonly kind: 'image';
      readonly store: SignatureStore;
      readonly subject: Descriptor;
      readonly present: boolean;
    }
  | {
      readonly kind: 'package';
      readonly path: string;
      readonly sha256: string;
      readonly present: boolean;
      /** A bundle is there, but for the content this run replaced: it is written over. */
      readonly stale: boolean;
    };

export interface AttestContext {
  readonly port: ProvenancePort;
  readonly stores: SignatureStores | undefined;
  readonly host: PackageHost | undefined;
  /** The digest the step's tag has (pushed by this run, or read from the registry). */
  readonly digestOf: (image: AttestProvenanceStep['images'][number]) => Promise<string>;
}

/**
 * Attests build provenance for a run: one SLSA statement naming every image digest (each index and its
 * images) and every package, signed keyless once, attached to each image as a referrer on every registry
 * and written beside each package as `<path>.sigstore.json`. Where it is already there (a re-run), it is
 * left alone; when it is everywhere, nothing is signed.
 */
export async function attestProvenance(
  step: AttestProvenanceStep,
  context: AttestContext,
): Promise<SignatureRecord[]> {
  const { places, subjects } = await findPlaces(step, context);
  const missing = places.filter((place) => !place.present);
  const signer = await context.port.signer.identity();
  let bundle: Buffer | undefined;
  if (missing.length > 0) {
    const statement = statementBytes(provenanceStatement(subjects, context.port.runner));
    bundle = Buffer.from(JSON.stringify(await context.port.signer.signStatement(statement)));
  }
  const created = new Date();
  const records: SignatureRecord[] = [];
  const staging = bundle ? await mkdtemp(join(context.port.tempDir, 'provenance-')) : undefined;
  try {
    for (const place of places) {
      const base = {
        kind: 'provenance' as const,
        signer,
        state: place.present ? 'present' : 'signed',
      } as const;
      if (place.kind === 'image') {
        const where =
          place.present || !bundle
            ? `${place.store.name}:${place.subject.digest.replace(':', '-')}`
            : `${place.store.name}@${await attachReferrer(place.store, place.subject, bundle, SLSA_PROVENANCE_PREDICATE, created)}`;
        records.push({
          ...base,
          subject: `${place.store.name}@${place.subject.digest}`,
          digest: place.subject.digest,
          where,
        });
      } else {
        const path = `${place.path}.sigstore.json`;
        if (!place.present && bundle && staging) {
          await putBundle(context.host, path, bundle, staging, place.stale);
        }
        records.push({ ...base, subject: place.path, digest: `sha256:${place.sha256}`, where: path });
      }
    }
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
  return records;
}

/** Every digest and package the statement names, and whether each already has its provenance. */
async function findPlaces(
  step: AttestProvenanceStep,
  context: AttestContext,
): Promise<{ places: Place[]; subjects: Subject[] }> {
  const places: Place[] = [];
  const subjects: Subject[] = [];
  const main = step.images[0] ? targetName(step.images[0].registry) : undefined;
  for (const image of step.images) {
    if (!context.stores) throw new Error('provenance of images needs the signature stores');
    const store = context.stores(image.registry, image.repository);
    const digest = await context.digestOf(image);
    const content = await store.manifest(digest);
    if (content === undefined)
      throw new UserError(image.target, `holds no manifest ${digest} to attest`, 'run again');
    for (const subject of manifestAndChildren(digest, content)) {
      const present = await hasReferrer(store, subject.digest, SLSA_PROVENANCE_PREDICATE);
      places.push({ kind: 'image', store, subject, present });
      if (targetName(image.registry) === main) {
        const host = image.registry.kind === 'registry' ? image.registry.host : targetName(image.registry);
        subjects.push(imageSubject(host, image.repository, subject.digest));
      }
    }
  }
  for (const pkg of step.packages) {
    if (!context.host) throw new Error('provenance of packages needs the package host');
    const there = (await context.host.existing(`${pkg.path}.sigstore.json`)) !== undefined;
    const stale = there && pkg.replaced;
    places.push({ kind: 'package', path: pkg.path, sha256: pkg.sha256, present: there && !stale, stale });
    subjects.push(packageSubject(pkg.path, pkg.sha256));
  }
  return { places, subjects };
}

/** The host takes files: the bundle is staged in the runner's temp first. */
async function putBundle(
  host: PackageHost | undefined,
  path: string,
  bundle: Buffer,
  staging: string,
  replace: boolean,
): Promise<void> {
  if (!host) throw new Error('provenance of packages needs the package host');
  const file = join(staging, path.replaceAll('/', '_'));
  await writeFile(file, bundle);
  const sha256 = createHash('sha256').update(bundle).digest('hex');
  await host.put(path, file, { sha256, replace });
}
