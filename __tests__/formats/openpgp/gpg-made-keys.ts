import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNING_TOOL_PACKAGES } from './gpg-tools.js';

export const GPG_PASSPHRASE = 'gpg made this';

/**
 * A secret key made and exported by real gpg, as Falco's maintainers would put it in the `signing-key`
 * secret: protected with gpg's own S2K and cipher. `usages` are the primary's, then one subkey's.
 */
export function gpgMadeKey(primaryUsage: 'sign' | 'cert', subkey?: { algo: string; usage: string }): string {
  const home = mkdtempSync(join(tmpdir(), 'gpg-made-'));
  const gpg = (...args: string[]): string => {
    const result = spawnSync(
      'gpg',
      ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', GPG_PASSPHRASE, ...args],
      { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } },
    );
    if (result.error || result.status !== 0) {
      throw new Error(
        `gpg ${args.join(' ')} failed (${result.error?.message ?? result.stderr}); ` +
          `apt-get install -y --no-install-recommends ${SIGNING_TOOL_PACKAGES}`,
      );
    }
    return result.stdout;
  };
  try {
    gpg('--quick-gen-key', 'Falco gpg test <gpg@falco.invalid>', 'ed25519', primaryUsage, 'never');
    const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg('--with-colons', '--list-secret-keys'))?.[1];
    if (!fingerprint) throw new Error('gpg listed no fingerprint');
    if (subkey) gpg('--quick-add-key', fingerprint, subkey.algo, subkey.usage, 'never');
    return gpg('--armor', '--export-secret-keys', fingerprint);
  } finally {
    // gpg started an agent for this home: stop it before removing its socket directory.
    spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']);
    rmSync(home, { recursive: true, force: true });
  }
}
