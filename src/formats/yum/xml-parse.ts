/**
 * A small XML reader for repodata: elements, attributes, text, CDATA, comments and processing
 * instructions, with the five predefined entities and character references. Names are kept as written
 * (`rpm:entry`), without namespace resolution: every repodata writer uses the conventional prefixes.
 * A DOCTYPE is refused, so no entity can expand. Each element records where it is in the source, so a
 * `<package>` can be carried over verbatim.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  /** `source.slice(start, end)` is the element as written, from `<` to the last `>`. */
  readonly start: number;
  readonly end: number;
}

export type XmlNode = XmlElement | string;

interface Building {
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
  start: number;
  end: number;
}

export function parseXml(source: string): XmlElement {
  const stack: Building[] = [];
  let root: Building | undefined;
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (problem: string): never => {
    const line = source.slice(0, pos).split('\n').length;
    throw new Error(`XML line ${line}: ${problem}`);
  };
  const skipPast = (terminator: string, what: string): number => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    return end;
  };

  while (pos < source.length) {
    const current = stack.at(-1);
    if (source.charCodeAt(pos) !== 0x3c /* < */) {
      const next = source.indexOf('<', pos);
      const end = next < 0 ? source.length : next;
      const text = decodeText(source.slice(pos, end), fail);
      if (current) current.children.push(text);
      else if (text.trim() !== '') fail('text outside the root element');
      pos = end;
      continue;
    }
    if (source.startsWith('<?', pos)) {
      pos = skipPast('?>', 'processing instruction') + 2;
    } else if (source.startsWith('<!--', pos)) {
      pos = skipPast('-->', 'comment') + 3;
    } else if (source.startsWith('<![CDATA[', pos)) {
      const end = skipPast(']]>', 'CDATA section');
      if (!current) fail('CDATA outside the root element');
      current?.children.push(source.slice(pos + 9, end));
      pos = end + 3;
    } else if (source.startsWith('<!', pos)) {
      fail('DOCTYPE and other declarations are not accepted in repodata');
    } else if (source.startsWith('</', pos)) {
      const end = skipPast('>', 'end tag');
      const name = source.slice(pos + 2, end).trim();
      if (!current || current.name !== name) fail(`</${name}> does not close <${current?.name ?? ''}>`);
      stack.pop();
      pos = end + 1;
      if (current) current.end = pos;
    } else {
      const element = readStartTag();
      if (current) current.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)?.name ?? ''}> is never closed`);
  if (!root) return fail('no root element');
  return root;

  function readStartTag(): Building {
    const start = pos;
    pos++;
    const name = readName();
    const element: Building = { name, attributes: new Map(), children: [], start, end: start };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        element.end = pos;
        return element;
      }
      if (source.charAt(pos) === '>') {
        pos++;
        stack.push(element);
        return element;
      }
      const attribute = readName();
      skipSpace();
      if (source.charAt(pos) !== '=') fail(`attribute ${attribute} of <${name}> has no value`);
      pos++;
      skipSpace();
      const quote = source.charAt(pos);
      if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} of <${name}> is not quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail(`attribute ${attribute} of <${name}> is never closed`);
      if (element.attributes.has(attribute)) fail(`<${name}> has two ${attribute} attributes`);
      element.attributes.set(attribute, decodeAttribute(source.slice(pos + 1, end), fail));
      pos = end + 1;
    }
  }

  function readName(): string {
    NAME.lastIndex = pos;
    const found = NAME.exec(source);
    if (!found) return fail('a name was expected');
    pos += found[0].length;
    return found[0];
  }

  function skipSpace(): void {
    while (isSpace(source.charCodeAt(pos))) pos++;
  }
}

/** A tag or attribute name; sticky, so it matches at `lastIndex` only. One instance: compiled once. */
const NAME = /[^\s/>=<"']+/y;

/** XML's white space (space, tab, CR, LF): what may separate attributes. */
const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML line-end handling: CRLF and lone CR read as LF; an escaped CR (`&#13;`) stays a CR. */
function decodeText(raw: string, fail: (problem: string) => never): string {
  return decodeReferences(raw.replace(/\r\n?/g, '\n'), fail);
}

/** Attribute-value normalization: literal tab, CR and LF read as spaces; escaped ones stay. */
function decodeAttribute(raw: string, fail: (problem: string) => never): string {
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

/** The child elements with this name (all of them without one). */
export function elements(parent: XmlElement, name?: string): XmlElement[] {
  return parent.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

/** The one child element with this name; missing is an error. */
export function element(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.find((child) => typeof child !== 'string' && child.name === name);
  if (!found || typeof found === 'string') throw new Error(`<${parent.name}> has no <${name}>`);
  return found;
}

export function optionalElement(parent: XmlElement, name: string): XmlElement | undefined {
  return elements(parent, name)[0];
}

/** The text content of an element (its direct text and CDATA). */
export function textOf(node: XmlElement): string {
  return node.children.filter((child): child is string => typeof child === 'string').join('');
}

/** A required attribute. */
export function attribute(node: XmlElement, name: string): string {
  const value = node.attributes.get(name);
  if (value === undefined) throw new Error(`<${node.name}> has no ${name} attribute`);
  return value;
}
