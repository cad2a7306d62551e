import { fieldValue, parseStanzas, renderStanza } from './control-stanza.js';
import type { AptEntry } from './apt-entry.js';
import { debianVersionProblem } from './debian-version.js';

/** Reads a Packages index (ours, apt-ftparchive's or dpkg-scanpackages'), each stanza kept as written. */
export function parsePackages(text: string): AptEntry[] {
  return parseStanzas(text).map((fields, index) => {
    const required = (name: string): string => {
      const value = fieldValue(fields, name);
      if (value === undefined || value === '') {
        throw new Error(`Packages stanza ${index + 1}: no ${name} field`);
      }
      return value;
    };
    const version = required('Version');
    // Checked here, so that sorting and retention never meet a version they cannot order.
    const problem = debianVersionProblem(version);
    if (problem !== undefined)
      throw new Error(`Packages stanza ${index + 1}: Version '${version}': ${problem}`);
    return {
      fields,
      package: required('Package'),
      version,
      architecture: required('Architecture'),
      filename: required('Filename'),
    };
  });
}

/** Stanzas as apt-ftparchive writes them: each followed by one blank line; no stanza, no bytes. */
export function renderPackages(entries: readonly AptEntry[]): string {
  return entries.map((entry) => `${renderStanza(entry.fields)}\n`).join('');
}
