/**
 * The three repodata documents around their `<package>` elements, byte for byte as createrepo_c writes
 * them: declaration, root with namespaces and package count, one package per line block, and no
 * newline after the closing root tag.
 */
export type MetadataKind = 'primary' | 'filelists' | 'other';

const ROOTS: Record<MetadataKind, { name: string; namespaces: string }> = {
  primary: {
    name: 'metadata',
    namespaces:
      'xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm"',
  },
  filelists: { name: 'filelists', namespaces: 'xmlns="http://linux.duke.edu/metadata/filelists"' },
  other: { name: 'otherdata', namespaces: 'xmlns="http://linux.duke.edu/metadata/other"' },
};

/** The root element's name of each document: what a reader checks before trusting one. */
export const rootElementOf = (kind: MetadataKind): string => ROOTS[kind].name;

export function metadataDocument(kind: MetadataKind, packages: readonly string[]): string {
  const { name, namespaces } = ROOTS[kind];
  const body = packages.map((xml) => `${xml}\n`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${name} ${namespaces} packages="${packages.length}">\n${body}</${name}>`
  );
}
