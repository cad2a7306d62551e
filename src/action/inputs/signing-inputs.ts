import { isLoopback } from '../../registry/endpoint.js';
import { UserError } from '../../util/errors.js';
import { boolean, oneOf, type InputReader } from './input-values.js';
import { runnerContext } from '../../signing/provenance-context.js';

/** The public-good Sigstore instance: what `cosign sign` uses when told nothing else. */
export const PUBLIC_FULCIO = 'https://fulcio.sigstore.dev';
export const PUBLIC_REKOR = 'https://rekor.sigstore.dev';

/** The runner's OIDC token service, present in a job with `permissions: id-token: write`. */
export interface RunnerOidcEnv {
  readonly requestUrl: string;
  readonly requestToken: string;
}

export type ImageSigning =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'keyless';
      readonly fulcioUrl: string;
      readonly rekorUrl: string;
      readonly oidc: RunnerOidcEnv;
    }
  | {
      readonly kind: 'key';
      /** The text of cosign.key (encrypted), and its password (may be empty, as cosign allows). */
      readonly key: string;
      readonly password: string;
      /** Where each signature is logged; undefined with `transparency-log: false`. */
      readonly rekorUrl: string | undefined;
    };

/** A private or public Sigstore and the runner's token: what keyless signing needs. */
export interface KeylessSigning {
  readonly fulcioUrl: string;
  readonly rekorUrl: string;
  readonly oidc: RunnerOidcEnv;
}

export interface SigningInputs {
  readonly imageSigning: ImageSigning;
  /** `provenance: true`: SLSA build provenance for every image digest and package, signed keyless. */
  readonly provenance: KeylessSigning | undefined;
}

/** The image-signing inputs, checked together: each mode has its own secrets, refused in the other. */
export function readSigningInputs(
  input: InputReader,
  env: NodeJS.ProcessEnv,
  hasImages: boolean,
): SigningInputs {
  const kind = oneOf('image-signing', input('image-signing').trim() || 'none', [
    'none',
    'keyless',
    'key',
  ] as const);
  const key = input('cosign-key').trim();
  const password = input('cosign-password');
  const fulcioUrl = serviceUrl('sigstore-fulcio-url', input('sigstore-fulcio-url'), PUBLIC_FULCIO);
  const rekorUrl = serviceUrl('sigstore-rekor-url', input('sigstore-rekor-url'), PUBLIC_REKOR);
  const logged =
    input('transparency-log').trim() === '' || boolean('transparency-log', input('transparency-log'));
  if (kind !== 'key' && (key || password)) {
    throw new UserError(
      key ? 'cosign-key' : 'cosign-password',
      `is set, but image-signing is '${kind}'`,
      'set image-signing: key to sign with the cosign key, or remove cosign-key and cosign-password',
    );
  }
  if (kind !== 'none' && !hasImages) {
    throw new UserError(
      'image-signing',
      `is '${kind}', but images is empty`,
      'set images, or image-signing: none',
    );
  }
  const provenance = boolean('provenance', input('provenance'))
    ? { fulcioUrl, rekorUrl, oidc: runnerOidc(env, 'provenance', "is 'true'") }
    : undefined;
  if (provenance) runnerContext(env);
  return {
    imageSigning: readImageSigning(kind, { key, password, logged, fulcioUrl, rekorUrl }, env),
    provenance,
  };
}

function readImageSigning(
  kind: ImageSigning['kind'],
  given: { key: string; password: string; logged: boolean; fulcioUrl: string; rekorUrl: string },
  env: NodeJS.ProcessEnv,
): ImageSigning {
  const { key, password, logged, fulcioUrl, rekorUrl } = given;
  switch (kind) {
    case 'none':
      return { kind };
    case 'keyless': {
      if (!logged) {
        throw new UserError(
          'transparency-log',
          "is 'false', but keyless signatures are only checkable through their log entry",
          'remove transparency-log, or sign with image-signing: key',
        );
      }
      return { kind, fulcioUrl, rekorUrl, oidc: runnerOidc(env, 'image-signing', "is 'keyless'") };
    }
    case 'key':
      if (!key) {
        throw new UserError(
          'cosign-key',
          "is empty, but image-signing is 'key'",
          'set cosign-key to the contents of cosign.key (from a secret), or use image-signing: keyless',
        );
      }
      return { kind, key, password, rekorUrl: logged ? rekorUrl : undefined };
  }
}

/** Refused up front: without the token service, keyless signing would fail after the images were pushed. */
function runnerOidc(env: NodeJS.ProcessEnv, input: string, setting: string): RunnerOidcEnv {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) {
    throw new UserError(
      input,
      `${setting}, but the runner gives this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)`,
      'add `permissions: id-token: write` to the job',
    );
  }
  return { requestUrl, requestToken };
}

/** https, or plain http only on loopback (a private Sigstore for tests). */
function serviceUrl(name: string, value: string, fallback: string): string {
  const given = value.trim();
  if (given === '') return fallback;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UserError(name, `'${given}' is not a URL`, 'write e.g. https://fulcio.example.com');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.host))) {
    throw new UserError(name, `'${given}' is not https`, 'use an https URL (plain http only on loopback)');
  }
  return given.replace(/\/+$/, '');
}
