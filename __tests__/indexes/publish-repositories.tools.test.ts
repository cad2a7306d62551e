import { join } from 'node:path';
import { vi } from 'vitest';
import type * as OpenHost from '../../src/hosts/open-host.js';
import { useTools } from '../formats/fixtures/tools.js';
import { dearmorKeyring, gpgv } from '../formats/openpgp/gpg-tools.js';
import { falcoBuild } from './falco-packages.js';
import { describePublishRepositories } from './publish-repositories-suite.js';

vi.mock('../../src/hosts/open-host.js', async (importOriginal) => {
  const original = await importOriginal<typeof OpenHost>();
  return { ...original, openPackageHost: vi.fn(original.openPackageHost) };
});

useTools('dpkg-deb', 'rpmbuild', 'gpg', 'gpgv');

// Packages built by dpkg-deb and rpmbuild; the real gpgv checks every signature.
describePublishRepositories({
  build: falcoBuild,
  async verifier(key, work) {
    const keyring = dearmorKeyring(key.publicKey, join(work, 'key.gpg'));
    return {
      clearSigned: async (path) => gpgv(keyring, path).ok,
      detached: async (signature, data) => gpgv(keyring, signature, data).ok,
    };
  },
});
