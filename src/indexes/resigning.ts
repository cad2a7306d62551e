import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readPackageContents } from '../formats/package-contents.js';
import { rpmSigningState } from '../formats/rpm/rpm-signature-packets.js';
import { signRpm } from '../formats/rpm/sign-rpm.js';
import { placeOfPath, type RepositoryPlace } from '../package-layout/host-layout.js';
import { NO_CACHE, type ObjectStore, type RepositoryStore } from '../stores/object-store.js';
import { UserError } from '../util/errors.js';
import { mapConcurrent } from '../util/map-concurrent.js';
import type { IndexFormat } from './index-format.js';
import type { IndexKeeper, UpdateSettings } from './index-keeper.js';
import { indexPackage, type IndexedPackage } from './indexed-package.js';
import { listedPackages } from './listed-packages.js';
import { RepositoryFiles } from './repository-files.js';
import type { RepositoryReport } from './repository-updater.js';
import type { Signing } from './signing.js';

/** What `mode: resign` signs again in one repository: everything the current key did not sign. */
export interface PlannedResigning {
  readonly root: string;
  readonly format: RepositoryPlace['format'];
  /** The packages the repository holds (its index's, or a tarball tree's files), by host path. */
  readonly packages: readonly string[];
  /** Index signatures (and plain-name copies) that do not match the state as this key signs it. */
  readonly indexes: readonly string[];
  /** Packages whose `.asc` is missing or another key's (host paths of the packages). */
  readonly signatures: readonly string[];
  /** .rpm packages whose header signature is missing or another key's (`rpm-header-signatures`). */
  readonly rpmHeaders: readonly string[];
  /**
   * Provenance bundles of those rpms: they attest the bytes before the new header signature, which
   * `gh attestation verify` would then refuse, so they are deleted.
   */
  readonly staleBundles: readonly string[];
}

/** Reads in flight while a repository is surveyed: a small `.asc` or an rpm's first KiBs each. */
const SURVEY = 8;

/**
 * Surveys one repository, reading only: which index signatures, `.asc` files and rpm header signatures
 * the current key did not make. A signature is judged by its issuer (no package is downloaded to tell):
 * one this key made is left alone, so a re-run after a stop, or after the rotation is done, writes
 * nothing. Undefined for a repository the host does not have.
 */
export async function planResigning(
  target: RepositoryStore,
  place: RepositoryPlace,
  index: { readonly keeper: IndexKeeper; readonly staleFiles: () => Promise<string[]> } | undefined,
  signing: Signing,
  headerSignatures: boolean,
): Promise<PlannedResigning | undefined> {
  const { root, format } = place;
  const { store } = target;
  const files = await RepositoryFiles.list(store, root);
  if (files.keys.length === 0) return undefined;
  const onHost = new Set(files.keys);
  const packages = index
    ? await listedPackages(index.keeper, target, root, true)
    : files.keys.filter((key) => placeOfPath(key)?.root === root);
  const missing = packages.find((pkg) => !onHost.has(pkg));
  if (missing !== undefined) {
    throw new UserError(
      `package-host: ${missing}`,
      `is listed by the ${root} index but is not on the host, so it cannot be signed again`,
      'publish it again, or take it out with mode: unpublish, then run again',
    );
  }
  const rpms = headerSignatures && format === 'yum' ? packages.filter((pkg) => pkg.endsWith('.rpm')) : [];
  const headerSigned = await mapConcurrent(rpms, SURVEY, (rpm) => rpmSignedByKey(store, rpm, signing));
  const rpmHeaders = rpms.filter((_rpm, i) => !headerSigned[i]);
  const rewritten = new Set(rpmHeaders);
  const ascSigned = await mapConcurrent(packages, SURVEY, async (pkg) => {
    if (rewritten.has(pkg)) return false; // new bytes, new signature
    const asc = await store.get(`${pkg}.asc`);
    return asc !== undefined && signing.check.issuedByThisKey({ armored: asc.bytes.toString('utf8') });
  });
  return {
    root,
    format,
    packages,
    indexes: index ? await index.staleFiles() : [],
    signatures: packages.filter((_pkg, i) => !ascSigned[i]),
    rpmHeaders,
    staleBundles: rpmHeaders.map((rpm) => `${rpm}.sigstore.json`).filter((key) => onHost.has(key)),
  };
}

/**
 * Whether any OpenPGP signature in the rpm's signature header is this key's (reads only its headers); a
 * UserError for an rpm no header signature can be made for, before anything is written.
 */
async function rpmSignedByKey(store: ObjectStore, path: string, signing: Signing): Promise<boolean> {
  const stream = await store.open(path);
  if (stream === undefined) return false;
  const subject = `package-host: ${path}`;
  let packets: Uint8Array[];
  try {
    ({ packets } = await rpmSigningState(stream, subject));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(
      subject,
      `cannot be signed in its header (${error.problem})`,
      "set rpm-header-signatures: 'false' to sign only its .asc, or take it out with mode: unpublish",
    );
  }
  for (const binary of packets) if (await signing.check.issuedByThisKey({ binary })) return true;
  return false;
}

/**
 * The index's signatures and plain-name copies that do not match its current state as this key signs
 * it: what an index update with this key would write. Reads only.
 */
export async function staleDerivedFiles<Entry, State>(
  format: IndexFormat<Entry, State>,
  store: ObjectStore,
  root: string,
  signing: Signing,
): Promise<string[]> {
  const state = await store.get(`${root}/${format.stateKey}`);
  if (state === undefined) return [];
  const stale: string[] = [];
  for (const file of format.derived(store, root, state.bytes, signing)) {
    if (!(await file.matches((await store.get(file.key))?.bytes))) stale.push(file.key);
  }
  return stale;
}

/** Writes a local file over a package of the host (its sha256 given, as the host records it). */
export type ReplacePackage = (path: string, localFile: string, sha256: string) => Promise<void>;

/** What re-signing needs beside the plan. */
export interface ResigningContext {
  readonly target: RepositoryStore;
  /** Puts a re-signed rpm in place of the old: the host's own write, so it carries the metadata the host reads. */
  readonly replacePackage: ReplacePackage;
  readonly keeper: IndexKeeper | undefined;
  readonly signing: Signing;
  /** Under which a directory holds each package while it is signed (the runner's temp). */
  readonly tempRoot: string;
  readonly settings: Omit<UpdateSettings, 'target' | 'root' | 'pruning' | 'signing'>;
}

/**
 * Signs one repository again, one package at a time (each downloaded to a temporary file, so memory
 * stays bounded whatever its size): rpm headers first, each rpm put back in place with its new `.asc`
 * (and its provenance bundle, which attests the old bytes, deleted); then the other `.asc` files; then
 * the index, updated with the re-signed rpms (their checksums changed) and signed again. Every file
 * replaced is reported `rewritten`, for the CDN.
 */
export async function resign(
  planned: PlannedResigning,
  context: ResigningContext,
): Promise<RepositoryReport> {
  const { target, replacePackage, keeper, signing } = context;
  const { store } = target;
  const dir = await mkdtemp(join(context.tempRoot, 'resign-'));
  const rewritten: string[] = [];
  const packageSignatures: string[] = [];
  const reindexed: IndexedPackage[] = [];
  const putSignature = async (pkg: string, localFile: string): Promise<void> => {
    const signature = await signing.signer.detachSignFile(localFile);
    const key = `${pkg}.asc`;
    await store.put(key, Buffer.from(signature, 'utf8'), {
      cacheControl: NO_CACHE,
      contentType: 'application/pgp-signature',
    });
    packageSignatures.push(key);
    rewritten.push(key);
  };
  try {
    for (const [n, rpm] of planned.rpmHeaders.entries()) {
      const downloaded = await download(store, rpm, join(dir, `${n}.in.rpm`));
      // Under its own name, in a folder of its own: readers of the package may name it by its file.
      await mkdir(join(dir, `${n}`));
      const signed = join(dir, `${n}`, basename(rpm));
      await signRpm(downloaded, signed, (bytes) => signing.signer.signStably(bytes));
      const contents = await readPackageContents(signed, 'rpm');
      await replacePackage(rpm, signed, contents.hashes.sha256);
      rewritten.push(rpm);
      await putSignature(rpm, signed);
      reindexed.push(indexPackage({ path: rpm, localFile: signed, contents }));
      const bundle = `${rpm}.sigstore.json`;
      if (planned.staleBundles.includes(bundle)) {
        await store.delete(bundle);
        rewritten.push(bundle);
      }
      await rm(downloaded, { force: true });
      await rm(signed, { force: true });
    }
    const headersDone = new Set(planned.rpmHeaders);
    for (const [n, pkg] of planned.signatures.entries()) {
      if (headersDone.has(pkg)) continue;
      const local = await download(store, pkg, join(dir, `asc-${n}`));
      await putSignature(pkg, local);
      await rm(local, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const report = {
    root: planned.root,
    signatures: packageSignatures.length,
    packageSignatures,
    headersSigned: planned.rpmHeaders,
    removed: [],
  };
  if (keeper === undefined) return { ...report, rewritten };
  const result = await keeper.update(
    { ...context.settings, target, root: planned.root, pruning: undefined, signing },
    reindexed,
  );
  return { ...report, ...result, removed: [], rewritten: [...rewritten, ...result.rewritten].sort() };
}

async function download(store: ObjectStore, key: string, file: string): Promise<string> {
  const body = await store.open(key);
  if (body === undefined) {
    throw new UserError(
      `package-host: ${key}`,
      'was deleted while the repository was being signed again',
      'run again: the next run surveys the repository afresh',
    );
  }
  await pipeline(body, createWriteStream(file));
  return file;
}
