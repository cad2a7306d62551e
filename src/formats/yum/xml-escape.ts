/**
 * Escaping for the repodata XML we write, chosen to match createrepo_c's output (libxml2 serializing a
 * node that belongs to no document) byte for byte, so our documents diff cleanly against theirs:
 * text escapes `& < >` and CR; attributes also escape `"`, tab and newline, and write every non-ASCII
 * character as a hexadecimal character reference.
 */
export function escapeText(value: string): string {
  assertXmlCharacters(value);
  return value.replace(/[&<>\r]/g, (c) => TEXT[c] ?? c);
}

export function escapeAttribute(value: string): string {
  assertXmlCharacters(value);
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0) ?? 0;
    out += ATTRIBUTE[c] ?? (code > 0x7f ? `&#x${code.toString(16).toUpperCase()};` : c);
  }
  return out;
}

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE: Record<string, string> = {
  ...TEXT,
  '"': '&quot;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/**
 * XML 1.0 cannot carry control characters other than tab, newline and carriage return, nor U+FFFE,
 * U+FFFF or unpaired surrogates; createrepo_c refuses such a package too, rather than write a file
 * dnf cannot parse.
 */
function assertXmlCharacters(value: string): void {
  // With the `u` flag a surrogate range only matches unpaired halves; pairs are one code point.
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u.exec(value);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new XmlCharacterError(`U+${code}`, value);
  }
}

/** A value holding a character XML 1.0 cannot carry; whoever knows where the value came from names it. */
export class XmlCharacterError extends Error {
  override readonly name = 'XmlCharacterError';
  constructor(
    /** `U+0007`. */
    readonly character: string,
    readonly value: string,
  ) {
    // JSON-quoted: the character itself would be invisible in a log line, or break it.
    super(`${character} cannot be written in repodata XML (in ${JSON.stringify(value.slice(0, 80))})`);
  }
}
