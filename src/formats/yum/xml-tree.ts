/**
 * The tree `parseXml` reads, and the queries repodata readers ask of it. Names are kept as written
 * (`rpm:entry`), without namespace resolution: every repodata writer uses the conventional prefixes.
 * Each element records where it is in the source, so a `<package>` can be carried over verbatim.
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
