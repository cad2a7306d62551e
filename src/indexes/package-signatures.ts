import type { Signer } from '../formats/openpgp/signer.js';
import { NO_CACHE, type RepositoryStore } from '../stores/object-store.js';
import type { IndexedPackage } from './indexed-package.js';

const ASC = 'application/pgp-signature';

/**
 * Writes `<package>.asc` beside each package: always for a package this run wrote (its content is
 * new), otherwise only where the signature is missing. Returns the signatures written.
 */
export async function signPackages(
  target: RepositoryStore,
  signer: Signer,
  packages: readonly IndexedPackage[],
  written: ReadonlySet<string>,
): Promise<string[]> {
  const signed: string[] = [];
  for (const pkg of packages) {
    const key = `${pkg.path}.asc`;
    if (!written.has(pkg.path) && (await target.store.head(key)) !== undefined) continue;
    // Streamed: a package can be a GiB, and signing must not hold it in memory.
    const signature = await signer.detachSignFile(pkg.localFile);
    await target.store.put(key, Buffer.from(signature, 'utf8'), { cacheControl: NO_CACHE, contentType: ASC });
    signed.push(key);
  }
  return signed;
}
