import { repodataChangelogs } from './createrepo-rules.js';
import { versionXml } from './primary-xml.js';
import { metadataDocument } from './repodata-documents.js';
import { escapeAttribute as a, escapeText as t } from './xml-escape.js';
import type { YumPackageFile } from './yum-package.js';

/** other.xml: the changelog of every package (the newest ten entries, as createrepo_c keeps). */
export function renderOther(packages: readonly YumPackageFile[]): string {
  return metadataDocument('other', packages.map(otherPackageXml));
}

export function otherPackageXml(file: YumPackageFile): string {
  const { pkg } = file;
  return [
    `<package pkgid="${a(file.sha256)}" name="${a(pkg.name)}" arch="${a(pkg.arch)}">`,
    `  ${versionXml(pkg)}`,
    ...repodataChangelogs(pkg.changelogs).map(
      (entry) => `  <changelog author="${a(entry.author)}" date="${entry.date}">${t(entry.text)}</changelog>`,
    ),
    `</package>`,
  ].join('\n');
}
