import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../run-action.js';
import { displayedLog, findLeaks, formsOf, secretsOf } from '../services/secrets-audit.js';

// The audit every end-to-end run goes through (run-action.ts): it must catch each form a secret could
// be printed in, and only secrets.
const PASSWORD = 'p@ss word/93+';
const ARMOR = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  'Comment: https://example.invalid/key',
  '',
  'xVgEZZH7gBYJKwYBBAHaRw8BAQdAbcdefghijklmnopqrstuvwxyz0123456',
  'AAEAq7fMCx1bnJvcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw==',
  '=AbCd',
  '-----END PGP PRIVATE KEY BLOCK-----',
].join('\n');

const inputs = {
  'registry-username': 'falco',
  'registry-password': PASSWORD,
  'signing-key': ARMOR,
  'signing-passphrase': 'sign-phrase-1',
  's3-session-token': 'token-value-5',
  'my-client-secret': 'client-secret-6',
  'package-host': 's3://bucket/packages',
};
const env = { AWS_SECRET_ACCESS_KEY: 'aws-secret-7', AWS_SESSION_TOKEN: 'aws-session-8', PATH: '/bin' };
const secrets = secretsOf(inputs, env, [{ name: 'bearer token 1', value: 'eyJhbGciOi.issued.token' }]);
const leaksIn = (text: string): string[] => findLeaks({ stdout: text }, secrets, 'falco').map((l) => l.form);

describe('secrets audit', () => {
  it('takes the secret inputs, the AWS secret variables and the extra values, and nothing else', () => {
    expect(secrets.map((secret) => secret.name).sort()).toEqual([
      'bearer token 1',
      'env AWS_SECRET_ACCESS_KEY',
      'env AWS_SESSION_TOKEN',
      'input my-client-secret',
      'input registry-password',
      'input s3-session-token',
      'input signing-key',
      'input signing-passphrase',
    ]);
  });

  it('catches a secret printed plain', () => {
    for (const value of [
      PASSWORD,
      'sign-phrase-1',
      'token-value-5',
      'aws-secret-7',
      'eyJhbGciOi.issued.token',
    ]) {
      expect(leaksIn(`a line with ${value} in it`).length, value).toBeGreaterThan(0);
    }
  });

  it('catches a secret URL-encoded', () => {
    expect(leaksIn(`https://u:${encodeURIComponent(PASSWORD)}@host/`)).toEqual([
      'input registry-password (URL-encoded)',
    ]);
  });

  it('catches the base64 of user:password, as a Basic header carries it', () => {
    const basic = Buffer.from(`falco:${PASSWORD}`).toString('base64');
    expect(leaksIn(`Authorization: Basic ${basic}`)).toEqual([
      'input registry-password (base64 of user:password)',
    ]);
  });

  it('catches any line of a multi-line secret, but not the armor framing', () => {
    expect(leaksIn('AAEAq7fMCx1bnJvcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw==')).toEqual([
      'input signing-key (line 5)',
    ]);
    expect(leaksIn('xVgEZZH7gBYJKwYBBAHaRw8BAQdAbcdefghijklmnopqrstuvwxyz0123456')).toEqual([
      'input signing-key (line 4)',
    ]);
    const framing = [
      '-----BEGIN PGP PRIVATE KEY BLOCK-----',
      'Comment: https://example.invalid/key',
      '=AbCd',
    ];
    expect(leaksIn(framing.join('\n'))).toEqual([]);
    expect(formsOf({ name: 'k', value: ARMOR }).map((form) => form.label)).toEqual([
      'k',
      'k (URL-encoded)',
      'k (line 4)',
      'k (line 5)',
    ]);
  });

  it('looks at every text it is given and names where a leak was', () => {
    const leaks = findLeaks({ stdout: 'clean', 'job summary': `| ${PASSWORD} |` }, secrets, 'falco');
    expect(leaks).toEqual([{ form: 'input registry-password', where: 'job summary' }]);
  });

  it('does not count the ::add-mask:: commands a runner consumes', () => {
    const log = `::add-mask::${PASSWORD}\nLog in to registry\n`;
    expect(leaksIn(displayedLog(log))).toEqual([]);
    expect(leaksIn(log).length).toBeGreaterThan(0);
  });

  it('fails a real run of the action whose log shows a secret', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'secrets-audit-'));
    try {
      // The action prints the ref it publishes; here the ref is also the value of a secret variable.
      const inputs = { ref: 'refs/tags/0.26.0', packages: '*.deb', 'package-host': join(workspace, 'host') };
      const env = { AWS_SECRET_ACCESS_KEY: 'refs/tags/0.26.0' };
      await expect(runAction(inputs, env, workspace)).rejects.toThrow('env AWS_SECRET_ACCESS_KEY in stdout');
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
