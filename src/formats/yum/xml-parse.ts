import { XmlTokenizer } from './xml-tokenizer.js';
import type { XmlElement, XmlNode } from './xml-tree.js';

/** An element while its children are read; its `end` is set when its end tag is read. */
interface Building {
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
  start: number;
  end: number;
}

/**
 * A small XML reader for repodata: elements, attributes, text, CDATA, comments and processing
 * instructions, with the five predefined entities and character references. The tokenizer reads the
 * tags; this builds the tree from them, checking that they nest and that there is one root.
 */
export function parseXml(source: string): XmlElement {
  const tokens: XmlTokenizer = new XmlTokenizer(source);
  const stack: Building[] = [];
  let root: Building | undefined;
  for (let token = tokens.next(); token !== undefined; token = tokens.next()) {
    const current = stack.at(-1);
    if (token.kind === 'text') {
      if (current) current.children.push(token.text);
      else if (token.text.trim() !== '') tokens.fail('text outside the root element', token.start);
    } else if (token.kind === 'cdata') {
      if (!current) tokens.fail('CDATA outside the root element', token.start);
      current.children.push(token.text);
    } else if (token.kind === 'end') {
      if (!current || current.name !== token.name) {
        tokens.fail(`</${token.name}> does not close <${current?.name ?? ''}>`, token.start);
      }
      stack.pop();
      current.end = token.end;
    } else {
      const { name, attributes, start, end } = token;
      const element: Building = { name, attributes, children: [], start, end };
      if (!token.selfClosing) stack.push(element);
      if (current) current.children.push(element);
      else if (root) tokens.fail('a second root element');
      else root = element;
    }
  }
  if (stack.length > 0) tokens.fail(`<${stack.at(-1)?.name ?? ''}> is never closed`);
  if (!root) return tokens.fail('no root element');
  return root;
}
