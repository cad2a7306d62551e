/** The five entities XML predefines; a DOCTYPE, which could declare more, is refused. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML line-end handling: CRLF and lone CR read as LF; an escaped CR (`&#13;`) stays a CR. */
export function decodeText(raw: string, fail: (problem: string) => never): string {
  return decodeReferences(raw.replace(/\r\n?/g, '\n'), fail);
}

/** Attribute-value normalization: literal tab, CR and LF read as spaces; escaped ones stay. */
export function decodeAttribute(raw: string, fail: (problem: string) => never): string {
  return decodeReferences(raw.replace(/\r\n|[\t\n\r]/g, ' '), fail);
}

/** An attribute value or text as written (entities and character references) → its characters. */
export function decodeEntities(raw: string): string {
  return decodeReferences(raw, (problem) => {
    throw new Error(problem);
  });
}

function decodeReferences(raw: string, fail: (problem: string) => never): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) return fail(`'${whole}' is not a complete entity reference`);
    const named = ENTITIES[name];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]+$/.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff) return fail(`unknown entity &${name};`);
    return String.fromCodePoint(code);
  });
}
