import { filelistsPackageXml } from '../../../src/formats/yum/filelists-xml.js';
import { otherPackageXml } from '../../../src/formats/yum/other-xml.js';
import { primaryPackageXml } from '../../../src/formats/yum/primary-xml.js';
import { metadataDocument } from '../../../src/formats/yum/repodata-documents.js';
import type { YumPackageFile } from '../../../src/formats/yum/yum-package.js';

// Whole repodata documents of some packages, as the tests compare them with createrepo_c's and read them
// back; the action itself renders them from indexed entries (repodata.ts).

/** primary.xml for these packages, in the order given. */
export const renderPrimary = (packages: readonly YumPackageFile[]): string =>
  metadataDocument('primary', packages.map(primaryPackageXml));

/** filelists.xml: every file of every package, directories and %ghost files marked. */
export const renderFilelists = (packages: readonly YumPackageFile[]): string =>
  metadataDocument('filelists', packages.map(filelistsPackageXml));

/** other.xml: the changelog of every package (the newest ten entries, as createrepo_c keeps). */
export const renderOther = (packages: readonly YumPackageFile[]): string =>
  metadataDocument('other', packages.map(otherPackageXml));
