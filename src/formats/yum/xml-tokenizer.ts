import { decodeAttribute, decodeText } from './xml-entities.js';

/** Where a token lies in the source: `source.slice(start, end)` is it as written. */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** Character data: text with its references decoded, or a CDATA section's content as it is. */
export interface XmlCharacters<Kind extends 'text' | 'cdata'> extends Span {
  readonly kind: Kind;
  readonly text: string;
}

export interface XmlStartTag extends Span {
  readonly kind: 'start';
  readonly name: string;
  readonly attributes: Map<string, string>;
  /** `<name/>`: the element ends with this tag. */
  readonly selfClosing: boolean;
}

export interface XmlEndTag extends Span {
  readonly kind: 'end';
  readonly name: string;
}

export type XmlToken = XmlCharacters<'text'> | XmlCharacters<'cdata'> | XmlStartTag | XmlEndTag;

/**
 * Splits XML into text, CDATA and tags, skipping comments and processing instructions. A DOCTYPE
 * (or any other declaration) is refused, so no entity can expand. Whether the tags nest is the tree
 * builder's concern; a failure names the line it is found on.
 */
export class XmlTokenizer {
  private pos: number;

  constructor(private readonly source: string) {
    this.pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** The next token; undefined at the end of the source. */
  next(): XmlToken | undefined {
    const source = this.source;
    while (this.pos < source.length) {
      const start = this.pos;
      if (source.charCodeAt(start) !== 0x3c /* < */) return this.readText();
      if (source.startsWith('<?', start)) {
        this.pos = this.skipPast('?>', 'processing instruction') + 2;
      } else if (source.startsWith('<!--', start)) {
        this.pos = this.skipPast('-->', 'comment') + 3;
      } else if (source.startsWith('<![CDATA[', start)) {
        const end = this.skipPast(']]>', 'CDATA section');
        this.pos = end + 3;
        return { kind: 'cdata', text: source.slice(start + 9, end), start, end: this.pos };
      } else if (source.startsWith('<!', start)) {
        this.fail('DOCTYPE and other declarations are not accepted in repodata');
      } else if (source.startsWith('</', start)) {
        const end = this.skipPast('>', 'end tag');
        this.pos = end + 1;
        return { kind: 'end', name: source.slice(start + 2, end).trim(), start, end: this.pos };
      } else {
        return this.readStartTag();
      }
    }
    return undefined;
  }

  /** Throws what is wrong, with the line of `at` (where the tokenizer is, unless told). */
  fail(problem: string, at = this.pos): never {
    const line = this.source.slice(0, at).split('\n').length;
    throw new Error(`XML line ${line}: ${problem}`);
  }

  private readText(): XmlCharacters<'text'> {
    const start = this.pos;
    const next = this.source.indexOf('<', start);
    const end = next < 0 ? this.source.length : next;
    const text = decodeText(this.source.slice(start, end), (problem) => this.fail(problem));
    this.pos = end;
    return { kind: 'text', text, start, end };
  }

  private readStartTag(): XmlStartTag {
    const start = this.pos;
    this.pos++;
    const name = this.readName();
    const attributes = new Map<string, string>();
    for (;;) {
      this.skipSpace();
      if (this.source.startsWith('/>', this.pos)) {
        this.pos += 2;
        return { kind: 'start', name, attributes, selfClosing: true, start, end: this.pos };
      }
      if (this.source.charAt(this.pos) === '>') {
        this.pos++;
        return { kind: 'start', name, attributes, selfClosing: false, start, end: this.pos };
      }
      this.readAttribute(name, attributes);
    }
  }

  /** One `name="value"` of the element `element` into `attributes`. */
  private readAttribute(element: string, attributes: Map<string, string>): void {
    const source = this.source;
    const attribute = this.readName();
    this.skipSpace();
    if (source.charAt(this.pos) !== '=') this.fail(`attribute ${attribute} of <${element}> has no value`);
    this.pos++;
    this.skipSpace();
    const quote = source.charAt(this.pos);
    if (quote !== '"' && quote !== "'") this.fail(`attribute ${attribute} of <${element}> is not quoted`);
    const end = source.indexOf(quote, this.pos + 1);
    if (end < 0) this.fail(`attribute ${attribute} of <${element}> is never closed`);
    if (attributes.has(attribute)) this.fail(`<${element}> has two ${attribute} attributes`);
    attributes.set(
      attribute,
      decodeAttribute(source.slice(this.pos + 1, end), (problem) => this.fail(problem)),
    );
    this.pos = end + 1;
  }

  /** Where `terminator` starts, from here on; missing, the `what` is unterminated. */
  private skipPast(terminator: string, what: string): number {
    const end = this.source.indexOf(terminator, this.pos);
    if (end < 0) this.fail(`unterminated ${what}`);
    return end;
  }

  private readName(): string {
    NAME.lastIndex = this.pos;
    const found = NAME.exec(this.source);
    if (!found) return this.fail('a name was expected');
    this.pos += found[0].length;
    return found[0];
  }

  private skipSpace(): void {
    while (isSpace(this.source.charCodeAt(this.pos))) this.pos++;
  }
}

/** A tag or attribute name; sticky, so it matches at `lastIndex` only. One instance: compiled once. */
const NAME = /[^\s/>=<"']+/y;

/** XML's white space (space, tab, CR, LF): what may separate attributes. */
const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
