/**
 * The deb822 paragraphs of control files, Packages and Release: `Name: value` lines, continuation lines
 * starting with a space or tab, paragraphs separated by blank lines. Values are kept verbatim (the
 * continuation lines with their leading space, without the final newline) so an index rewrites every
 * stanza it did not change byte for byte.
 */
export type Field = readonly [name: string, value: string];

export function parseStanzas(text: string): Field[][] {
  const stanzas: Field[][] = [];
  let current: [string, string][] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length > 0) stanzas.push(current);
      current = [];
      return;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const last = current.at(-1);
      if (!last) throw new Error(`line ${index + 1}: a continuation line with no field before it`);
      last[1] = `${last[1]}\n${line}`;
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`line ${index + 1}: '${line}' is not a 'Name: value' field`);
    current.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  });
  if (current.length > 0) stanzas.push(current);
  return stanzas;
}

/** One stanza, each line ending in a newline; a value whose first line is empty starts on the next line. */
export function renderStanza(fields: readonly Field[]): string {
  return fields.map(([name, value]) => `${name}:${firstLineOf(value) === '' ? '' : ' '}${value}\n`).join('');
}

const firstLineOf = (value: string): string => value.split('\n', 1)[0] ?? '';

/** The value of a field, names compared case-insensitively as deb822 requires. */
export function fieldValue(fields: readonly Field[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return fields.find(([candidate]) => candidate.toLowerCase() === lower)?.[1];
}
