import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Signer } from '../formats/openpgp/signer.js';
import { signRpm } from '../formats/rpm/sign-rpm.js';

/** Signs each .rpm in its header before it is hashed, indexed and published (`rpm-header-signatures`). */
export interface RpmHeaderSigning {
  /** The path of a signed copy of the rpm: what the run publishes in its place. */
  sign(file: string): Promise<string>;
  /** Removes the signed copies (after the run published them). */
  close(): Promise<void>;
}

/**
 * The signed copies live in a directory of their own under `tempRoot` (the runner's temporary
 * directory): the workspace's files are never changed, so a re-run signs the same input again.
 */
export async function rpmHeaderSigning(signer: Signer, tempRoot: string): Promise<RpmHeaderSigning> {
  const dir = await mkdtemp(join(tempRoot, 'rpm-header-signing-'));
  let copies = 0;
  return {
    sign: async (file) => {
      // One directory per copy: two rpms of one name from different folders must not meet.
      const into = join(dir, String(copies++));
      await mkdir(into);
      const signed = join(into, basename(file));
      await signRpm(file, signed, (bytes) => signer.signStably(bytes));
      return signed;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
