import { fileXml, versionXml } from './primary-xml.js';
import { escapeAttribute as a } from './xml-escape.js';
import type { YumPackageFile } from './yum-package.js';

export function filelistsPackageXml(file: YumPackageFile): string {
  const { pkg } = file;
  return [
    `<package pkgid="${a(file.sha256)}" name="${a(pkg.name)}" arch="${a(pkg.arch)}">`,
    `  ${versionXml(pkg)}`,
    ...pkg.files.map((entry) => `  ${fileXml(entry)}`),
    `</package>`,
  ].join('\n');
}
