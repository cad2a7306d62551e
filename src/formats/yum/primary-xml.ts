import type { RpmDependency, RpmFile } from '../rpm/rpm-package.js';
import { primaryFiles, repodataDependencies, repodataRequires } from './createrepo-rules.js';
import { escapeAttribute as a, escapeText as t } from './xml-escape.js';
import type { YumPackageFile } from './yum-package.js';

/** One `<package>` of primary.xml, laid out as createrepo_c writes it. */
export function primaryPackageXml(file: YumPackageFile): string {
  const { pkg } = file;
  const lines = [
    `<package type="rpm">`,
    `  <name>${t(pkg.name)}</name>`,
    `  <arch>${t(pkg.arch)}</arch>`,
    `  ${versionXml(pkg)}`,
    `  <checksum type="sha256" pkgid="YES">${t(file.sha256)}</checksum>`,
    `  <summary>${t(pkg.summary)}</summary>`,
    `  <description>${t(pkg.description)}</description>`,
    `  <packager>${t(pkg.packager ?? '')}</packager>`,
    `  <url>${t(pkg.url ?? '')}</url>`,
    `  <time file="${file.time}" build="${pkg.buildTime}"/>`,
    `  <size package="${file.size}" installed="${pkg.installedSize}" archive="${pkg.archiveSize ?? 0}"/>`,
    `  <location href="${a(file.location)}"/>`,
    `  <format>`,
    `    <rpm:license>${t(pkg.license)}</rpm:license>`,
    `    <rpm:vendor>${t(pkg.vendor ?? '')}</rpm:vendor>`,
    `    <rpm:group>${t(pkg.group ?? '')}</rpm:group>`,
    `    <rpm:buildhost>${t(pkg.buildhost ?? '')}</rpm:buildhost>`,
    `    <rpm:sourcerpm>${t(pkg.sourcerpm ?? '')}</rpm:sourcerpm>`,
    `    <rpm:header-range start="${pkg.headerStart}" end="${pkg.headerEnd}"/>`,
    ...dependenciesXml('provides', repodataDependencies(pkg.provides)),
    ...dependenciesXml('requires', repodataRequires(pkg)),
    ...dependenciesXml('conflicts', repodataDependencies(pkg.conflicts)),
    ...dependenciesXml('obsoletes', repodataDependencies(pkg.obsoletes)),
    ...primaryFiles(pkg.files).map((file) => `    ${fileXml(file)}`),
    `  </format>`,
    `</package>`,
  ];
  return lines.join('\n');
}

/** `<version epoch= ver= rel=/>`, shared by the three files; no epoch is written as 0. */
export function versionXml(pkg: { epoch?: number; version: string; release: string }): string {
  return `<version epoch="${pkg.epoch ?? 0}" ver="${a(pkg.version)}" rel="${a(pkg.release)}"/>`;
}

/** `<file>`, typed when not a plain file; shared with filelists.xml. */
export function fileXml(file: RpmFile): string {
  const type = file.type === 'file' ? '' : ` type="${file.type}"`;
  return `<file${type}>${t(file.path)}</file>`;
}

/**
 * An `<rpm:provides>` (or requires, conflicts, obsoletes) block, omitted when empty. A versioned entry
 * without an epoch says epoch="0", as createrepo_c does; `pre` only appears on requires.
 */
function dependenciesXml(kind: string, dependencies: readonly RpmDependency[]): string[] {
  if (dependencies.length === 0) return [];
  const entries = dependencies.map((dependency) => {
    let attributes = ` name="${a(dependency.name)}"`;
    if (dependency.flags) {
      attributes += ` flags="${dependency.flags}"`;
      const version = dependency.version ?? '';
      const epoch = dependency.epoch || (version !== '' ? '0' : '');
      if (epoch !== '') attributes += ` epoch="${a(epoch)}"`;
      if (version !== '') attributes += ` ver="${a(version)}"`;
      if (dependency.release) attributes += ` rel="${a(dependency.release)}"`;
    }
    if (kind === 'requires' && dependency.pre) attributes += ` pre="1"`;
    return `      <rpm:entry${attributes}/>`;
  });
  return [`    <rpm:${kind}>`, ...entries, `    </rpm:${kind}>`];
}
