import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { vi } from 'vitest';
import { signatureCheck } from '../../src/formats/openpgp/signature-check.js';
import type * as OpenHost from '../../src/hosts/open-host.js';
import { madeFalcoBuild } from './made-packages.js';
import { describePublishRepositories } from './publish-repositories-suite.js';

vi.mock('../../src/hosts/open-host.js', async (importOriginal) => {
  const original = await importOriginal<typeof OpenHost>();
  return { ...original, openPackageHost: vi.fn(original.openPackageHost) };
});

// Packages written byte by byte here, signatures checked with the public key (openpgp). The tools
// suite runs the same tests on packages dpkg-deb and rpmbuild build, and checks signatures with gpgv.
describePublishRepositories({
  build: madeFalcoBuild,
  async verifier(key) {
    const check = await signatureCheck(key.publicKey);
    return {
      clearSigned: (path) =>
        check.clearSigned(readFileSync(path, 'utf8'), readFileSync(join(dirname(path), 'Release'), 'utf8')),
      detached: (signature, data) => check.detached(readFileSync(signature, 'utf8'), readFileSync(data)),
    };
  },
});
