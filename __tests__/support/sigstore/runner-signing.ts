import { X509Certificate } from 'node:crypto';
import { bundleToJSON, type Bundle } from '@sigstore/bundle';
import {
  CIContextProvider,
  FulcioSigner,
  MessageSignatureBundleBuilder,
  RekorWitness,
  type BundleBuilderOptions,
} from '@sigstore/sign';
import { vi } from 'vitest';
import type { SigstoreStandin } from '../sigstore-standin.js';

/** Other ways CIContextProvider finds a token: unset, so the runner's endpoint is the one used. */
const OTHER_TOKEN_SOURCES = ['SIGSTORE_ID_TOKEN', 'BUILDKITE'];

/** Runs `work` in this process as a runner job would, with the stand-in's token variables; restores the environment. */
export async function asRunnerJob<T>(standin: SigstoreStandin, work: () => Promise<T>): Promise<T> {
  OTHER_TOKEN_SOURCES.forEach((name) => vi.stubEnv(name, undefined));
  Object.entries(standin.runnerEnv).forEach(([name, value]) => vi.stubEnv(name, value));
  try {
    return await work();
  } finally {
    vi.unstubAllEnvs();
  }
}

/** Keyless signing as on a runner: a Fulcio certificate for the job's token, the signature logged in Rekor. */
export function keyless(standin: SigstoreStandin, retries = 0): BundleBuilderOptions {
  const retry = { retries, minTimeout: 1, maxTimeout: 1 };
  return {
    signer: new FulcioSigner({
      identityProvider: new CIContextProvider('sigstore'),
      fulcioBaseURL: standin.fulcioUrl,
      retry,
    }),
    witnesses: [new RekorWitness({ rekorBaseURL: standin.rekorUrl, retry })],
  };
}

/** A bundle as it is written to a file and read back. */
export const serialized = (bundle: Bundle): unknown => JSON.parse(JSON.stringify(bundleToJSON(bundle)));

/** A keyless message-signature bundle over `data`, serialized; `retries` for each service call. */
export const signMessage = (standin: SigstoreStandin, data: Buffer, retries = 0): Promise<unknown> =>
  asRunnerJob(standin, async () =>
    serialized(await new MessageSignatureBundleBuilder(keyless(standin, retries)).create({ data })),
  );

interface SerializedMaterial {
  certificate?: { rawBytes: string };
  x509CertificateChain?: { certificates: { rawBytes: string }[] };
}

/** The signing certificate of a serialized bundle (v0.3 holds it alone, v0.2 first in a chain). */
export function certificateOf(bundle: unknown): X509Certificate {
  const material = (bundle as { verificationMaterial: SerializedMaterial }).verificationMaterial;
  const certificate = material.certificate ?? material.x509CertificateChain?.certificates[0];
  return new X509Certificate(Buffer.from(certificate?.rawBytes ?? '', 'base64'));
}
