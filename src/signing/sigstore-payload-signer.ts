import { bundleToJSON } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  MessageSignatureBundleBuilder,
  RekorWitness,
  type Signer,
  type Witness,
} from '@sigstore/sign';
import type { SerializedBundle } from '@sigstore/bundle';
import type { ExistingSignature } from './cosign-signatures.js';
import type { PayloadSigner } from './payload-signer.js';

export interface SigstoreSignerOptions {
  readonly kind: PayloadSigner['kind'];
  /** Signs bytes and names its key (a public key, or a Fulcio certificate). */
  readonly signer: Signer;
  /** The Rekor every signature is logged in; undefined: none (key-based signing without a log). */
  readonly rekorUrl: string | undefined;
  readonly identity: () => Promise<string>;
  readonly madeBy: (existing: ExistingSignature, payload: Buffer) => Promise<boolean>;
  readonly madeStatement: (bundle: unknown, statement: Buffer) => Promise<boolean>;
  readonly chain: () => Promise<string | undefined>;
}

/** How long a request to Fulcio or Rekor may take, and how often it is tried again (their own retry). */
const SERVICE_OPTIONS = { timeout: 30_000, retry: { retries: 3, factor: 2, minTimeout: 500 } };

/** A PayloadSigner on @sigstore/sign's bundle builders: the same bundles `cosign` and `sigstore-js` write. */
export function sigstorePayloadSigner(options: SigstoreSignerOptions): PayloadSigner {
  const witnesses: Witness[] =
    options.rekorUrl === undefined
      ? []
      : [new RekorWitness({ rekorBaseURL: options.rekorUrl, entryType: 'dsse', ...SERVICE_OPTIONS })];
  const messages = new MessageSignatureBundleBuilder({ signer: options.signer, witnesses });
  const statements = new DSSEBundleBuilder({ signer: options.signer, witnesses });
  const serialized = async (made: Promise<Parameters<typeof bundleToJSON>[0]>): Promise<SerializedBundle> =>
    bundleToJSON(await made);
  return {
    kind: options.kind,
    identity: options.identity,
    madeBy: options.madeBy,
    madeStatement: options.madeStatement,
    chain: options.chain,
    signMessage: (payload) => serialized(messages.create({ data: payload })),
    signStatement: (statement) =>
      serialized(statements.create({ data: statement, type: 'application/vnd.in-toto+json' })),
  };
}

export { SERVICE_OPTIONS };
