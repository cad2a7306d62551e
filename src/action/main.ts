import * as core from '@actions/core';
import { readInputs } from './inputs.js';
import { portsFor } from './wiring.js';
import { publish } from './publish.js';
import { outputsOf } from './report/outputs.js';
import { renderSummary } from './report/summary.js';
import { UserError } from '../util/errors.js';
import { basicAuthValue } from '../util/basic-auth.js';
import { showLocalLog } from './local-log.js';
import type { Logger } from '../util/logger.js';

const coreLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (title, fn) => core.group(title, fn),
};

/** The entry's start: outside a runner the log is shown as a runner would display it, then the action. */
export async function main(): Promise<void> {
  if (process.env.GITHUB_ACTIONS !== 'true') showLocalLog(process.env);
  await run();
}

/** The action: inputs → release → plan → publish → outputs. The one place that fails the step. */
export async function run(): Promise<void> {
  try {
    maskSecrets();
    // A password is taken as given: spaces at its ends are part of it.
    const config = readInputs(
      (name) => core.getInput(name, { trimWhitespace: name !== 'cosign-password' }),
      process.env,
    );
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    // Built once publish has said which release it publishes (it awaits them right after): loading a
    // chunk of the bundle reads and compiles it at once, which would hold back that first line.
    const ports = Promise.resolve().then(() =>
      portsFor(config, coreLogger, (secret) => core.setSecret(secret), workspace),
    );
    // A bad ref fails publish before it awaits the ports: their failure is then not the one to report.
    ports.catch(() => undefined);
    const result =
      config.mode.kind === 'revert-latest'
        ? await (await import('./revert-latest.js')).revertLatest(config, ports, coreLogger)
        : config.mode.kind === 'unpublish' || config.mode.kind === 'resign'
          ? await (await import('./host-maintenance.js')).maintainHost(config, ports, coreLogger)
          : await publish(config, ports, coreLogger, workspace);
    for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value);
    // Outside a runner (local runs, the demo) there is no summary file to write to.
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(result)).write();
  } catch (error) {
    if (error instanceof UserError) core.setFailed(error.message);
    else core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

/** Masked before anything can print them: the runner then hides them in every log line. */
function maskSecrets(): void {
  const username = core.getInput('registry-username');
  const password = core.getInput('registry-password');
  if (password) {
    core.setSecret(password);
    core.setSecret(basicAuthValue(username, password));
  }
  // The package host's password (an HTTP host's, Bintray's API key) goes as HTTP Basic too, its token as Bearer.
  const hostUsername = core.getInput('package-host-username');
  const hostPassword = core.getInput('package-host-password');
  if (hostPassword) {
    core.setSecret(hostPassword);
    core.setSecret(basicAuthValue(hostUsername, hostPassword));
  }
  const hostToken = core.getInput('package-host-token');
  if (hostToken) core.setSecret(hostToken);
  // The signing key is many lines: each one is masked too, as a log may show a key line by line.
  const signingKey = core.getInput('signing-key');
  for (const secret of [signingKey, ...signingKey.split(/\r?\n/).filter((line) => line.trim().length >= 8)]) {
    if (secret.trim()) core.setSecret(secret.trim());
  }
  // The cosign key is masked whole and line by line, like the signing key; its password too.
  const cosignKey = core.getInput('cosign-key');
  for (const secret of [cosignKey, ...cosignKey.split(/\r?\n/).filter((line) => line.trim().length >= 8)]) {
    if (secret.trim()) core.setSecret(secret.trim());
  }
  const cosignPassword = core.getInput('cosign-password');
  if (cosignPassword) core.setSecret(cosignPassword);
  const passphrase = core.getInput('signing-passphrase');
  if (passphrase) core.setSecret(passphrase);
  // The job's token by default: masked even when another host is used, since it is always passed.
  const githubToken = core.getInput('github-token');
  if (githubToken) core.setSecret(githubToken);
  // The S3 host reads the standard AWS variables (what aws-actions/configure-aws-credentials sets).
  // ACTIONS_ID_TOKEN_REQUEST_TOKEN lets its holder ask for OIDC tokens in the workflow's name.
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
    const secret = process.env[name];
    if (secret) core.setSecret(secret);
  }
}
