import { describe, expect, it } from 'vitest';
import { readInputs, type InputReader } from '../../../src/action/inputs.js';
import { userErrorOf } from '../../fixtures/errors.js';

const IMAGES = 'falco:local falcosecurity/falco';
const KEY =
  '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\neyJrZGYiOnt9fQ==\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n';
const ENV = { GITHUB_REF: 'refs/tags/0.26.0', GITHUB_WORKSPACE: '/ws' };
/** What the runner sets in a job with `permissions: id-token: write`. */
const OIDC_ENV = {
  ...ENV,
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.githubusercontent.example/idtoken',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-token',
};

/** A reader backed by a map, like core.getInput: an unset input reads as ''. */
function reader(values: Readonly<Record<string, string>>): InputReader {
  return (name) => values[name] ?? '';
}

const signingOf = (values: Record<string, string>, env: NodeJS.ProcessEnv = ENV) =>
  readInputs(reader({ images: IMAGES, ...values }), env).imageSigning;

describe('image-signing defaults', () => {
  it('is none when not set, whatever the runner offers', () => {
    expect(signingOf({})).toEqual({ kind: 'none' });
    expect(signingOf({}, OIDC_ENV)).toEqual({ kind: 'none' });
    expect(signingOf({ 'image-signing': '  ' })).toEqual({ kind: 'none' });
  });

  it('keyless: the public-good Fulcio and Rekor, and the runner token service', () => {
    expect(signingOf({ 'image-signing': 'keyless' }, OIDC_ENV)).toEqual({
      kind: 'keyless',
      fulcioUrl: 'https://fulcio.sigstore.dev',
      rekorUrl: 'https://rekor.sigstore.dev',
      oidc: {
        requestUrl: OIDC_ENV.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: OIDC_ENV.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      },
    });
  });

  it('key: the key text and password as given, logged in the public-good Rekor', () => {
    expect(
      signingOf({ 'image-signing': 'Key', 'cosign-key': `\n${KEY}`, 'cosign-password': ' pass ' }),
    ).toEqual({
      kind: 'key',
      key: KEY.trim(),
      password: ' pass ',
      rekorUrl: 'https://rekor.sigstore.dev',
    });
  });

  it('key with an empty password, which cosign allows', () => {
    expect(signingOf({ 'image-signing': 'key', 'cosign-key': KEY })).toMatchObject({
      kind: 'key',
      password: '',
    });
  });

  it('key with transparency-log false: no Rekor at all', () => {
    const signing = signingOf({ 'image-signing': 'key', 'cosign-key': KEY, 'transparency-log': 'FALSE' });
    expect(signing).toEqual({ kind: 'key', key: KEY.trim(), password: '', rekorUrl: undefined });
  });

  it('transparency-log true is the default, said out loud', () => {
    expect(signingOf({ 'image-signing': 'keyless', 'transparency-log': 'true' }, OIDC_ENV)).toMatchObject({
      rekorUrl: 'https://rekor.sigstore.dev',
    });
  });
});

describe('a private Sigstore', () => {
  it('takes https URLs, without a trailing slash', () => {
    const signing = signingOf(
      {
        'image-signing': 'keyless',
        'sigstore-fulcio-url': 'https://fulcio.internal.example/',
        'sigstore-rekor-url': ' https://rekor.internal.example:8443// ',
      },
      OIDC_ENV,
    );
    expect(signing).toMatchObject({
      fulcioUrl: 'https://fulcio.internal.example',
      rekorUrl: 'https://rekor.internal.example:8443',
    });
  });

  it.each([
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('takes plain http on loopback: %s', (given, expected) => {
    const signing = signingOf({ 'image-signing': 'key', 'cosign-key': KEY, 'sigstore-rekor-url': given });
    expect(signing).toMatchObject({ rekorUrl: expected });
  });
});

describe('image-signing refuses, naming the input', () => {
  it.each<
    [label: string, values: Record<string, string>, env: NodeJS.ProcessEnv, subject: string, problem: string]
  >([
    [
      'cosign-key with image-signing none',
      { 'cosign-key': KEY },
      ENV,
      'cosign-key',
      "is set, but image-signing is 'none'",
    ],
    [
      'cosign-password with image-signing none',
      { 'cosign-password': 'secret' },
      ENV,
      'cosign-password',
      "is set, but image-signing is 'none'",
    ],
    [
      'cosign-key with image-signing keyless',
      { 'image-signing': 'keyless', 'cosign-key': KEY },
      OIDC_ENV,
      'cosign-key',
      "is set, but image-signing is 'keyless'",
    ],
    [
      'image-signing key without cosign-key',
      { 'image-signing': 'key', 'cosign-password': 'secret' },
      ENV,
      'cosign-key',
      "is empty, but image-signing is 'key'",
    ],
    [
      'image-signing key with a blank cosign-key',
      { 'image-signing': 'key', 'cosign-key': ' \n ' },
      ENV,
      'cosign-key',
      'is empty',
    ],
    [
      'transparency-log false with keyless',
      { 'image-signing': 'keyless', 'transparency-log': 'false' },
      OIDC_ENV,
      'transparency-log',
      "is 'false', but keyless signatures are only checkable through their log entry",
    ],
    [
      'a transparency-log that is not a boolean',
      { 'image-signing': 'key', 'cosign-key': KEY, 'transparency-log': 'off' },
      ENV,
      'transparency-log',
      "'off' is not a boolean",
    ],
    [
      'an unknown image-signing',
      { 'image-signing': 'gpg' },
      ENV,
      'image-signing',
      'write one of: none, keyless, key',
    ],
    [
      'a Rekor URL over http off loopback',
      { 'image-signing': 'key', 'cosign-key': KEY, 'sigstore-rekor-url': 'http://rekor.internal.example' },
      ENV,
      'sigstore-rekor-url',
      "'http://rekor.internal.example' is not https",
    ],
    [
      'a Fulcio URL over http on a host that only starts like loopback',
      { 'image-signing': 'keyless', 'sigstore-fulcio-url': 'http://127.0.0.1.nip.example:3000' },
      OIDC_ENV,
      'sigstore-fulcio-url',
      'is not https',
    ],
    [
      'a Fulcio URL of another scheme',
      { 'image-signing': 'keyless', 'sigstore-fulcio-url': 'ftp://fulcio.internal.example' },
      OIDC_ENV,
      'sigstore-fulcio-url',
      'is not https',
    ],
    [
      'a Rekor URL that is not a URL',
      { 'image-signing': 'key', 'cosign-key': KEY, 'sigstore-rekor-url': 'rekor.internal.example' },
      ENV,
      'sigstore-rekor-url',
      "'rekor.internal.example' is not a URL",
    ],
    [
      // Checked whatever the mode: a bad URL is a mistake even where it is not used.
      'a bad Rekor URL with image-signing none',
      { 'sigstore-rekor-url': 'http://rekor.internal.example' },
      ENV,
      'sigstore-rekor-url',
      'is not https',
    ],
  ])('%s', (_label, values, env, subject, problem) => {
    const error = userErrorOf(() => readInputs(reader({ images: IMAGES, ...values }), env));
    expect(error.subject).toBe(subject);
    expect(error.message.startsWith(`${subject}: `)).toBe(true);
    expect(error.message).toContain(problem);
  });

  it.each([
    ['no ACTIONS_ID_TOKEN_REQUEST_URL', { ...OIDC_ENV, ACTIONS_ID_TOKEN_REQUEST_URL: undefined }],
    ['no ACTIONS_ID_TOKEN_REQUEST_TOKEN', { ...OIDC_ENV, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined }],
    ['neither', ENV],
  ])(
    'keyless without the runner token service (%s), saying which permission the job needs',
    (_label, env) => {
      const error = userErrorOf(() =>
        readInputs(reader({ images: IMAGES, 'image-signing': 'keyless' }), env),
      );
      expect(error.subject).toBe('image-signing');
      expect(error.problem).toContain('ACTIONS_ID_TOKEN_REQUEST_URL is not set');
      expect(error.remedy).toContain('`permissions: id-token: write`');
    },
  );

  it.each(['keyless', 'key'])('image-signing %s with no images to sign (packages only)', (mode) => {
    const values = {
      packages: 'build/*.deb',
      'package-host': '/srv/packages',
      'image-signing': mode,
      ...(mode === 'key' ? { 'cosign-key': KEY } : {}),
    };
    const error = userErrorOf(() => readInputs(reader(values), OIDC_ENV));
    expect(error.subject).toBe('image-signing');
    expect(error.message).toContain(`is '${mode}', but images is empty`);
  });

  it('never echoes the key or the password in an error', () => {
    const password = 'hunter2-Secret';
    const error = userErrorOf(() =>
      readInputs(reader({ images: IMAGES, 'cosign-key': KEY, 'cosign-password': password }), ENV),
    );
    expect(error.message).not.toContain(password);
    expect(error.message).not.toContain('eyJrZGYiOnt9fQ');
  });
});
