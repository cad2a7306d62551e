/**
 * What a workflow's log readers could see of a secret: every form in which the action could print it.
 * Used on every end-to-end run (run-action.ts): a runner masks the values it was told about, but only
 * in the exact form it was told, so the action must not print a secret in any form at all.
 */

/** A secret value and where it came from (an input or variable name: the report names it, never the value). */
export interface Secret {
  readonly name: string;
  readonly value: string;
}

/** One form of a secret to look for, e.g. `registry-password (URL-encoded)`. */
export interface SecretForm {
  readonly label: string;
  readonly text: string;
}

/** Inputs whose value is a secret by name: the credentials and the signing key, and any password, token or secret. */
const SECRET_INPUT =
  /^(registry-password|signing-key|signing-passphrase|cosign-key)$|-password$|-token$|secret/i;
/** Variables of the environment whose value is a secret (AWS's SDK reads them). */
const SECRET_VARIABLES = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
] as const;
/** Shorter lines of a multi-line secret (an armor checksum `=AbCd`, blank lines) say nothing of it. */
const MIN_LINE_LENGTH = 8;
/** The armor's framing and headers (`-----BEGIN PGP PRIVATE KEY BLOCK-----`, `Comment: ...`) are not secret. */
const ARMOR_FRAMING = /^-----(BEGIN|END) [A-Z0-9 ]+-----$|^[A-Za-z][A-Za-z-]*: /;

/** The secrets of one run: secret inputs, secret variables, and the extra values a test names. */
export function secretsOf(
  inputs: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string>>,
  extra: readonly Secret[] = [],
): Secret[] {
  const found: Secret[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    if (SECRET_INPUT.test(name)) found.push({ name: `input ${name}`, value });
  }
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    if (value !== undefined) found.push({ name: `env ${name}`, value });
  }
  return [...found, ...extra].filter((secret) => secret.value.trim() !== '');
}

/**
 * Every form to look for: the value, URL-encoded, base64 of `user:value` when a user goes with it
 * (an HTTP Basic header), and each line of a multi-line value but the armor's framing.
 */
export function formsOf(secret: Secret, user?: string): SecretForm[] {
  const forms: SecretForm[] = [{ label: `${secret.name}`, text: secret.value }];
  const encoded = encodeURIComponent(secret.value);
  if (encoded !== secret.value) forms.push({ label: `${secret.name} (URL-encoded)`, text: encoded });
  if (user !== undefined && user !== '') {
    const basic = Buffer.from(`${user}:${secret.value}`).toString('base64');
    forms.push({ label: `${secret.name} (base64 of user:password)`, text: basic });
  }
  const lines = secret.value.split(/\r?\n/).map((line) => line.trim());
  if (lines.length > 1) {
    lines.forEach((line, index) => {
      if (line.length >= MIN_LINE_LENGTH && !ARMOR_FRAMING.test(line)) {
        forms.push({ label: `${secret.name} (line ${index + 1})`, text: line });
      }
    });
  }
  return forms;
}

/** Where a form of a secret showed: the label of the form and of the text it showed in. */
export interface Leak {
  readonly form: string;
  readonly where: string;
}

/** Every form of every secret found in the named texts (stdout, stderr, outputs, summary). */
export function findLeaks(
  texts: Readonly<Record<string, string>>,
  secrets: readonly Secret[],
  user?: string,
): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    for (const form of formsOf(secret, user)) {
      for (const [where, text] of Object.entries(texts)) {
        if (text.includes(form.text)) leaks.push({ form: form.label, where });
      }
    }
  }
  return leaks;
}

/** The log as a runner displays it: workflow commands that the runner consumes (`::add-mask::`) are not shown. */
export function displayedLog(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** One line per leak, naming the secret and the form but never the value. */
export function describeLeaks(leaks: readonly Leak[]): string {
  return `secrets appeared in the action's output: ${leaks.map((l) => `${l.form} in ${l.where}`).join('; ')}`;
}
